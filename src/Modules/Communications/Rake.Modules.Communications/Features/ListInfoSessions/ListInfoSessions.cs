using Rake.Modules.Communications.Features.InfoSessions;

namespace Rake.Modules.Communications.Features.ListInfoSessions;

internal static class ListInfoSessionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/info-sessions", (ListInfoSessionsHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithTags("Info sessions")
            .WithSummary("Staff and sector info sessions with materials and attendance; any role in the region may see them.");
}

internal sealed class ListInfoSessionsHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<IReadOnlyList<InfoSessionDto>> HandleAsync(CancellationToken ct)
    {
        var rows = await db.InfoSessions.AsNoTracking().ToListAsync(ct);
        return rows.OrderByDescending(s => s.StartsAt).Select(mapper.Map<InfoSessionDto>).ToList();
    }
}
