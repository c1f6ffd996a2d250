using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Communications.Persistence;
using Rake.Modules.Planning.Persistence;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;
using Rake.Modules.WorkingGroup.Persistence;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Rake.Host.Tests;

/// <summary>
/// Stored text is written safely by every output. Text that XML cannot hold, stored before validation refused it
/// (written here straight to the database), must not take the feed or a document down for everyone: every XML, Atom,
/// .docx and .xlsx output answers 200, is well-formed and valid, and shows the text without the bad character. Text
/// that starts like a formula is neutralised in CSV and .xlsx. Its own host, since the data it plants would leak into
/// the figures other tests assert.
/// </summary>
public sealed class OutputSafetyTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private RakeTestHost Host => shared.Host;

    private static string Api(string region) => $"/api/v1/regions/{region}";

    // A lone surrogate cannot be stored (SQLite's UTF-8 turns it into U+FFFD, Npgsql refuses it); DocumentWriterTests covers it.
    public static TheoryData<string> Unwritable => new() { "\u0001", "\uFFFE", "\u000B\u001F" };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public async Task Stored_text_xml_cannot_hold_leaves_every_output_readable(string bad)
    {
        var marker = $"M{Guid.NewGuid():N}"[..12];
        string Tainted(string text) => $"{text} {marker}{bad}loppu";
        var clean = $"{marker}loppu";
        using var responsible = await Host.ClientFor("kainuu-responsibleperson");
        using var professional = await Host.ClientFor("kainuu-professional");
        using var comms = await Host.ClientFor("kainuu-communications");

        // A report, a compilation note, a published item, a meeting and the plan, all holding the character.
        var (reportId, _, _) = await Reports.SubmitAsync(professional, "kainuu", Reports.Valid("kainuu", "Raportti"));
        var publication = await CommunicationsApiTests.CreateAsync(responsible, "kainuu", CommunicationsApiTests.Draft("Tiedote"));
        var publicationUrl = $"{Api("kainuu")}/publications/{publication["id"]}";
        Assert.Equal(HttpStatusCode.OK, (await responsible.PostAsync($"{publicationUrl}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await comms.PostAsync($"{publicationUrl}/publish", null)).StatusCode);
        var body = await WorkingGroupApiTests.CreateBodyAsync(responsible, "kainuu", "WorkingGroup");
        var bodyId = body["id"]!.GetValue<Guid>();
        var meeting = await WorkingGroupApiTests.ScheduleAsync(responsible, "kainuu", bodyId, DateTimeOffset.UtcNow.AddDays(3));
        var meetingId = meeting["meeting"]!["id"]!.GetValue<Guid>();
        await using (var scope = Host.RegionScope("kainuu"))
        {
            var reporting = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var report = await reporting.Reports.SingleAsync(r => r.Id == reportId);
            report.Title = Tainted(report.Title);
            reporting.CompilationNotes.Add(new CompilationNote
            {
                Id = Guid.NewGuid(),
                RegionCode = "kainuu",
                PeriodId = "2024-Q3",
                Kind = CompilationNoteKind.WorkingGroupComment,
                Text = Tainted("Huomio"),
                Author = "test",
                At = DateTimeOffset.UtcNow,
            });
            await reporting.SaveChangesAsync();
            var communications = scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>();
            var item = await communications.Publications.SingleAsync(p => p.Id == publication["id"]!.GetValue<Guid>());
            (item.Title, item.Summary, item.Body) = (Tainted(item.Title), Tainted("Lyhyesti"), Tainted(item.Body));
            await communications.SaveChangesAsync();
            var workingGroup = scope.ServiceProvider.GetRequiredService<WorkingGroupDbContext>();
            var stored = await workingGroup.Meetings.SingleAsync(m => m.Id == meetingId);
            (stored.Title, stored.Minutes) = (Tainted(stored.Title), Tainted("Pöytäkirja"));
            await workingGroup.SaveChangesAsync();
            var planning = scope.ServiceProvider.GetRequiredService<PlanningDbContext>();
            var plan = await planning.Plans.SingleAsync();
            plan.Title = Tainted("Toteutussuunnitelma");
            await planning.SaveChangesAsync();
        }

        using var anonymous = Host.Anonymous();
        var feed = await CommunicationsApiTests.FeedAsync(anonymous, "kainuu", "intranet");
        CommunicationsApiTests.AssertValidAtom(feed);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry")
            .Single(e => e.Element(atom + "title")!.Value.EndsWith(clean, StringComparison.Ordinal));
        Assert.Equal($"Lyhyesti {clean}", entry.Element(atom + "summary")!.Value);
        Assert.Equal("fi", (string?)entry.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("News", (string?)entry.Element(atom + "category")!.Attribute("term"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", entry.Element(atom + "published")!.Value);
        Assert.Contains(clean, entry.Element(atom + "content")!.Value);

        AssertDocx(await GetOkAsync(responsible, $"{Api("kainuu")}/compilations/2024-Q3/compilation.docx"), $"Huomio {clean}");
        AssertDocx(await GetOkAsync(responsible, $"{Api("kainuu")}/meetings/{meetingId}/document.docx"), $"Pöytäkirja {clean}");
        AssertDocx(await GetOkAsync(responsible, $"{Api("kainuu")}/plan/export.docx"), $"Toteutussuunnitelma {clean}");
        foreach (var url in new[] { "/social-reports/export.xlsx", "/social-reports/export.xlsx?scope=Mine" })
        {
            var client = url.EndsWith("Mine", StringComparison.Ordinal) ? professional : responsible;
            AssertXlsx(await GetOkAsync(client, Api("kainuu") + url), $"Raportti {clean}");
        }
        var csv = Encoding.UTF8.GetString(await GetOkAsync(responsible, $"{Api("kainuu")}/social-reports/export.csv"));
        Assert.Contains($"Raportti {marker}", csv);

        // The HTML pages and the compilation's SVG-bearing page carry the text without the character too.
        var html = Encoding.UTF8.GetString(await GetOkAsync(responsible, $"{Api("kainuu")}/compilations/2024-Q3/compilation.html"));
        Assert.Contains($"Huomio {clean}", html);
        Assert.DoesNotContain(bad, html, StringComparison.Ordinal);
        var planHtml = Encoding.UTF8.GetString(await GetOkAsync(responsible, $"{Api("kainuu")}/plan/export.html"));
        Assert.Contains($"Toteutussuunnitelma {clean}", planHtml);
    }

    [Fact]
    public async Task Exports_neutralise_report_text_that_starts_like_a_formula()
    {
        const string formula = "=HYPERLINK(\"https://example.org\";\"Avaa\")";
        using var professional = await Host.ClientFor("keski-suomi-professional");
        using var supervisor = await Host.ClientFor("keski-suomi-supervisor");
        var (_, number, location) = await Reports.SubmitAsync(professional, "keski-suomi", Reports.Valid("keski-suomi", formula));
        var record = await supervisor.PutAsJsonAsync($"{location}/supervisor-record", ProcessingApiTests.Record(formula));
        Assert.True(record.IsSuccessStatusCode, await record.Content.ReadAsStringAsync());

        var csv = Encoding.UTF8.GetString(await GetOkAsync(professional, $"{Api("keski-suomi")}/social-reports/export.csv?scope=Mine"));
        var line = csv.Split("\r\n").Single(l => l.StartsWith($"{number};", StringComparison.Ordinal));
        Assert.Contains(";\"'=HYPERLINK(\"\"https://example.org\"\";\"\"Avaa\"\")\";", line);

        foreach (var (client, url) in new[]
        {
            (professional, "/social-reports/export.xlsx?scope=Mine"), (supervisor, "/supervisor-records.xlsx?serviceArea=adults"),
        })
        {
            var bytes = await GetOkAsync(client, Api("keski-suomi") + url);
            AssertXlsx(bytes, formula);
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var workbook = document.WorkbookPart!;
            var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<S.CellFormat>().ToList();
            var cell = workbook.WorksheetParts.Single().Worksheet!.Descendants<S.Cell>().First(c => c.InnerText == formula);
            Assert.Null(cell.CellFormula);
            Assert.True(formats[(int)cell.StyleIndex!.Value].QuotePrefix?.Value, $"{url}: the cell is marked as text");
        }
    }

    private static async Task<byte[]> GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    internal static void AssertDocx(byte[] bytes, string expected)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains(expected, document.MainDocumentPart!.Document!.Body!.InnerText);
        AssertWellFormedParts(document);
    }

    internal static void AssertXlsx(byte[] bytes, string expected)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<S.Cell>();
        Assert.Contains(cells, c => c.InnerText == expected);
        AssertWellFormedParts(document);
    }

    /// <summary>Every XML part parses with a strict reader, as Word, Excel and LibreOffice read them.</summary>
    private static void AssertWellFormedParts(OpenXmlPackage package)
    {
        foreach (var part in package.GetAllParts().Where(p => p.ContentType.EndsWith("xml", StringComparison.Ordinal)))
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { CheckCharacters = true });
            while (reader.Read())
            {
            }
        }
    }
}
