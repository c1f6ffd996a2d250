using Rake.Modules.Competence.Features.Staff;

namespace Rake.Modules.Competence.Features.ListSpecialists;

internal static class ListSpecialistsEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapGet("/specialists", (ListSpecialistsHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithSummary("Specialists with the 70-credit structural social work specialisation.");
}

internal sealed class ListSpecialistsHandler(CompetenceDbContext db, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<IReadOnlyList<SpecialistDto>> HandleAsync(CancellationToken ct) =>
        await mapper.Project<SpecialistDto>(db.Specialists.AsNoTracking().OrderBy(s => s.Name)).ToListAsync(ct);
}
