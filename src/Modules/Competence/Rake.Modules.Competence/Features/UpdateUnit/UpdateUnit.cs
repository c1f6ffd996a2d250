using FluentValidation;
using Rake.Modules.Competence.Features.ViewSetup;

namespace Rake.Modules.Competence.Features.UpdateUnit;

/// <summary>A unit's new name and whether it is still in use (left out: as it was); its code never changes.</summary>
internal sealed record UpdateUnitRequest([ScreenedText] string? Name, bool? Active);

internal static class UpdateUnitEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPut("/units/{id:guid}", (Guid id, UpdateUnitRequest request, UpdateUnitHandler h, CancellationToken ct) =>
                h.HandleAsync(id, request, ct))
            .RequireRegionRoles(CompetenceRoles.Setup)
            .WithSummary("Renames a unit, or takes it out of use or back (RegionAdmin, Planner).");
}

internal sealed class UpdateUnitValidator : RequestValidator<UpdateUnitRequest>
{
    public UpdateUnitValidator(TextCatalog texts) : base(texts) =>
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= Unit.NameMax)
            .WithMessage(_ => Texts.Get("competence.validation.title", Unit.NameMax));
}

/// <summary>
/// A unit out of use is no longer offered when answering a survey or completing orientation, and a new round counts
/// nothing for it; what was counted for it stays.
/// </summary>
internal sealed class UpdateUnitHandler(CompetenceDbContext db, TextCatalog texts, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<SetupUnitDto> HandleAsync(Guid id, UpdateUnitRequest request, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new NotFoundException(texts["competence.unit.notFound"]);
        unit.Name = request.Name!.Trim();
        unit.Active = request.Active ?? unit.Active;
        await db.SaveChangesAsync(ct);
        return mapper.Map<SetupUnitDto>(unit);
    }
}
