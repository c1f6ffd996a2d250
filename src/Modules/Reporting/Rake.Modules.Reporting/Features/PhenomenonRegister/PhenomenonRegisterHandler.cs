using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Reporting.Features.PhenomenonRegister;

/// <summary>
/// The region's phenomenon register. Every query goes through the context's region filter, so a phenomenon, report or link of
/// another region is never found, linked or counted. The trend follows <see cref="PhenomenonTrend"/>.
/// </summary>
internal sealed class PhenomenonRegisterHandler(ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock)
{
    public async Task<PagedResult<PhenomenonListItem>> ListAsync(PhenomenonListQuery query, CancellationToken ct)
    {
        var all = await RegisterAsync(ct);
        var text = query.Search?.Trim() ?? "";
        IEnumerable<PhenomenonListItem> rows = all;
        if (text.Length > 0)
        {
            rows = rows.Where(p => p.Title.Contains(text, StringComparison.CurrentCultureIgnoreCase));
        }
        if (Enum.TryParse<TrendLabel>(query.Trend, ignoreCase: true, out var trend) && Enum.IsDefined(trend))
        {
            rows = rows.Where(p => p.Trend == trend.ToString());
        }
        var sort = Enum.TryParse<PhenomenonSort>(query.Sort, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : PhenomenonSort.Changed;
        Func<PhenomenonListItem, IComparable> key = sort switch
        {
            PhenomenonSort.Title => p => p.Title,
            PhenomenonSort.Reports => p => p.ReportCount,
            PhenomenonSort.LastReport => p => p.LastReportAt ?? DateTimeOffset.MinValue,
            PhenomenonSort.Trend => p => (int)Enum.Parse<TrendLabel>(p.Trend),
            _ => p => p.ChangedAt,
        };
        var ordered = (query.Descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ThenBy(p => p.Id).ToList();
        var page = new PageRequest(query.Page, query.PageSize);
        return new PagedResult<PhenomenonListItem>(ordered.Skip(page.Skip).Take(page.PageSize).ToList(), ordered.Count, page.Page,
            page.PageSize);
    }

    /// <summary>The phenomena that recur, for another module's suggestions (<see cref="IPhenomenonRegisterApi"/>).</summary>
    public async Task<IReadOnlyList<RecurringPhenomenon>> RecurringAsync(CancellationToken ct)
    {
        var scheme = await db.PeriodSchemeAsync(ct);
        var today = Helsinki.Today(clock);
        var phenomena = await db.Phenomena.AsNoTracking().Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var reports = await LinkedAsync(null, ct);
        return phenomena
            .Select(p => (p, Linked: reports.Where(r => r.PhenomenonId == p.Id).ToList()))
            .Select(x => (x.p, x.Linked, Trend: PhenomenonTrend.Compute(scheme, today, Inputs(x.Linked))))
            .Where(x => x.Trend.Label == TrendLabel.Recurring)
            .OrderByDescending(x => x.Trend.Periods.TakeLast(2).Sum(c => c.Count)).ThenByDescending(x => x.Linked.Count)
            .ThenBy(x => x.p.Title, StringComparer.CurrentCulture)
            .Select(x => new RecurringPhenomenon(x.p.Id, x.p.Title, x.Linked.Count, x.Trend.PeriodsSeen, x.Trend.Municipalities,
                x.Linked.Select(r => r.Number).Order().ToList()))
            .ToList();
    }

    public async Task<RegisteredPhenomenonDto> GetAsync(Guid id, CancellationToken ct)
    {
        var phenomenon = await db.Phenomena.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        var scheme = await db.PeriodSchemeAsync(ct);
        var linked = await LinkedAsync(id, ct);
        var trend = PhenomenonTrend.Compute(scheme, Helsinki.Today(clock), Inputs(linked));
        var reports = linked.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Number)
            .Select(r => new LinkedReportDto(r.ReportId, r.Number, r.ReceivedAt,
                ReportingPeriod.CurrentFor(scheme, Helsinki.ToLocalDate(r.ReceivedAt)).Id, r.Title, r.ServiceArea, r.Municipality,
                r.Status.ToString(), r.LinkedBy, r.LinkedAt))
            .ToList();
        var ids = linked.Select(r => r.ReportId).ToList();
        var steps = await db.Timeline.AsNoTracking().Where(t => ids.Contains(t.ReportId) && t.Kind != TimelineKind.Status).ToListAsync(ct);
        var numberOf = linked.ToDictionary(r => r.ReportId, r => r.Number);
        // One decision or follow-up reaches each of its reports' timelines: here it is shown once, with all of them.
        var actions = steps
            .GroupBy(t => (t.Kind, t.Code, t.At, t.Actor, t.Comment, t.SourceId))
            .Select(g => new PhenomenonActionDto(g.Key.At, g.Key.Kind.ToString(), g.Key.Code, g.Key.Actor, g.Key.Comment,
                g.Select(t => numberOf[t.ReportId]).Distinct().Order().ToList()))
            .OrderBy(a => a.At).ThenBy(a => a.Kind, StringComparer.Ordinal)
            .ToList();
        var studies = await db.PhenomenonReports.AsNoTracking().Where(p => p.PhenomenonId == id).OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.Title, p.Stage }).ToListAsync(ct);
        return new RegisteredPhenomenonDto(phenomenon.Id, phenomenon.Title, phenomenon.Description,
            new PhenomenonCriteria(phenomenon.Needs, phenomenon.Topicality, phenomenon.Significance, phenomenon.Recurrence),
            phenomenon.CreatedBy, phenomenon.CreatedAt, phenomenon.ChangedBy, phenomenon.ChangedAt,
            new PhenomenonTrendDto(trend.Label.ToString(), trend.Periods.Select(p => new PeriodCountDto(p.PeriodId, p.From, p.To, p.Count))
                .ToList(), trend.PeriodsSeen, trend.Municipalities, trend.RecurringIn),
            Counts(reports.Select(r => r.PeriodId)), Counts(reports.Select(r => r.Municipality)),
            Counts(reports.Select(r => r.ServiceArea)), reports, actions,
            studies.Select(p => new PhenomenonReportRefDto(p.Id, p.Title, p.Stage.ToString())).ToList());
    }

    public async Task<RegisteredPhenomenonDto> CreateAsync(PhenomenonRequest request, CancellationToken ct)
    {
        var phenomenon = New(request.Title!, request.Description!);
        db.Phenomena.Add(phenomenon);
        await db.SaveChangesAsync(ct);
        return await GetAsync(phenomenon.Id, ct);
    }

    /// <summary>A register entry, not yet saved: the caller adds it in its own change (a phenomenon report starts from one).</summary>
    public Phenomenon New(string title, string description)
    {
        var now = clock.GetUtcNow();
        return new Phenomenon
        {
            Id = Guid.CreateVersion7(now),
            Title = title.Trim(),
            Description = description.Trim(),
            CreatedBy = actor.UserName ?? "",
            CreatedAt = now,
            ChangedBy = actor.UserName ?? "",
            ChangedAt = now,
        };
    }

    /// <summary>The four criteria a phenomenon report was chosen by, kept on its register entry (the latest choice wins).</summary>
    public void RecordCriteria(Phenomenon phenomenon, string needs, string topicality, string significance, string recurrence)
    {
        phenomenon.Needs = needs.Trim();
        phenomenon.Topicality = topicality.Trim();
        phenomenon.Significance = significance.Trim();
        phenomenon.Recurrence = recurrence.Trim();
        Touch(phenomenon);
    }

    public async Task<RegisteredPhenomenonDto> UpdateAsync(Guid id, PhenomenonRequest request, CancellationToken ct)
    {
        var phenomenon = await db.Phenomena.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        phenomenon.Title = request.Title!.Trim();
        phenomenon.Description = request.Description!.Trim();
        Touch(phenomenon);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<RegisteredPhenomenonDto> LinkAsync(Guid id, PhenomenonLinkRequest request, CancellationToken ct)
    {
        var phenomenon = await db.Phenomena.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        var report = await ReadableReportAsync(request.ReportNumber!.Value, ct);
        if (!await db.PhenomenonLinks.AnyAsync(l => l.PhenomenonId == id && l.ReportId == report.Id, ct))
        {
            db.PhenomenonLinks.Add(new PhenomenonLink
            {
                PhenomenonId = id,
                ReportId = report.Id,
                LinkedBy = actor.UserName ?? "",
                LinkedAt = clock.GetUtcNow(),
            });
            Touch(phenomenon);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two people (or one double click) linked the same report at the same moment: the other request's link
                // stands, so this one has what it asked for. Anything else is a real failure.
                db.ChangeTracker.Clear();
                if (!await db.PhenomenonLinks.AnyAsync(l => l.PhenomenonId == id && l.ReportId == report.Id, ct))
                {
                    throw;
                }
            }
        }
        return await GetAsync(id, ct);
    }

    /// <summary>For a report's page: the region's phenomena the report is linked to, and every phenomenon of the region to link it to
    /// (the context's region filter keeps other regions' out). The page has already checked that the person reads the report.
    /// </summary>
    public async Task<ReportPhenomenaDto> ForReportAsync(Guid reportId, CancellationToken ct)
    {
        var all = await db.Phenomena.AsNoTracking().Select(p => new PhenomenonChoiceDto(p.Id, p.Title)).ToListAsync(ct);
        var linked = await db.PhenomenonLinks.AsNoTracking().Where(l => l.ReportId == reportId).Select(l => l.PhenomenonId)
            .ToListAsync(ct);
        var byTitle = all.OrderBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Id).ToList();
        return new ReportPhenomenaDto(byTitle.Where(p => linked.Contains(p.Id)).ToList(), byTitle);
    }

    public async Task<RegisteredPhenomenonDto> UnlinkAsync(Guid id, int number, CancellationToken ct)
    {
        var phenomenon = await db.Phenomena.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        var link = await (from l in db.PhenomenonLinks
                          join r in db.Reports on l.ReportId equals r.Id
                          where l.PhenomenonId == id && r.Number == number
                          select l).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(texts.Get("reporting.phenomena.notLinked", number));
        db.PhenomenonLinks.Remove(link);
        Touch(phenomenon);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Links the reports with these numbers (the caller has checked they are the region's) in the caller's change.</summary>
    public async Task LinkNumbersAsync(Guid phenomenonId, IReadOnlyCollection<int> numbers, CancellationToken ct)
    {
        if (numbers.Count == 0)
        {
            return;
        }
        var reportIds = await db.Reports.Where(r => numbers.Contains(r.Number)).Select(r => r.Id).ToListAsync(ct);
        var known = await db.PhenomenonLinks.Where(l => l.PhenomenonId == phenomenonId).Select(l => l.ReportId).ToListAsync(ct);
        foreach (var reportId in reportIds.Except(known))
        {
            db.PhenomenonLinks.Add(new PhenomenonLink
            {
                PhenomenonId = phenomenonId,
                ReportId = reportId,
                LinkedBy = actor.UserName ?? "",
                LinkedAt = clock.GetUtcNow(),
            });
        }
    }

    /// <summary>A report the person may link must be one they may read: a supervisor links the reports they handle.</summary>
    private async Task<SocialReport> ReadableReportAsync(int number, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.CoReporters).FirstOrDefaultAsync(r => r.Number == number, ct);
        if (report is null || !ReportRules.CanRead(report, actor))
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["reportNumber"] = [texts.Get("reporting.phenomenon.unknownReport", number)],
            }, texts.Get("validation.nothingStored"));
        }
        return report;
    }

    private void Touch(Phenomenon phenomenon)
    {
        phenomenon.ChangedBy = actor.UserName ?? "";
        phenomenon.ChangedAt = clock.GetUtcNow();
    }

    private NotFoundException NotFound() => new(texts["reporting.phenomena.notFound"]);

    private async Task<IReadOnlyList<PhenomenonListItem>> RegisterAsync(CancellationToken ct)
    {
        var scheme = await db.PeriodSchemeAsync(ct);
        var today = Helsinki.Today(clock);
        var phenomena = await db.Phenomena.AsNoTracking().ToListAsync(ct);
        var reports = await LinkedAsync(null, ct);
        return phenomena.Select(p =>
        {
            var linked = reports.Where(r => r.PhenomenonId == p.Id).ToList();
            var trend = PhenomenonTrend.Compute(scheme, today, Inputs(linked));
            return new PhenomenonListItem(p.Id, p.Title, linked.Count, linked.Count == 0 ? null : linked.Max(r => r.ReceivedAt),
                trend.Label.ToString(), trend.Municipalities, p.ChangedAt, p.ChangedBy);
        }).ToList();
    }

    private async Task<List<Linked>> LinkedAsync(Guid? phenomenonId, CancellationToken ct)
    {
        var links = db.PhenomenonLinks.AsNoTracking();
        if (phenomenonId is { } id)
        {
            links = links.Where(l => l.PhenomenonId == id);
        }
        return await (from l in links
                      join r in db.Reports.AsNoTracking() on l.ReportId equals r.Id
                      select new Linked(l.PhenomenonId, r.Id, r.Number, r.ReceivedAt, r.Title, r.ServiceArea, r.Municipality, r.Status,
                          l.LinkedBy, l.LinkedAt))
            .ToListAsync(ct);
    }

    private static List<TrendInput> Inputs(IEnumerable<Linked> linked) =>
        linked.Select(r => new TrendInput(Helsinki.ToLocalDate(r.ReceivedAt), r.Municipality)).ToList();

    private static List<CountByKeyDto> Counts(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => new CountByKeyDto(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    private sealed record Linked(
        Guid PhenomenonId, Guid ReportId, int Number, DateTimeOffset ReceivedAt, string Title, string ServiceArea, string Municipality,
        ReportStatus Status, string LinkedBy, DateTimeOffset LinkedAt);
}

/// <summary>The register as other modules may ask it (<see cref="IPhenomenonRegisterApi"/>), in the scope's region.</summary>
internal sealed class PhenomenonRegisterApi(PhenomenonRegisterHandler register) : IPhenomenonRegisterApi
{
    public Task<IReadOnlyList<RecurringPhenomenon>> RecurringAsync(CancellationToken cancellationToken) =>
        register.RecurringAsync(cancellationToken);
}
