using System.Globalization;
using Rake.BuildingBlocks.Export;

namespace Rake.Modules.Reporting.Features.Documents;

/// <summary>
/// A <see cref="ReportDocument"/> through the shared <see cref="WordDocument"/> writer. Charts become their figure
/// tables: decision makers get the same numbers.
/// </summary>
internal static class DocxWriter
{
    public const string ContentType = WordDocument.ContentType;

    public static byte[] Write(ReportDocument document)
    {
        var word = new WordDocument(document.Title, document.Language).Title(document.Title).Subtitle(document.Subtitle);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocHeading h:
                    word.Heading(h.Level, h.Text);
                    break;
                case DocText t:
                    foreach (var part in Paragraphs(t.Text))
                    {
                        word.Paragraph(part);
                    }
                    break;
                case DocTable table:
                    word.Caption(table.Caption).Table(table.Headers, table.Rows);
                    break;
                case DocChart chart:
                    word.Caption(chart.Title).Table(ChartHeaders(chart), ChartRows(chart));
                    break;
            }
        }
        return word.ToArray();
    }

    public static IReadOnlyList<string> ChartHeaders(DocChart chart) =>
        chart.PreviousSeriesName is null ? ["", chart.SeriesName ?? ""] : ["", chart.SeriesName ?? "", chart.PreviousSeriesName];

    public static IReadOnlyList<IReadOnlyList<string>> ChartRows(DocChart chart) => chart.Bars
        .Select(b => (IReadOnlyList<string>)(chart.PreviousSeriesName is null
            ? [b.Label, b.Value.ToString(CultureInfo.InvariantCulture)]
            : [b.Label, b.Value.ToString(CultureInfo.InvariantCulture), b.Previous?.ToString(CultureInfo.InvariantCulture) ?? "–"]))
        .ToList();

    internal static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
