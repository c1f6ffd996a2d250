using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Features.ListDistributionLists;

internal static class ListDistributionListsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/distribution-lists", (ListDistributionListsHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithTags("Distribution lists and e-mail")
            .RequireRegionRoles(CommRoles.Read)
            .WithSummary("The region's distribution lists with their members.");
}

internal sealed class ListDistributionListsHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<IReadOnlyList<DistributionListDto>> HandleAsync(CancellationToken ct)
    {
        var rows = await db.Lists.AsNoTracking().Include(l => l.Members).ToListAsync(ct);
        return rows.OrderBy(l => l.Name, StringComparer.CurrentCulture).Select(mapper.Map<DistributionListDto>).ToList();
    }
}
