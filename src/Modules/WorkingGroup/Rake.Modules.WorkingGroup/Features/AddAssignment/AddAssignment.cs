using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.AddAssignment;

internal sealed record AddAssignmentRequest([ScreenedText] string? Title, string? Assignee, DateOnly? DueDate, Guid? DecisionId)
{
    public const int AssigneeMax = 256;
}

internal static class AddAssignmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/assignments", async (Guid id, AddAssignmentRequest request, AddAssignmentHandler h,
                CancellationToken ct) => Results.Created($"meetings/{id}", await h.HandleAsync(id, request, ct)))
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(MyAssignmentsEndpoint.Tag).WithSummary("Give an assignment to a named person of the region with a due date.");
}

internal sealed class AddAssignmentValidator : WgValidator<AddAssignmentRequest>
{
    public AddAssignmentValidator(TextCatalog texts, WgLookup lookup) : base(texts)
    {
        RequiredText(r => r.Title, Limits.Name);
        RequiredText(r => r.Assignee, AddAssignmentRequest.AssigneeMax);
        Required(r => r.DueDate);
        RuleFor(r => r.Assignee)
            .MustAsync(async (name, ct) => string.IsNullOrWhiteSpace(name) || name.Trim().Length > AddAssignmentRequest.AssigneeMax
                || await lookup.RegionUserAsync(name, ct) is not null)
            .WithMessage((_, name) => Texts.Get("wg.validation.unknownUser", name!.Trim()));
    }
}

internal sealed class AddAssignmentHandler(
    WorkingGroupDbContext db, WgLookup lookup, ModuleMapper<WorkingGroupModule> mapper, TextCatalog texts, IRequestContext actor,
    TimeProvider clock)
{
    public async Task<AssignmentDto> HandleAsync(Guid meetingId, AddAssignmentRequest request, CancellationToken ct)
    {
        var assignment = await AddAsync(meetingId, request, ct);
        await db.SaveChangesAsync(ct);
        return mapper.Map<AssignmentDto>(new OnDay<Assignment>(assignment, Helsinki.Today(clock)));
    }

    /// <summary>Adds the assignment without saving, so a compilation's decisions and their assignments are stored together.</summary>
    public async Task<Assignment> AddAsync(Guid meetingId, AddAssignmentRequest request, CancellationToken ct)
    {
        await lookup.MeetingAsync(meetingId, ct);
        if (request.DecisionId is not { } decisionId || db.Decisions.Local.All(d => d.Id != decisionId))
        {
            await DecisionOfMeeting.DemandAsync(db, texts, meetingId, request.DecisionId, ct);
        }
        var assignee = await lookup.RegionUserAsync(request.Assignee, ct)
            ?? throw new ValidationException(new Dictionary<string, string[]>
            {
                ["assignee"] = [texts.Get("wg.validation.unknownUser", request.Assignee!.Trim())],
            });
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(),
            MeetingId = meetingId,
            DecisionId = request.DecisionId,
            Title = request.Title!.Trim(),
            AssigneeId = assignee.Id,
            AssigneeUserName = assignee.UserName,
            AssigneeName = assignee.DisplayName,
            DueDate = request.DueDate!.Value,
            Status = AssignmentStatus.Open,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Assignments.Add(assignment);
        await FollowUps.StartedAsync(db, actor, assignment.DecisionId, assignment.Id, FollowUps.Assignment, assignment.Title,
            assignment.AssigneeName, assignment.DueDate, assignment.CreatedAt, ct);
        return assignment;
    }
}
