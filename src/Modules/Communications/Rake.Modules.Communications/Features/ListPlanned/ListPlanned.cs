using Rake.Modules.Communications.Features.Plan;

namespace Rake.Modules.Communications.Features.ListPlanned;

internal static class ListPlannedEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/planned-communications", (ListPlannedHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithTags("Communication plan")
            .RequireRegionRoles(CommRoles.Read)
            .WithSummary("Planned communications: what, to whom, core message, channel, timing, who, status.");
}

internal sealed class ListPlannedHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<IReadOnlyList<PlannedDto>> HandleAsync(CancellationToken ct)
    {
        var rows = await db.Planned.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(p => p.Status).ThenByDescending(p => p.CreatedAt).Select(mapper.Map<PlannedDto>).ToList();
    }
}
