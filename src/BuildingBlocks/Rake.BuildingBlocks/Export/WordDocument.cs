using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Rake.BuildingBlocks.Export;

/// <summary>
/// The one .docx writer: meeting minutes, the implementation plan, compilations, phenomenon and annual reports are all
/// built here, so every Word file has the same real heading styles (navigable, read by screen readers), tables with a
/// repeated bold header row, the document's language and title, and A4 pages. Text goes through <see cref="XmlChars"/>.
/// </summary>
public sealed class WordDocument(string title, string language)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 with 2 cm margins, in twentieths of a point; the text column is what is left for table columns.
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1134, TextWidth = PageWidth - 2 * Margin;

    private readonly List<OpenXmlElement> blocks = [];

    public WordDocument Title(string text) => Add(Paragraph(text, "Title"));

    public WordDocument Subtitle(string text) => Add(Paragraph(text, "Subtitle"));

    /// <summary>Levels 1–3, as "heading 1" to "heading 3" with their outline levels.</summary>
    public WordDocument Heading(int level, string text) => Add(Paragraph(text, $"Heading{Math.Clamp(level, 1, 3)}"));

    /// <summary>One paragraph; a line end inside it becomes a line break.</summary>
    public WordDocument Paragraph(string text) => Add(Paragraph(text, null));

    public WordDocument Caption(string text) => Add(Paragraph(text, "Caption"));

    public WordDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var columnWidth = (TextWidth / Math.Max(headers.Count, 1)).ToString(CultureInfo.InvariantCulture);
        table.Append(new TableGrid(headers.Select(_ => new GridColumn { Width = columnWidth })));
        table.Append(Row(headers, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, header: false));
        }
        // Word joins two tables that touch into one.
        if (blocks.LastOrDefault() is Table)
        {
            blocks.Add(Paragraph("", null));
        }
        return Add(table);
    }

    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = XmlChars.Clean(title);
            word.PackageProperties.Language = language;
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(language);
            var body = new Body(blocks.Select(b => b.CloneNode(true)));
            // The body must not end in a table: Word wants a paragraph before the section properties.
            if (blocks.LastOrDefault() is Table)
            {
                body.Append(Paragraph("", null));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin
                {
                    Top = Margin,
                    Right = Margin,
                    Bottom = Margin,
                    Left = Margin,
                    Header = 708U,
                    Footer = 708U,
                    Gutter = 0U,
                }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private WordDocument Add(OpenXmlElement block)
    {
        blocks.Add(block);
        return this;
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        paragraph.Append(Run(text, bold: false));
        return paragraph;
    }

    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }
        var lines = XmlChars.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
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
            row.Append(new TableCell(new Paragraph(Run(cell, header))));
        }
        return row;
    }

    private static Styles Styles(string language)
    {
        static Style Para(string id, string name, int halfPoints, bool bold, int? outline)
        {
            var style = new Style(
                new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
            };
            if (outline is not null)
            {
                style.Append(new StyleParagraphProperties(
                    new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = outline }));
            }
            var run = new StyleRunProperties(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            if (bold)
            {
                run.PrependChild(new Bold());
            }
            style.Append(run);
            return style;
        }

        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }),
            new StyleRunProperties(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }, new Languages { Val = language }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        var tableNormal = new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 })
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };
        var tableGrid = new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" })
        { Type = StyleValues.Table, StyleId = "TableGrid" };
        return new Styles(normal, tableNormal, tableGrid,
            Para("Title", "Title", 48, true, null), Para("Subtitle", "Subtitle", 26, false, null),
            Para("Heading1", "heading 1", 32, true, 0), Para("Heading2", "heading 2", 26, true, 1),
            Para("Heading3", "heading 3", 24, true, 2),
            Para("Caption", "caption", 20, true, null));
    }
}
