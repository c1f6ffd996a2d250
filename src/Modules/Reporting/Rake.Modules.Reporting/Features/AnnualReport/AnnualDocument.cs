using System.Globalization;
using Rake.Modules.Reporting.Features.Compilations;
using Rake.Modules.Reporting.Features.Documents;

namespace Rake.Modules.Reporting.Features.AnnualReport;

/// <summary>The annual social report as a document (Word, HTML) and as a one-page infographic, to whoever may read the report.</summary>
internal sealed class AnnualDocumentHandler(
    AnnualReportHandler reports, IRequestContext actor, TextCatalog texts, IRegionAccess regions)
{
    public async Task<ReportDocument> DocumentAsync(int year, CancellationToken ct)
    {
        var dto = await reports.GetAsync(year, ct);
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
        blocks.Add(new DocText(texts.Get("reporting.annual.totals", f.Total, F(f.From), F(f.To), f.PreviousYearTotal, f.Processed,
            f.ActionsTaken)));
        blocks.Add(new DocChart(texts["reporting.annual.byPeriod"], f.ByPeriod.Select(p => new ChartBar(p.Key, p.Count)).ToList(),
            thisYear));
        foreach (var (key, counts) in new[]
                 {
                     ("reporting.compilation.byType", f.ByType), ("reporting.compilation.byCategory", f.ByCategory),
                     ("reporting.compilation.byServiceArea", f.ByServiceArea), ("reporting.compilation.byMunicipality", f.ByMunicipality),
                 })
        {
            blocks.Add(new DocHeading(2, texts[key]));
            blocks.Add(new DocChart(texts[key], counts.Select(x => new ChartBar(x.Name, x.Count, x.Previous)).ToList(), thisYear,
                lastYear));
        }
        blocks.Add(new DocHeading(2, texts["reporting.annual.byStatus"]));
        blocks.Add(new DocTable(texts["reporting.annual.byStatus"], [texts["reporting.annual.status"], texts["reporting.annual.count"]],
            f.ByStatus.Select(s =>
                (IReadOnlyList<string>)[texts[$"reporting.status.{s.Key}"], s.Count.ToString(CultureInfo.InvariantCulture)]).ToList()));
        Section("reporting.annual.actionsTaken", dto.Sections.ActionsTaken);
        if (f.Decisions.Count > 0)
        {
            blocks.Add(new DocTable(texts["reporting.annual.decisions"],
                [texts["reporting.annual.date"], texts["reporting.annual.report"], texts["reporting.annual.decision"],
                    texts["reporting.compilation.responsible"]],
                f.Decisions.Select(d =>
                    (IReadOnlyList<string>)[F(Helsinki.ToLocalDate(d.At)), d.ReportNumber?.ToString(CultureInfo.InvariantCulture)
                    ?? "–", d.Text, d.ResponsiblePerson ?? "–"]).ToList()));
        }
        Section("reporting.annual.planEvaluation", dto.Sections.PlanEvaluation);
        if (await reports.PlanEvaluationAsync(year, ct) is { ActionsTotal: > 0 } evaluation)
        {
            // The implementation plan's own follow-up of the year, read from Planning: each action with its status and evidence.
            blocks.Add(new DocText(texts.Get("reporting.annual.planActions", evaluation.PlanTitle, evaluation.ActionsDone,
                evaluation.ActionsTotal)));
            blocks.Add(new DocTable(texts["reporting.annual.planActionsTable"],
                [texts["reporting.annual.planGoal"], texts["reporting.annual.planAction"], texts["reporting.annual.planStatus"],
                    texts["reporting.annual.planEvidence"]],
                evaluation.Actions.Select(a =>
                    (IReadOnlyList<string>)[a.Goal, a.Title, texts[$"reporting.annual.planStatus.{a.Status}"], a.Evidence ?? "–"])
                    .ToList()));
        }
        Section("reporting.annual.conclusions", dto.Sections.Conclusions);
        var state = texts[$"reporting.annual.status.{dto.Status}"] +
                    (dto.ApprovedAt is { } a ? $" · {texts["reporting.annual.approved"]} {F(Helsinki.ToLocalDate(a))}" : "") +
                    (dto.PublishedAt is { } p ? $" · {texts["reporting.annual.published"]} {F(Helsinki.ToLocalDate(p))}" : "");
        return new ReportDocument(TextCatalog.CurrentLanguage, texts.Get("reporting.annual.title", year),
            $"RAKE · {regions.NameOf(actor.RequireRegion())} · {state}", blocks);
    }

    public async Task<InfographicData> InfographicAsync(int year, CancellationToken ct)
    {
        var dto = await reports.GetAsync(year, ct);
        var f = dto.Figures;
        static IReadOnlyList<ChartBar> Bars(IEnumerable<ComparedCountDto> counts) => counts.Where(c => c.Count > 0)
            .Select(c => new ChartBar(c.Name, c.Count)).ToList();
        var title = texts.Get("reporting.annual.title", year);
        return new InfographicData(
            title, $"{regions.NameOf(actor.RequireRegion())} · {F(f.From)}–{F(f.To)}",
            texts.Get("reporting.annual.totals", f.Total, F(f.From), F(f.To), f.PreviousYearTotal, f.Processed, f.ActionsTaken),
            [new(texts["reporting.annual.kf.reports"], f.Total), new(texts["reporting.annual.kf.processed"], f.Processed),
                new(texts["reporting.annual.kf.actions"], f.ActionsTaken)],
            texts["reporting.compilation.byType"], f.ByType.Select(c => new ChartBar(c.Name, c.Count)).ToList(),
            texts["reporting.annual.topCategories"], Bars(f.ByCategory),
            texts["reporting.annual.byPeriod"], f.ByPeriod.Select(p => new ChartBar(p.Key, p.Count)).ToList(),
            texts["reporting.compilation.byServiceArea"], Bars(f.ByServiceArea),
            texts.Get("reporting.annual.infographicFooter", f.PreviousYearTotal, year - 1));
    }

    private static string F(DateOnly d) => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
}
