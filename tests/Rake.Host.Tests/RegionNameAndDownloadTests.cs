using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Rake.Host.Tests;

/// <summary>
/// Documents, charts and exports name the region as the catalogue does, in the reader's language (docs/adr/0122), and
/// every download keeps ä and ö in its file name (docs/adr/0121).
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class RegionNameAndDownloadTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static string FileNameOf(HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.False(string.IsNullOrEmpty(disposition.FileName));
        Assert.True(disposition.FileName!.All(c => c is >= ' ' and <= '~'));
        return disposition.FileNameStar!;
    }

    [Fact]
    public async Task The_annual_report_its_infographic_and_word_file_carry_the_regions_name_not_its_code()
    {
        await ReportingOutputsTests.SeedYearsAsync(Host);
        using var client = await Host.ClientFor("kainuu-responsibleperson");
        const string url = "/api/v1/regions/kainuu/annual-reports/2024";

        var docx = await client.GetAsync($"{url}/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("Kainuun hyvinvointialue – sosiaalinen raportti 2024.docx", FileNameOf(docx));
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("RAKE · Kainuun hyvinvointialue · ", text);
            Assert.DoesNotContain("kainuu", text);
        }
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"{url}/report.html"));
        Assert.Contains("RAKE · Kainuun hyvinvointialue · ", html);
        Assert.DoesNotContain("· kainuu", html);
        var svg = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"{url}/infographic.svg"));
        Assert.Contains("Kainuun hyvinvointialue · 1.1.2024–31.12.2024", svg);
        Assert.DoesNotContain("kainuu", svg);

        using var swedish = await Host.ClientFor("kainuu-responsibleperson");
        swedish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        var svgSv = System.Net.WebUtility.HtmlDecode(await swedish.GetStringAsync($"{url}/infographic.svg"));
        Assert.Contains("Kajanalands välfärdsområde · 1.1.2024–31.12.2024", svgSv);
        var docxSv = await swedish.GetAsync($"{url}/report.docx");
        Assert.Equal("Kajanalands välfärdsområde – social rapport 2024.docx", FileNameOf(docxSv));

        var compilation = await client.GetAsync("/api/v1/regions/kainuu/compilations/2024-Q3/compilation.docx");
        Assert.Equal("Kainuun hyvinvointialue – kooste 2024-Q3.docx", FileNameOf(compilation));
        using var compiled = WordprocessingDocument.Open(new MemoryStream(await compilation.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("RAKE · Kainuun hyvinvointialue", compiled.MainDocumentPart!.Document!.Body!.InnerText);
        Assert.DoesNotContain("kainuu", compiled.MainDocumentPart.Document.Body.InnerText);
    }

    [Fact]
    public async Task The_processing_records_of_every_service_area_export_with_title_status_frozen_header_and_filter()
    {
        using var professional = await Host.ClientFor("keski-suomi-professional");
        using var supervisor = await Host.ClientFor("keski-suomi-supervisor");
        var (_, number, location) = await Reports.SubmitAsync(professional, "keski-suomi");
        (await supervisor.PutAsJsonAsync($"{location}/supervisor-record", ProcessingApiTests.Record("Kaikkien alueiden vienti")))
            .EnsureSuccessStatusCode();

        var response = await supervisor.GetAsync("/api/v1/regions/keski-suomi/supervisor-records.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Keski-Suomen hyvinvointialue – käsittelykirjaukset – Kaikki palvelualueet.xlsx", FileNameOf(response));
        Assert.Equal("Keski-Suomen hyvinvointialue - kasittelykirjaukset - Kaikki palvelualueet.xlsx",
            response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var rows = sheet.Descendants<S.Row>().ToList();
        static string Text(S.Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";

        Assert.Equal("Esihenkilöiden käsittelykirjaukset", Text(rows[0].Elements<S.Cell>().Single()));
        Assert.StartsWith("Keski-Suomen hyvinvointialue · Kaikki palvelualueet · tehty ", Text(rows[1].Elements<S.Cell>().Single()));
        Assert.EndsWith("(Suomen aikaa)", Text(rows[1].Elements<S.Cell>().Single()));
        var headers = rows[2].Elements<S.Cell>().Select(Text).ToList();
        Assert.Equal(["Nro", "Vastaanotettu", "Palvelualue", "Tila"], headers.Take(4));
        Assert.Equal(14, headers.Count);
        var row = rows.Skip(3).Single(r => Text(r.Elements<S.Cell>().First()) == number.ToString());
        Assert.Equal("Esihenkilöllä", Text(row.Elements<S.Cell>().ElementAt(3)));
        Assert.Equal("Kaikkien alueiden vienti", Text(row.Elements<S.Cell>().ElementAt(4)));
        Assert.False(string.IsNullOrEmpty(Text(row.Elements<S.Cell>().ElementAt(2))));

        var pane = sheet.Descendants<S.Pane>().Single();
        Assert.Equal(S.PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A4", pane.TopLeftCell!.Value);
        Assert.Equal($"A3:N{rows.Count}", sheet.Elements<S.AutoFilter>().Single().Reference!.Value);

        // One service area still works, and names itself in the title and the file name.
        var adults = await supervisor.GetAsync("/api/v1/regions/keski-suomi/supervisor-records.xlsx?serviceArea=adults");
        Assert.Equal(HttpStatusCode.OK, adults.StatusCode);
        Assert.DoesNotContain("Kaikki palvelualueet", FileNameOf(adults));
        await Reports.ReadProblemAsync(await supervisor.GetAsync("/api/v1/regions/keski-suomi/supervisor-records.xlsx?serviceArea=nope"),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_meeting_document_the_list_export_and_the_body_calendar_keep_letters_in_their_file_names()
    {
        using var responsible = await Host.ClientFor("kymenlaakso-responsibleperson");
        var name = $"Työryhmä Äänekoski {Guid.NewGuid():N}"[..26];
        var body = await WorkingGroupApiTests.CreateBodyAsync(responsible, "kymenlaakso", "WorkingGroup", name);
        var bodyId = body["id"]!.GetValue<Guid>();
        var startsAt = new DateTimeOffset(2027, 3, 4, 22, 30, 0, TimeSpan.Zero);
        var meeting = await WorkingGroupApiTests.ScheduleAsync(responsible, "kymenlaakso", bodyId, startsAt);
        var meetingId = meeting["meeting"]!["id"]!.GetValue<Guid>();

        var docx = await responsible.GetAsync($"/api/v1/regions/kymenlaakso/meetings/{meetingId}/document.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        // 22.30 UTC on 4 March is already 5 March in Helsinki.
        Assert.Equal($"2027-03-05 {name}.docx", FileNameOf(docx));

        var ics = await responsible.GetAsync($"/api/v1/regions/kymenlaakso/bodies/{bodyId}/meetings.ics");
        Assert.Equal($"{name}.ics", ics.Content.Headers.ContentDisposition!.FileNameStar);

        using var swedish = await Host.ClientFor("kymenlaakso-responsibleperson");
        swedish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        var csv = await swedish.GetAsync("/api/v1/regions/kymenlaakso/social-reports/export.csv?year=2025");
        Assert.Equal("Kymmenedalens välfärdsområde – rapporter 2025.csv", FileNameOf(csv));
        var xlsx = await swedish.GetAsync("/api/v1/regions/kymenlaakso/social-reports/export.xlsx?year=2025");
        Assert.Equal("Kymmenedalens välfärdsområde – rapporter 2025.xlsx", FileNameOf(xlsx));
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<S.Cell>()
            .ToDictionary(c => c.CellReference!.Value!, c => c.InnerText);
        Assert.Equal("Rapporter", cells["A1"]);
        Assert.StartsWith("Kymmenedalens välfärdsområde · alla synliga, år 2025 · skapad ", cells["A2"]);
        Assert.Equal("Status", cells["C3"]);

        var plan = await responsible.GetAsync("/api/v1/regions/kymenlaakso/plan/export.docx?lang=sv");
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal("Kymmenedalens välfärdsområde – genomförandeplan.docx", FileNameOf(plan));
    }
}
