using Rake.Modules.Communications.Features.Publications;

namespace Rake.Modules.Communications.Features.CreatePublication;

internal static class CreatePublicationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/publications",
                async (PublicationRequest request, CreatePublicationHandler h, HttpContext http, CancellationToken ct) =>
                {
                    var created = await h.HandleAsync(request, null, ct);
                    return Results.Created($"{http.Request.Path}/{created.Id}", created);
                })
            .WithTags("Publications")
            .RequireRegionRoles(CommRoles.Edit)
            .WithSummary("Draft a publication (intranet page item, news, blog post, newsletter, media release, half-year compilation, "
                + "annual social report). Body is Markdown.");
}

internal sealed class CreatePublicationHandler(
    CommunicationsDbContext db, PublicationStore store, TimeProvider clock, ModuleMapper<CommunicationsModule> mapper)
{
    /// <summary>
    /// Drafts a publication. A workflow activity passes its <paramref name="sourceKey"/>, and a retried run gets the item
    /// it drafted before instead of a second one.
    /// </summary>
    public async Task<PublicationDto> HandleAsync(PublicationRequest request, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await db.Publications.FirstOrDefaultAsync(p => p.SourceKey == sourceKey, ct) is { } existing)
        {
            return mapper.Map<PublicationDto>(existing);
        }
        var now = clock.GetUtcNow();
        var publication = new Publication
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            CreatedBy = await store.ActorNameAsync(ct),
            UpdatedAt = now,
            SourceKey = sourceKey,
            Status = PublicationStatus.Draft,
        };
        request.Adapt(publication, mapper.Config);
        db.Publications.Add(publication);
        await db.SaveChangesAsync(ct);
        return mapper.Map<PublicationDto>(publication);
    }
}
