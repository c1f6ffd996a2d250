using Rake.Modules.Planning.Features.CreatePlan;

namespace Rake.Modules.Planning.Features.UpdatePlan;

internal sealed record PlanDetailsDto(Guid Id, string Title, DateOnly ValidFrom, DateOnly ValidUntil, string UpdateResponsible);

internal static class UpdatePlanEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPut("", (PlanDetailsRequest request, UpdatePlanHandler h, CancellationToken ct) => h.HandleAsync(request, ct))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Changes the plan's name, validity and who keeps it up to date (planner, region admin).");
}

internal sealed class UpdatePlanHandler(PlanningDbContext db, TextCatalog texts, TimeProvider clock)
{
    public async Task<PlanDetailsDto> HandleAsync(PlanDetailsRequest request, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        var from = request.ValidFrom!.Value;
        var until = request.ValidUntil!.Value;
        var goalIds = await db.Goals.Where(g => g.PlanId == plan.Id).Select(g => g.Id).ToListAsync(ct);
        // A yearly action outside the new validity would drop out of every year's follow-up unseen; the planner decides first.
        var outside = await db.Actions
            .Where(a => goalIds.Contains(a.GoalId) && a.Year != null && (a.Year < from.Year || a.Year > until.Year))
            .Select(a => a.Year!.Value).Distinct().OrderBy(y => y).ToListAsync(ct);
        if (outside.Count > 0)
        {
            throw new ConflictException(texts.Get("planning.validity.actionsOutside", string.Join(", ", outside)));
        }
        plan.Title = request.Title!.Trim();
        plan.ValidFrom = from;
        plan.ValidUntil = until;
        plan.UpdateResponsible = (request.UpdateResponsible ?? "").Trim();
        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new PlanDetailsDto(plan.Id, plan.Title, plan.ValidFrom, plan.ValidUntil, plan.UpdateResponsible);
    }
}
