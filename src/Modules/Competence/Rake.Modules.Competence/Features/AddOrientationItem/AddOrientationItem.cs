using FluentValidation;
using Rake.Modules.Competence.Features.ViewSetup;

namespace Rake.Modules.Competence.Features.AddOrientationItem;

/// <summary>A new item at the end of the orientation checklist.</summary>
internal sealed record AddOrientationItemRequest([ScreenedText] string? Text, bool Structural);

internal static class AddOrientationItemEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPost("/orientation/items",
                async (AddOrientationItemRequest request, AddOrientationItemHandler h, CancellationToken ct) =>
                {
                    var item = await h.HandleAsync(request, ct);
                    return Results.Created($"competence/orientation/items/{item.Id}", item);
                })
            .RequireRegionRoles(CompetenceRoles.Setup)
            .WithSummary("Adds an item to the orientation checklist (RegionAdmin, Planner).");
}

internal sealed class AddOrientationItemValidator : RequestValidator<AddOrientationItemRequest>
{
    public AddOrientationItemValidator(TextCatalog texts) : base(texts) =>
        RuleFor(r => r.Text).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= OrientationItem.TextMax)
            .WithMessage(_ => Texts.Get("competence.validation.title", OrientationItem.TextMax));
}

internal sealed class AddOrientationItemHandler(CompetenceDbContext db, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<SetupItemDto> HandleAsync(AddOrientationItemRequest request, CancellationToken ct)
    {
        var last = await db.OrientationItems.MaxAsync(i => (int?)i.Position, ct) ?? 0;
        var item = new OrientationItem
        {
            Id = Guid.CreateVersion7(),
            Position = last + 1,
            Text = request.Text!.Trim(),
            Structural = request.Structural,
        };
        db.OrientationItems.Add(item);
        await db.SaveChangesAsync(ct);
        return mapper.Map<SetupItemDto>(item);
    }
}
