namespace Rake.Modules.WorkingGroup.Features.UpdateAssignment;

internal sealed record UpdateAssignmentRequest(string? Status, [ScreenedText] string? FollowUp);

internal static class UpdateAssignmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/assignments/{id:guid}", async (Guid id, UpdateAssignmentRequest request, AssignmentAccess access,
                UpdateAssignmentHandler h, CancellationToken ct) =>
            {
                await access.DemandAsync(id, ct);
                return await h.HandleAsync(id, request, ct);
            })
            .WithTags(MyAssignmentsEndpoint.Tag)
            .WithSummary("Follow up an assignment: status (Open, InProgress, Done, Cancelled) and a note.");
}

/// <summary>
/// The assignee follows up their own assignment whatever their roles; anyone else needs the meeting roles, and a person
/// who may not even read the bodies is not told the assignment exists. Asked by the endpoint and the page before the handler.
/// </summary>
internal sealed class AssignmentAccess(WorkingGroupDbContext db, IRequestContext actor, TextCatalog texts)
{
    public async Task DemandAsync(Guid id, CancellationToken ct)
    {
        var assignee = await db.Assignments.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.AssigneeId).FirstOrDefaultAsync(ct);
        if (assignee is not null && assignee == actor.UserId)
        {
            return;
        }
        if (assignee is null || !WgRoles.ReadRequirement.IsMetBy(actor))
        {
            throw new NotFoundException(texts["wg.notFound.assignment"]);
        }
        WgRoles.MeetingsRequirement.Demand(actor, texts);
    }
}

internal sealed class UpdateAssignmentValidator : WgValidator<UpdateAssignmentRequest>
{
    public UpdateAssignmentValidator(TextCatalog texts) : base(texts)
    {
        OneOf<AssignmentStatus>(r => r.Status);
        OptionalText(r => r.FollowUp, Limits.Text);
    }
}

internal sealed class UpdateAssignmentHandler(
    WorkingGroupDbContext db, ModuleMapper<WorkingGroupModule> mapper, TextCatalog texts, IRequestContext actor, TimeProvider clock)
{
    public async Task<AssignmentDto> HandleAsync(Guid id, UpdateAssignmentRequest request, CancellationToken ct)
    {
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException(texts["wg.notFound.assignment"]);
        var wasOpen = assignment.IsOpen;
        assignment.Status = WgValidator<UpdateAssignmentRequest>.Parse<AssignmentStatus>(request.Status)!.Value;
        assignment.FollowUp = WgValidator<UpdateAssignmentRequest>.Clean(request.FollowUp) ?? assignment.FollowUp;
        assignment.CompletedAt = assignment.IsOpen ? null : clock.GetUtcNow();
        // Only the step from open to done or cancelled reaches the reporters; editing the note of a closed one does not.
        if (wasOpen && !assignment.IsOpen)
        {
            await FollowUps.EndedAsync(db, actor, assignment.DecisionId, assignment.Id, FollowUps.Assignment, assignment.Title,
                assignment.Status.ToString(), assignment.FollowUp, assignment.CompletedAt!.Value, ct);
        }
        await db.SaveChangesAsync(ct);
        return mapper.Map<AssignmentDto>(new OnDay<Assignment>(assignment, Helsinki.Today(clock)));
    }
}
