using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.BuildingBlocks.Regions;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// The working-group operations that were API-only (issue 13), each done in the browser by a role that may do it: a
/// meeting moved, cancelled after a confirmation and marked held, a proposal moved on, a member picked by name (never
/// from another region), changed and removed after a confirmation, a budget proposal submitted.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class MeetingOperationsBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private const string Region = "kymenlaakso";
    private static readonly string Api = $"/api/v1/regions/{Region}";

    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_working_group_member_moves_cancels_and_marks_meetings_held_and_moves_a_proposal_on()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        var bodyId = Id(await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "WorkingGroup"));
        var now = DateTimeOffset.UtcNow;
        var coming = MeetingId(await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, now.AddDays(2), "Tuleva"));
        var begun = MeetingId(await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, now.AddHours(-1), "Alkanut"));
        var proposal = await responsible.PostAsJsonAsync($"{Api}/meetings/{begun}/action-proposals",
            new { title = "Lisää tuettua asumista", targetKind = "Municipality", target = "Kotka" });
        var proposalId = Id((await proposal.Content.ReadFromJsonAsync<JsonObject>())!);

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-workinggroupmember", outside);
        await page.GotoAsync($"/{Region}/meetings/{coming}");
        // A meeting that has not begun cannot be marked held: the button is offered only once it has.
        await Assertions.Expect(page.Locator("#cancel-meeting")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#mark-held")).ToHaveCountAsync(0);
        // A refused move keeps what was typed and names the field.
        await page.FillAsync("#newTitle", "");
        await page.FillAsync("#newLocation", "Kotkan virastotalo");
        await page.ClickAsync("button[type=submit]:has-text('Siirrä tai muokkaa kokousta')");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#newTitle")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#newLocation")).ToHaveValueAsync("Kotkan virastotalo");

        var moved = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Helsinki.TimeZone).AddDays(5);
        await page.FillAsync("#newTitle", "Siirretty kokous");
        await page.FillAsync("#newDate", moved.ToString("yyyy-MM-dd"));
        await page.FillAsync("#newTime", "13:15");
        await page.ClickAsync("button[type=submit]:has-text('Siirrä tai muokkaa kokousta')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Siirretty kokous, {moved:d.M.yyyy} klo 13.15");
        await Assertions.Expect(page.Locator(".rake-success")).ToBeVisibleAsync();

        // Cancelling asks first; saying no changes nothing.
        await page.ClickAsync("#cancel-meeting");
        await Assertions.Expect(page.Locator("#cancel-confirm")).ToContainTextAsync("Siirretty kokous");
        await Browser.AssertAccessibleAsync(page, "wg-ops-01-cancel-confirm");
        await page.ClickAsync("#cancel-no");
        await Assertions.Expect(page.Locator("#cancel-confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#meeting-status")).ToHaveTextAsync("Tulossa");
        await page.ClickAsync("#cancel-meeting");
        await page.ClickAsync("#cancel-yes");
        await Assertions.Expect(page.Locator("#meeting-status")).ToHaveTextAsync("Peruttu");
        await Assertions.Expect(page.Locator("#cancel-meeting")).ToHaveCountAsync(0);

        await page.GotoAsync($"/{Region}/meetings/{begun}");
        await page.ClickAsync("#mark-held");
        await Assertions.Expect(page.Locator("#meeting-status")).ToHaveTextAsync("Pidetty");
        await page.SelectOptionAsync($"#step-{proposalId}", "Sent");
        await page.ClickAsync($"#step-save-{proposalId}");
        await Assertions.Expect(page.Locator($"#proposal-status-{proposalId}")).ToHaveTextAsync("Lähetetty");
        await Browser.AssertAccessibleAsync(page, "wg-ops-02-held-and-proposal");

        var detail = await responsible.GetFromJsonAsync<JsonObject>($"{Api}/meetings/{coming}");
        Assert.Equal("Cancelled", detail!["meeting"]!["status"]!.GetValue<string>());
        Assert.Equal("Kotkan virastotalo", detail["meeting"]!["location"]!.GetValue<string>());
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_responsible_person_picks_a_member_by_name_changes_and_removes_one_and_submits_a_budget_proposal()
    {
        // ASCII only: the region's people finder compares upper-cased names, and SQLite upper-cases ASCII letters only.
        var mark = $"Member{Guid.NewGuid():N}"[..12];
        var here = await PersonAsync(Region, $"Helmi {mark}");
        var there = await PersonAsync("kainuu", $"Hilja {mark}");
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        var bodyName = $"Verkosto {Guid.NewGuid():N}"[..20];
        var bodyId = Id(await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "Network", bodyName));
        var mistaken = Id((await (await responsible.PostAsJsonAsync($"{Api}/bodies/{bodyId}/members",
            new { name = "Väärin Lisätty", role = "Member", termStart = "2025-01-01" })).Content.ReadFromJsonAsync<JsonObject>())!);

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-responsibleperson", outside);
        await page.GotoAsync($"/{Region}/working-groups/{bodyId}");
        var offered = await InteractiveSteps.SearchPersonAsync(page, "userName", mark);
        // Both carry the mark; only the one with a role in this region is offered.
        await Assertions.Expect(offered).ToHaveCountAsync(1);
        await Assertions.Expect(offered).ToContainTextAsync($"Helmi {mark} ({here})");
        Assert.DoesNotContain(there, await page.Locator(".rz-autocomplete-panel").InnerTextAsync());
        await offered.ClickAsync();
        await Assertions.Expect(page.Locator("input[name=memberUserName]")).ToHaveValueAsync(here);
        await page.SelectOptionAsync("#role", "Secretary");
        await page.FillAsync("#termStart", "2026-01-01");
        await page.ClickAsync("button[type=submit]:has-text('Lisää jäsen')");
        await Assertions.Expect(page.Locator("#members tbody tr", new() { HasText = $"Helmi {mark}" })).ToContainTextAsync("Sihteeri");
        await Browser.AssertAccessibleAsync(page, "wg-ops-03-member-picked");

        // The mistaken member is changed, then removed after a confirmation.
        await page.ClickAsync($"#members a[href$='/members/{mistaken}']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Jäsen: Väärin Lisätty");
        await page.FillAsync("#personTitle", "Sosiaaliohjaaja");
        await page.ClickAsync("#member-save");
        await Assertions.Expect(page.Locator("#members tbody tr", new() { HasText = "Väärin Lisätty" }))
            .ToContainTextAsync("Sosiaaliohjaaja");
        await page.ClickAsync($"#members a[href$='/members/{mistaken}']");
        await page.ClickAsync("#remove-member");
        await Assertions.Expect(page.Locator("#remove-confirm")).ToContainTextAsync("Väärin Lisätty");
        await Browser.AssertAccessibleAsync(page, "wg-ops-04-member-remove-confirm");
        await page.ClickAsync("#remove-yes");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(bodyName);
        await Assertions.Expect(page.Locator("#members")).Not.ToContainTextAsync("Väärin Lisätty");
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync($"Helmi {mark}");

        // A budget proposal from a decision is submitted and approved on the budget page.
        var meetingId = MeetingId(await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, DateTimeOffset.UtcNow.AddDays(-1)));
        var decision = await responsible.PostAsJsonAsync($"{Api}/meetings/{meetingId}/decisions",
            new { phenomenon = "Asunnottomuus", outcome = "FollowUpAction", text = "Esitetään määrärahaa.", responsiblePerson = "X" });
        var budget = await responsible.PostAsJsonAsync($"{Api}/budget-proposals", new
        {
            year = DateTime.UtcNow.Year + 1,
            title = $"Tuettu asuminen {mark}",
            justification = "Perustelu",
            serviceArea = "Aikuiset",
            amount = 10000,
            decisionId = Id((await decision.Content.ReadFromJsonAsync<JsonObject>())!),
        });
        var budgetId = Id((await budget.Content.ReadFromJsonAsync<JsonObject>())!);
        await page.GotoAsync($"/{Region}/working-groups/budget");
        await Assertions.Expect(page.Locator($"#budget-status-{budgetId}")).ToHaveTextAsync("Luonnos");
        await page.SelectOptionAsync($"#step-{budgetId}", "Submitted");
        await page.ClickAsync($"#step-save-{budgetId}");
        await Assertions.Expect(page.Locator($"#budget-status-{budgetId}")).ToHaveTextAsync("Jätetty");
        await page.SelectOptionAsync($"#step-{budgetId}", "Approved");
        await page.ClickAsync($"#step-save-{budgetId}");
        await Assertions.Expect(page.Locator($"#budget-status-{budgetId}")).ToHaveTextAsync("Hyväksytty");
        await Assertions.Expect(page.Locator($"#step-{budgetId}")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page, "wg-ops-05-budget-step");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_supervisor_renews_a_hytetu_nomination_at_its_review()
    {
        using var supervisor = await Host.ClientFor($"{Region}-supervisor");
        var group = $"HYTETU {Guid.NewGuid():N}"[..16];
        var created = await supervisor.PostAsJsonAsync($"{Api}/wellbeing-group-nominations", new
        {
            municipality = "Hamina",
            groupName = group,
            memberName = "Aino Ensimmäinen",
            decidedBy = "Palvelualuepäällikkö",
            decidedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-380),
        });
        var id = Id((await created.Content.ReadFromJsonAsync<JsonObject>())!);

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-supervisor", outside);
        await page.GotoAsync($"/{Region}/working-groups/nominations");
        await Assertions.Expect(page.Locator("#nominations tr", new() { HasText = group })).ToContainTextAsync("Tarkastelu myöhässä",
            new() { IgnoreCase = true });
        await page.ClickAsync($"#renew-{id}");
        await Assertions.Expect(page.Locator("#memberName")).ToHaveValueAsync("Aino Ensimmäinen");
        await page.FillAsync("#memberName", "Bertta Uusi");
        await page.FillAsync("#deputyName", "Bertta Uusi");
        await page.ClickAsync("#renew");
        await Assertions.Expect(page.Locator("#deputyName")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#memberName")).ToHaveValueAsync("Bertta Uusi");
        await Browser.AssertAccessibleAsync(page, "wg-ops-06-renewal-refused");
        await page.FillAsync("#deputyName", "Cecilia Vara");
        await page.ClickAsync("#renew");
        var row = page.Locator("#nominations tr", new() { HasText = group });
        await Assertions.Expect(row).ToContainTextAsync("Bertta Uusi");
        await Assertions.Expect(row).ToContainTextAsync(
            TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Helsinki.TimeZone).AddYears(1).ToString("d.M.yyyy"));
        await Assertions.Expect(row).Not.ToContainTextAsync("myöhässä", new() { IgnoreCase = true });
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_steering_group_member_sorts_and_filters_the_meetings_grid_and_hides_a_column()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        var token = $"G{Guid.NewGuid():N}"[..10];
        var bodyId = Id(await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "SteeringGroup"));
        var now = DateTimeOffset.UtcNow;
        foreach (var (title, days) in new[] { ("Bravo", 1), ("Alfa", 2), ("Charlie", 3) })
        {
            await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, now.AddDays(days), $"{title} {token}");
        }

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-steeringgroupmember", outside);
        await page.GotoAsync($"/{Region}/meetings");
        await page.FillAsync("#search", token);
        await Browser.ClickAndWaitAsync(page, "form[role=search] button[type=submit]");
        await InteractiveSteps.WaitForIslandAsync(page, "#meeting-list");
        var rows = page.Locator("#meeting-list tr.rz-data-row");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        // Newest first until a column is sorted.
        await Assertions.Expect(rows.First).ToContainTextAsync($"Charlie {token}");
        var titleHeader = page.Locator("#meeting-list thead").GetByText("Otsikko", new() { Exact = true });
        await titleHeader.ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync($"Alfa {token}");

        await page.SelectOptionAsync("#status", "Cancelled");
        await Browser.ClickAndWaitAsync(page, "form[role=search] button[type=submit]");
        await Assertions.Expect(page.Locator("p[role=status]")).ToContainTextAsync("Hakuehtoja vastaavia kokouksia ei ole.");
        await page.SelectOptionAsync("#status", "");
        await Browser.ClickAndWaitAsync(page, "form[role=search] button[type=submit]");
        await InteractiveSteps.WaitForIslandAsync(page, "#meeting-list");

        await page.Locator("#meeting-list .rz-column-picker").ClickAsync();
        await page.Locator(".rz-multiselect-item, .rz-dropdown-item", new() { HasText = "Paikka" }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#meeting-list thead")).Not.ToContainTextAsync("Paikka");
        var stored = await page.EvaluateAsync<string?>(
            $"() => localStorage.getItem('rake.columns.{Region}-steeringgroupmember.{Region}.meetings')");
        Assert.Contains("Location", stored ?? "");
        await Browser.AssertAccessibleAsync(page, "wg-ops-07-meetings-grid");
        await Browser.NavigateAsync(page, () => rows.First.Locator("a").ClickAsync());
        await page.WaitForURLAsync($"**/{Region}/meetings/*");
        Assert.Empty(outside);
    }

    /// <summary>A new account named <paramref name="displayName"/> holding the Planner role in one region only.</summary>
    private async Task<string> PersonAsync(string region, string displayName)
    {
        var (id, userName) = await Host.CreateAccountAsync("wgpick");
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            user.DisplayName = displayName;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
        using var admin = await Host.ClientFor($"{region}-regionadmin");
        var given = await admin.PostAsJsonAsync($"/api/v1/regions/{region}/people/{id}/roles", new { role = "Planner" });
        Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
        return userName;
    }

    private static Guid Id(JsonObject json) => json["id"]!.GetValue<Guid>();

    private static Guid MeetingId(JsonObject meeting) => meeting["meeting"]!["id"]!.GetValue<Guid>();
}
