using Rake.Modules.Planning.Features.AddAction;
using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.UpdateAction;

internal static class UpdateActionEndpoint
{
    /// <remarks>The body is the one adding an action takes, checked by the same validator: the year within the plan's validity.</remarks>
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPut("/actions/{actionId:guid}", (Guid actionId, NewActionRequest request, UpdateActionHandler h, CancellationToken ct) =>
                h.HandleAsync(actionId, request, ct))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Changes an action's wording, responsible party, year and report-count metric; its status stays.");
}

internal sealed class UpdateActionHandler(PlanningDbContext db, TextCatalog texts, TimeProvider clock, ModuleMapper<PlanningModule> mapper)
{
    public async Task<ActionDto> HandleAsync(Guid actionId, NewActionRequest request, CancellationToken ct)
    {
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == actionId, ct)
            ?? throw new NotFoundException(texts["planning.action.notFound"]);
        action.Title = request.Title!.Trim();
        action.Responsible = request.Responsible!.Trim();
        action.Year = request.Year;
        action.CountsReports = request.CountsReports;
        if (await db.Plans.FirstOrDefaultAsync(ct) is { } plan)
        {
            plan.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        return mapper.Map<ActionDto>(action);
    }
}
