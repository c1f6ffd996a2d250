using Rake.Modules.Competence.Features.AddSpecialist;
using Rake.Modules.Competence.Features.Staff;

namespace Rake.Modules.Competence.Features.UpdateSpecialist;

internal static class UpdateSpecialistEndpoint
{
    /// <remarks>The body is the one adding a specialist takes, checked by the same validator (the unit must be in use).</remarks>
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPut("/specialists/{id:guid}",
                (Guid id, AddSpecialistRequest request, UpdateSpecialistHandler h, CancellationToken ct) => h.HandleAsync(id, request, ct))
            .RequireRegionRoles(CompetenceRoles.Leads)
            .WithSummary("Changes a specialist's name, unit, year of completion and use.");
}

internal sealed class UpdateSpecialistHandler(CompetenceDbContext db, TextCatalog texts, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<SpecialistDto> HandleAsync(Guid id, AddSpecialistRequest request, CancellationToken ct)
    {
        var specialist = await db.Specialists.FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(texts["competence.specialist.notFound"]);
        specialist.Name = request.Name!.Trim();
        specialist.UnitCode = request.Unit!;
        specialist.CompletedYear = request.CompletedYear;
        specialist.Use = request.Use?.Trim() ?? "";
        await db.SaveChangesAsync(ct);
        return mapper.Map<SpecialistDto>(specialist);
    }
}
