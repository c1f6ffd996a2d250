using Rake.Modules.Communications.Features.Publications;

namespace Rake.Modules.Communications.Features.ApprovePublication;

internal static class ApprovePublicationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/publications/{id:guid}/approve",
                (Guid id, ApprovePublicationHandler h, CancellationToken ct) => h.HandleAsync(id, ct))
            .WithTags("Publications")
            .RequireRegionRoles(CommRoles.Approve)
            .WithSummary("Approve a draft.");
}

internal sealed class ApprovePublicationHandler(
    CommunicationsDbContext db, PublicationStore store, TextCatalog texts, TimeProvider clock, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<PublicationDto> HandleAsync(Guid id, CancellationToken ct)
    {
        var publication = await store.LoadAsync(id, ct);
        if (publication.Status != PublicationStatus.Draft)
        {
            throw new ConflictException(texts.Get("communications.publication.wrongStatus",
                texts[$"communications.status.{publication.Status}"], texts["communications.status.Draft"]));
        }
        // Stored text may predate the guard or come from a workflow; it is checked again before it goes further.
        StoredTextCheck.ThrowIfIdentityCode(texts, ("title", publication.Title), ("summary", publication.Summary),
            ("body", publication.Body), ("sourceDecision", publication.SourceDecision));
        var now = clock.GetUtcNow();
        (publication.Status, publication.ApprovedAt, publication.UpdatedAt) = (PublicationStatus.Approved, now, now);
        publication.ApprovedBy = await store.ActorNameAsync(ct);
        await db.SaveChangesAsync(ct);
        return mapper.Map<PublicationDto>(publication);
    }
}
