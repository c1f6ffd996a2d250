using Rake.Modules.Communications.Features.Publications;

namespace Rake.Modules.Communications.Features.PublishPublication;

internal static class PublishPublicationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/publications/{id:guid}/publish",
                (Guid id, PublishPublicationHandler h, CancellationToken ct) => h.HandleAsync(id, ct))
            .WithTags("Publications")
            .RequireRegionRoles(CommRoles.Publish)
            .WithSummary("Publish an approved publication: it appears in the region's public Atom feed of its channel.");
}

internal sealed class PublishPublicationHandler(
    CommunicationsDbContext db, PublicationStore store, TextCatalog texts, TimeProvider clock, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<PublicationDto> HandleAsync(Guid id, CancellationToken ct)
    {
        var publication = await store.LoadAsync(id, ct);
        if (publication.Status != PublicationStatus.Approved)
        {
            throw new ConflictException(texts.Get("communications.publication.wrongStatus",
                texts[$"communications.status.{publication.Status}"], texts["communications.status.Approved"]));
        }
        // Stored text may predate the guard or come from a workflow; it is checked again before it goes further.
        StoredTextCheck.ThrowIfIdentityCode(texts, ("title", publication.Title), ("summary", publication.Summary),
            ("body", publication.Body), ("sourceDecision", publication.SourceDecision));
        var now = clock.GetUtcNow();
        (publication.Status, publication.PublishedAt, publication.UpdatedAt) = (PublicationStatus.Published, now, now);
        publication.PublishedBy = await store.ActorNameAsync(ct);
        await db.SaveChangesAsync(ct);
        return mapper.Map<PublicationDto>(publication);
    }
}
