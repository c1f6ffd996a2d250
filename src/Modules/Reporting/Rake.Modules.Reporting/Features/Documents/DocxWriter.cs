using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Rake.Modules.Reporting.Features.Documents;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as a Word document with real heading styles (navigable, read by screen readers)
/// and tables with a repeated header row. Charts become their figure tables: decision makers get the same numbers.
/// </summary>
internal static class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles(document.Language);
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Language = document.Language;
            var body = new Body();
            body.Append(Paragraph(document.Title, "Title"));
            body.Append(Paragraph(document.Subtitle, "Subtitle"));
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case DocHeading h:
                        body.Append(Paragraph(h.Text, $"Heading{Math.Clamp(h.Level, 1, 3)}"));
                        break;
                    case DocText t:
                        foreach (var part in Paragraphs(t.Text))
                        {
                            body.Append(Paragraph(part, null));
                        }
                        break;
                    case DocTable table:
                        body.Append(Paragraph(table.Caption, "Caption"));
                        body.Append(Table(table.Headers, table.Rows));
                        break;
                    case DocChart chart:
                        body.Append(Paragraph(chart.Title, "Caption"));
                        body.Append(Table(ChartHeaders(chart), ChartRows(chart)));
                        break;
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static IReadOnlyList<string> ChartHeaders(DocChart chart) =>
        chart.PreviousSeriesName is null ? ["", chart.SeriesName ?? ""] : ["", chart.SeriesName ?? "", chart.PreviousSeriesName];

    public static IReadOnlyList<IReadOnlyList<string>> ChartRows(DocChart chart) => chart.Bars
        .Select(b => (IReadOnlyList<string>)(chart.PreviousSeriesName is null
            ? [b.Label, b.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : [b.Label, b.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Previous?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"]))
        .ToList();

    internal static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        var run = new Run();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }

    private static Table Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new Table();
        table.Append(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var grid = new TableGrid();
        foreach (var _ in headers)
        {
            grid.Append(new GridColumn { Width = (9638 / Math.Max(headers.Count, 1)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        table.Append(grid);
        table.Append(Row(headers, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, header: false));
        }
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        foreach (var cell in cells)
        {
            var run = new Run();
            if (header)
            {
                run.Append(new RunProperties(new Bold()));
            }
            run.Append(new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            row.Append(new TableCell(new Paragraph(run)));
        }
        return row;
    }

    private static Styles Styles(string language)
    {
        static Style Para(string id, string name, int halfPoints, bool bold, int? outline)
        {
            var runProperties = new StyleRunProperties(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (bold)
            {
                runProperties.PrependChild(new Bold());
            }
            var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle());
            if (outline is not null)
            {
                style.Append(new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = outline }));
            }
            style.Append(runProperties);
            style.Type = StyleValues.Paragraph;
            style.StyleId = id;
            return style;
        }

        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }),
            new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }, new Languages { Val = language }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        var tableGrid = new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" })
        { Type = StyleValues.Table, StyleId = "TableGrid" };
        var tableNormal = new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 })
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };
        return new Styles(normal, tableNormal, tableGrid,
            Para("Title", "Title", 48, true, null), Para("Subtitle", "Subtitle", 26, false, null),
            Para("Heading1", "heading 1", 32, true, 0), Para("Heading2", "heading 2", 26, true, 1), Para("Heading3", "heading 3", 24, true, 2),
            Para("Caption", "caption", 20, true, null));
    }
}
