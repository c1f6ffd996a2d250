using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>The people and roles pages in the browser: find a newcomer, give a role, deactivate; labelled and accessible.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class PeopleBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_region_admin_finds_a_newcomer_gives_a_role_and_deactivates_the_leaver()
    {
        var userName = $"uusi-{Guid.NewGuid():N}"[..20];
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var newcomer = new RakeUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = "Uusi Työntekijä" };
            Assert.True((await users.CreateAsync(newcomer, RakeTestHost.Password)).Succeeded);
        }
        var outside = new List<string>();
        var admin = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-regionadmin", outside);
        await admin.GotoAsync("/kainuu");
        // The menu's administration group opens like any disclosure, then its link is there to follow.
        await admin.ClickAsync("nav summary:has-text('Hallinta')");
        await admin.ClickAsync("nav a:has-text('Henkilöt ja roolit')");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Henkilöt ja roolit");
        await Assertions.Expect(admin.GetByLabel("Hakusana", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByLabel("Rooli", new() { Exact = true })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(admin, "people-01-list");

        await admin.GetByLabel("Hakusana", new() { Exact = true }).FillAsync(userName);
        await admin.ClickAsync("button[type=submit]:has-text('Hae')");
        await admin.ClickAsync($"#people a:has-text('Uusi Työntekijä')");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Uusi Työntekijä");
        await Browser.AssertAccessibleAsync(admin, "people-02-newcomer");

        await admin.GetByLabel("Rooli", new() { Exact = true }).SelectOptionAsync("Supervisor");
        await admin.ClickAsync("button[type=submit]:has-text('Anna')");
        await Assertions.Expect(admin.Locator("#roles")).ToContainTextAsync("Esihenkilö");
        await Assertions.Expect(admin.Locator("#history")).ToContainTextAsync("Rooli annettu");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Poista rooli Esihenkilö" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(admin, "people-03-role-given");

        await admin.ClickAsync("button[type=submit]:has-text('Poista käytöstä')");
        await Assertions.Expect(admin.Locator("[role=status]")).ToContainTextAsync("Tili on poistettu käytöstä");
        await Assertions.Expect(admin.Locator("#history")).ToContainTextAsync("Tili poistettu käytöstä");
        await Browser.AssertAccessibleAsync(admin, "people-04-deactivated");
        Assert.Empty(outside);
    }
}
