using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Host.Tests;

/// <summary>
/// The one-page briefs for decision makers (docs/adr/0164): each brief's figures are its output's figures, its decisions and
/// proposals pass the identity-code screen, it is region-scoped and role-checked like its output, Swedish readers get Swedish,
/// and its chart is a PNG with a download name that keeps ä and ö.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class DecisionBriefTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static Dictionary<string, (int Count, int Previous)> Counts(JsonNode? list) =>
        list!.AsArray().ToDictionary(c => c!["key"]!.GetValue<string>(),
            c => (c!["count"]!.GetValue<int>(), c["previous"]!.GetValue<int>()));

    private async Task<(int Processed, int ToAction)> ProgressAsync(string region, DateOnly from, DateOnly to)
    {
        await using var scope = Host.RegionScope(region);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var start = Helsinki.StartOf(from);
        var end = Helsinki.StartOf(to.AddDays(1));
        var reports = await db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= start && r.ReceivedAt < end)
            .Select(r => new { HasRecord = r.Record != null, r.Status }).ToListAsync();
        return (reports.Count(r => r.HasRecord),
            reports.Count(r => r.Status is ReportStatus.Decided or ReportStatus.Published or ReportStatus.Closed));
    }

    private async Task<IReadOnlyList<ReportDigest>> StoredAsync(string region, DateOnly from, DateOnly to)
    {
        await using var scope = Host.RegionScope(region);
        return await scope.ServiceProvider.GetRequiredService<IReportingApi>()
            .ReceivedAsync(Helsinki.StartOf(from), Helsinki.StartOf(to.AddDays(1)), CancellationToken.None);
    }

    [Fact]
    public async Task The_compilation_brief_carries_the_compilations_figures_and_the_steering_groups_decision_first()
    {
        await ReportingOutputsTests.SeedYearsAsync(Host);
        using var client = await Host.ClientFor("kymenlaakso-responsibleperson");
        const string period = "2024-H2";
        var stored = await StoredAsync("kymenlaakso", new(2024, 6, 1), new(2024, 11, 30));
        Assert.True(stored.Count >= 40, $"only {stored.Count} reports in {period}");
        var decided = stored.OrderBy(r => r.Number).Last();
        using var steering = await Host.ClientFor("kymenlaakso-steeringgroupmember");
        var decisionText = $"Palveluohjausta vahvistetaan kunnissa, selvitys {Guid.NewGuid():N}";
        var note = await steering.PostAsJsonAsync($"/api/v1/regions/kymenlaakso/compilations/{period}/notes",
            new
            {
                kind = "SteeringGroupDecision",
                text = decisionText,
                reportNumber = decided.Number,
                responsiblePerson = "Palvelujohtaja",
            });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);

        var compilation = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/regions/kymenlaakso/compilations/{period}"))!;
        var brief = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/regions/kymenlaakso/briefs/compilation/{period}"))!;
        Assert.Equal(compilation["total"]!.GetValue<int>(), brief["total"]!.GetValue<int>());
        Assert.Equal(stored.Count, brief["total"]!.GetValue<int>());
        Assert.Equal(compilation["previousTotal"]!.GetValue<int>(), brief["previousTotal"]!.GetValue<int>());
        Assert.Equal(Counts(compilation["byType"]), Counts(brief["byType"]));
        var areas = Counts(compilation["byServiceArea"]);
        var briefAreas = Counts(brief["byServiceArea"]);
        Assert.NotEmpty(briefAreas);
        Assert.All(briefAreas, a => Assert.Equal(areas[a.Key], a.Value));
        // The brief keeps the compilation's order and its first (largest) rows.
        var categoryKeys = compilation["byCategory"]!.AsArray().Where(c => c!["count"]!.GetValue<int>() > 0)
            .Select(c => c!["key"]!.GetValue<string>()).Take(5);
        Assert.Equal(categoryKeys, brief["topCategories"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()));
        var (processed, toAction) = await ProgressAsync("kymenlaakso", new(2024, 6, 1), new(2024, 11, 30));
        Assert.Equal(processed, brief["processed"]!.GetValue<int>());
        Assert.Equal(toAction, brief["toAction"]!.GetValue<int>());

        var items = brief["items"]!.AsArray();
        Assert.InRange(items.Count, 1, 4);
        Assert.Equal(decisionText, items[0]!["decision"]!.GetValue<string>());
        Assert.Equal("Palvelujohtaja", items[0]!["responsiblePerson"]!.GetValue<string>());
        Assert.Equal(decided.Title, items[0]!["title"]!.GetValue<string>());
        Assert.Equal(4, items.Count);
        Assert.All(items.Skip(1), i => Assert.False(string.IsNullOrEmpty(i!["proposal"]?.GetValue<string>())));
        var summary = string.Join(" ", brief["summary"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains($"Ammattilaiset tekivät {stored.Count} sosiaalista ilmoitusta ajalla 1.6.2024–30.11.2024", summary);
        Assert.Contains($"Esihenkilöt ovat käsitelleet niistä {processed}, ja {toAction} on edennyt", summary);
        Assert.Equal("Päättäjätiivistelmä: kooste 1.6.2024–30.11.2024", brief["title"]!.GetValue<string>());
        // No Kainuu data in Kymenlaakso's brief.
        Assert.DoesNotContain("Ilmiö K2", brief.ToJsonString());
    }

    [Fact]
    public async Task A_decision_holding_an_identity_code_is_left_out_of_the_brief()
    {
        await ReportingOutputsTests.SeedYearsAsync(Host);
        using var client = await Host.ClientFor("kainuu-responsibleperson");
        var id = Guid.NewGuid();
        await using (var scope = Host.RegionScope("kainuu"))
        {
            // Old data: the guard refuses such a text at every door, so it is written past them, as an import of old notes might have.
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            db.CompilationNotes.Add(new CompilationNote
            {
                Id = id,
                PeriodId = "2024-Q3",
                Kind = CompilationNoteKind.SteeringGroupDecision,
                Text = "Asia 131052-308T ohjataan eteenpäin",
                Author = "test",
                At = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        try
        {
            var brief = (await client.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/briefs/compilation/2024-Q3"))!;
            Assert.DoesNotContain("131052", brief.ToJsonString());
            Assert.All(brief["items"]!.AsArray(), i => Assert.Null(i!["decision"]?.GetValue<string>()));
            Assert.Equal(4, brief["items"]!.AsArray().Count);
        }
        finally
        {
            await using var scope = Host.RegionScope("kainuu");
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            await db.CompilationNotes.Where(n => n.Id == id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task The_interim_brief_counts_the_current_period_so_far_against_the_same_days_before()
    {
        using var client = await Host.ClientFor("kainuu-supervisor");
        var brief = (await client.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/briefs/interim"))!;
        var today = Helsinki.Today(TimeProvider.System);
        // Kainuu counts calendar years: the period so far is 1 January to today, compared with the same days a year before.
        Assert.Equal(new DateOnly(today.Year, 1, 1), DateOnly.Parse(brief["from"]!.GetValue<string>()));
        Assert.Equal(today, DateOnly.Parse(brief["to"]!.GetValue<string>()));
        var current = await StoredAsync("kainuu", new(today.Year, 1, 1), today);
        var before = await StoredAsync("kainuu", new(today.Year - 1, 1, 1),
            new DateOnly(today.Year - 1, 1, 1).AddDays(today.DayNumber - new DateOnly(today.Year, 1, 1).DayNumber));
        Assert.Equal(current.Count, brief["total"]!.GetValue<int>());
        Assert.Equal(before.Count, brief["previousTotal"]!.GetValue<int>());
        var areas = Counts(brief["byServiceArea"]);
        Assert.All(areas, a => Assert.Equal(
            (current.Count(r => r.ServiceArea == a.Key), before.Count(r => r.ServiceArea == a.Key)), a.Value));
        var (processed, toAction) = await ProgressAsync("kainuu", new(today.Year, 1, 1), today);
        Assert.Equal(processed, brief["processed"]!.GetValue<int>());
        Assert.Equal(toAction, brief["toAction"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_annual_brief_carries_the_annual_reports_figures_and_reads_swedish()
    {
        await ReportingOutputsTests.SeedYearsAsync(Host);
        using var client = await Host.ClientFor("kainuu-responsibleperson");
        var figures = (await client.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/annual-reports/2024"))!["figures"]!;
        var brief = (await client.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/briefs/annual/2024"))!;
        Assert.Equal(figures["total"]!.GetValue<int>(), brief["total"]!.GetValue<int>());
        Assert.Equal(figures["previousYearTotal"]!.GetValue<int>(), brief["previousTotal"]!.GetValue<int>());
        Assert.Equal(figures["processed"]!.GetValue<int>(), brief["processed"]!.GetValue<int>());
        Assert.Equal(figures["actionsTaken"]!.GetValue<int>(), brief["toAction"]!.GetValue<int>());
        var areas = Counts(figures["byServiceArea"]);
        Assert.All(Counts(brief["byServiceArea"]), a => Assert.Equal(areas[a.Key], a.Value));
        Assert.Equal("Päättäjätiivistelmä: sosiaalinen raportti 2024", brief["title"]!.GetValue<string>());

        using var swedish = await Host.ClientFor("kainuu-responsibleperson");
        swedish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        var sv = (await swedish.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/briefs/annual/2024"))!;
        Assert.Equal("Sammandrag för beslutsfattare: social rapport 2024", sv["title"]!.GetValue<string>());
        Assert.Equal("Kajanalands välfärdsområde", sv["regionName"]!.GetValue<string>());
        Assert.StartsWith($"Yrkespersoner gjorde sammanlagt {figures["total"]} sociala rapporter år 2024",
            sv["summary"]![0]!.GetValue<string>());
        Assert.StartsWith("Stapeldiagram", sv["chartAlt"]!.GetValue<string>());
        Assert.Equal(brief["total"]!.GetValue<int>(), sv["total"]!.GetValue<int>());
        var png = await swedish.GetAsync("/api/v1/regions/kainuu/briefs/annual/2024/brief.png");
        Assert.Equal("Kajanalands välfärdsområde – sammandrag för beslutsfattare social rapport 2024.png",
            png.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task The_chart_is_a_png_of_agenda_size_the_same_for_the_same_data_with_the_name_keeping_umlauts()
    {
        await ReportingOutputsTests.SeedYearsAsync(Host);
        using var client = await Host.ClientFor("kainuu-responsibleperson");
        const string url = "/api/v1/regions/kainuu/briefs/compilation/2024-Q2/brief.png";
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Kainuun hyvinvointialue – päättäjätiivistelmä kooste 2024-Q2.png", disposition.FileNameStar);
        Assert.True(disposition.FileName!.All(c => c is >= ' ' and <= '~'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(1600, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(1000, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.InRange(bytes.Length, 10_000, 2_000_000);
        Assert.Equal(bytes, await client.GetByteArrayAsync(url));
        // Other data, another picture.
        Assert.NotEqual(bytes, await client.GetByteArrayAsync("/api/v1/regions/kainuu/briefs/compilation/2024-Q3/brief.png"));
    }

    [Fact]
    public async Task Briefs_are_region_scoped_role_checked_and_refuse_bad_input_with_problem_details()
    {
        using var outsider = await Host.ClientFor("kymenlaakso-responsibleperson");
        await Reports.ReadProblemAsync(await outsider.GetAsync("/api/v1/regions/kainuu/briefs/compilation/2024-Q2"),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await outsider.GetAsync("/api/v1/regions/kainuu/briefs/annual/2024/brief.png"),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await outsider.GetAsync("/api/v1/regions/lappi/briefs/interim"), HttpStatusCode.NotFound);

        using var professional = await Host.ClientFor("kainuu-professional");
        await Reports.ReadProblemAsync(await professional.GetAsync("/api/v1/regions/kainuu/briefs/compilation/2024-Q2/brief.png"),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.GetAsync("/api/v1/regions/kainuu/briefs/interim"), HttpStatusCode.Forbidden);

        using var client = await Host.ClientFor("kainuu-responsibleperson");
        var problem = await Reports.ReadProblemAsync(await client.GetAsync("/api/v1/regions/kainuu/briefs/compilation/2024-H7"),
            HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["periodId"]);
        await Reports.ReadProblemAsync(await client.GetAsync("/api/v1/regions/kainuu/briefs/annual/1999/brief.png"),
            HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await client.GetAsync("/api/v1/regions/kainuu/briefs/annual/3000"), HttpStatusCode.BadRequest);

        // The page: another region's people are turned away, the region's own see the brief with its print style.
        var cookie = await CookieSignIn.CookieAsync(Host.BaseAddress, "kymenlaakso-responsibleperson");
        using var page = CookieSignIn.WithCookie(Host.BaseAddress, cookie);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync("/kainuu/briefs/compilation/2024-Q2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/lappi/briefs/interim")).StatusCode);
        var own = await page.GetAsync("/kymenlaakso/briefs/compilation/2025-H1");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync());
        Assert.Contains("Päättäjätiivistelmä: kooste 1.12.2024–31.5.2025", html);
        Assert.Contains("/api/v1/regions/kymenlaakso/briefs/compilation/2025-H1/brief.png", html);
        Assert.Contains("_content/Rake.Modules.Reporting/brief", html);
    }
}
