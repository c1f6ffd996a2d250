using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>A region created by the platform admin with no demo data: its RegionAdmin, a supervisor and a leaver.</summary>
internal sealed record ReportingSetupRegion(string Code, string Admin, string Supervisor, string Leaver)
{
    public static async Task<ReportingSetupRegion> CreateAsync(RakeTestHost host)
    {
        var code = $"rs-{Guid.NewGuid():N}"[..14];
        using var platform = await host.ClientFor("platform-admin");
        var created = await platform.PostAsJsonAsync("/api/v1/platform/regions", new { code, nameFi = "Raportointialue" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var region = new ReportingSetupRegion(code, $"{code}-admin", $"{code}-esihenkilo", $"{code}-lahtija");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            foreach (var (name, display, role) in new[]
            {
                (region.Admin, "Aino Pääkäyttäjä", RegionRole.RegionAdmin), (region.Supervisor, "Eero Esihenkilö", RegionRole.Supervisor),
                (region.Leaver, "Liisa Lähtijä", RegionRole.Supervisor),
            })
            {
                var user = new RakeUser { Id = Guid.CreateVersion7(), UserName = name, DisplayName = display };
                Assert.True((await users.CreateAsync(user, RakeTestHost.Password)).Succeeded);
                db.RegionRoles.Add(new RegionRoleAssignment { UserId = user.Id, RegionCode = code, Role = role });
            }
            await db.SaveChangesAsync();
        }
        using var admin = await host.ClientFor(region.Admin);
        var leaverId = await region.UserIdAsync(host, region.Leaver);
        var deactivated = await admin.PostAsync($"/api/v1/regions/{code}/people/{leaverId}/deactivation", null);
        Assert.True(deactivated.IsSuccessStatusCode, await deactivated.Content.ReadAsStringAsync());
        return region;
    }

    public async Task<Guid> UserIdAsync(RakeTestHost host, string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
        return (await users.FindByNameAsync(userName))!.Id;
    }

    /// <summary>Reporting's go-live items, read as the checklist reads them: in a scope set to the region.</summary>
    public static async Task<IReadOnlyList<GoLiveItem>> GoLiveAsync(RakeTestHost host, string region)
    {
        await using var scope = host.RegionScope(region);
        var items = new List<GoLiveItem>();
        foreach (var source in scope.ServiceProvider.GetServices<IGoLiveSource>())
        {
            items.AddRange((await source.GoLiveItemsAsync(CancellationToken.None)).Where(i => i.Module == "Reporting"));
        }
        return items;
    }
}

[Collection(SharedHostCollection.Name)]
public sealed class ReportingSetupApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task An_empty_region_reports_by_calendar_year_until_its_admin_chooses_half_years_from_any_month()
    {
        var region = await ReportingSetupRegion.CreateAsync(Host);
        using var admin = await Host.ClientFor(region.Admin);
        var url = $"/api/v1/regions/{region.Code}/reporting-settings/period-scheme";
        var before = await admin.GetFromJsonAsync<JsonObject>(url);
        Assert.Equal("CalendarYear", before!["scheme"]!.GetValue<string>());
        Assert.False(before["chosen"]!.GetValue<bool>());
        Assert.True(before["changeable"]!.GetValue<bool>());
        var items = await ReportingSetupRegion.GoLiveAsync(Host, region.Code);
        Assert.Equal(["reporting.periodScheme", "reporting.categories", "reporting.serviceAreas", "reporting.municipalities",
            "reporting.targetGroups", "reporting.supervisors"], items.Select(i => i.Key).ToArray());
        Assert.All(items, i => Assert.False(i.Done, i.Key));
        // Nothing set up, and still no crash: the default scheme's periods and an empty summary.
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026"], await PeriodIdsAsync(admin, region.Code, 2026));
        var summary = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{region.Code}/reporting-periods/2026/summary");
        Assert.Equal(0, summary!["totalCount"]!.GetValue<int>());
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>($"/api/v1/regions/{region.Code}/supervisors"))!);

        var chosen = await admin.PutAsJsonAsync(url, new { scheme = "HalfYears", startMonth = 3 });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonObject>(url);
        Assert.Equal(("HalfYears", 3, true), (after!["scheme"]!.GetValue<string>(), after["startMonth"]!.GetValue<int>(),
            after["chosen"]!.GetValue<bool>()));
        var periods = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/regions/{region.Code}/reporting-periods?year=2026");
        Assert.Equal(["2026-H1:2026-03-01:2026-08-31", "2026-H2:2026-09-01:2027-02-28"],
            periods!.Select(p => $"{p!["id"]}:{p["from"]}:{p["to"]}").ToArray());
        Assert.True((await ReportingSetupRegion.GoLiveAsync(Host, region.Code)).Single(i => i.Key == "reporting.periodScheme").Done);

        // Back to the calendar year is allowed too while nothing is filed.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, new { scheme = "calendaryear" })).StatusCode);
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026"], await PeriodIdsAsync(admin, region.Code, 2026));
    }

    [Fact]
    public async Task Bad_scheme_input_is_a_problem_naming_the_field_and_only_the_region_admin_may_choose()
    {
        var region = await ReportingSetupRegion.CreateAsync(Host);
        using var admin = await Host.ClientFor(region.Admin);
        var url = $"/api/v1/regions/{region.Code}/reporting-settings/period-scheme";
        var unknown = await Reports.ReadProblemAsync(await admin.PutAsJsonAsync(url, new { scheme = "Weekly", startMonth = 13 }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["scheme", "startMonth"], unknown["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        var noMonth = await Reports.ReadProblemAsync(await admin.PutAsJsonAsync(url, new { scheme = "HalfYears" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["startMonth"], noMonth["errors"]!.AsObject().Select(e => e.Key).ToArray());
        await Reports.ReadProblemAsync(await admin.PutAsJsonAsync(url, new { scheme = "1" }), HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await admin.PutAsync(url, new StringContent("{\"scheme\":", System.Text.Encoding.UTF8,
            "application/json")), HttpStatusCode.BadRequest);

        using var supervisor = await Host.ClientFor(region.Supervisor);
        await Reports.ReadProblemAsync(await supervisor.PutAsJsonAsync(url, new { scheme = "HalfYears", startMonth = 12 }),
            HttpStatusCode.Forbidden);
        Assert.False((await admin.GetFromJsonAsync<JsonObject>(url))!["chosen"]!.GetValue<bool>());
        // Another region's admin reaches neither this region's scheme nor its checklist rows.
        using var kainuu = await Host.ClientFor("kainuu-regionadmin");
        await Reports.ReadProblemAsync(await kainuu.PutAsJsonAsync(url, new { scheme = "HalfYears", startMonth = 12 }),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Once_a_region_has_reports_another_scheme_is_a_conflict_that_says_why_and_the_same_one_is_accepted()
    {
        using var admin = await Host.ClientFor("kymenlaakso-regionadmin");
        const string url = "/api/v1/regions/kymenlaakso/reporting-settings/period-scheme";
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        await Reports.SubmitAsync(professional, "kymenlaakso");
        var current = await admin.GetFromJsonAsync<JsonObject>(url);
        Assert.Equal(("HalfYears", 12, true, false), (current!["scheme"]!.GetValue<string>(), current["startMonth"]!.GetValue<int>(),
            current["chosen"]!.GetValue<bool>(), current["changeable"]!.GetValue<bool>()));
        var refused = await Reports.ReadProblemAsync(await admin.PutAsJsonAsync(url, new { scheme = "HalfYears", startMonth = 1 }),
            HttpStatusCode.Conflict);
        Assert.Contains("ilmoituksia", refused["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, new { scheme = "HalfYears", startMonth = 12 })).StatusCode);
        using var kymi = await Host.ClientFor("kymenlaakso-responsibleperson");
        Assert.Equal(["2026-H1", "2026-H2"], await PeriodIdsAsync(kymi, "kymenlaakso", 2026));
        var half = await kymi.GetFromJsonAsync<JsonArray>("/api/v1/regions/kymenlaakso/reporting-periods?year=2026");
        Assert.Equal("2025-12-01", half![0]!["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_supervisor_listing_counts_and_is_offered_only_while_the_person_holds_the_role()
    {
        var region = await ReportingSetupRegion.CreateAsync(Host);
        using var admin = await Host.ClientFor(region.Admin);
        var term = await admin.PostAsJsonAsync($"/api/v1/regions/{region.Code}/taxonomy",
            new { kind = "ServiceArea", code = "families", nameFi = "Perhepalvelut" });
        Assert.Equal(HttpStatusCode.Created, term.StatusCode);
        var leaverListed = await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"/api/v1/regions/{region.Code}/supervisors",
            new { userName = region.Leaver, serviceArea = "families" }), HttpStatusCode.BadRequest);
        Assert.NotNull(leaverListed["errors"]!["userName"]);
        var listed = await admin.PostAsJsonAsync($"/api/v1/regions/{region.Code}/supervisors",
            new { userName = region.Supervisor, serviceArea = "families" });
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        var item = (await ReportingSetupRegion.GoLiveAsync(Host, region.Code)).Single(i => i.Key == "reporting.supervisors");
        Assert.Equal((true, 1), (item.Done, item.Count));
        Assert.Equal(1, (await ReportingSetupRegion.GoLiveAsync(Host, region.Code)).Single(i => i.Key == "reporting.serviceAreas").Count);

        var supervisorId = await region.UserIdAsync(Host, region.Supervisor);
        var left = await admin.PostAsync($"/api/v1/regions/{region.Code}/people/{supervisorId}/deactivation", null);
        Assert.True(left.IsSuccessStatusCode, await left.Content.ReadAsStringAsync());
        var form = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{region.Code}/social-report-form");
        Assert.Empty(form!["supervisors"]!.AsArray());
        item = (await ReportingSetupRegion.GoLiveAsync(Host, region.Code)).Single(i => i.Key == "reporting.supervisors");
        Assert.Equal((false, 0), (item.Done, item.Count));
    }

    private static async Task<string[]> PeriodIdsAsync(HttpClient client, string region, int year) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/v1/regions/{region}/reporting-periods?year={year}"))!
            .Select(p => p!["id"]!.GetValue<string>()).ToArray();
}
