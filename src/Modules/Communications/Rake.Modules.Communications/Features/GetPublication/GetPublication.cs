using Rake.Modules.Communications.Features.Publications;

namespace Rake.Modules.Communications.Features.GetPublication;

internal static class GetPublicationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/publications/{id:guid}", (Guid id, GetPublicationHandler h, CancellationToken ct) => h.HandleAsync(id, ct))
            .WithTags("Publications")
            .WithSummary("One publication with its safely rendered HTML.");
}

internal sealed class GetPublicationHandler(PublicationStore store, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<PublicationDto> HandleAsync(Guid id, CancellationToken ct) =>
        mapper.Map<PublicationDto>(await store.LoadAsync(id, ct));
}
