using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rake.Host.Tests;

/// <summary>
/// Issue 12: the plan's set-up slices through the API on a region with no plan: empty-state answers, creating the plan on
/// the template, the 409 for a second one, goals, actions and yearly actions, approvals, validity; roles and regions.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class PlanSetupApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static string Plan(string region) => $"/api/v1/regions/{region}/plan";

    private static object Details(string title, string from, string until) =>
        new { title, validFrom = from, validUntil = until, updateResponsible = "RAKE-työryhmä" };

    [Fact]
    public async Task Every_plan_read_in_a_region_without_a_plan_is_a_404_problem_and_nothing_can_be_added_to_it()
    {
        var (region, adminName) = await PlanningEmptyRegion.CreateAsync(Host, "plan-none");
        using var admin = await Host.ClientFor(adminName);
        foreach (var path in new[] { "", "/versions", "/evaluation", "/evaluation?year=2026", "/export.docx", "/export.html",
                     "/versions/1/diff/0" })
        {
            var problem = await Reports.ReadProblemAsync(await admin.GetAsync(Plan(region) + path), HttpStatusCode.NotFound);
            Assert.Equal("Alueella ei ole toteutussuunnitelmaa.", problem["detail"]!.GetValue<string>());
        }
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{Plan(region)}/goals", new { title = "Tavoite" }),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await admin.PutAsJsonAsync(Plan(region), Details("Nimi", "2025-01-01", "2029-12-31")),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{Plan(region)}/approvals",
            new { kind = "Approved", body = "Johtoryhmä", on = "2025-03-01" }), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await admin.PutAsJsonAsync($"{Plan(region)}/sections/introduction", new { content = "x" }),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_region_admin_builds_the_plan_from_empty_and_a_second_plan_is_refused_with_the_reason()
    {
        var (region, adminName) = await PlanningEmptyRegion.CreateAsync(Host, "plan-api");
        using var admin = await Host.ClientFor(adminName);

        var bad = await Reports.ReadProblemAsync(await admin.PostAsJsonAsync(Plan(region),
            new { title = " ", validFrom = "2029-01-01", validUntil = "2025-12-31" }), HttpStatusCode.BadRequest);
        Assert.Equal(["title", "validUntil"], bad["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());

        var created = await admin.PostAsJsonAsync(Plan(region), Details("Lapin toteutussuunnitelma 2025–2029", "2025-01-01", "2029-12-31"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(8, plan["sections"]!.AsArray().Count);
        Assert.All(plan["sections"]!.AsArray(), s => Assert.Equal("", s!["content"]!.GetValue<string>()));
        Assert.Empty(plan["goals"]!.AsArray());

        var overlap = await Reports.ReadProblemAsync(await admin.PostAsJsonAsync(Plan(region),
            Details("Toinen suunnitelma", "2027-01-01", "2030-12-31")), HttpStatusCode.Conflict);
        var why = overlap["detail"]!.GetValue<string>();
        Assert.Contains("Lapin toteutussuunnitelma 2025–2029", why, StringComparison.Ordinal);
        Assert.Contains("1.1.2025–31.12.2029", why, StringComparison.Ordinal);
        Assert.Contains("päällekkäin", why, StringComparison.Ordinal);

        var goal = (await (await admin.PostAsJsonAsync($"{Plan(region)}/goals", new { title = "Tehdä työtä tunnetuksi" }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var goalId = goal["id"]!.GetValue<string>();
        Assert.Equal(1, goal["position"]!.GetValue<int>());
        var reworded = await admin.PutAsJsonAsync($"{Plan(region)}/goals/{goalId}",
            new { title = "Tehdä rakenteellista työtä tunnetuksi" });
        Assert.Equal(HttpStatusCode.OK, reworded.StatusCode);

        var wholeTerm = await admin.PostAsJsonAsync($"{Plan(region)}/goals/{goalId}/actions",
            new { title = "Intranet-sivu päivitetään", responsible = "RAKE-työryhmä", countsReports = false });
        Assert.Equal(HttpStatusCode.Created, wholeTerm.StatusCode);
        var yearly = (await (await admin.PostAsJsonAsync($"{Plan(region)}/goals/{goalId}/actions",
            new { title = "Vuoden 2026 raportti", responsible = "Johtoryhmä", year = 2026, countsReports = true }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var yearlyId = yearly["id"]!.GetValue<string>();
        var outside = await Reports.ReadProblemAsync(await admin.PutAsJsonAsync($"{Plan(region)}/actions/{yearlyId}",
            new { title = "Vuoden 2031 raportti", responsible = "Johtoryhmä", year = 2031 }), HttpStatusCode.BadRequest);
        Assert.Equal(["year"], outside["errors"]!.AsObject().Select(e => e.Key).ToArray());
        var moved = await admin.PutAsJsonAsync($"{Plan(region)}/actions/{yearlyId}",
            new { title = "Vuoden 2027 raportti", responsible = "Johtoryhmä", year = 2027, countsReports = true });
        Assert.Equal(2027, (await moved.Content.ReadFromJsonAsync<JsonObject>())!["year"]!.GetValue<int>());

        var shrink = await Reports.ReadProblemAsync(await admin.PutAsJsonAsync(Plan(region),
            Details("Lapin toteutussuunnitelma", "2025-01-01", "2026-12-31")), HttpStatusCode.Conflict);
        Assert.Contains("2027", shrink["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var details = await admin.PutAsJsonAsync(Plan(region), Details("Lapin toteutussuunnitelma 2025–2028", "2025-01-01", "2028-12-31"));
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);

        var approval = (await (await admin.PostAsJsonAsync($"{Plan(region)}/approvals",
            new { kind = "Approved", body = "Hyvinvointialuejohtajan päätös", approver = "N.N.", on = "2025-03-01" }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var mistaken = (await (await admin.PostAsJsonAsync($"{Plan(region)}/approvals",
            new { kind = "Presented", body = "Väärä toimielin", on = "2025-02-01" })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.DeleteAsync($"{Plan(region)}/approvals/{mistaken["id"]!.GetValue<string>()}")).StatusCode);

        var read = (await admin.GetFromJsonAsync<JsonObject>(Plan(region)))!;
        Assert.Equal(("Lapin toteutussuunnitelma 2025–2028", "2028-12-31"),
            (read["title"]!.GetValue<string>(), read["validUntil"]!.GetValue<string>()));
        var readGoal = Assert.Single(read["goals"]!.AsArray())!;
        Assert.Equal("Tehdä rakenteellista työtä tunnetuksi", readGoal["title"]!.GetValue<string>());
        Assert.Equal(["Intranet-sivu päivitetään", "Vuoden 2027 raportti"],
            readGoal["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToArray());
        Assert.Equal(approval["id"]!.GetValue<string>(), Assert.Single(read["approvals"]!.AsArray())!["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Plan(region)}/actions/{yearlyId}")).StatusCode);
        await Reports.ReadProblemAsync(await admin.DeleteAsync($"{Plan(region)}/actions/{yearlyId}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Plan(region)}/goals/{goalId}")).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonObject>(Plan(region)))!["goals"]!.AsArray());

        // The audit log names who changed the plan.
        var trail = (await admin.GetFromJsonAsync<JsonArray>($"/api/v1/regions/{region}/audit"))!;
        Assert.Contains(trail, e => e!["module"]!.GetValue<string>() == "planning" && e["actor"]!.GetValue<string>() == adminName);
    }

    [Fact]
    public async Task Set_up_needs_an_editor_role_and_never_reaches_another_regions_plan()
    {
        var (region, adminName) = await PlanningEmptyRegion.CreateAsync(Host, "plan-x");
        using var admin = await Host.ClientFor(adminName);
        (await admin.PostAsJsonAsync(Plan(region), Details("Oma suunnitelma", "2025-01-01", "2029-12-31"))).EnsureSuccessStatusCode();
        var goal = await admin.PostAsJsonAsync($"{Plan(region)}/goals", new { title = "Oma tavoite" });
        var goalId = (await goal.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        // Kainuu's seeded plan: a second one is refused, naming it; its professional may not set up anything.
        using var kainuuAdmin = await Host.ClientFor("kainuu-regionadmin");
        var second = await Reports.ReadProblemAsync(await kainuuAdmin.PostAsJsonAsync(Plan("kainuu"),
            Details("Toinen", "2025-01-01", "2026-12-31")), HttpStatusCode.Conflict);
        Assert.Contains("Kainuun hyvinvointialue", second["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        using var professional = await Host.ClientFor("kainuu-professional");
        var forbidden = await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{Plan("kainuu")}/goals", new { title = "" }),
            HttpStatusCode.Forbidden);
        Assert.Null(forbidden["errors"]);

        // The new region's admin has no role in Kainuu; Kainuu's admin cannot touch the new region's goal through Kainuu.
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{Plan("kainuu")}/goals", new { title = "Vieras" }),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await kainuuAdmin.PutAsJsonAsync($"{Plan("kainuu")}/goals/{goalId}", new { title = "Kaapattu" }),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kainuuAdmin.DeleteAsync($"{Plan("kainuu")}/goals/{goalId}"), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kainuuAdmin.PostAsJsonAsync($"{Plan("kainuu")}/goals/{goalId}/actions",
            new { title = "Vieras toimenpide", responsible = "x" }), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kainuuAdmin.PostAsJsonAsync($"{Plan(region)}/goals", new { title = "Vieras" }),
            HttpStatusCode.Forbidden);
        var mine = (await admin.GetFromJsonAsync<JsonObject>(Plan(region)))!;
        var kept = Assert.Single(mine["goals"]!.AsArray())!;
        Assert.Equal(("Oma tavoite", 0), (kept["title"]!.GetValue<string>(), kept["actions"]!.AsArray().Count));
    }
}
