using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Rake.BuildingBlocks.Export;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Rake.Host.Tests;

/// <summary>The shared writers of BuildingBlocks/Export: XML-safe text, formula neutralising, CSV, .xlsx and .docx.</summary>
public sealed class DocumentWriterTests
{
    [Theory]
    [InlineData("tavallinen teksti", "tavallinen teksti")]
    [InlineData("a\u0001b\u0008c\u000Bd\u001Fe", "abcde")]
    [InlineData("sarake\tsarake\r\nrivi\n", "sarake\tsarake\r\nrivi\n")]
    [InlineData("x\uFFFEy\uFFFFz", "xyz")]
    [InlineData("emoji \U0001F600 ja \uFFFD", "emoji \U0001F600 ja \uFFFD")]
    [InlineData("", "")]
    public void Xml_chars_keep_what_xml_can_hold_and_drop_the_rest(string text, string expected)
    {
        Assert.Equal(expected, XmlChars.Clean(text));
        Assert.True(XmlChars.IsValid(expected));
        Assert.Equal(text == expected, XmlChars.IsValid(text));
        // What Clean returns an XML writer takes without complaint.
        using var writer = XmlWriter.Create(new StringBuilder());
        writer.WriteElementString("t", XmlChars.Clean(text));
    }

    // Not as InlineData: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD before the test runs.
    [Fact]
    public void Lone_surrogates_are_dropped_and_pairs_kept()
    {
        var cases = new Dictionary<string, string>
        {
            [new string(['y', '\uD800', 'x'])] = "yx",
            [new string(['a', '\uDC00', 'b', '\uDC00', '\uD800'])] = "ab",
            [new string(['\uD800', '\uD83D', '\uDE00'])] = "\U0001F600",
            [new string(['\uDE00', '\uD83D'])] = "",
        };
        foreach (var (text, expected) in cases)
        {
            Assert.False(XmlChars.IsValid(text));
            Assert.Equal(expected, XmlChars.Clean(text));
        }
    }

    [Fact]
    public void Clean_text_is_returned_as_it_is()
    {
        const string text = "Ilmiö: asumisneuvonta";
        Assert.Same(text, XmlChars.Clean(text));
        Assert.Equal("", XmlChars.Clean(null));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://example.org\",\"avaa\")", true)]
    [InlineData("+358 40 123 4567", true)]
    [InlineData("-2+3", true)]
    [InlineData("@SUM(A1:A2)", true)]
    [InlineData("\t=1+1", true)]
    [InlineData("\r=1+1", true)]
    [InlineData("Asunnottomuus = kasvaa", false)]
    [InlineData(" =1+1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Text_that_starts_like_a_formula_is_recognised(string? text, bool formula)
    {
        Assert.Equal(formula, SpreadsheetText.StartsLikeFormula(text));
        if (text is not null)
        {
            Assert.Equal(formula ? "'" + text : text, SpreadsheetText.ForCsv(text));
        }
    }

    [Fact]
    public void Csv_is_for_finnish_excel_and_neutralises_formulas_in_text_only()
    {
        var bytes = CsvExport.Write(
            ["Nro", "Otsikko", "Pvm"],
            [[-5, "=1+1", new DateOnly(2026, 3, 9)], [12, "Lainausmerkki \" ja; puolipiste", null], [3, "@komento", "rivi\nrivi"]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal(
            "Nro;Otsikko;Pvm\r\n" +
            "-5;'=1+1;9.3.2026\r\n" +
            "12;\"Lainausmerkki \"\" ja; puolipiste\";\r\n" +
            "3;'@komento;\"rivi\nrivi\"\r\n",
            text);
    }

    [Fact]
    public void Xlsx_marks_formula_like_text_as_text_and_survives_unwritable_characters()
    {
        var bytes = XlsxWriter.Write("Ilmoitukset: [kaikki]/2026?", ["Nro", "=Otsikko"],
            [[1, "=HYPERLINK(\"https://example.org\")"], [2, "tavallinen\u0001 teksti\uFFFE"], [3, new DateOnly(2026, 1, 2)]]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        Assert.Equal("Ilmoitukset   kaikki  2026", workbook.Workbook!.Sheets!.Elements<S.Sheet>().Single().Name!.Value);
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<S.CellFormat>().ToList();
        var cells = workbook.WorksheetParts.Single().Worksheet!.Descendants<S.Cell>().ToDictionary(c => c.CellReference!.Value!);
        bool Quoted(string reference) => formats[(int)(cells[reference].StyleIndex?.Value ?? 0)].QuotePrefix?.Value == true;

        Assert.Equal("=HYPERLINK(\"https://example.org\")", cells["B2"].InnerText);
        Assert.Null(cells["B2"].CellFormula);
        Assert.True(Quoted("B2"));
        Assert.True(Quoted("B1"));
        Assert.Equal(true, formats[(int)cells["B1"].StyleIndex!.Value].ApplyFont?.Value);
        Assert.False(Quoted("A2"));
        Assert.Equal("tavallinen teksti", cells["B3"].InnerText);
        Assert.False(Quoted("B3"));
    }

    [Fact]
    public void The_word_document_is_valid_with_styles_tables_and_unwritable_characters()
    {
        var bytes = new WordDocument("Otsikko\u0001", "fi")
            .Title("Otsikko\u0001").Subtitle("Ala\uFFFEotsikko").Heading(1, "Luku").Heading(5, "Syvä")
            .Paragraph("Rivi 1\nRivi\uD800 2").Caption("Taulukko")
            .Table(["A", "B"], [["1", "x\u0002"]]).Table(["C"], [["2"]])
            .ToArray();
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("Otsikko", document.PackageProperties.Title);
        Assert.Equal("fi", document.PackageProperties.Language);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal("OtsikkoAlaotsikkoLukuSyväRivi 1Rivi 2TaulukkoAB1xC2", body.InnerText);
        Assert.Equal(["Title", "Subtitle", "Heading1", "Heading3", "Caption"],
            body.Descendants<ParagraphStyleId>().Select(s => s.Val!.Value!).ToArray());
        Assert.Single(body.Descendants<Break>());
        // Two tables with a paragraph between them (Word would join them), and a paragraph before the section properties.
        var blocks = body.ChildElements.ToList();
        Assert.IsType<Paragraph>(blocks[blocks.IndexOf(body.Elements<Table>().First()) + 1]);
        Assert.IsType<Paragraph>(blocks[^2]);
        Assert.IsType<SectionProperties>(blocks[^1]);
        Assert.All(body.Elements<Table>(),
            t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("fi", styles["Normal"].StyleRunProperties!.GetFirstChild<Languages>()!.Val!.Value);
    }
}
