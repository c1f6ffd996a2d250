using Rake.Modules.Communications.Features.Publications;

namespace Rake.Modules.Communications.Features.UpdatePublication;

internal static class UpdatePublicationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/publications/{id:guid}", (Guid id, PublicationRequest request, UpdatePublicationHandler h, CancellationToken ct) =>
                h.HandleAsync(id, request, ct))
            .WithTags("Publications")
            .RequireRegionRoles(CommRoles.Edit)
            .WithSummary("Edit a draft or an approved publication (an approved one goes back to draft).");
}

internal sealed class UpdatePublicationHandler(
    CommunicationsDbContext db, PublicationStore store, TextCatalog texts, TimeProvider clock, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<PublicationDto> HandleAsync(Guid id, PublicationRequest request, CancellationToken ct)
    {
        var publication = await store.LoadAsync(id, ct);
        if (publication.Status == PublicationStatus.Published)
        {
            throw new ConflictException(texts["communications.publication.alreadyPublished"]);
        }
        request.Adapt(publication, mapper.Config);
        publication.Status = PublicationStatus.Draft;
        (publication.ApprovedAt, publication.ApprovedBy) = (null, null);
        publication.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return mapper.Map<PublicationDto>(publication);
    }
}
