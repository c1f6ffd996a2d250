using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Export;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Host.Tests;

/// <summary>Builds a year of reports from a form export, then checks every figure of the compilations and the annual report against the
/// stored reports.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class ReportingOutputsTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    internal static readonly string[] Header =
        ["Vastaustunnus", "Vastausaika", "Ilmiön tyyppi", "Otsikko", "Kuvaus", "Ratkaisuehdotus", "Luokka", "Palvelualue", "Kunta",
            "Kohderyhmä"];

    internal static readonly string[] CategoryCodes = ["needs", "wellbeing", "services", "signals", "practices", "housing", "income",
        "substance", "mental-health", "loneliness"];
    internal static readonly string[] ServiceAreaCodes = ["adults", "families", "disability", "elderly", "student-welfare"];
    internal static readonly string[] TypesFi = ["kielteinen", "myönteinen", "muu"];

    /// <summary>A deterministic Webropol-style export: rows spread over the given local dates, with 1–3 categories each (names or codes, as
    /// real exports mix).</summary>
    internal static List<string[]> GenerateRows(string prefix, int count, DateOnly from, DateOnly to, string[] municipalities, int seed)
    {
        var random = new Random(seed);
        var days = to.DayNumber - from.DayNumber + 1;
        var rows = new List<string[]>();
        for (var i = 0; i < count; i++)
        {
            var day = from.AddDays(random.Next(days));
            var categories = CategoryCodes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
            rows.Add(
            [
                $"{prefix}-{i:0000}", $"{day.Day}.{day.Month}.{day.Year} {random.Next(8, 16)}:{random.Next(60):00}",
                TypesFi[random.Next(TypesFi.Length)], $"Ilmiö {prefix} {i}: palvelut eivät kohtaa tarvetta",
                "Asiakastyössä näkyy, että palveluun pääsy on hidastunut; \"jonot\" ovat kasvaneet koko alueella.\nUseampi työntekijä on " +
                "havainnut saman.",
                "Lisätään yhteistyötä ja selvitetään resurssit.", string.Join(";", categories),
                ServiceAreaCodes[random.Next(ServiceAreaCodes.Length)], municipalities[random.Next(municipalities.Length)], "working-age",
            ]);
        }
        return rows;
    }

    internal static byte[] Csv(IEnumerable<string[]> rows, char separator = ';', bool bom = true, Encoding? encoding = null)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(separator,
                row.Select(v => v.IndexOfAny([separator, '"', '\n', ';', ',']) >= 0 ? $"\"{v.Replace("\"", "\"\"")}\"" : v)))
                .Append("\r\n");
        }
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text.ToString());
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes;
    }

    internal static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, byte[] content, string fileName)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx")
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv");
        return await client.PostAsync($"{url}?fileName={Uri.EscapeDataString(fileName)}", body);
    }

    private static readonly SemaphoreSlim SeedOnce = new(1, 1);
    private static bool seeded;

    /// <summary>Kainuu 2024 (and 2023 to compare with) and Kymenlaakso 2024-12..2025-11 (and the half-year before), imported once per
    /// host.</summary>
    internal static async Task SeedYearsAsync(RakeTestHost host)
    {
        await SeedOnce.WaitAsync();
        try
        {
            if (seeded)
            {
                return;
            }

            using var kainuu = await host.ClientFor("kainuu-responsibleperson");
            string[] kainuuTowns = ["kajaani", "kuhmo", "sotkamo", "Suomussalmi", "Paltamo"];
            var rows = GenerateRows("K24", 180, new(2024, 1, 1), new(2024, 12, 31), kainuuTowns, 24)
                .Concat(GenerateRows("K23", 70, new(2023, 1, 1), new(2023, 12, 31), kainuuTowns, 23));
            var response = await PostFileAsync(kainuu, "/api/v1/regions/kainuu/imports", Csv([Header, .. rows]), "webropol-kainuu.csv");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

            using var kymi = await host.ClientFor("kymenlaakso-responsibleperson");
            string[] kymiTowns = ["kotka", "kouvola", "Hamina", "pyhtaa"];
            var kymiRows = GenerateRows("Y25", 120, new(2024, 12, 1), new(2025, 11, 30), kymiTowns, 25)
                .Concat(GenerateRows("Y24", 40, new(2024, 6, 1), new(2024, 11, 30), kymiTowns, 124));
            response = await PostFileAsync(kymi, "/api/v1/regions/kymenlaakso/imports", Csv([Header, .. kymiRows], ','),
                "questback-kymi.csv");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            seeded = true;
        }
        finally
        {
            SeedOnce.Release();
        }
    }

    private async Task<IReadOnlyList<ReportDigest>> StoredAsync(string region, DateOnly from, DateOnly to)
    {
        await using var scope = Host.RegionScope(region);
        return await scope.ServiceProvider.GetRequiredService<IReportingApi>()
            .ReceivedAsync(Helsinki.StartOf(from), Helsinki.StartOf(to.AddDays(1)), CancellationToken.None);
    }

    private static Dictionary<string, int> Expected(IEnumerable<string> keys) =>
        keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    private static void AssertCounts(JsonNode? list, IReadOnlyDictionary<string, int> current, IReadOnlyDictionary<string, int> previous,
        string what)
    {
        var actual = list!
            .AsArray()
            .ToDictionary(c => c!["key"]!.GetValue<string>(), c => (c!["count"]!.GetValue<int>(), c["previous"]!.GetValue<int>()));
        var keys = current.Keys.Union(previous.Keys).ToHashSet();
        foreach (var key in keys)
        {
            Assert.True(actual.ContainsKey(key), $"{what}: {key} missing");
            Assert.Equal((current.GetValueOrDefault(key), previous.GetValueOrDefault(key)), actual[key]);
        }
        Assert.All(actual.Where(a => !keys.Contains(a.Key)), a => Assert.Equal((0, 0), a.Value));
    }

    [Fact]
    public async Task The_annual_report_carries_the_implementation_plans_evaluation_read_from_planning()
    {
        using var client = await Host.ClientFor("kainuu-responsibleperson");
        var evaluation = (await client.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/plan/evaluation?year=2025"))!;
        var done = evaluation["actionsDone"]!.GetValue<int>();
        var total = evaluation["actionsTotal"]!.GetValue<int>();
        Assert.True(total > 0, "the seeded Kainuu plan has actions");

        var report = (await client.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/annual-reports/2025"))!;
        Assert.True(report["planEvaluationFromPlanning"]!.GetValue<bool>());
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/api/v1/regions/kainuu/annual-reports/2025/report.html"));
        Assert.Contains($"{evaluation["planTitle"]!.GetValue<string>()}): {done}/{total} toimenpidettä toteutettu.", html);
        foreach (var action in evaluation["actions"]!.AsArray())
        {
            Assert.Contains(action!["title"]!.GetValue<string>(), html);
        }

        // Another region's annual report shows its own plan, never Kainuu's.
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-responsibleperson");
        var other = System.Net.WebUtility.HtmlDecode(
            await kymenlaakso.GetStringAsync("/api/v1/regions/kymenlaakso/annual-reports/2025/report.html"));
        Assert.DoesNotContain(evaluation["planTitle"]!.GetValue<string>(), other);
    }

    [Fact]
    public async Task The_annual_report_figures_equal_the_stored_reports_of_the_year()
    {
        await SeedYearsAsync(Host);
        using var client = await Host.ClientFor("kainuu-responsibleperson");
        var report = await client.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/annual-reports/2024");
        var figures = report!["figures"]!;
        var year = await StoredAsync("kainuu", new(2024, 1, 1), new(2024, 12, 31));
        var before = await StoredAsync("kainuu", new(2023, 1, 1), new(2023, 12, 31));
        Assert.True(year.Count >= 180, $"only {year.Count} reports stored for 2024");
        Assert.Equal(year.Count, figures["total"]!.GetValue<int>());
        Assert.Equal(before.Count, figures["previousYearTotal"]!.GetValue<int>());
        AssertCounts(figures["byType"], Expected(year.Select(r => r.PhenomenonType)), Expected(before.Select(r => r.PhenomenonType)),
            "type");
        AssertCounts(figures["byCategory"], Expected(year.SelectMany(r => r.Categories)), Expected(before.SelectMany(r => r.Categories)),
            "category");
        AssertCounts(figures["byServiceArea"], Expected(year.Select(r => r.ServiceArea)), Expected(before.Select(r => r.ServiceArea)),
            "service area");
        AssertCounts(figures["byMunicipality"], Expected(year.Select(r => r.Municipality)), Expected(before.Select(r => r.Municipality)),
            "municipality");
        var statuses = Expected(year.Select(r => r.Status));
        Assert.All(figures["byStatus"]!.AsArray(),
            s => Assert.Equal(statuses.GetValueOrDefault(s!["key"]!.GetValue<string>()), s["count"]!.GetValue<int>()));
        Assert.Equal(year.Count(r => r.Status is "Decided" or "Published" or "Closed"), figures["actionsTaken"]!.GetValue<int>());
        // Quarters each on their own: they add up to the year.
        var quarters = figures["byPeriod"]!.AsArray().Select(q => q!["count"]!.GetValue<int>()).ToArray();
        Assert.Equal(4, quarters.Length);
        for (var q = 0; q < 4; q++)
        {
            var from = new DateOnly(2024, q * 3 + 1, 1);
            Assert.Equal(year.Count(r => Helsinki.StartOf(from) <= r.ReceivedAt && r.ReceivedAt < Helsinki.StartOf(from.AddMonths(3))),
                quarters[q]);
        }
        Assert.Equal(year.Count, quarters.Sum());
        // The generated file itself: 180 rows of 2024, types as given in Finnish.
        Assert.Equal(180, year.Count(r => r.Title.StartsWith("Ilmiö K24 ")));
    }

    [Fact]
    public async Task A_quarter_cumulative_compilation_and_a_half_year_compilation_check_against_the_stored_reports()
    {
        await SeedYearsAsync(Host);
        using var kainuu = await Host.ClientFor("kainuu-supervisor");
        var q2 = await kainuu.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/compilations/2024-Q2");
        var current = await StoredAsync("kainuu", new(2024, 1, 1), new(2024, 6, 30));
        var previous = await StoredAsync("kainuu", new(2023, 1, 1), new(2023, 6, 30));
        Assert.Equal("2023-Q2", q2!["previousPeriod"]!["id"]!.GetValue<string>());
        Assert.Equal(current.Count, q2["total"]!.GetValue<int>());
        Assert.Equal(previous.Count, q2["previousTotal"]!.GetValue<int>());
        AssertCounts(q2["byType"], Expected(current.Select(r => r.PhenomenonType)), Expected(previous.Select(r => r.PhenomenonType)),
            "type");
        AssertCounts(q2["byCategory"], Expected(current.SelectMany(r => r.Categories)), Expected(previous.SelectMany(r => r.Categories)),
            "category");
        AssertCounts(q2["byServiceArea"], Expected(current.Select(r => r.ServiceArea)), Expected(previous.Select(r => r.ServiceArea)),
            "service area");
        AssertCounts(q2["byMunicipality"], Expected(current.Select(r => r.Municipality)), Expected(previous.Select(r => r.Municipality)),
            "municipality");
        Assert.Equal(current.Select(r => r.Number).Order().ToArray(),
            q2["phenomena"]!.AsArray().Select(p => p!["number"]!.GetValue<int>()).ToArray());
        Assert.All(q2["phenomena"]!.AsArray(),
            p => Assert.Equal(current.Single(r => r.Number == p!["number"]!.GetValue<int>()).Proposal, p!["proposal"]!.GetValue<string>()));

        using var kymi = await Host.ClientFor("kymenlaakso-workinggroupmember");
        var h1 = await kymi.GetFromJsonAsync<JsonObject>("/api/v1/regions/kymenlaakso/compilations/2025-H1");
        var half = await StoredAsync("kymenlaakso", new(2024, 12, 1), new(2025, 5, 31));
        var halfBefore = await StoredAsync("kymenlaakso", new(2024, 6, 1), new(2024, 11, 30));
        Assert.Equal("2024-H2", h1!["previousPeriod"]!["id"]!.GetValue<string>());
        Assert.Equal(half.Count, h1["total"]!.GetValue<int>());
        Assert.Equal(halfBefore.Count, h1["previousTotal"]!.GetValue<int>());
        AssertCounts(h1["byCategory"], Expected(half.SelectMany(r => r.Categories)), Expected(halfBefore.SelectMany(r => r.Categories)),
            "category");
        AssertCounts(h1["byMunicipality"], Expected(half.Select(r => r.Municipality)), Expected(halfBefore.Select(r => r.Municipality)),
            "municipality");
        AssertCounts(h1["byServiceArea"], Expected(half.Select(r => r.ServiceArea)), Expected(halfBefore.Select(r => r.ServiceArea)),
            "service area");
        AssertCounts(h1["byType"], Expected(half.Select(r => r.PhenomenonType)), Expected(halfBefore.Select(r => r.PhenomenonType)),
            "type");

        var annual = await (await Host.ClientFor("kymenlaakso-responsibleperson"))
            .GetFromJsonAsync<JsonObject>("/api/v1/regions/kymenlaakso/annual-reports/2025");
        var kymiYear = await StoredAsync("kymenlaakso", new(2024, 12, 1), new(2025, 11, 30));
        Assert.Equal(kymiYear.Count, annual!["figures"]!["total"]!.GetValue<int>());
        Assert.Equal(["H1", "H2"], annual["figures"]!["byPeriod"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()).ToArray());
        Assert.Equal(half.Count, annual["figures"]!["byPeriod"]![0]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Comments_and_decisions_attach_to_the_compilation_and_reach_the_annual_report()
    {
        await SeedYearsAsync(Host);
        var stored = await StoredAsync("kymenlaakso", new(2025, 6, 1), new(2025, 11, 30));
        var number = stored[0].Number;
        using var member = await Host.ClientFor("kymenlaakso-workinggroupmember");
        using var steering = await Host.ClientFor("kymenlaakso-steeringgroupmember");
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        const string url = "/api/v1/regions/kymenlaakso/compilations/2025-H2/notes";
        var comment = await member.PostAsJsonAsync(url,
            new { kind = "WorkingGroupComment", text = "Työryhmä pitää ilmiötä merkittävänä." });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var decisionText = $"Käsittely jatkuu aikuissosiaalityön palvelualueella {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created,
            (await steering.PostAsJsonAsync(url,
                new
                {
                    kind = "SteeringGroupDecision",
                    text = decisionText,
                    reportNumber = number,
                    responsiblePerson = "Palvelupäällikkö"
                })).StatusCode);
        // A working-group member may not decide, a professional may not comment.
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync(url, new { kind = "SteeringGroupDecision", text = "x" }),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync(url, new { kind = "WorkingGroupComment", text = "x" }),
            HttpStatusCode.Forbidden);
        var bad = await Reports.ReadProblemAsync(await steering.PostAsJsonAsync(url,
            new { kind = "SteeringGroupDecision", text = "", reportNumber = 999999 }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["text"]);
        Assert.NotNull(bad["errors"]!["reportNumber"]);
        await Reports.ReadProblemAsync(await steering.PostAsJsonAsync(url, new { kind = "Vote", text = "x" }), HttpStatusCode.BadRequest);

        var compilation = await member.GetFromJsonAsync<JsonObject>("/api/v1/regions/kymenlaakso/compilations/2025-H2");
        var phenomenon = compilation!["phenomena"]!.AsArray().Single(p => p!["number"]!.GetValue<int>() == number);
        Assert.Contains(phenomenon!["notes"]!.AsArray(), n => n!["text"]!.GetValue<string>() == decisionText);
        Assert.Contains(compilation["notes"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "WorkingGroupComment");
        var annual = await member.GetFromJsonAsync<JsonObject>("/api/v1/regions/kymenlaakso/annual-reports/2025");
        Assert.Contains(annual!["figures"]!["decisions"]!.AsArray(),
            d => d!["text"]!.GetValue<string>() == decisionText && d["reportNumber"]!.GetValue<int>() == number);
        // Another region sees none of it.
        using var kainuu = await Host.ClientFor("kainuu-steeringgroupmember");
        await Reports.ReadProblemAsync(await kainuu.GetAsync("/api/v1/regions/kymenlaakso/compilations/2025-H2"), HttpStatusCode.Forbidden);
        var kainuuAnnual = await kainuu.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/annual-reports/2025");
        Assert.DoesNotContain(kainuuAnnual!["figures"]!["decisions"]!.AsArray(), d => d!["text"]!.GetValue<string>() == decisionText);
    }

    [Fact]
    public async Task The_generated_documents_are_valid_open_xml_and_carry_the_figures()
    {
        await SeedYearsAsync(Host);
        using var client = await Host.ClientFor("kainuu-responsibleperson");
        foreach (var url in new[] { "/api/v1/regions/kainuu/annual-reports/2024/report.docx",
            "/api/v1/regions/kainuu/compilations/2024-Q3/compilation.docx" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                response.Content.Headers.ContentType!.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            File.WriteAllBytes(Path.Combine(Path.GetTempPath(), Path.GetFileName(url)), bytes);
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Palvelualueittain", text);
            var headings = document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>()
                .Select(s => s.Val!.Value)
                .ToList();
            Assert.Contains("Heading1", headings);
        }
        var year = await StoredAsync("kainuu", new(2024, 1, 1), new(2024, 12, 31));
        var html = await client.GetStringAsync("/api/v1/regions/kainuu/annual-reports/2024/report.html");
        Assert.Contains($"Ilmoituksia {year.Count} ajalla 1.1.2024–31.12.2024", html);
        Assert.Contains("<html lang=\"fi\">", html);
        var svg = await client.GetStringAsync("/api/v1/regions/kainuu/annual-reports/2024/infographic.svg");
        Assert.Contains($">{year.Count}</text>", svg);
    }

    [Fact]
    public async Task The_annual_report_is_drafted_approved_and_published_by_the_right_people()
    {
        const string url = "/api/v1/regions/keski-suomi/annual-reports/2025";
        using var responsible = await Host.ClientFor("keski-suomi-responsibleperson");
        using var steering = await Host.ClientFor("keski-suomi-steeringgroupmember");
        using var communications = await Host.ClientFor("keski-suomi-communications");
        using var professional = await Host.ClientFor("keski-suomi-professional");

        await Reports.ReadProblemAsync(await professional.GetAsync(url), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.PutAsJsonAsync(url, new { introduction = "x" }), HttpStatusCode.Forbidden);
        var pii = await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync(url, new { introduction = "Asiakas 131052-308T" }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(pii["errors"]!["introduction"]);
        await Reports.ReadProblemAsync(await responsible.GetAsync("/api/v1/regions/keski-suomi/annual-reports/1999"),
            HttpStatusCode.BadRequest);

        var saved = await responsible.PutAsJsonAsync(url,
            new { introduction = "Vuonna 2025 sosiaalinen raportointi vakiintui.", actionsTaken = "Asumisneuvontaa lisättiin." });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await Reports.ReadProblemAsync(await responsible.PostAsync($"{url}/approve", null), HttpStatusCode.Forbidden);
        var incomplete = await Reports.ReadProblemAsync(await steering.PostAsync($"{url}/approve", null), HttpStatusCode.BadRequest);
        Assert.NotNull(incomplete["errors"]!["planEvaluation"]);
        await responsible.PutAsJsonAsync(url, new
        {
            introduction = "Vuonna 2025 sosiaalinen raportointi vakiintui.",
            actionsTaken = "Asumisneuvontaa lisättiin.",
            planEvaluation = "Tiedontuotannon tavoitteet toteutuivat osittain.",
            conclusions = "Jatketaan.",
        });
        await Reports.ReadProblemAsync(await communications.PostAsync($"{url}/publish", null), HttpStatusCode.Conflict);
        var approved = await steering.PostAsync($"{url}/approve", null);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync(url, new { introduction = "muutos" }), HttpStatusCode.Conflict);
        await Reports.ReadProblemAsync(await professional.PostAsync($"{url}/publish", null), HttpStatusCode.Forbidden);
        var published = await (await communications.PostAsync($"{url}/publish", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Published", published!["status"]!.GetValue<string>());
        Assert.Equal("keski-suomi-communications", published["publishedBy"]!.GetValue<string>());
        // Published: everyone in the region may read it; nobody outside.
        Assert.Contains("Tiedontuotannon tavoitteet toteutuivat osittain.", await professional.GetStringAsync($"{url}/report.html"));
        using var outsider = await Host.ClientFor("kainuu-responsibleperson");
        await Reports.ReadProblemAsync(await outsider.GetAsync(url), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Lists_export_as_xlsx_and_as_csv_for_finnish_excel()
    {
        await SeedYearsAsync(Host);
        using var client = await Host.ClientFor("kainuu-responsibleperson");
        var csvResponse = await client.GetAsync("/api/v1/regions/kainuu/social-reports/export.csv?year=2024");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var year = await StoredAsync("kainuu", new(2024, 1, 1), new(2024, 12, 31));
        Assert.StartsWith("Nro;", lines[0]);
        Assert.Equal(year.Count + 1, lines.Length);
        var first = year.OrderBy(r => r.Number).First();
        var local = Helsinki.ToLocalDate(first.ReceivedAt);
        Assert.StartsWith($"{first.Number};{local.Day}.{local.Month}.{local.Year};Suljettu;", lines[1]);

        var xlsx = await (await client.GetAsync("/api/v1/regions/kainuu/social-reports/export.xlsx?year=2024")).Content
            .ReadAsByteArrayAsync();
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        // Two title rows and the header above the reports.
        Assert.Equal(year.Count + 3, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());

        // A professional exports only what they may see: none of the imported rows.
        using var professional = await Host.ClientFor("kainuu-professional");
        var own = await professional.GetByteArrayAsync("/api/v1/regions/kainuu/social-reports/export.csv?year=2024");
        Assert.Single(Encoding.UTF8.GetString(own).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        await Reports.ReadProblemAsync(await client.GetAsync("/api/v1/regions/kainuu/social-reports/export.csv?scope=Everything"),
            HttpStatusCode.BadRequest);
    }
}

/// <summary>The national observer's cross-region view: counts per region only, and only for that platform role.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class NationalViewTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task The_national_observer_sees_counts_per_region_equal_to_each_regions_stored_reports_and_no_text()
    {
        await ReportingOutputsTests.SeedYearsAsync(Host);
        using var observer = await Host.ClientFor("national-observer");
        var response = await observer.GetAsync("/api/v1/platform/phenomenon-counts?year=2024");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var counts = JsonNode.Parse(body)!.AsObject();
        foreach (var region in new[] { "kainuu", "kymenlaakso", "keski-suomi" })
        {
            await using var scope = Host.RegionScope(region);
            var stored = await scope.ServiceProvider.GetRequiredService<IReportingApi>()
                .ReceivedAsync(Helsinki.StartOf(new(2024, 1, 1)), Helsinki.StartOf(new(2025, 1, 1)), CancellationToken.None);
            int Count(JsonNode? list) =>
                list!.AsArray().FirstOrDefault(c => c!["region"]!.GetValue<string>() == region)?["count"]!.GetValue<int>() ?? 0;
            Assert.Equal(stored.Count, Count(counts["totals"]));
            foreach (var type in counts["byType"]!.AsArray())
            {
                Assert.Equal(stored.Count(r => r.PhenomenonType == type!["phenomenonType"]!.GetValue<string>()), Count(type!["counts"]));
            }
            foreach (var category in counts["byCategory"]!.AsArray())
            {
                Assert.Equal(stored.Count(r => r.Categories.Contains(category!["category"]!.GetValue<string>())),
                    Count(category!["counts"]));
            }
        }
        Assert.True(Count2(counts, "kainuu") >= 180 && Count2(counts, "kymenlaakso") >= 40);
        Assert.DoesNotContain("Ilmiö", body);
        Assert.DoesNotContain("Lisätään", body);

        // Nobody else: not a region's responsible person or admin, not anonymous.
        using var responsible = await Host.ClientFor("kainuu-responsibleperson");
        await Reports.ReadProblemAsync(await responsible.GetAsync("/api/v1/platform/phenomenon-counts?year=2024"),
            HttpStatusCode.Forbidden);
        using var admin = await Host.ClientFor("kymenlaakso-regionadmin");
        await Reports.ReadProblemAsync(await admin.GetAsync("/api/v1/platform/phenomenon-counts?year=2024"), HttpStatusCode.Forbidden);
        using var anonymous = Host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/platform/phenomenon-counts?year=2024")).StatusCode);
        await Reports.ReadProblemAsync(await observer.GetAsync("/api/v1/platform/phenomenon-counts?year=1999"), HttpStatusCode.BadRequest);
        // And the observer has no region: a region's own API refuses them.
        await Reports.ReadProblemAsync(await observer.GetAsync("/api/v1/regions/kainuu/social-reports"), HttpStatusCode.Forbidden);
    }

    private static int Count2(JsonObject counts, string region) =>
        counts["totals"]!.AsArray().First(c => c!["region"]!.GetValue<string>() == region)!["count"]!.GetValue<int>();
}
