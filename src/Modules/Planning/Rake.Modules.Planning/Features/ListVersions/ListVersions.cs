namespace Rake.Modules.Planning.Features.ListVersions;

internal sealed record VersionDto(int Number, DateTimeOffset CreatedAt, string CreatedBy, string Note);

internal static class ListVersionsEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapGet("/versions", (ListVersionsHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithSummary("Saved versions of the plan.");
}

internal sealed class ListVersionsHandler(PlanningDbContext db, TextCatalog texts, ModuleMapper<PlanningModule> mapper)
{
    public async Task<IReadOnlyList<VersionDto>> HandleAsync(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        return await mapper.Project<VersionDto>(db.Versions.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderBy(v => v.Number))
            .ToListAsync(ct);
    }
}
