using Rake.Modules.Communications.Features.Publications;

namespace Rake.Modules.Communications.Features.ListPublications;

internal static class ListPublicationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/publications", ([AsParameters] PublicationPageQuery query, PublicationPageHandler h, CancellationToken ct) =>
                h.ListAsync(query, ct))
            .WithTags("Publications")
            .WithSummary("Publications of the region a page at a time: search, status, channel, sort (Updated, Title, Kind, Channel, " +
                "Status); drafts and approved ones only for communications, responsible persons and the groups.");
}

internal enum PublicationListSort { Updated, Title, Kind, Channel, Status }

/// <summary>A page of the publications list: text in the title, one status, one channel, one sort column (the grid's query).</summary>
internal sealed record PublicationPageQuery(
    string? Search, string? Status, string? Channel, int? Page, int? PageSize, string? Sort = null, bool? Descending = null);

internal sealed record PublicationListItem(Guid Id, string Title, string Kind, string Channel, string Status, DateTimeOffset Updated);

internal sealed class PublicationPageQueryValidator : RequestValidator<PublicationPageQuery>
{
    public PublicationPageQueryValidator(TextCatalog texts) : base(texts)
    {
        OptionalText(q => q.Search, Publication.TitleMax);
        this.OneOf<PublicationPageQuery, PublicationStatus>(texts, q => q.Status, required: false);
        this.OneOf<PublicationPageQuery, PublicationChannel>(texts, q => q.Channel, required: false);
        this.OneOf<PublicationPageQuery, PublicationListSort>(texts, q => q.Sort, required: false);
        Paging(q => q.Page, q => q.PageSize);
    }
}

/// <summary>
/// The publications grid's pages and GET /publications (docs/adr/0167): searched, filtered, sorted and paged in the database,
/// so a region's years of publications are never loaded whole; one rule for who sees drafts.
/// </summary>
internal sealed class PublicationPageHandler(CommunicationsDbContext db, PublicationStore store, ModuleMapper<CommunicationsModule> mapper)
{
    /// <summary>The grid's rows: only the columns it shows.</summary>
    public async Task<PagedResult<PublicationListItem>> PageAsync(PublicationPageQuery query, CancellationToken ct)
    {
        var (rows, total, page, pageSize) = await PagedAsync(query, ct);
        var items = await rows
            .Select(p => new PublicationListItem(p.Id, p.Title, p.Kind.ToString(), p.Channel.ToString(), p.Status.ToString(),
                p.PublishedAt ?? p.UpdatedAt))
            .ToListAsync(ct);
        return new PagedResult<PublicationListItem>(items, total, page, pageSize);
    }

    /// <summary>The API's page: whole publications, mapped after the page is read.</summary>
    public async Task<PagedResult<PublicationDto>> ListAsync(PublicationPageQuery query, CancellationToken ct)
    {
        var (rows, total, page, pageSize) = await PagedAsync(query, ct);
        var items = await rows.ToListAsync(ct);
        return new PagedResult<PublicationDto>(items.Select(mapper.Map<PublicationDto>).ToList(), total, page, pageSize);
    }

    private async Task<(IQueryable<Publication> Rows, int Total, int Page, int PageSize)> PagedAsync(
        PublicationPageQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 25;
        var rows = db.Publications.AsNoTracking();
        // Not an access check: everyone in the region sees the published items, readers see the drafts too.
        if (!store.SeesDrafts)
        {
            rows = rows.Where(p => p.Status == PublicationStatus.Published);
        }
        if (CommValidation.Clean(query.Search) is { } text)
        {
            var upper = text.ToUpperInvariant();
            rows = rows.Where(p => p.Title.ToUpper().Contains(upper));
        }
        if (CommValidation.Parse<PublicationStatus>(query.Status) is { } status)
        {
            rows = rows.Where(p => p.Status == status);
        }
        if (CommValidation.Parse<PublicationChannel>(query.Channel) is { } channel)
        {
            rows = rows.Where(p => p.Channel == channel);
        }
        var total = await rows.CountAsync(ct);
        var descending = query.Descending ?? true;
        var sorted = CommValidation.Parse<PublicationListSort>(query.Sort) switch
        {
            PublicationListSort.Title => descending ? rows.OrderByDescending(p => p.Title) : rows.OrderBy(p => p.Title),
            PublicationListSort.Kind => descending ? rows.OrderByDescending(p => p.Kind) : rows.OrderBy(p => p.Kind),
            PublicationListSort.Channel => descending ? rows.OrderByDescending(p => p.Channel) : rows.OrderBy(p => p.Channel),
            PublicationListSort.Status => descending ? rows.OrderByDescending(p => p.Status) : rows.OrderBy(p => p.Status),
            _ => descending ? rows.OrderByDescending(p => p.PublishedAt ?? p.UpdatedAt) : rows.OrderBy(p => p.PublishedAt ?? p.UpdatedAt),
        };
        // Ties go newest first, then by id, so a page never shows a row twice.
        var paged = sorted.ThenByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize);
        return (paged, total, page, pageSize);
    }
}
