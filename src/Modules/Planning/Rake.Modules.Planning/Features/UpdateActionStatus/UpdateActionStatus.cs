using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.UpdateActionStatus;

internal sealed record ActionStatusRequest(string? Status, [ScreenedText] string? Evidence);

internal static class UpdateActionStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPut("/actions/{actionId:guid}/status", (Guid actionId, ActionStatusRequest request, UpdateActionStatusHandler h,
                CancellationToken ct) => h.HandleAsync(actionId, request, ct))
            .RequireRegionRoles(PlanningRoles.FollowUp)
            .WithSummary("Sets an action's status (NotDone, InProgress, Done) with its evidence; Done needs evidence.");
}

internal sealed class ActionStatusRequestValidator : PlanningValidator<ActionStatusRequest>
{
    public ActionStatusRequestValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.Status).Must(IsDefined<ActionStatus>).WithMessage(_ => Texts["planning.validation.status"]);
        MaxLength(r => r.Evidence, PlanAction.EvidenceMax);
        // Asked for only once the rest is right, so a wrong status or an overlong text is not met with a third message.
        RuleFor(r => r.Evidence)
            .Must(e => !string.IsNullOrWhiteSpace(e))
            .When(r => IsDefined<ActionStatus>(r.Status) && Enum.Parse<ActionStatus>(r.Status!) == ActionStatus.Done
                && (r.Evidence?.Trim().Length ?? 0) <= PlanAction.EvidenceMax)
            .WithMessage(_ => Texts["planning.validation.evidenceRequired"]);
    }
}

internal sealed class UpdateActionStatusHandler(
    PlanningDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, ModuleMapper<PlanningModule> mapper)
{
    public async Task<ActionDto> HandleAsync(Guid actionId, ActionStatusRequest request, CancellationToken ct)
    {
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == actionId, ct)
            ?? throw new NotFoundException(texts["planning.action.notFound"]);
        var evidence = request.Evidence?.Trim();
        action.Status = Enum.Parse<ActionStatus>(request.Status!);
        action.Evidence = string.IsNullOrEmpty(evidence) ? null : evidence;
        action.StatusChangedAt = clock.GetUtcNow();
        action.StatusChangedBy = actor.UserName ?? "system";
        await db.SaveChangesAsync(ct);
        return mapper.Map<ActionDto>(action);
    }
}
