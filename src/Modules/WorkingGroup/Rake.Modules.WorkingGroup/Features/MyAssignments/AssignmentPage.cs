using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.MyAssignments;

internal enum AssignmentListSort { Due, Title, Status }

/// <summary>
/// A page of the caller's own assignments (the grid's query): text in the title; no status means the open ones, as the
/// list always showed, <c>All</c> every one, otherwise one status; one sort column.
/// </summary>
internal sealed record AssignmentPageQuery(
    string? Search, string? Status, int? Page, int? PageSize, string? Sort = null, bool? Descending = null)
{
    public const string AllStatuses = "All";
}

internal sealed record AssignmentListItem(
    Guid Id, string Title, DateOnly DueDate, string Status, string? FollowUp, bool Overdue, Guid? MeetingId);

internal sealed class AssignmentPageQueryValidator : WgValidator<AssignmentPageQuery>
{
    public AssignmentPageQueryValidator(TextCatalog texts) : base(texts)
    {
        OptionalText(q => q.Search, Limits.Name);
        RuleFor(q => q.Status)
            .Must(s => string.IsNullOrWhiteSpace(s) || Parse<AssignmentStatus>(s) is not null
                || string.Equals(s.Trim(), AssignmentPageQuery.AllStatuses, StringComparison.OrdinalIgnoreCase))
            .WithMessage(_ => Texts.Get("wg.validation.oneOf",
                string.Join(", ", Enum.GetNames<AssignmentStatus>().Append(AssignmentPageQuery.AllStatuses))));
        OneOf<AssignmentListSort>(q => q.Sort, required: false);
        Paging(q => q.Page, q => q.PageSize);
    }
}

/// <summary>
/// The "my assignments" grid's pages (docs/adr/0167): only the caller's own assignments in this region, searched, filtered,
/// sorted and paged in the database. Unsorted, overdue ones come first and then by due date, as the list always did.
/// </summary>
internal sealed class AssignmentPageHandler(WorkingGroupDbContext db, IRequestContext actor, TimeProvider clock)
{
    public async Task<PagedResult<AssignmentListItem>> PageAsync(AssignmentPageQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 25;
        var me = actor.UserId!.Value;
        var today = Helsinki.Today(clock);
        var rows = db.Assignments.AsNoTracking().Where(a => a.AssigneeId == me);
        if (WgValidator<AssignmentPageQuery>.Clean(query.Search) is { } text)
        {
            var upper = text.ToUpperInvariant();
            rows = rows.Where(a => a.Title.ToUpper().Contains(upper));
        }
        if (WgValidator<AssignmentPageQuery>.Parse<AssignmentStatus>(query.Status) is { } status)
        {
            rows = rows.Where(a => a.Status == status);
        }
        else if (!string.Equals(query.Status?.Trim(), AssignmentPageQuery.AllStatuses, StringComparison.OrdinalIgnoreCase))
        {
            rows = rows.Where(a => a.Status == AssignmentStatus.Open || a.Status == AssignmentStatus.InProgress);
        }
        var total = await rows.CountAsync(ct);
        var sortBy = WgValidator<AssignmentPageQuery>.Parse<AssignmentListSort>(query.Sort);
        var descending = query.Descending ?? false;
        var sorted = sortBy switch
        {
            AssignmentListSort.Title => descending ? rows.OrderByDescending(a => a.Title) : rows.OrderBy(a => a.Title),
            AssignmentListSort.Status => descending ? rows.OrderByDescending(a => a.Status) : rows.OrderBy(a => a.Status),
            AssignmentListSort.Due => descending ? rows.OrderByDescending(a => a.DueDate) : rows.OrderBy(a => a.DueDate),
            // Overdue first: open and past its day.
            _ => rows.OrderByDescending(a => (a.Status == AssignmentStatus.Open || a.Status == AssignmentStatus.InProgress)
                && a.DueDate < today).ThenBy(a => a.DueDate),
        };
        var found = await sorted.ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        var items = found.Select(a => new AssignmentListItem(a.Id, a.Title, a.DueDate, a.Status.ToString(), a.FollowUp, a.IsOverdue(today),
            a.MeetingId)).ToList();
        return new PagedResult<AssignmentListItem>(items, total, page, pageSize);
    }
}
