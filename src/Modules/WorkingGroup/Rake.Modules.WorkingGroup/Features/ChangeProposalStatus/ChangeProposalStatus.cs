namespace Rake.Modules.WorkingGroup.Features.ChangeProposalStatus;

/// <summary>A step along the proposal's path, optionally with what came of it (no text keeps the earlier one); the
/// decision's reporters read the result of a step that ends the proposal.</summary>
internal sealed record ChangeProposalStatusRequest(string? Status, [ScreenedText] string? Result = null);

internal static class ChangeProposalStatusEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/action-proposals/{id:guid}/status", (Guid id, ChangeProposalStatusRequest request, ChangeProposalStatusHandler h,
                CancellationToken ct) => h.ActionProposalAsync(id, request, ct))
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(ViewMeetingEndpoints.Tag)
            .WithSummary("Follow an action proposal on: Proposed → Sent → Accepted or Rejected; Done once carried out.");
        api.MapPut("/budget-proposals/{id:guid}/status", (Guid id, ChangeProposalStatusRequest request, ChangeProposalStatusHandler h,
                CancellationToken ct) => h.BudgetProposalAsync(id, request, ct))
            .RequireRegionRoles(WgRoles.BudgetRequirement)
            .WithTags(NominationEndpoints.Tag)
            .WithSummary("Follow a budget proposal on: Draft → Submitted → Approved or Rejected.");
    }
}

internal sealed class ChangeProposalStatusValidator : WgValidator<ChangeProposalStatusRequest>
{
    // Both kinds share the request; which names are valid depends on the route, so the handler checks the step itself.
    public ChangeProposalStatusValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Status, Limits.Name);
        OptionalText(r => r.Result, Limits.Text);
    }
}

/// <summary>
/// Moves a proposal one step along its path. A step that is not open from the current status is a conflict (409), and a
/// name that is no status of that kind is a field error, so a stale page cannot undo a decision already taken. A step that
/// settles a proposal resting on a decision (accepted, rejected, done; approved, rejected) reaches the timeline of that
/// decision's reports with its result, as an assignment's end does.
/// </summary>
internal sealed class ChangeProposalStatusHandler(
    WorkingGroupDbContext db, ModuleMapper<WorkingGroupModule> mapper, TextCatalog texts, IRequestContext actor, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<ProposalStatus, ProposalStatus[]> ActionSteps =
        new Dictionary<ProposalStatus, ProposalStatus[]>
        {
            [ProposalStatus.Proposed] = [ProposalStatus.Sent, ProposalStatus.Accepted, ProposalStatus.Rejected],
            [ProposalStatus.Sent] = [ProposalStatus.Accepted, ProposalStatus.Rejected],
            [ProposalStatus.Accepted] = [ProposalStatus.Done],
            [ProposalStatus.Rejected] = [],
            [ProposalStatus.Done] = [],
        };

    public static readonly IReadOnlyDictionary<BudgetStatus, BudgetStatus[]> BudgetSteps =
        new Dictionary<BudgetStatus, BudgetStatus[]>
        {
            [BudgetStatus.Draft] = [BudgetStatus.Submitted],
            [BudgetStatus.Submitted] = [BudgetStatus.Approved, BudgetStatus.Rejected],
            [BudgetStatus.Approved] = [],
            [BudgetStatus.Rejected] = [],
        };

    public async Task<ProposalDto> ActionProposalAsync(Guid id, ChangeProposalStatusRequest request, CancellationToken ct)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException(texts["wg.notFound.proposal"]);
        var next = Target<ProposalStatus>(request);
        if (!ActionSteps[proposal.Status].Contains(next))
        {
            throw new ConflictException(texts.Get("wg.conflict.proposalStep", texts[$"wg.proposalStatus.{proposal.Status}"],
                texts[$"wg.proposalStatus.{next}"]));
        }
        proposal.Status = next;
        proposal.Result = WgValidator<ChangeProposalStatusRequest>.Clean(request.Result) ?? proposal.Result;
        if (next is ProposalStatus.Accepted or ProposalStatus.Rejected or ProposalStatus.Done)
        {
            await FollowUps.EndedAsync(db, actor, proposal.DecisionId, proposal.Id, FollowUps.ActionProposal, proposal.Title,
                next.ToString(), proposal.Result, clock.GetUtcNow(), ct);
        }
        await db.SaveChangesAsync(ct);
        return mapper.Map<ProposalDto>(proposal);
    }

    public async Task<BudgetProposalDto> BudgetProposalAsync(Guid id, ChangeProposalStatusRequest request, CancellationToken ct)
    {
        var proposal = await db.BudgetProposals.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException(texts["wg.notFound.proposal"]);
        var next = Target<BudgetStatus>(request);
        if (!BudgetSteps[proposal.Status].Contains(next))
        {
            throw new ConflictException(texts.Get("wg.conflict.proposalStep", texts[$"wg.budgetStatus.{proposal.Status}"],
                texts[$"wg.budgetStatus.{next}"]));
        }
        proposal.Status = next;
        proposal.Result = WgValidator<ChangeProposalStatusRequest>.Clean(request.Result) ?? proposal.Result;
        if (next is BudgetStatus.Approved or BudgetStatus.Rejected)
        {
            await FollowUps.EndedAsync(db, actor, proposal.DecisionId, proposal.Id, FollowUps.BudgetProposal, proposal.Title,
                next.ToString(), proposal.Result, clock.GetUtcNow(), ct);
        }
        await db.SaveChangesAsync(ct);
        return mapper.Map<BudgetProposalDto>(proposal);
    }

    private TEnum Target<TEnum>(ChangeProposalStatusRequest request) where TEnum : struct, Enum =>
        WgValidator<ChangeProposalStatusRequest>.Parse<TEnum>(request.Status)
            ?? throw new ValidationException(new Dictionary<string, string[]>
            {
                ["status"] = [texts.Get("wg.validation.oneOf", string.Join(", ", Enum.GetNames<TEnum>()))],
            });
}
