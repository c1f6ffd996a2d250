using FluentValidation;
using Rake.Modules.Competence.Features.ViewSetup;

namespace Rake.Modules.Competence.Features.UpdateOrientationItem;

/// <summary>An item's new wording; whether it is structural and whether it is on the checklist (left out: as they were).</summary>
internal sealed record UpdateOrientationItemRequest([ScreenedText] string? Text, bool? Structural, bool? Active);

internal static class UpdateOrientationItemEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPut("/orientation/items/{id:guid}",
                (Guid id, UpdateOrientationItemRequest request, UpdateOrientationItemHandler h, CancellationToken ct) =>
                    h.HandleAsync(id, request, ct))
            .RequireRegionRoles(CompetenceRoles.Setup)
            .WithSummary("Rewords an orientation item, or takes it off the checklist or back (RegionAdmin, Planner).");
}

internal sealed class UpdateOrientationItemValidator : RequestValidator<UpdateOrientationItemRequest>
{
    public UpdateOrientationItemValidator(TextCatalog texts) : base(texts) =>
        RuleFor(r => r.Text).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= OrientationItem.TextMax)
            .WithMessage(_ => Texts.Get("competence.validation.title", OrientationItem.TextMax));
}

/// <summary>An item off the checklist is no longer shown to staff; the completions already recorded for it are kept.</summary>
internal sealed class UpdateOrientationItemHandler(CompetenceDbContext db, TextCatalog texts, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<SetupItemDto> HandleAsync(Guid id, UpdateOrientationItemRequest request, CancellationToken ct)
    {
        var item = await db.OrientationItems.FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException(texts["competence.orientation.notFound"]);
        item.Text = request.Text!.Trim();
        item.Structural = request.Structural ?? item.Structural;
        item.Active = request.Active ?? item.Active;
        await db.SaveChangesAsync(ct);
        return mapper.Map<SetupItemDto>(item);
    }
}
