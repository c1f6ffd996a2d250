using Rake.Modules.Competence.Features.Surveys;

namespace Rake.Modules.Competence.Features.ListUnits;

internal static class ListUnitsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/competence/units", (ListUnitsHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithTags("Competence").WithSummary("Units of the region.");
}

/// <summary>The region's units in use, by name: survey answers and orientation completions are counted per unit.</summary>
internal sealed class ListUnitsHandler(CompetenceDbContext db, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<IReadOnlyList<UnitDto>> HandleAsync(CancellationToken ct) =>
        await mapper.Project<UnitDto>(db.Units.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Name)).ToListAsync(ct);
}
