using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Rake.BuildingBlocks.Export;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Rake.Host.Tests;

/// <summary>
/// The shape every Excel export has (title rows, frozen and filtered header, wrapped text, widths) and the one
/// Content-Disposition every download sends (docs/adr/0121).
/// </summary>
public sealed class ExportFormatTests
{
    [Fact]
    public void A_sheet_with_a_title_freezes_and_filters_its_header_and_wraps_its_text()
    {
        var bytes = XlsxWriter.Write("Käsittelykirjaukset", new XlsxTitle("Esihenkilöiden käsittelykirjaukset",
                "Kainuun hyvinvointialue · Kaikki palvelualueet · tehty 27.11.2026 15.05 (Suomen aikaa)"),
            ["Nro", "Tila", "Ilmoituksen ydin"],
            [[1, "Vastaanotettu", "Lyhyt"], [2, "Käsitelty", "Pitkä teksti, joka rivittyy\nja jatkuu toisella rivillä"],
                [3, null, new string('x', 200)]]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet!;
        var cells = sheet.Descendants<S.Cell>().ToDictionary(c => c.CellReference!.Value!);
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<S.CellFormat>().ToList();
        S.CellFormat Format(string reference) => formats[(int)(cells[reference].StyleIndex?.Value ?? 0)];

        Assert.Equal("Esihenkilöiden käsittelykirjaukset", cells["A1"].InnerText);
        Assert.StartsWith("Kainuun hyvinvointialue · Kaikki palvelualueet", cells["A2"].InnerText);
        Assert.Equal(["Nro", "Tila", "Ilmoituksen ydin"], new[] { "A3", "B3", "C3" }.Select(r => cells[r].InnerText));
        Assert.Equal("Vastaanotettu", cells["B4"].InnerText);

        var pane = sheet.Descendants<S.Pane>().Single();
        Assert.Equal(S.PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(3d, pane.VerticalSplit!.Value);
        Assert.Equal("A4", pane.TopLeftCell!.Value);
        Assert.Null(pane.HorizontalSplit);
        Assert.Equal("A3:C6", sheet.Elements<S.AutoFilter>().Single().Reference!.Value);
        var filterName = workbook.Workbook!.DefinedNames!.Elements<S.DefinedName>().Single();
        Assert.Equal("_xlnm._FilterDatabase", filterName.Name!.Value);
        Assert.Equal("'Käsittelykirjaukset'!$A$3:$C$6", filterName.Text);

        Assert.True(Format("C5").Alignment?.WrapText?.Value);
        Assert.True(Format("B4").Alignment?.WrapText?.Value);
        Assert.True(Format("B3").Alignment?.WrapText?.Value);
        Assert.NotNull(formats[(int)cells["B3"].StyleIndex!.Value].FontId);
        Assert.NotEqual(0u, Format("B3").FontId!.Value);
        Assert.NotEqual(true, Format("A1").Alignment?.WrapText?.Value);

        var widths = sheet.Descendants<S.Column>().ToDictionary(c => c.Min!.Value, c => c.Width!.Value);
        Assert.Equal(8d, widths[1]);
        Assert.Equal(15d, widths[2]);
        Assert.Equal(60d, widths[3]);
    }

    [Fact]
    public void A_sheet_without_rows_still_has_its_header_frozen_and_filtered()
    {
        var bytes = XlsxWriter.Write("Tyhjä", ["Nro", "Tila"], []);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        Assert.Equal("A2", sheet.Descendants<S.Pane>().Single().TopLeftCell!.Value);
        Assert.Equal("A1:B1", sheet.Elements<S.AutoFilter>().Single().Reference!.Value);
    }

    [Theory]
    [InlineData("Kainuun hyvinvointialue – käsittelykirjaukset.xlsx", "Kainuun hyvinvointialue - kasittelykirjaukset.xlsx")]
    [InlineData("Työryhmä Äänekoski.docx", "Tyoryhma Aanekoski.docx")]
    [InlineData("Kajanalands välfärdsområde – årsrapport.docx", "Kajanalands valfardsomrade - arsrapport.docx")]
    [InlineData("plain.csv", "plain.csv")]
    public void Content_disposition_keeps_the_name_in_filename_star_and_gives_an_ascii_fallback(string name, string ascii)
    {
        var header = FileDownload.ContentDisposition(name);

        Assert.True(header.All(c => c is >= ' ' and <= '~'), header);
        var parsed = ContentDispositionHeaderValue.Parse(header);
        Assert.Equal("attachment", parsed.DispositionType.Value);
        Assert.Equal(name, parsed.FileNameStar.Value);
        Assert.Equal(ascii, HeaderUtilities.RemoveQuotes(parsed.FileName).Value);
        Assert.Contains("filename*=UTF-8''", header);
    }

    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("a\"b\\c\r\nd.xlsx", "a-b-c--d.xlsx")]
    [InlineData("", "rake")]
    public void File_names_lose_what_no_file_system_or_header_takes(string name, string expected) =>
        Assert.Equal(expected, FileDownload.CleanName(name));

    [Fact]
    public async Task The_download_result_sends_the_header_and_the_bytes()
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();

        await FileDownload.File([1, 2, 3], "application/octet-stream", "Sosiaalinen raportti – Äänekoski.docx").ExecuteAsync(http);

        var parsed = ContentDispositionHeaderValue.Parse(http.Response.Headers.ContentDisposition.ToString());
        Assert.Equal("Sosiaalinen raportti – Äänekoski.docx", parsed.FileNameStar.Value);
        Assert.Equal("application/octet-stream", http.Response.ContentType);
        Assert.Equal([1, 2, 3], ((MemoryStream)http.Response.Body).ToArray());
    }
}
