using System.Globalization;

namespace Rake.Modules.Reporting.Features.ViewReports;

internal sealed record PersonDto(string UserName, string DisplayName);

internal sealed record TimelineEntryDto(DateTimeOffset At, string Status, string Actor, string? Comment)
{
    /// <summary>Status, Decision, FollowUp or FollowUpEnded.</summary>
    public string Kind { get; init; } = nameof(TimelineKind.Status);

    public string? Code { get; init; }
    public bool BeforeSupervisorRecord { get; init; }
}

internal sealed record SupervisorRecordDto(
    string? CoreOfReport, string? CommunicationGoal, string? Audience, string? CoreMessage, string? ChannelAndMethod,
    string? Timing, string? Responsible, string? FollowUp, int? Priority, string? Result, DateTimeOffset UpdatedAt, string UpdatedBy);

internal sealed record SocialReportDto(
    Guid Id, int Number, DateTimeOffset ReceivedAt, string Status, string PhenomenonType, string Title, string Description,
    string Proposal, string? TriedAlready, IReadOnlyList<string> Categories, string ServiceArea, string Municipality, string TargetGroup,
    PersonDto Reporter, PersonDto Supervisor, IReadOnlyList<PersonDto> CoReporters, string Language,
    IReadOnlyList<TimelineEntryDto> Timeline, SupervisorRecordDto? SupervisorRecord, IReadOnlyList<string> AllowedNextStatuses,
        bool CanProcess);

internal sealed record SocialReportListItem(
    Guid Id, int Number, DateTimeOffset ReceivedAt, string Status, string PhenomenonType, string Title,
    string ServiceArea, string Municipality, PersonDto Supervisor);

internal enum ListScope
{
    /// <summary>Everything the caller may see.</summary>
    Visible,

    /// <summary>Reports the caller made or co-reported.</summary>
    Mine,

    /// <summary>Reports sent to the caller as supervisor.</summary>
    Inbox,
}

/// <summary>The column a report list is ordered by; received time follows the running number.</summary>
internal enum ReportListSort
{
    Number,
    Title,
    Status,
    PhenomenonType,
    Supervisor,
}

/// <summary>
/// Narrows and orders a report list (the staff UI's grid): text found in the title or the exact number, one status, one
/// phenomenon type. Unknown status or type names narrow nothing, so a stale link never fails.
/// </summary>
internal sealed record ReportListFilter(
    string? Search = null, string? Status = null, string? PhenomenonType = null, ReportListSort Sort = ReportListSort.Number,
    bool Descending = true)
{
    public static readonly ReportListFilter Newest = new();
}

/// <summary>Which reports to list (query parameters): scope Visible (the default), Mine or Inbox, and the page.</summary>
internal sealed record ReportListQuery(string? Scope, int Page = 1, int PageSize = 50)
{
    public ListScope ParsedScope => ReportListQueryValidator.ScopeOf(Scope);
}

internal static class ViewReportsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/social-reports/{id:guid}", (Guid id, ViewReportsHandler handler, CancellationToken ct) =>
                handler.GetAsync(id, ct))
            .WithTags("Social reports").WithSummary("A report with its status timeline, if the caller may see it (otherwise 404).");
        api.MapGet("/social-reports", (ViewReportsHandler handler, [AsParameters] ReportListQuery query, CancellationToken ct) =>
                handler.ListAsync(query.ParsedScope, new PageRequest(query.Page, query.PageSize), ct))
            .WithTags("Social reports").WithSummary("Reports the caller may see, newest first (scope: Visible, Mine or Inbox).");
    }
}

internal sealed class ViewReportsHandler(ReportingDbContext db, IRequestContext actor, ModuleMapper<ReportingModule> mapper)
{
    public async Task<SocialReportDto> GetAsync(Guid id, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking()
            .Include(r => r.Categories).Include(r => r.CoReporters).Include(r => r.Timeline).Include(r => r.Record)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !ReportRules.CanRead(report, actor))
        {
            throw new NotFoundException($"No social report {id} that you may see in this region.");
        }
        return ToDto(report);
    }

    public async Task<PagedResult<SocialReportListItem>> ListAsync(
        ListScope scope, PageRequest page, CancellationToken ct, ReportListFilter? filter = null)
    {
        filter ??= ReportListFilter.Newest;
        var userId = actor.UserId!.Value;
        var query = db.Reports.AsNoTracking();
        query = scope switch
        {
            ListScope.Mine => query.Where(r => r.ReporterId == userId || r.CoReporters.Any(c => c.UserId == userId)),
            ListScope.Inbox => query.Where(r => r.SupervisorId == userId),
            _ when ReportRules.ReadAll.Any(actor.IsInRole) => query,
            _ => query.Where(r => r.ReporterId == userId || r.SupervisorId == userId || r.CoReporters.Any(c => c.UserId == userId)),
        };
        query = Narrow(query, filter);
        var total = await query.CountAsync(ct);
        var items = await Order(query, filter).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new SocialReportListItem(r.Id, r.Number, r.ReceivedAt, r.Status.ToString(), r.PhenomenonType.ToString(), r.Title,
                r.ServiceArea, r.Municipality, new PersonDto(r.SupervisorUserName, r.SupervisorName)))
            .ToListAsync(ct);
        return new PagedResult<SocialReportListItem>(items, total, page.Page, page.PageSize);
    }

    private static IQueryable<SocialReport> Narrow(IQueryable<SocialReport> query, ReportListFilter filter)
    {
        var text = filter.Search?.Trim() ?? "";
        if (text.Length > 0)
        {
            var upper = text.ToUpperInvariant();
            query = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? query.Where(r => r.Number == number || r.Title.ToUpper().Contains(upper))
                : query.Where(r => r.Title.ToUpper().Contains(upper));
        }
        if (Enum.TryParse<ReportStatus>(filter.Status, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(r => r.Status == status);
        }
        if (Enum.TryParse<PhenomenonType>(filter.PhenomenonType, ignoreCase: true, out var type) && Enum.IsDefined(type))
        {
            query = query.Where(r => r.PhenomenonType == type);
        }
        return query;
    }

    /// <summary>Ties are broken by the number, newest first, so a page never repeats or skips a report.</summary>
    private static IQueryable<SocialReport> Order(IQueryable<SocialReport> query, ReportListFilter filter)
    {
        var descending = filter.Descending;
        var ordered = filter.Sort switch
        {
            ReportListSort.Title => descending ? query.OrderByDescending(r => r.Title) : query.OrderBy(r => r.Title),
            ReportListSort.Status => descending ? query.OrderByDescending(r => r.Status) : query.OrderBy(r => r.Status),
            ReportListSort.PhenomenonType => descending
                ? query.OrderByDescending(r => r.PhenomenonType) : query.OrderBy(r => r.PhenomenonType),
            ReportListSort.Supervisor => descending
                ? query.OrderByDescending(r => r.SupervisorName) : query.OrderBy(r => r.SupervisorName),
            _ => descending ? query.OrderByDescending(r => r.Number) : query.OrderBy(r => r.Number),
        };
        return ordered.ThenByDescending(r => r.Number);
    }

    /// <summary>The reader decides what they may do next and whether they see the supervisor's record.</summary>
    private SocialReportDto ToDto(SocialReport r)
    {
        var canProcess = ReportRules.CanProcess(r, actor);
        var reader = new ReportReader(canProcess, canProcess || ReportRules.ReadAll.Any(actor.IsInRole),
            ReportRules.NextStatuses(r.Status).Where(to => ReportRules.CanMove(r, to, actor)).Select(s => s.ToString()).ToList());
        return ViewReportsMapping.Map(mapper, r, reader);
    }
}
