namespace Rake.Modules.WorkingGroup.Features.AddProposal;

internal sealed record AddProposalRequest(
    [ScreenedText] string? Title, [ScreenedText] string? Description, string? TargetKind, [ScreenedText] string? Target, Guid? DecisionId);

internal static class AddProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/action-proposals", async (Guid id, AddProposalRequest request, AddProposalHandler h,
                CancellationToken ct) => Results.Created($"meetings/{id}", await h.HandleAsync(id, request, ct)))
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(ViewMeetingEndpoints.Tag)
            .WithSummary("Record an action proposal to a region unit, a municipality, another actor or the budget.");
}

internal sealed class AddProposalValidator : WgValidator<AddProposalRequest>
{
    public AddProposalValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Title, Limits.Name);
        OptionalText(r => r.Description, Limits.Text);
        OneOf<ProposalTarget>(r => r.TargetKind);
        RequiredText(r => r.Target, Limits.Name);
    }
}

internal sealed class AddProposalHandler(
    WorkingGroupDbContext db, WgLookup lookup, ModuleMapper<WorkingGroupModule> mapper, TextCatalog texts, IRequestContext actor,
    TimeProvider clock)
{
    public async Task<ProposalDto> HandleAsync(Guid meetingId, AddProposalRequest request, CancellationToken ct)
    {
        await lookup.MeetingAsync(meetingId, ct);
        await DecisionOfMeeting.DemandAsync(db, texts, meetingId, request.DecisionId, ct);
        var proposal = new ActionProposal
        {
            Id = Guid.CreateVersion7(),
            MeetingId = meetingId,
            DecisionId = request.DecisionId,
            Title = request.Title!.Trim(),
            Description = WgValidator<AddProposalRequest>.Clean(request.Description),
            TargetKind = WgValidator<AddProposalRequest>.Parse<ProposalTarget>(request.TargetKind)!.Value,
            Target = request.Target!.Trim(),
            Status = ProposalStatus.Proposed,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Proposals.Add(proposal);
        await FollowUps.StartedAsync(db, actor, proposal.DecisionId, proposal.Id, FollowUps.ActionProposal, proposal.Title,
            proposal.Target, null, proposal.CreatedAt, ct);
        await db.SaveChangesAsync(ct);
        return mapper.Map<ProposalDto>(proposal);
    }
}
