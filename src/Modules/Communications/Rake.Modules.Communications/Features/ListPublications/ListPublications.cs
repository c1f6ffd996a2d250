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

internal enum PublicationListSort { Updated, Title, Kind, Channel, Status }

/// <summary>A page of the publications list: text in the title, one status, one channel, one sort column (the grid's query).</summary>
internal sealed record PublicationPageQuery(
    string? Search, string? Status, string? Channel, int? Page, int? PageSize, string? Sort = null, bool? Descending = null);

internal sealed record PublicationListItem(Guid Id, string Title, string Kind, string Channel, string Status, DateTimeOffset Updated);

internal sealed class PublicationPageQueryValidator : RequestValidator<PublicationPageQuery>
{
    public const int MaxPage = 100_000;

    public PublicationPageQueryValidator(TextCatalog texts) : base(texts)
    {
        OptionalText(q => q.Search, Publication.TitleMax);
        this.OneOf<PublicationPageQuery, PublicationStatus>(texts, q => q.Status, required: false);
        this.OneOf<PublicationPageQuery, PublicationChannel>(texts, q => q.Channel, required: false);
        this.OneOf<PublicationPageQuery, PublicationListSort>(texts, q => q.Sort, required: false);
        RuleFor(q => q.Page).Must(p => p is null or >= 1 and <= MaxPage).WithMessage(_ => Texts.Get("validation.range", 1, MaxPage));
        RuleFor(q => q.PageSize).Must(p => p is null or >= 1 and <= PageRequest.MaxPageSize)
            .WithMessage(_ => Texts.Get("validation.range", 1, PageRequest.MaxPageSize));
    }
}

/// <summary>
/// The publications grid's pages (docs/adr/0167): searched, filtered, sorted and paged in the database, with the same rule as
/// GET /publications for who sees drafts.
/// </summary>
internal sealed class PublicationPageHandler(CommunicationsDbContext db, PublicationStore store)
{
    public async Task<PagedResult<PublicationListItem>> PageAsync(PublicationPageQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 25;
        var rows = db.Publications.AsNoTracking();
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
        var items = await sorted.ThenByDescending(p => p.UpdatedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PublicationListItem(p.Id, p.Title, p.Kind.ToString(), p.Channel.ToString(), p.Status.ToString(),
                p.PublishedAt ?? p.UpdatedAt))
            .ToListAsync(ct);
        return new PagedResult<PublicationListItem>(items, total, page, pageSize);
    }
}
