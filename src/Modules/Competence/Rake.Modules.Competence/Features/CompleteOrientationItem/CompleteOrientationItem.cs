using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Rake.Modules.Competence.Features.CompleteOrientationItem;

internal sealed record CompleteOrientationItemBody(string? Unit);

/// <summary>The item from the route and the person's unit from the body.</summary>
internal sealed record CompleteOrientationItemRequest(
    [FromRoute(Name = "itemId")] Guid ItemId, [FromBody] CompleteOrientationItemBody Body);

internal static class CompleteOrientationItemEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPost("/orientation/{itemId:guid}/complete",
                async ([AsParameters] CompleteOrientationItemRequest request, CompleteOrientationItemHandler h, CancellationToken ct) =>
                {
                    await h.HandleAsync(request, ct);
                    return Results.NoContent();
                })
            .WithSummary("Marks an orientation item done for me.");
}

/// <summary>The unit must be one of the region's; an unknown item is left to the handler's 404, which comes first.</summary>
internal sealed class CompleteOrientationItemValidator : RequestValidator<CompleteOrientationItemRequest>
{
    public CompleteOrientationItemValidator(TextCatalog texts, CompetenceDbContext db) : base(texts)
    {
        WhenAsync((r, ct) => db.OrientationItems.AnyAsync(i => i.Id == r.ItemId && i.Active, ct), () =>
            RuleFor(r => r.Body.Unit)
                .MustAsync(async (unit, ct) =>
                    !string.IsNullOrWhiteSpace(unit) && await db.Units.AnyAsync(u => u.Code == unit && u.Active, ct))
                .WithMessage(_ => Texts["competence.validation.unit"])
                .OverridePropertyName("unit"));
    }
}

/// <summary>Marks an item done for the caller in their unit; doing it again changes nothing.</summary>
internal sealed class CompleteOrientationItemHandler(CompetenceDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock)
{
    public async Task HandleAsync(CompleteOrientationItemRequest request, CancellationToken ct)
    {
        // Completion is a person's; the region's system actor has done no orientation.
        var userId = actor.UserId ?? throw new ForbiddenException(texts["competence.forbidden.answer"]);
        var itemId = request.ItemId;
        if (!await db.OrientationItems.AnyAsync(i => i.Id == itemId && i.Active, ct))
        {
            throw new NotFoundException(texts["competence.orientation.notFound"]);
        }
        if (await db.OrientationCompletions.AnyAsync(c => c.UserId == userId && c.ItemId == itemId, ct))
        {
            return;
        }
        db.OrientationCompletions.Add(new OrientationCompletion
        {
            Id = Guid.CreateVersion7(),
            ItemId = itemId,
            UserId = userId,
            UserName = actor.UserName ?? "",
            UnitCode = request.Body.Unit!,
            CompletedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}
