using Rake.Modules.Communications.Features.Plan;

namespace Rake.Modules.Communications.Features.GetPlan;

internal static class GetPlanEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/communication-plan", (GetPlanHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithTags("Communication plan")
            .RequireRegionRoles(CommRoles.Read)
            .WithSummary("The region's communication plan: target groups × goals × channels.");
}

internal sealed class GetPlanHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<IReadOnlyList<PlanRowDto>> HandleAsync(CancellationToken ct)
    {
        var rows = await db.PlanRows.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.SortOrder).Select(mapper.Map<PlanRowDto>).ToList();
    }
}
