using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Planning.Contracts;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.Compilations;
using Rake.Modules.Reporting.Features.Documents;
using Rake.Modules.Reporting.Features.Periods;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Features.AnnualReport;

internal sealed record AnnualFiguresDto(
    int Year, DateOnly From, DateOnly To, int Total, int PreviousYearTotal, int Processed, int ActionsTaken,
    IReadOnlyList<ComparedCountDto> ByType, IReadOnlyList<ComparedCountDto> ByCategory, IReadOnlyList<ComparedCountDto> ByServiceArea,
    IReadOnlyList<ComparedCountDto> ByMunicipality, IReadOnlyList<CountDto> ByStatus, IReadOnlyList<CountDto> ByPeriod,
    IReadOnlyList<CompilationNoteDto> Decisions, int WorkingGroupComments);

internal sealed record AnnualSectionsDto(string Introduction, string ActionsTaken, string PlanEvaluation, string Conclusions);

internal sealed record AnnualReportDto(
    int Year, string Status, AnnualSectionsDto Sections, AnnualFiguresDto Figures, DateTimeOffset? UpdatedAt, string? UpdatedBy,
    DateTimeOffset? ApprovedAt, string? ApprovedBy, DateTimeOffset? PublishedAt, string? PublishedBy, bool PlanEvaluationFromPlanning);

internal sealed record UpdateAnnualSectionsRequest(string? Introduction, string? ActionsTaken, string? PlanEvaluation, string? Conclusions);

internal static class AnnualReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Annual social report";
        api.MapGet("/annual-reports/{year:int}", (int year, AnnualReportHandler handler, CancellationToken ct) => handler.GetAsync(year, ct))
            .WithTags(tag).WithSummary("The year's social report: figures computed from the stored reports, narrative sections, approval and publication.");
        api.MapPut("/annual-reports/{year:int}", (int year, UpdateAnnualSectionsRequest request, AnnualReportHandler handler, CancellationToken ct) => handler.UpdateAsync(year, request, ct))
            .WithTags(tag).WithSummary("Edit the narrative sections (only while a draft).");
        api.MapPost("/annual-reports/{year:int}/approve", (int year, AnnualReportHandler handler, CancellationToken ct) => handler.ApproveAsync(year, ct))
            .WithTags(tag).WithSummary("The steering group approves the draft.");
        api.MapPost("/annual-reports/{year:int}/publish", (int year, AnnualReportHandler handler, CancellationToken ct) => handler.PublishAsync(year, ct))
            .WithTags(tag).WithSummary("Publish the approved report (intranet, website, municipal wellbeing groups).");
        api.MapGet("/annual-reports/{year:int}/report.docx", async (string region, int year, AnnualReportHandler handler, CancellationToken ct) =>
                Results.File(DocxWriter.Write(await handler.DocumentAsync(year, ct)), DocxWriter.ContentType, $"rake-{region}-sosiaalinen-raportti-{year}.docx"))
            .WithTags(tag).WithSummary("The annual social report as a Word document.");
        api.MapGet("/annual-reports/{year:int}/report.html", async (int year, AnnualReportHandler handler, CancellationToken ct) =>
                Results.Content(HtmlWriter.Write(await handler.DocumentAsync(year, ct)), "text/html; charset=utf-8"))
            .WithTags(tag).WithSummary("The annual social report as an accessible HTML page.");
        api.MapGet("/annual-reports/{year:int}/infographic.svg", async (int year, AnnualReportHandler handler, CancellationToken ct) =>
                Results.Content(Svg.Infographic(await handler.InfographicAsync(year, ct)), "image/svg+xml; charset=utf-8"))
            .WithTags(tag).WithSummary("The year on one page (SVG).");
    }
}

/// <summary>
/// The annual social report. Figures are always recomputed from the stored reports (so they cannot drift from them);
/// the narrative sections and the approval trail are stored. The plan evaluation is a narrative section because
/// Planning's contract offers no evaluation yet (ADR 0050).
/// </summary>
internal sealed class AnnualReportHandler(ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, IPlanningApi planning)
{
    public static readonly RegionRole[] EditRoles = [RegionRole.ResponsiblePerson, RegionRole.Planner];
    public static readonly RegionRole[] ApproveRoles = [RegionRole.SteeringGroupMember];
    public static readonly RegionRole[] PublishRoles = [RegionRole.Communications, RegionRole.ResponsiblePerson];

    public async Task<AnnualReportDto> GetAsync(int year, CancellationToken ct)
    {
        var stored = await ReadableAsync(year, ct);
        return await ToDtoAsync(year, stored, ct);
    }

    public async Task<AnnualReportDto> UpdateAsync(int year, UpdateAnnualSectionsRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.annual.editForbidden"], EditRoles);
        CheckYear(year);
        var errors = new ValidationErrors(texts);
        var introduction = errors.Text("introduction", request.Introduction, AnnualSocialReport.SectionMax, required: false) ?? "";
        var actions = errors.Text("actionsTaken", request.ActionsTaken, AnnualSocialReport.SectionMax, required: false) ?? "";
        var evaluation = errors.Text("planEvaluation", request.PlanEvaluation, AnnualSocialReport.SectionMax, required: false) ?? "";
        var conclusions = errors.Text("conclusions", request.Conclusions, AnnualSocialReport.SectionMax, required: false) ?? "";
        foreach (var finding in PiiGuard.Scan([("introduction", introduction), ("actionsTaken", actions), ("planEvaluation", evaluation), ("conclusions", conclusions)])
                     .Where(f => f.Kind == PiiKind.PersonalIdentityCode))
        {
            errors.AddText(finding.Field, "reporting.annual.identityCode");
        }
        errors.ThrowIfAny();
        var report = await db.AnnualReports.FirstOrDefaultAsync(a => a.Year == year, ct);
        if (report is null)
        {
            report = new AnnualSocialReport { Id = Guid.CreateVersion7(clock.GetUtcNow()), Year = year, Status = AnnualReportStatus.Draft };
            db.AnnualReports.Add(report);
        }
        else if (report.Status != AnnualReportStatus.Draft)
        {
            throw new ConflictException(texts.Get("reporting.annual.notDraft", texts[$"reporting.annual.status.{report.Status}"]));
        }
        report.Introduction = introduction;
        report.ActionsTaken = actions;
        report.PlanEvaluation = evaluation;
        report.Conclusions = conclusions;
        report.UpdatedAt = clock.GetUtcNow();
        report.UpdatedBy = actor.UserName ?? "";
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(year, report, ct);
    }

    public async Task<AnnualReportDto> ApproveAsync(int year, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.annual.approveForbidden"], ApproveRoles);
        var report = await db.AnnualReports.FirstOrDefaultAsync(a => a.Year == year, ct)
            ?? throw new NotFoundException(texts.Get("reporting.annual.notFound", year));
        if (report.Status != AnnualReportStatus.Draft)
        {
            throw new ConflictException(texts.Get("reporting.annual.notDraft", texts[$"reporting.annual.status.{report.Status}"]));
        }
        var errors = new ValidationErrors(texts);
        if (report.Introduction.Length == 0)
        {
            errors.AddText("introduction", "validation.required");
        }

        if (report.PlanEvaluation.Length == 0)
        {
            errors.AddText("planEvaluation", "validation.required");
        }

        errors.ThrowIfAny();
        report.Status = AnnualReportStatus.Approved;
        report.ApprovedAt = clock.GetUtcNow();
        report.ApprovedBy = actor.UserName;
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(year, report, ct);
    }

    public async Task<AnnualReportDto> PublishAsync(int year, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.annual.publishForbidden"], PublishRoles);
        var report = await db.AnnualReports.FirstOrDefaultAsync(a => a.Year == year, ct)
            ?? throw new NotFoundException(texts.Get("reporting.annual.notFound", year));
        if (report.Status != AnnualReportStatus.Approved)
        {
            throw new ConflictException(texts.Get("reporting.annual.notApproved", texts[$"reporting.annual.status.{report.Status}"]));
        }
        report.Status = AnnualReportStatus.Published;
        report.PublishedAt = clock.GetUtcNow();
        report.PublishedBy = actor.UserName;
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(year, report, ct);
    }

    public async Task<ReportDocument> DocumentAsync(int year, CancellationToken ct)
    {
        var dto = await GetAsync(year, ct);
        var f = dto.Figures;
        var thisYear = year.ToString(CultureInfo.InvariantCulture);
        var lastYear = (year - 1).ToString(CultureInfo.InvariantCulture);
        var blocks = new List<DocBlock>();
        void Section(string key, string text)
        {
            blocks.Add(new DocHeading(1, texts[key]));
            blocks.Add(new DocText(text.Length > 0 ? text : texts["reporting.annual.sectionEmpty"]));
        }
        Section("reporting.annual.introduction", dto.Sections.Introduction);
        blocks.Add(new DocHeading(1, texts["reporting.annual.figures"]));
        blocks.Add(new DocText(texts.Get("reporting.annual.totals", f.Total, F(f.From), F(f.To), f.PreviousYearTotal, f.Processed, f.ActionsTaken)));
        blocks.Add(new DocChart(texts["reporting.annual.byPeriod"], f.ByPeriod.Select(p => new ChartBar(p.Key, p.Count)).ToList(), thisYear));
        foreach (var (key, counts) in new[]
                 {
                     ("reporting.compilation.byType", f.ByType), ("reporting.compilation.byCategory", f.ByCategory),
                     ("reporting.compilation.byServiceArea", f.ByServiceArea), ("reporting.compilation.byMunicipality", f.ByMunicipality),
                 })
        {
            blocks.Add(new DocHeading(2, texts[key]));
            blocks.Add(new DocChart(texts[key], counts.Select(x => new ChartBar(x.Name, x.Count, x.Previous)).ToList(), thisYear, lastYear));
        }
        blocks.Add(new DocHeading(2, texts["reporting.annual.byStatus"]));
        blocks.Add(new DocTable(texts["reporting.annual.byStatus"], [texts["reporting.annual.status"], texts["reporting.annual.count"]],
            f.ByStatus.Select(s => (IReadOnlyList<string>)[texts[$"reporting.status.{s.Key}"], s.Count.ToString(CultureInfo.InvariantCulture)]).ToList()));
        Section("reporting.annual.actionsTaken", dto.Sections.ActionsTaken);
        if (f.Decisions.Count > 0)
        {
            blocks.Add(new DocTable(texts["reporting.annual.decisions"],
                [texts["reporting.annual.date"], texts["reporting.annual.report"], texts["reporting.annual.decision"], texts["reporting.compilation.responsible"]],
                f.Decisions.Select(d => (IReadOnlyList<string>)[F(Helsinki.ToLocalDate(d.At)), d.ReportNumber?.ToString(CultureInfo.InvariantCulture) ?? "–", d.Text, d.ResponsiblePerson ?? "–"]).ToList()));
        }
        Section("reporting.annual.planEvaluation", dto.Sections.PlanEvaluation);
        if (await planning.EvaluationAsync(year, ct) is { ActionsTotal: > 0 } evaluation)
        {
            // The implementation plan's own follow-up of the year, read from Planning: each action with its status and evidence.
            blocks.Add(new DocText(texts.Get("reporting.annual.planActions", evaluation.PlanTitle, evaluation.ActionsDone, evaluation.ActionsTotal)));
            blocks.Add(new DocTable(texts["reporting.annual.planActionsTable"],
                [texts["reporting.annual.planGoal"], texts["reporting.annual.planAction"], texts["reporting.annual.planStatus"], texts["reporting.annual.planEvidence"]],
                evaluation.Actions.Select(a => (IReadOnlyList<string>)[a.Goal, a.Title, texts[$"reporting.annual.planStatus.{a.Status}"], a.Evidence ?? "–"]).ToList()));
        }
        Section("reporting.annual.conclusions", dto.Sections.Conclusions);
        var state = texts[$"reporting.annual.status.{dto.Status}"] +
                    (dto.ApprovedAt is { } a ? $" · {texts["reporting.annual.approved"]} {F(Helsinki.ToLocalDate(a))}" : "") +
                    (dto.PublishedAt is { } p ? $" · {texts["reporting.annual.published"]} {F(Helsinki.ToLocalDate(p))}" : "");
        return new ReportDocument(TextCatalog.CurrentLanguage, texts.Get("reporting.annual.title", year), $"RAKE · {actor.RequireRegion().Code} · {state}", blocks);
    }

    public async Task<InfographicData> InfographicAsync(int year, CancellationToken ct)
    {
        var dto = await GetAsync(year, ct);
        var f = dto.Figures;
        static IReadOnlyList<ChartBar> Bars(IEnumerable<ComparedCountDto> counts) => counts.Where(c => c.Count > 0).Select(c => new ChartBar(c.Name, c.Count)).ToList();
        var title = texts.Get("reporting.annual.title", year);
        return new InfographicData(
            title, $"{actor.RequireRegion().Code} · {F(f.From)}–{F(f.To)}",
            texts.Get("reporting.annual.totals", f.Total, F(f.From), F(f.To), f.PreviousYearTotal, f.Processed, f.ActionsTaken),
            [new(texts["reporting.annual.kf.reports"], f.Total), new(texts["reporting.annual.kf.processed"], f.Processed), new(texts["reporting.annual.kf.actions"], f.ActionsTaken)],
            texts["reporting.compilation.byType"], f.ByType.Select(c => new ChartBar(c.Name, c.Count)).ToList(),
            texts["reporting.annual.topCategories"], Bars(f.ByCategory),
            texts["reporting.annual.byPeriod"], f.ByPeriod.Select(p => new ChartBar(p.Key, p.Count)).ToList(),
            texts["reporting.compilation.byServiceArea"], Bars(f.ByServiceArea),
            texts.Get("reporting.annual.infographicFooter", f.PreviousYearTotal, year - 1));
    }

    /// <summary>The figures of a year, computed in the database within the current region.</summary>
    public async Task<AnnualFiguresDto> FiguresAsync(int year, CancellationToken ct)
    {
        var scheme = (await db.Settings.AsNoTracking().FirstOrDefaultAsync(ct))?.PeriodScheme ?? PeriodScheme.CalendarYear;
        var periods = ReportingPeriod.ForYear(scheme, year).Where(p => !p.IsInterim).ToList();
        var previousPeriods = ReportingPeriod.ForYear(scheme, year - 1).Where(p => !p.IsInterim).ToList();
        var from = periods.Min(p => p.From);
        var to = periods.Max(p => p.To);
        var current = await CountsAsync(from, to, ct);
        var previous = await CountsAsync(previousPeriods.Min(p => p.From), previousPeriods.Max(p => p.To), ct);

        // Quarters (calendar year) or half-years: each segment counted on its own, not cumulatively, so they add up to the total.
        var segments = scheme == PeriodScheme.CalendarYear
            ? Enumerable.Range(0, 4).Select(q => ($"Q{q + 1}", new DateOnly(year, q * 3 + 1, 1), new DateOnly(year, q * 3 + 1, 1).AddMonths(3).AddDays(-1))).ToList()
            : periods.Select(p => (p.Id[5..], p.From, p.To)).ToList();
        var byPeriod = new List<CountDto>();
        foreach (var (label, segmentFrom, segmentTo) in segments)
        {
            var start = Helsinki.StartOf(segmentFrom);
            var end = Helsinki.StartOf(segmentTo.AddDays(1));
            byPeriod.Add(new CountDto(label, await db.Reports.CountAsync(r => r.ReceivedAt >= start && r.ReceivedAt < end, ct)));
        }

        var range = Reports(from, to);
        var byStatus = await range.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var processed = await range.CountAsync(r => r.Record != null, ct);
        var actionStatuses = new[] { ReportStatus.Decided, ReportStatus.Published, ReportStatus.Closed };
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var notes = await db.CompilationNotes.AsNoTracking().Where(n => n.PeriodId.StartsWith(yearText)).ToListAsync(ct);
        var terms = await db.Terms.AsNoTracking().ToListAsync(ct);
        var language = TextCatalog.CurrentLanguage;
        string TermName(TermKind kind, string code) => terms.FirstOrDefault(t => t.Kind == kind && t.Code == code)?.Name(language) ?? code;

        return new AnnualFiguresDto(
            year, from, to, current.Total, previous.Total, processed,
            byStatus.Where(s => actionStatuses.Contains(s.Key)).Sum(s => s.Count),
            CompilationHandler.Compare(current.ByType, previous.ByType, k => texts[$"reporting.type.{k}"]),
            CompilationHandler.Compare(current.ByCategory, previous.ByCategory, k => TermName(TermKind.Category, k)),
            CompilationHandler.Compare(current.ByServiceArea, previous.ByServiceArea, k => TermName(TermKind.ServiceArea, k)),
            CompilationHandler.Compare(current.ByMunicipality, previous.ByMunicipality, k => TermName(TermKind.Municipality, k)),
            Enum.GetValues<ReportStatus>().Select(s => new CountDto(s.ToString(), byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList(),
            byPeriod,
            notes.Where(n => n.Kind == CompilationNoteKind.SteeringGroupDecision).OrderBy(n => n.At).ThenBy(n => n.Id)
                .Select(n => new CompilationNoteDto(n.Id, n.Kind.ToString(), n.ReportNumber, n.Text, n.ResponsiblePerson, n.Author, n.At)).ToList(),
            notes.Count(n => n.Kind == CompilationNoteKind.WorkingGroupComment));
    }

    private IQueryable<SocialReport> Reports(DateOnly from, DateOnly to)
    {
        var start = Helsinki.StartOf(from);
        var end = Helsinki.StartOf(to.AddDays(1));
        return db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
    }

    private async Task<(int Total, IReadOnlyList<CountDto> ByType, IReadOnlyList<CountDto> ByCategory, IReadOnlyList<CountDto> ByServiceArea, IReadOnlyList<CountDto> ByMunicipality)>
        CountsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var reports = Reports(from, to);
        var byType = await reports.GroupBy(r => r.PhenomenonType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byServiceArea = await reports.GroupBy(r => r.ServiceArea).Select(g => new CountDto(g.Key, g.Count())).ToListAsync(ct);
        var byMunicipality = await reports.GroupBy(r => r.Municipality).Select(g => new CountDto(g.Key, g.Count())).ToListAsync(ct);
        var byCategory = await reports.SelectMany(r => r.Categories).GroupBy(c => c.Code).Select(g => new CountDto(g.Key, g.Count())).ToListAsync(ct);
        return (byType.Sum(t => t.Count),
            Enum.GetValues<PhenomenonType>().Select(t => new CountDto(t.ToString(), byType.FirstOrDefault(x => x.Key == t)?.Count ?? 0)).ToList(),
            byCategory, byServiceArea, byMunicipality);
    }

    /// <summary>Drafts are for the people who prepare and decide; a published report is for everyone in the region.</summary>
    private async Task<AnnualSocialReport?> ReadableAsync(int year, CancellationToken ct)
    {
        CheckYear(year);
        var stored = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(a => a.Year == year, ct);
        if (stored?.Status != AnnualReportStatus.Published)
        {
            actor.RequireAnyRole(texts["reporting.annual.readForbidden"], PeriodEndpoints.SummaryRoles);
        }
        return stored;
    }

    private void CheckYear(int year)
    {
        var thisYear = Helsinki.Today(clock).Year;
        if (year < 2000 || year > thisYear)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["year"] = [texts.Get("validation.range", 2000, thisYear)] });
        }
    }

    private async Task<AnnualReportDto> ToDtoAsync(int year, AnnualSocialReport? r, CancellationToken ct) => new(
        year, (r?.Status ?? AnnualReportStatus.Draft).ToString(),
        new AnnualSectionsDto(r?.Introduction ?? "", r?.ActionsTaken ?? "", r?.PlanEvaluation ?? "", r?.Conclusions ?? ""),
        await FiguresAsync(year, ct), r?.UpdatedAt, r?.UpdatedBy, r?.ApprovedAt, r?.ApprovedBy, r?.PublishedAt, r?.PublishedBy,
        await planning.EvaluationAsync(year, ct) is { ActionsTotal: > 0 });

    private static string F(DateOnly d) => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
}
