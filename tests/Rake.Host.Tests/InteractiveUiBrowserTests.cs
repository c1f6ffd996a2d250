using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// The interactive islands in the browser (docs/adr/0117): the inbox grid sorted, filtered and paged by a Supervisor, a
/// supervisor picked by name by a RegionAdmin, and a picker that never offers another region's person; each page
/// axe-clean in Finnish and Swedish and without horizontal scrolling on a 390 px phone.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class InteractiveUiBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_supervisor_searches_filters_sorts_and_pages_the_inbox()
    {
        var token = $"Q{Guid.NewGuid():N}"[..9];
        using (var professional = await Host.ClientFor("kymenlaakso-professional"))
        {
            for (var i = 1; i <= 26; i++)
            {
                await Reports.SubmitAsync(professional, "kymenlaakso", Reports.Valid("kymenlaakso", $"Ilmiö {i:00} {token}"));
            }
        }
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-supervisor", outside);
        await page.GotoAsync("/kymenlaakso/reports/inbox");
        await page.FillAsync("#search", token);
        await Browser.ClickAndWaitAsync(page, "form[role=search] button[type=submit]");
        await InteractiveSteps.WaitForIslandAsync(page, "#reports");

        var rows = page.Locator("#reports tr.rz-data-row");
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        // Newest first, as before the grid.
        await Assertions.Expect(rows.First).ToContainTextAsync("Ilmiö 26");
        await Assertions.Expect(page.Locator("#reports")).ToContainTextAsync("Sivu 1 / 2 (26 riviä)");

        await page.Locator("[aria-label='Siirry seuraavalle sivulle.']").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Ilmiö 01");

        // Sorting keeps the page; back on the first one, the title order replaces the number order.
        await page.Locator("[aria-label='Siirry ensimmäiselle sivulle.']").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        await Assertions.Expect(rows.First).ToContainTextAsync("Ilmiö 26");
        var titleHeader = page.Locator("#reports thead").GetByText("Otsikko", new() { Exact = true });
        await titleHeader.ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("Ilmiö 01");
        await titleHeader.ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("Ilmiö 26");

        // A status none of them has empties the list; the type all of them have keeps all 26.
        await page.SelectOptionAsync("#status", "Closed");
        await Browser.ClickAndWaitAsync(page, "form[role=search] button[type=submit]");
        await InteractiveSteps.WaitForIslandAsync(page, "#reports");
        await Assertions.Expect(page.Locator("#reports .rz-datatable-emptymessage")).ToContainTextAsync("Ei rivejä");
        await Assertions.Expect(page.Locator("#status")).ToHaveValueAsync("Closed");
        await page.SelectOptionAsync("#status", "");
        await page.SelectOptionAsync("#type", "Negative");
        await Browser.ClickAndWaitAsync(page, "form[role=search] button[type=submit]");
        await InteractiveSteps.WaitForIslandAsync(page, "#reports");
        await Assertions.Expect(page.Locator("#reports")).ToContainTextAsync("(26 riviä)");

        await AssertFitsAndAccessibleAsync(page, "interactive-01-inbox");
        // The report opens from the grid by its link (an enhanced navigation out of the island).
        await Browser.NavigateAsync(page, () => rows.First.Locator("a").ClickAsync());
        await page.WaitForURLAsync("**/kymenlaakso/reports/*");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_region_admin_picks_a_supervisor_by_name_and_the_picker_never_offers_another_regions_person()
    {
        var mark = $"Nimi{Guid.NewGuid():N}"[..10];
        var here = await PersonAsync("kainuu", $"Kaisa {mark}", "Supervisor");
        var there = await PersonAsync("kymenlaakso", $"Kerttu {mark}", "Supervisor");
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-regionadmin", outside);
        await page.GotoAsync("/kainuu/reports/admin");
        await InteractiveSteps.WaitForIslandAsync(page, ".rake-person-picker");

        await page.Locator("#userName").PressSequentiallyAsync(mark);
        var offered = page.Locator(".rz-autocomplete-list-item");
        // Both carry the mark; only the one with a role in this region is offered.
        await Assertions.Expect(offered).ToHaveCountAsync(1);
        await Assertions.Expect(offered).ToContainTextAsync($"Kaisa {mark} ({here})");
        Assert.DoesNotContain(there, await page.Locator(".rz-autocomplete-panel").InnerTextAsync());

        await offered.ClickAsync();
        await Assertions.Expect(page.Locator("input[name=supervisorUserName]")).ToHaveValueAsync(here);
        await Assertions.Expect(page.Locator("#userName-chosen")).ToContainTextAsync($"Kaisa {mark}");
        await page.SelectOptionAsync("#serviceArea", "adults");
        await page.ClickAsync("form:has(#userName) button[type=submit]");
        await Assertions.Expect(page.Locator("#supervisors tbody tr", new() { HasText = $"Kaisa {mark}" })).ToHaveCountAsync(1);

        await AssertFitsAndAccessibleAsync(page, "interactive-02-picker");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task The_people_grid_pages_and_hides_a_column_for_this_person_only()
    {
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-regionadmin", outside);
        await page.GotoAsync("/kainuu/admin/people");
        await InteractiveSteps.WaitForIslandAsync(page, "#people");
        await Assertions.Expect(page.Locator("#people tr.rz-data-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#people thead")).ToContainTextAsync("Sähköposti");

        // Hiding a column is remembered in this browser for this person.
        await page.Locator("#people .rz-column-picker").ClickAsync();
        await page.Locator(".rz-multiselect-item, .rz-dropdown-item", new() { HasText = "Sähköposti" }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#people thead")).Not.ToContainTextAsync("Sähköposti");
        var stored = await page.EvaluateAsync<string?>("() => localStorage.getItem('rake.columns.kainuu-regionadmin.kainuu.people')");
        Assert.Contains("Email", stored ?? "");
        await page.ReloadAsync();
        await InteractiveSteps.WaitForIslandAsync(page, "#people");
        await Assertions.Expect(page.Locator("#people thead")).Not.ToContainTextAsync("Sähköposti");

        await AssertFitsAndAccessibleAsync(page, "interactive-03-people");
        Assert.Empty(outside);
    }

    /// <summary>axe-clean in Finnish and Swedish, and no horizontal scrolling at 390 px in either.</summary>
    private static async Task AssertFitsAndAccessibleAsync(IPage page, string name)
    {
        var url = page.Url;
        foreach (var language in new[] { "fi", "sv" })
        {
            await page.GotoAsync($"/account/culture?culture={language}&returnUrl={Uri.EscapeDataString(new Uri(url).PathAndQuery)}");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            await Assertions.Expect(page.Locator("[data-live=false]")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await Browser.AssertAccessibleAsync(page, $"{name}-{language}");
            await page.SetViewportSizeAsync(390, 844);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"{name} in {language} is {widths[0]} px wide on a {widths[1]} px phone.");
            await page.SetViewportSizeAsync(1280, 720);
        }
        await page.GotoAsync($"/account/culture?culture=fi&returnUrl={Uri.EscapeDataString(new Uri(url).PathAndQuery)}");
    }

    /// <summary>A new account named <paramref name="displayName"/>, given a role in one region by its administrator.</summary>
    private async Task<string> PersonAsync(string region, string displayName, string role)
    {
        var (id, userName) = await Host.CreateAccountAsync("pick");
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            user.DisplayName = displayName;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
        using var admin = await Host.ClientFor($"{region}-regionadmin");
        var given = await admin.PostAsJsonAsync($"/api/v1/regions/{region}/people/{id}/roles", new { role });
        Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
        return userName;
    }
}
