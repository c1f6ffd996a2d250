using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.ListMeetings;

internal enum MeetingListSort { StartsAt, Title, Body, Status }

/// <summary>A page of the region's meetings: text in the title or the body's name, one status, one body, one sort column.</summary>
internal sealed record MeetingListQuery(
    string? Search, string? Status, Guid? BodyId, int? Page, int? PageSize, string? Sort = null, bool? Descending = null);

internal sealed record MeetingListItem(
    Guid Id, Guid BodyId, string BodyName, string Title, DateTimeOffset StartsAt, string? Location, string Status);

internal static class ListMeetingsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/meetings", ([AsParameters] MeetingListQuery query, ListMeetingsHandler h, CancellationToken ct) =>
                h.ListAsync(query, ct))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(ViewMeetingEndpoints.Tag)
            .WithSummary("The region's meetings a page at a time: search, status, body, sort (StartsAt, Title, Body, Status).");
}

internal sealed class MeetingListQueryValidator : WgValidator<MeetingListQuery>
{
    public MeetingListQueryValidator(TextCatalog texts) : base(texts)
    {
        OptionalText(q => q.Search, Limits.Name);
        OneOf<MeetingStatus>(q => q.Status, required: false);
        OneOf<MeetingListSort>(q => q.Sort, required: false);
        Paging(q => q.Page, q => q.PageSize);
    }
}

/// <summary>
/// Pages, sorts and filters in the database, for the API and the meetings grid alike (docs/adr/0117): a region's years of
/// meetings are never loaded whole.
/// </summary>
internal sealed class ListMeetingsHandler(WorkingGroupDbContext db)
{
    public async Task<PagedResult<MeetingListItem>> ListAsync(MeetingListQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 25;
        var rows = db.Meetings.AsNoTracking().Join(db.Bodies.AsNoTracking(), m => m.BodyId, b => b.Id, (m, b) => new { m, b });
        if (WgValidator<MeetingListQuery>.Clean(query.Search) is { } text)
        {
            var upper = text.ToUpperInvariant();
            rows = rows.Where(r => r.m.Title.ToUpper().Contains(upper) || r.b.Name.ToUpper().Contains(upper));
        }
        if (WgValidator<MeetingListQuery>.Parse<MeetingStatus>(query.Status) is { } status)
        {
            rows = rows.Where(r => r.m.Status == status);
        }
        if (query.BodyId is { } bodyId)
        {
            rows = rows.Where(r => r.m.BodyId == bodyId);
        }
        var total = await rows.CountAsync(ct);
        var descending = query.Descending ?? true;
        var sorted = WgValidator<MeetingListQuery>.Parse<MeetingListSort>(query.Sort) switch
        {
            MeetingListSort.Title => descending ? rows.OrderByDescending(r => r.m.Title) : rows.OrderBy(r => r.m.Title),
            MeetingListSort.Body => descending ? rows.OrderByDescending(r => r.b.Name) : rows.OrderBy(r => r.b.Name),
            MeetingListSort.Status => descending ? rows.OrderByDescending(r => r.m.Status) : rows.OrderBy(r => r.m.Status),
            _ => descending ? rows.OrderByDescending(r => r.m.StartsAt) : rows.OrderBy(r => r.m.StartsAt),
        };
        // Ties go newest first, then by id, so a page never shows a row twice.
        var items = await sorted.ThenByDescending(r => r.m.StartsAt).ThenBy(r => r.m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new MeetingListItem(r.m.Id, r.b.Id, r.b.Name, r.m.Title, r.m.StartsAt, r.m.Location, r.m.Status.ToString()))
            .ToListAsync(ct);
        return new PagedResult<MeetingListItem>(items, total, page, pageSize);
    }
}
