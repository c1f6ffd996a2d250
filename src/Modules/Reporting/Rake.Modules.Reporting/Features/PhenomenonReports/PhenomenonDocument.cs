using System.Globalization;
using Rake.Modules.Reporting.Features.Documents;

namespace Rake.Modules.Reporting.Features.PhenomenonReports;

/// <summary>A phenomenon-based report as a document (HTML or Word), to whoever may read the report itself.</summary>
internal sealed class PhenomenonDocumentHandler(
    PhenomenonReportHandler reports, IRequestContext actor, TextCatalog texts, IRegionAccess regions)
{
    public async Task<ReportDocument> DocumentAsync(Guid id, CancellationToken ct)
    {
        var r = await reports.GetAsync(id, ct);
        var blocks = new List<DocBlock>
        {
            new DocText(r.Description),
            new DocHeading(1, texts["reporting.phenomenon.criteria"]),
            new DocTable(texts["reporting.phenomenon.criteria"],
                [texts["reporting.phenomenon.criterion"], texts["reporting.phenomenon.grounds"]],
                [
                    [texts["reporting.phenomenon.needs"], r.Criteria.Needs],
                    [texts["reporting.phenomenon.topicality"], r.Criteria.Topicality],
                    [texts["reporting.phenomenon.significance"], r.Criteria.Significance],
                    [texts["reporting.phenomenon.recurrence"], r.Criteria.Recurrence],
                ]),
        };
        foreach (var kind in Enum.GetValues<PhenomenonEntryKind>())
        {
            var entries = r.Entries.Where(e => e.Kind == kind.ToString()).ToList();
            if (entries.Count > 0)
            {
                blocks.Add(new DocHeading(1, texts[$"reporting.phenomenon.entries.{kind}"]));
                blocks.AddRange(entries.Select(e => new DocText(e.Text)));
            }
        }
        if (r.Draft.Length > 0)
        {
            blocks.Add(new DocHeading(1, texts["reporting.phenomenon.draft"]));
            blocks.Add(new DocText(r.Draft));
        }
        if (r.Decision is not null)
        {
            blocks.Add(new DocHeading(1, texts["reporting.phenomenon.decision"]));
            var decided = Helsinki.ToLocalDate(r.DecidedAt!.Value).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
            blocks.Add(new DocText($"{r.Decision} ({decided})"));
        }
        return new ReportDocument(TextCatalog.CurrentLanguage, r.Title,
            $"RAKE · {regions.NameOf(actor.RequireRegion())} · {texts[$"reporting.phenomenon.stage.{r.Stage}"]}", blocks);
    }
}
