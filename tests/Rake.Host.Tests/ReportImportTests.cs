using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Rake.BuildingBlocks.Export;

namespace Rake.Host.Tests;

/// <summary>Import of Questback/Webropol exports: preview, per-row errors, all or nothing, and idempotence.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class ReportImportTests(SharedHost shared)
{
    private const string Preview = "/api/v1/regions/keski-suomi/imports/preview";
    private const string Commit = "/api/v1/regions/keski-suomi/imports";
    private RakeTestHost Host => shared.Host;

    private static string[] Row(string id, string date, string title, string categories = "Asuminen;income",
        string municipality = "Jyväskylä") =>
        [id, date, "Kielteinen", title, "Palveluihin on vaikea päästä; \"jonot\" kasvavat.\nToinen rivi.",
            "Lisää resursseja, ohjausta ja neuvontaa.", categories, "Aikuisten sosiaalipalvelut", municipality, "Työikäiset"];

    [Fact]
    public async Task A_valid_file_is_previewed_imported_and_a_second_import_only_finds_duplicates()
    {
        using var client = await Host.ClientFor("keski-suomi-responsibleperson");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = ReportingOutputsTests.Csv(
        [
            ReportingOutputsTests.Header,
            Row($"{tag}-1", "3.2.2023 9:15", $"Asunnottomuus {tag}"),
            Row($"{tag}-2", "2023-04-11 14:00:00", $"Toimeentulo {tag}", "income"),
            Row($"{tag}-3", "30.11.2023", $"Yksinäisyys {tag}", "loneliness", "laukaa"),
        ]);
        var before = await Reports.CountVisibleAsync(client, "keski-suomi");

        var preview = await (await ReportingOutputsTests.PostFileAsync(client, Preview, file, "webropol.csv")).Content
            .ReadFromJsonAsync<JsonObject>();
        Assert.Equal(3, preview!["newCount"]!.GetValue<int>());
        Assert.False(preview["committed"]!.GetValue<bool>());
        Assert.Equal(["housing", "income"], preview["rows"]![0]!["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray());
        Assert.Equal(before, await Reports.CountVisibleAsync(client, "keski-suomi"));

        var imported = await ReportingOutputsTests.PostFileAsync(client, Commit, file, "webropol.csv");
        var result = await imported.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, result?.ToJsonString());
        Assert.Equal(3, result!["newCount"]!.GetValue<int>());
        Assert.Equal(before + 3, await Reports.CountVisibleAsync(client, "keski-suomi"));
        var number = result["importedNumbers"]![0]!.GetValue<int>();
        var page = await client.GetFromJsonAsync<JsonObject>("/api/v1/regions/keski-suomi/social-reports?pageSize=100");
        var stored = page!["items"]!.AsArray().Single(i => i!["number"]!.GetValue<int>() == number);
        var detail = await client.GetFromJsonAsync<JsonObject>($"/api/v1/regions/keski-suomi/social-reports/{stored!["id"]}");
        Assert.Equal($"Asunnottomuus {tag}", detail!["title"]!.GetValue<string>());
        Assert.Equal("Palveluihin on vaikea päästä; \"jonot\" kasvavat.\nToinen rivi.", detail["description"]!.GetValue<string>());
        Assert.Equal("2023-02-03T07:15:00+00:00",
            detail["receivedAt"]!.GetValue<DateTimeOffset>().ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:sszzz"));
        Assert.Equal("Negative", detail["phenomenonType"]!.GetValue<string>());
        Assert.Equal("jyvaskyla", detail["municipality"]!.GetValue<string>());

        // The same file again, now as Windows-1252 with commas and no BOM: same rows, so only duplicates.
        var again = ReportingOutputsTests.Csv(
        [
            ReportingOutputsTests.Header,
            Row($"{tag}-1", "3.2.2023 9:15", $"Asunnottomuus {tag}"),
            Row($"{tag}-2", "2023-04-11 14:00:00", $"Toimeentulo {tag}", "income"),
            Row($"{tag}-3", "30.11.2023", $"Yksinäisyys {tag}", "loneliness", "laukaa"),
        ], ',', bom: false, CodePagesEncodingProvider.Instance.GetEncoding(1252));
        var second = await (await ReportingOutputsTests.PostFileAsync(client, Commit, again, "webropol-1252.csv")).Content
            .ReadFromJsonAsync<JsonObject>();
        Assert.Equal(0, second!["newCount"]!.GetValue<int>());
        Assert.Equal(3, second["duplicateCount"]!.GetValue<int>());
        Assert.All(second["rows"]!.AsArray(), r => Assert.Equal("Duplicate", r!["status"]!.GetValue<string>()));
        Assert.Equal(before + 3, await Reports.CountVisibleAsync(client, "keski-suomi"));
    }

    [Fact]
    public async Task An_xlsx_export_imports_with_excel_dates_and_rows_without_ids_are_recognised_by_content()
    {
        using var client = await Host.ClientFor("keski-suomi-regionadmin");
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] header = ["Vastausaika", "Ilmiön tyyppi", "Otsikko", "Kuvaus", "Ratkaisuehdotus", "Aihealue", "Palvelualue", "Kunta"];
        var xlsx = XlsxWriter.Write("Vastaukset", header,
        [
            [new DateOnly(2023, 5, 17), "myönteinen", $"Kokemusasiantuntijat {tag}", "Kokemusasiantuntijat mukana kehittämisessä.",
                "Laajennetaan.", "practices", "adults", "jamsa"],
            [new DateOnly(2023, 6, 1), "muu", $"Digipalvelut {tag}", "Digipalvelut eivät tavoita kaikkia.", "Lisätään digitukea.",
                "services, signals", "elderly", "keuruu"],
        ]);
        var first = await ReportingOutputsTests.PostFileAsync(client, Commit, xlsx, "questback.xlsx");
        var result = await first.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(first.StatusCode == HttpStatusCode.OK, result?.ToJsonString());
        Assert.Equal(2, result!["newCount"]!.GetValue<int>());
        Assert.Equal(["Positive", "Other"], result["rows"]!.AsArray().Select(r => r!["phenomenonType"]!.GetValue<string>()).ToArray());
        Assert.Equal(["services", "signals"], result["rows"]![1]!["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray());
        var repeat = await (await ReportingOutputsTests.PostFileAsync(client, Commit, xlsx, "questback.xlsx")).Content
            .ReadFromJsonAsync<JsonObject>();
        Assert.Equal(0, repeat!["newCount"]!.GetValue<int>());
        Assert.Equal(2, repeat["duplicateCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_file_with_bad_rows_lists_every_error_and_imports_nothing()
    {
        using var client = await Host.ClientFor("keski-suomi-responsibleperson");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = ReportingOutputsTests.Csv(
        [
            ReportingOutputsTests.Header,
            Row($"{tag}-ok", "1.3.2023 10:00", $"Kelvollinen {tag}"),
            Row($"{tag}-date", "31.2.2023", $"Väärä päivä {tag}"),
            Row($"{tag}-cat", "1.3.2023", $"Tuntematon luokka {tag}", "ufo"),
            Row($"{tag}-pii", "1.3.2023", $"Asiakas 131052-308T {tag}"),
            Row($"{tag}-empty", "1.3.2023", ""),
            Row($"{tag}-dup", "1.3.2023 10:00", $"Sama tunnus {tag}"),
            Row($"{tag}-dup", "1.3.2023 10:00", $"Sama tunnus {tag}"),
        ]);
        var before = await Reports.CountVisibleAsync(client, "keski-suomi");
        var preview = await (await ReportingOutputsTests.PostFileAsync(client, Preview, file, "bad.csv")).Content
            .ReadFromJsonAsync<JsonObject>();
        var rows = preview!["rows"]!.AsArray();
        Assert.Equal(["New", "Error", "Error", "Error", "Error", "New", "Duplicate"],
            rows.Select(r => r!["status"]!.GetValue<string>()).ToArray());
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], rows.Select(r => r!["row"]!.GetValue<int>()).ToArray());
        Assert.Contains("31.2.2023", rows[1]!["errors"]![0]!.GetValue<string>());
        Assert.Contains("ufo", rows[2]!["errors"]![0]!.GetValue<string>());
        Assert.Contains("henkilötunnukse", rows[3]!["errors"]![0]!.GetValue<string>());
        Assert.StartsWith("Otsikko", rows[4]!["errors"]![0]!.GetValue<string>());
        Assert.Equal(4, preview["errorCount"]!.GetValue<int>());

        var problem = await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(client, Commit, file, "bad.csv"),
            HttpStatusCode.BadRequest);
        Assert.Equal(["rivi 3", "rivi 4", "rivi 5", "rivi 6"], problem["errors"]!.AsObject().Select(e => e.Key).ToArray());
        Assert.Equal(before, await Reports.CountVisibleAsync(client, "keski-suomi"));
        // Nothing was recorded as imported either: the good row is still new.
        var after = await (await ReportingOutputsTests.PostFileAsync(client, Preview, file, "bad.csv")).Content
            .ReadFromJsonAsync<JsonObject>();
        Assert.Equal("New", after!["rows"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unreadable_files_missing_columns_and_the_wrong_people_are_refused()
    {
        using var client = await Host.ClientFor("keski-suomi-responsibleperson");
        var missing = await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(client, Preview,
            Encoding.UTF8.GetBytes("Otsikko;Kuvaus\nA;B\n"), "x.csv"), HttpStatusCode.BadRequest);
        Assert.Contains("Vastausaika", missing["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(client, Preview, [], "x.csv"), HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(client, Preview, Encoding.UTF8.GetBytes("a;\"open\nquote"),
            "x.csv"), HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(client, Preview, [(byte)'P', (byte)'K', 3, 4, 1, 2, 3],
            "broken.xlsx"), HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(client, Preview,
            Encoding.UTF8.GetBytes(string.Join(";", ReportingOutputsTests.Header)), "x.csv"), HttpStatusCode.BadRequest);

        var file = ReportingOutputsTests.Csv([ReportingOutputsTests.Header, Row("x", "1.1.2023", "Otsikko")]);
        using var professional = await Host.ClientFor("keski-suomi-professional");
        await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(professional, Preview, file, "x.csv"),
            HttpStatusCode.Forbidden);
        using var outsider = await Host.ClientFor("kainuu-responsibleperson");
        await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(outsider, Commit, file, "x.csv"),
            HttpStatusCode.Forbidden);
    }
}
