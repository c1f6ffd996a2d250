using Rake.Modules.Communications.Features.Publications;

namespace Rake.Modules.Communications.Features.ListPublications;

internal sealed record ListPublicationsQuery(string? Status, string? Channel);

internal sealed class ListPublicationsQueryValidator : RequestValidator<ListPublicationsQuery>
{
    public ListPublicationsQueryValidator(TextCatalog texts) : base(texts)
    {
        this.OneOf<ListPublicationsQuery, PublicationStatus>(texts, q => q.Status, required: false);
        this.OneOf<ListPublicationsQuery, PublicationChannel>(texts, q => q.Channel, required: false);
    }
}

internal static class ListPublicationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/publications", ([AsParameters] ListPublicationsQuery query, ListPublicationsHandler h, CancellationToken ct) =>
                h.HandleAsync(query, ct))
            .WithTags("Publications")
            .WithSummary(
                "Publications of the region; drafts and approved ones only for communications, responsible persons and the groups.");
}

internal sealed class ListPublicationsHandler(CommunicationsDbContext db, PublicationStore store, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<IReadOnlyList<PublicationDto>> HandleAsync(ListPublicationsQuery request, CancellationToken ct)
    {
        var query = db.Publications.AsNoTracking();
        // Not an access check: everyone in the region sees the published items, readers see the drafts too.
        if (!store.SeesDrafts)
        {
            query = query.Where(p => p.Status == PublicationStatus.Published);
        }
        if (CommValidation.Parse<PublicationStatus>(request.Status) is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        if (CommValidation.Parse<PublicationChannel>(request.Channel) is { } channel)
        {
            query = query.Where(p => p.Channel == channel);
        }
        var rows = await query.ToListAsync(ct);
        return rows.OrderByDescending(p => p.PublishedAt ?? p.UpdatedAt).Select(mapper.Map<PublicationDto>).ToList();
    }
}
