using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rake.Host.Tests;

[Collection(SharedHostCollection.Name)]
public sealed class PeriodAndSetupApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task Each_region_has_its_own_reporting_periods()
    {
        using var kymi = await Host.ClientFor("kymenlaakso-responsibleperson");
        using var kainuu = await Host.ClientFor("kainuu-responsibleperson");
        var half = await kymi.GetFromJsonAsync<JsonArray>("/api/v1/regions/kymenlaakso/reporting-periods?year=2026");
        Assert.Equal(["2026-H1:2025-12-01:2026-05-31", "2026-H2:2026-06-01:2026-11-30"],
            half!.Select(p => $"{p!["id"]}:{p["from"]}:{p["to"]}").ToArray());
        var year = await kainuu.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/reporting-periods?year=2026");
        Assert.Equal(["2026-Q1:2026-01-01:2026-03-31", "2026-Q2:2026-01-01:2026-06-30", "2026-Q3:2026-01-01:2026-09-30",
            "2026:2026-01-01:2026-12-31"],
            year!.Select(p => $"{p!["id"]}:{p["from"]}:{p["to"]}").ToArray());
    }

    [Fact]
    public async Task The_summary_counts_what_was_stored_in_the_period()
    {
        using var responsible = await Host.ClientFor("keski-suomi-responsibleperson");
        using var reporter = await Host.ClientFor("keski-suomi-professional");
        var period = DateTime.UtcNow.Year.ToString();
        var before = await responsible.GetFromJsonAsync<JsonObject>($"/api/v1/regions/keski-suomi/reporting-periods/{period}/summary");
        var positive = Reports.Valid("keski-suomi", "Kokemusasiantuntijat mukana kehittämisessä");
        positive["phenomenonType"] = "Positive";
        positive["categories"] = new[] { "practices" };
        positive["municipality"] = "jamsa";
        await Reports.SubmitAsync(reporter, "keski-suomi", positive);
        await Reports.SubmitAsync(reporter, "keski-suomi");

        var after = await responsible.GetFromJsonAsync<JsonObject>($"/api/v1/regions/keski-suomi/reporting-periods/{period}/summary");
        int Count(JsonObject s, string list, string key) =>
            s[list]!.AsArray().FirstOrDefault(c => c!["key"]!.GetValue<string>() == key)?["count"]!.GetValue<int>() ?? 0;
        Assert.Equal(before!["totalCount"]!.GetValue<int>() + 2, after!["totalCount"]!.GetValue<int>());
        Assert.Equal(Count(before, "byType", "Positive") + 1, Count(after, "byType", "Positive"));
        Assert.Equal(Count(before, "byType", "Negative") + 1, Count(after, "byType", "Negative"));
        Assert.Equal(Count(before, "byCategory", "practices") + 1, Count(after, "byCategory", "practices"));
        Assert.Equal(Count(before, "byCategory", "housing") + 1, Count(after, "byCategory", "housing"));
        Assert.Equal(Count(before, "byMunicipality", "jamsa") + 1, Count(after, "byMunicipality", "jamsa"));
        Assert.Equal(Count(before, "byServiceArea", "adults") + 2, Count(after, "byServiceArea", "adults"));
        Assert.Contains(after["phenomena"]!.AsArray(),
            p => p!["title"]!.GetValue<string>() == "Kokemusasiantuntijat mukana kehittämisessä");
        Assert.Equal(after["totalCount"]!.GetValue<int>(), after["byType"]!.AsArray().Sum(t => t!["count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_unknown_period_or_a_role_without_summaries_is_refused()
    {
        using var responsible = await Host.ClientFor("kymenlaakso-responsibleperson");
        var problem =
            await Reports.ReadProblemAsync(await responsible.GetAsync("/api/v1/regions/kymenlaakso/reporting-periods/2026-Q1/summary"),
                HttpStatusCode.BadRequest);
        Assert.Contains("2026-H1", problem["errors"]!["periodId"]![0]!.GetValue<string>());
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        await Reports.ReadProblemAsync(await professional.GetAsync("/api/v1/regions/kymenlaakso/reporting-periods/2026-H1/summary"),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_region_admin_maintains_the_taxonomy_and_others_may_not()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        using var professional = await Host.ClientFor("kainuu-professional");
        var code = $"digi-{Guid.NewGuid():N}"[..20];
        var term = new
        {
            kind = "Category",
            code,
            nameFi = "Digitaalinen syrjäytyminen",
            nameSv = "Digitalt utanförskap",
            nameEn = "Digital exclusion"
        };

        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync("/api/v1/regions/kainuu/taxonomy", term),
            HttpStatusCode.Forbidden);
        var created = await admin.PostAsJsonAsync("/api/v1/regions/kainuu/taxonomy", term);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var duplicate = await Reports.ReadProblemAsync(await admin.PostAsJsonAsync("/api/v1/regions/kainuu/taxonomy", term),
            HttpStatusCode.BadRequest);
        Assert.NotNull(duplicate["errors"]!["code"]);
        var bad = await Reports.ReadProblemAsync(await admin.PostAsJsonAsync("/api/v1/regions/kainuu/taxonomy",
            new { kind = "Colour", code = "a b" }), HttpStatusCode.BadRequest);
        Assert.Equal(["code", "kind", "nameFi"], bad["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());

        var categories = await professional.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/categories");
        Assert.Contains(categories!, c => c!["code"]!.GetValue<string>() == code);
        // A submission takes the new code at once, though the region's active terms are cached (docs/adr/0193).
        var withTerm = Reports.Valid("kainuu");
        withTerm["categories"] = new[] { code };
        await Reports.SubmitAsync(professional, "kainuu", withTerm);
        // Another region's taxonomy is untouched.
        using var kymi = await Host.ClientFor("kymenlaakso-professional");
        Assert.DoesNotContain((await kymi.GetFromJsonAsync<JsonArray>("/api/v1/regions/kymenlaakso/categories"))!,
            c => c!["code"]!.GetValue<string>() == code);
        var elsewhere = Reports.Valid("kymenlaakso");
        elsewhere["categories"] = new[] { code };
        var unknownThere = await Reports.ReadProblemAsync(
            await kymi.PostAsJsonAsync("/api/v1/regions/kymenlaakso/social-reports", elsewhere), HttpStatusCode.BadRequest);
        Assert.Contains(code, unknownThere["errors"]!["categories"]![0]!.GetValue<string>());

        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var deactivated = await admin.PutAsJsonAsync($"/api/v1/regions/kainuu/taxonomy/{id}",
            new { nameFi = "Digisyrjäytyminen", active = false });
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.DoesNotContain((await professional.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/categories"))!,
            c => c!["code"]!.GetValue<string>() == code);
        var refused = await Reports.ReadProblemAsync(
            await professional.PostAsJsonAsync("/api/v1/regions/kainuu/social-reports", withTerm), HttpStatusCode.BadRequest);
        Assert.Contains(code, refused["errors"]!["categories"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_supervisor_list_takes_only_people_with_the_supervisor_role()
    {
        using var admin = await Host.ClientFor("kymenlaakso-regionadmin");
        var refused = await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync("/api/v1/regions/kymenlaakso/supervisors",
                new { userName = "kymenlaakso-professional", serviceArea = "adults" }), HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["userName"]);
        var added = await admin.PostAsJsonAsync("/api/v1/regions/kymenlaakso/supervisors",
            new { userName = "kymenlaakso-supervisor", serviceArea = "families" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var list = await admin.GetFromJsonAsync<JsonArray>("/api/v1/regions/kymenlaakso/supervisors");
        Assert.Equal("families",
            list!.Single(s => s!["userName"]!.GetValue<string>() == "kymenlaakso-supervisor")!["serviceArea"]!.GetValue<string>());
        await admin.PostAsJsonAsync("/api/v1/regions/kymenlaakso/supervisors",
            new { userName = "kymenlaakso-supervisor", serviceArea = "adults" });
    }
}
