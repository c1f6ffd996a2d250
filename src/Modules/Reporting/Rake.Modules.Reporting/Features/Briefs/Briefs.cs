using System.Globalization;
using Rake.BuildingBlocks.Export;
using Rake.Modules.Reporting.Features.AnnualReport;
using Rake.Modules.Reporting.Features.Compilations;
using Rake.Modules.Reporting.Features.Periods;

namespace Rake.Modules.Reporting.Features.Briefs;

internal sealed record BriefCountDto(string Key, string Name, int Count, int Previous);

/// <summary>A phenomenon the brief raises: with the body's decision when there is one, otherwise with the reporter's proposal.</summary>
internal sealed record BriefItemDto(int? ReportNumber, string Title, string? Decision, string? ResponsiblePerson, string? Proposal);

/// <summary>
/// The one-page brief for decision makers (päättäjätiivistelmä) of one output: a compilation, the current period's interim
/// figures or the annual social report. Only aggregated figures and texts that pass the identity-code screen (docs/adr/0164).
/// </summary>
internal sealed record BriefDto(
    string Kind, string Key, string Title, string RegionName, DateOnly From, DateOnly To, DateOnly ComputedOn, string PeriodLabel,
    string PreviousLabel, int Total, int PreviousTotal, int Processed, int ToAction, IReadOnlyList<BriefCountDto> ByType,
    IReadOnlyList<BriefCountDto> ByServiceArea, IReadOnlyList<BriefCountDto> TopCategories, IReadOnlyList<BriefItemDto> Items,
    IReadOnlyList<string> Summary, string ServiceAreaTitle, string CategoryTitle, string ChartEmpty, string ChartAlt, string FileName);

internal static class BriefEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Briefs";
        api.MapGet("/briefs/compilation/{periodId}", (string periodId, BriefHandler handler, CancellationToken ct) =>
                handler.CompilationAsync(periodId, ct))
            .RequireRegionRoles(ReportingRoles.Summary)
            .WithTags(tag).WithSummary("The one-page brief for decision makers of a period's compilation: key figures, top phenomena, "
                + "decisions and proposals.");
        api.MapGet("/briefs/compilation/{periodId}/brief.png", async (string periodId, BriefHandler handler, CancellationToken ct) =>
                Png(await handler.CompilationAsync(periodId, ct)))
            .RequireRegionRoles(ReportingRoles.Summary)
            .WithTags(tag).WithSummary("The compilation brief's chart as a PNG for a council agenda.");
        api.MapGet("/briefs/interim", (BriefHandler handler, CancellationToken ct) => handler.InterimAsync(ct))
            .RequireRegionRoles(ReportingRoles.Summary)
            .WithTags(tag).WithSummary("The brief of the current period so far (interim figures), compared with the same days of the "
                + "previous period.");
        api.MapGet("/briefs/interim/brief.png", async (BriefHandler handler, CancellationToken ct) =>
                Png(await handler.InterimAsync(ct)))
            .RequireRegionRoles(ReportingRoles.Summary)
            .WithTags(tag).WithSummary("The interim brief's chart as a PNG.");
        // Who may read an annual brief depends on whether the report is published, as for the report itself.
        api.MapGet("/briefs/annual/{year:int}", (int year, BriefHandler handler, CancellationToken ct) => handler.AnnualAsync(year, ct))
            .WithTags(tag).WithSummary("The brief of the year's annual social report (its figures as published once it is).");
        api.MapGet("/briefs/annual/{year:int}/brief.png", async (int year, BriefHandler handler, CancellationToken ct) =>
                Png(await handler.AnnualAsync(year, ct)))
            .WithTags(tag).WithSummary("The annual brief's chart as a PNG.");
    }

    private static IResult Png(BriefDto brief) => FileDownload.File(BriefChart.Render(brief), BriefChart.ContentType, brief.FileName);
}

/// <summary>
/// Builds each brief from the same handlers as its output, so its figures are the output's figures: the compilation's counts,
/// the period summary's for interim figures, the annual report's (frozen once published) for the year.
/// </summary>
internal sealed class BriefHandler(
    ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, CompilationHandler compilations,
    PeriodSummaryHandler summaries, AnnualReportHandler annualReports, IRegionAccess regions)
{
    /// <summary>Enough to read in two minutes: the seeds say decision makers have no time for long reports.</summary>
    internal const int MaxItems = 4;

    internal const int MaxServiceAreas = 8;
    internal const int MaxCategories = 5;
    private const int TitleMax = 120;
    private const int TextMax = 280;

    private static readonly ReportStatus[] ActionStatuses = [ReportStatus.Decided, ReportStatus.Published, ReportStatus.Closed];

    public async Task<BriefDto> CompilationAsync(string periodId, CancellationToken ct)
    {
        var c = await compilations.BuildAsync(periodId, ct);
        var (processed, toAction) = await ProgressAsync(c.Period.From, c.Period.To, ct);
        var notes = await NotesAsync(c.Period.Id, ct);
        var label = Label(c.Period.From, c.Period.To);
        var previousLabel = Label(c.PreviousPeriod.From, c.PreviousPeriod.To);
        return Build("compilation", c.Period.Id, texts.Get("brief.title.compilation", label), c.Period.From, c.Period.To, label,
            previousLabel, c.Total, c.PreviousTotal, processed, toAction, c.ByType, c.ByServiceArea, c.ByCategory,
            await ItemsAsync(c.Period.From, c.Period.To, notes, c.ByCategory, ct),
            texts.Get("brief.summary.compilation", c.Total, label, c.PreviousTotal, previousLabel),
            texts.Get("brief.file.compilation", c.Period.Id));
    }

    /// <summary>The current (main) period from its first day to today, compared with the same number of days of the previous
    /// one: a whole previous period would make any period look quiet halfway through.</summary>
    public async Task<BriefDto> InterimAsync(CancellationToken ct)
    {
        var scheme = await db.PeriodSchemeAsync(ct);
        var today = Helsinki.Today(clock);
        var period = ReportingPeriod.CurrentFor(scheme, today);
        var before = period.Previous(scheme);
        var days = today.DayNumber - period.From.DayNumber;
        var soFar = period with { To = today, IsInterim = true };
        var sameDaysBefore = before with { To = Min(before.From.AddDays(days), before.To), IsInterim = true };
        var current = await summaries.SummarizeAsync(soFar, ct);
        var previous = await summaries.SummarizeAsync(sameDaysBefore, ct);
        var terms = await db.Terms.AsNoTracking().ToListAsync(ct);
        var language = TextCatalog.CurrentLanguage;
        string TermName(TermKind kind, string code) => terms.FirstOrDefault(t => t.Kind == kind && t.Code == code)?.Name(language) ?? code;
        var byType = CompilationHandler.Compare(current.ByType, previous.ByType, k => texts[$"reporting.type.{k}"]);
        var byArea = CompilationHandler.Compare(current.ByServiceArea, previous.ByServiceArea, k => TermName(TermKind.ServiceArea, k));
        var byCategory = CompilationHandler.Compare(current.ByCategory, previous.ByCategory, k => TermName(TermKind.Category, k));
        var (processed, toAction) = await ProgressAsync(soFar.From, soFar.To, ct);
        var label = Label(soFar.From, soFar.To);
        var previousLabel = Label(sameDaysBefore.From, sameDaysBefore.To);
        return Build("interim", period.Id, texts.Get("brief.title.interim", label), soFar.From, soFar.To, label, previousLabel,
            current.TotalCount, previous.TotalCount, processed, toAction, byType, byArea, byCategory,
            await ItemsAsync(soFar.From, soFar.To, await NotesAsync(period.Id, ct), byCategory, ct),
            texts.Get("brief.summary.interim", current.TotalCount, label, previous.TotalCount, previousLabel),
            texts.Get("brief.file.interim", F(today)));
    }

    /// <summary>The annual report's own figures and decisions (as published once it is); proposals of the year's reports fill
    /// the places the decisions leave.</summary>
    public async Task<BriefDto> AnnualAsync(int year, CancellationToken ct)
    {
        var report = await annualReports.GetAsync(year, ct);
        var f = report.Figures;
        var decisions = f.Decisions.OrderByDescending(d => d.At).ThenBy(d => d.Id).ToList();
        var label = year.ToString(CultureInfo.InvariantCulture);
        var previousLabel = (year - 1).ToString(CultureInfo.InvariantCulture);
        var items = await ItemsAsync(f.From, f.To, decisions, f.ByCategory, ct);
        return Build("annual", label, texts.Get("brief.title.annual", year), f.From, f.To, $"{F(f.From)}–{F(f.To)}", previousLabel,
            f.Total, f.PreviousYearTotal, f.Processed, f.ActionsTaken, f.ByType, f.ByServiceArea, f.ByCategory, items,
            texts.Get("brief.summary.annual", f.Total, year, f.PreviousYearTotal, year - 1),
            texts.Get("brief.file.annual", year));
    }

    private BriefDto Build(
        string kind, string key, string title, DateOnly from, DateOnly to, string label, string previousLabel, int total,
        int previousTotal, int processed, int toAction, IReadOnlyList<ComparedCountDto> byType, IReadOnlyList<ComparedCountDto> byArea,
        IReadOnlyList<ComparedCountDto> byCategory, IReadOnlyList<BriefItemDto> items, string firstSentence, string file)
    {
        static BriefCountDto Count(ComparedCountDto c) => new(c.Key, c.Name, c.Count, c.Previous);
        var areas = byArea.Where(a => a.Count > 0 || a.Previous > 0).Take(MaxServiceAreas).Select(Count).ToList();
        var categories = byCategory.Where(a => a.Count > 0).Take(MaxCategories).Select(Count).ToList();
        var summary = new List<string> { firstSentence, texts.Get("brief.summary.progress", processed, toAction) };
        if (areas.FirstOrDefault(a => a.Count > 0) is { } topArea && categories.FirstOrDefault() is { } topCategory)
        {
            summary.Add(texts.Get("brief.summary.most", topArea.Name, topArea.Count, topCategory.Name, topCategory.Count));
        }
        else if (total == 0)
        {
            summary.Add(texts["brief.summary.none"]);
        }
        var region = regions.NameOf(actor.RequireRegion());
        var alt = texts.Get("brief.chart.alt", label, previousLabel,
            string.Join("; ", areas.Select(a => texts.Get("brief.chart.altItem", a.Name, a.Count, a.Previous))),
            string.Join("; ", categories.Select(a => texts.Get("brief.chart.altItem", a.Name, a.Count, a.Previous))));
        return new BriefDto(kind, key, title, region, from, to, Helsinki.Today(clock), label, previousLabel, total, previousTotal,
            processed, toAction, byType.Select(Count).ToList(), areas, categories, items, summary, texts["brief.chart.byServiceArea"],
            texts["brief.chart.topCategories"], texts["brief.chart.empty"], alt, $"{region} – {file}.png");
    }

    /// <summary>Processed (the supervisor's record exists) and to action (decided, published or closed), as the annual report
    /// counts them.</summary>
    private async Task<(int Processed, int ToAction)> ProgressAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = Helsinki.StartOf(from);
        var end = Helsinki.StartOf(to.AddDays(1));
        var reports = db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
        return (await reports.CountAsync(r => r.Record != null, ct), await reports.CountAsync(r => ActionStatuses.Contains(r.Status), ct));
    }

    private async Task<List<CompilationNoteDto>> NotesAsync(string periodId, CancellationToken ct) =>
        (await db.CompilationNotes.AsNoTracking()
            .Where(n => n.PeriodId == periodId && n.Kind == CompilationNoteKind.SteeringGroupDecision).ToListAsync(ct))
        .OrderByDescending(n => n.At).ThenBy(n => n.Id)
        .Select(n => new CompilationNoteDto(n.Id, n.Kind.ToString(), n.ReportNumber, n.Text, n.ResponsiblePerson, n.Author, n.At))
        .ToList();

    /// <summary>
    /// The steering group's decisions first (newest first), then the proposals of the reports the supervisors ranked highest
    /// (priority 1 first), then those of the most reported category. A text that holds an identity code is left out whole.
    /// </summary>
    private async Task<IReadOnlyList<BriefItemDto>> ItemsAsync(
        DateOnly from, DateOnly to, IReadOnlyList<CompilationNoteDto> decisions, IReadOnlyList<ComparedCountDto> byCategory,
        CancellationToken ct)
    {
        var start = Helsinki.StartOf(from);
        var end = Helsinki.StartOf(to.AddDays(1));
        var numbers = decisions.Where(d => d.ReportNumber is not null).Select(d => d.ReportNumber!.Value).ToList();
        var titles = await db.Reports.AsNoTracking().Where(r => numbers.Contains(r.Number))
            .Select(r => new { r.Number, r.Title }).ToDictionaryAsync(r => r.Number, r => r.Title, ct);
        var items = new List<BriefItemDto>();
        foreach (var d in decisions)
        {
            var title = d.ReportNumber is { } n && titles.TryGetValue(n, out var t) ? t : texts["brief.item.decisionTitle"];
            if (!StoredTextCheck.AnyIdentityCode(title, d.Text, d.ResponsiblePerson) && items.Count < MaxItems)
            {
                items.Add(new BriefItemDto(d.ReportNumber, Clip(title, TitleMax), Clip(d.Text, TextMax), d.ResponsiblePerson, null));
            }
        }
        if (items.Count >= MaxItems)
        {
            return items;
        }
        var topCategory = byCategory.FirstOrDefault(c => c.Count > 0)?.Key;
        var candidates = await db.Reports.AsNoTracking()
            .Where(r => r.ReceivedAt >= start && r.ReceivedAt < end && !numbers.Contains(r.Number))
            .Select(r => new
            {
                r.Number,
                r.Title,
                r.Proposal,
                Priority = r.Record == null ? (int?)null : r.Record.Priority,
                InTop = r.Categories.Any(c => c.Code == topCategory),
            })
            .OrderBy(r => r.Priority == null).ThenBy(r => r.Priority).ThenByDescending(r => r.InTop).ThenBy(r => r.Number)
            .Take(MaxItems * 4).ToListAsync(ct);
        foreach (var r in candidates.Where(r => !StoredTextCheck.AnyIdentityCode(r.Title, r.Proposal)).Take(MaxItems - items.Count))
        {
            items.Add(new BriefItemDto(r.Number, Clip(r.Title, TitleMax), null, null, Clip(r.Proposal, TextMax)));
        }
        return items;
    }

    private static string Clip(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    internal static string F(DateOnly d) => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    internal static string Label(DateOnly from, DateOnly to) => $"{F(from)}–{F(to)}";
}
