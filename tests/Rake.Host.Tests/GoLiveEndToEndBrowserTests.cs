using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>A Production Host on an empty database with only the bootstrap platform admin from configuration, and the test
/// OpenID provider; no demo seeding anywhere.</summary>
public sealed class EmptyProductionFixture : IAsyncLifetime
{
    public const string Admin = "root";

    public OidcProvider Provider { get; private set; } = default!;
    public RakeTestHost Host { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        Host = await RakeTestHost.StartAsync("Production", Configure);
    }

    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["Rake:Bootstrap:PlatformAdmin:UserName"] = Admin;
        builder.Configuration["Rake:Bootstrap:PlatformAdmin:Email"] = "root@example.invalid";
        builder.Configuration["Rake:Bootstrap:PlatformAdmin:Password"] = RakeTestHost.Password;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>
/// Issue 12's "Must show": the platform admin creates region lappi with the test provider → its admin signs in through
/// the provider and finds the checklist missing everything → a supervisor signs in once → the admin sets the region up in
/// the UI → the checklist is complete → a professional reports through the provider → the supervisor processes it.
/// </summary>
public sealed class GoLiveEndToEndBrowserTests(EmptyProductionFixture fixture, Browser browser)
    : IClassFixture<EmptyProductionFixture>, IClassFixture<Browser>
{
    private const string Region = "lappi";

    private RakeTestHost Host => fixture.Host;
    private OidcProvider Provider => fixture.Provider;

    [Fact]
    public async Task A_region_goes_live_from_an_empty_database_entirely_in_the_ui()
    {
        var outside = new List<string>();

        // 1. The bootstrap platform admin creates the region with its provider and group → role mapping.
        var platform = await Browser.SignInAsync(browser.Chromium, Host, EmptyProductionFixture.Admin, outside);
        await platform.GotoAsync("/platform/regions");
        await platform.FillAsync("#code", Region);
        await platform.FillAsync("#nameFi", "Lapin hyvinvointialue");
        await platform.FillAsync("#nameSv", "Lapplands välfärdsområde");
        await platform.FillAsync("#nameEn", "Lapland wellbeing services county");
        await platform.FillAsync("#authority", Provider.Issuer);
        await platform.FillAsync("#clientId", OidcProvider.ClientId(Region));
        await platform.FillAsync("#clientSecret", OidcProvider.ClientSecret(Region));
        await platform.FillAsync("#scopes", "openid profile email groups");
        await platform.FillAsync("#groupClaim", "groups");
        await platform.FillAsync("#groupRoles", "lappi-admins=RegionAdmin\nlappi-sups=Supervisor\nlappi-pros=Professional");
        await platform.FillAsync("#allowedEmailDomains", "lappi.example");
        await Browser.NavigateAsync(platform, () => platform.ClickAsync("#save-region"), 60_000);
        // Saving a region seeds its workflows and texts: on a busy CI machine that has taken over 20 s.
        await platform.WaitForURLAsync(url => url.Contains($"saved={Region}", StringComparison.Ordinal),
            new PageWaitForURLOptions { Timeout = 60_000 });
        await platform.ClickAsync($"a[href='/platform/regions/{Region}/go-live']");
        await Assertions.Expect(platform.Locator("h1")).ToContainTextAsync("Lapin hyvinvointialue");
        await Assertions.Expect(platform.Locator("#golive-item-platform-signIn")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(platform.Locator("#golive-item-platform-regionAdmin")).ToHaveAttributeAsync("data-done", "false");
        await Browser.AssertAccessibleAsync(platform, "golive-e2e-01-platform-checklist");

        // 2. The region's admin signs in through the provider (group → RegionAdmin); only sign-in and the admin are there.
        var admin = await SignOnAsync("lappi-admin", "lappi-admins", outside);
        var start = await GoLiveSteps.ChecklistAsync(admin, Region, "golive-e2e-02-checklist-empty");
        Assert.True(start["platform-signIn"]);
        Assert.True(start["platform-regionAdmin"]);
        Assert.All(start.Where(i => i.Key is not ("platform-signIn" or "platform-regionAdmin")), i => Assert.False(i.Value, i.Key));

        // 3. A supervisor signs in once, so that their account exists to be named the service area's supervisor.
        var supervisorName = "lappi-sup@lappi.example";
        _ = await SignOnAsync("lappi-sup", "lappi-sups", outside);

        // 4. The set-up, all in the UI.
        await GoLiveSteps.ReportingAsync(admin, Region, "lappi-sup");
        await GoLiveSteps.WorkflowsAsync(admin, Region);
        await GoLiveSteps.PlanningAsync(admin, Region);
        await GoLiveSteps.CompetenceAsync(admin, Region);
        await GoLiveSteps.CommunicationsAsync(admin, Region);
        await GoLiveSteps.WorkingGroupAsync(admin, Region, "lappi-sup");

        var setUp = await GoLiveSteps.ChecklistAsync(admin, Region, "golive-e2e-03-checklist-set-up");
        Assert.True(setUp["platform-supervisor"]);
        Assert.True(setUp["workflows-published"]);
        // Nobody has reported yet: the one thing left is a professional, who arrives with their first sign-in.
        Assert.Equal(["platform-professional"], setUp.Where(i => !i.Value).Select(i => i.Key).ToArray());

        // 5. A professional signs in through the provider and reports to that supervisor.
        var professional = await SignOnAsync("lappi-pro", "lappi-pros", outside);
        await professional.GotoAsync($"/{Region}/reports/new");
        var title = "Kyläkauppojen sulkeutuminen";
        await professional.CheckAsync("#phenomenonType-Negative");
        await professional.FillAsync("#title", title);
        await professional.FillAsync("#description", "Ikääntyneet jäävät yksin, kun kyläkaupat ja postit sulkeutuvat.");
        await professional.FillAsync("#proposal", "Liikkuva palvelu kyliin ja vapaaehtoistoiminnan tuki.");
        await professional.CheckAsync($"#category-{GoLiveSteps.ReportingCategories[0]}");
        await professional.SelectOptionAsync("#serviceArea", GoLiveSteps.ReportingServiceArea);
        await professional.SelectOptionAsync("#municipality", GoLiveSteps.ReportingMunicipality);
        await professional.SelectOptionAsync("#targetGroup", GoLiveSteps.ReportingTargetGroup);
        await professional.SelectOptionAsync("#supervisor", supervisorName);
        await Browser.AssertAccessibleAsync(professional, "golive-e2e-04-new-report");
        await professional.ClickAsync("button[type=submit]:has-text('Lähetä ilmoitus')");
        await Assertions.Expect(professional.Locator("#receipt")).ToContainTextAsync("Kiitos, ilmoitus vastaanotettiin");
        var reportUrl = new Uri(professional.Url).AbsolutePath;
        await Host.DeliverEventsAsync();

        var live = await GoLiveSteps.ChecklistAsync(admin, Region, "golive-e2e-05-checklist-complete");
        Assert.All(live, i => Assert.True(i.Value, i.Key));
        await Assertions.Expect(admin.Locator("#golive-summary")).ToContainTextAsync($"{live.Count} / {live.Count}");

        // 6. The supervisor, signed in through the provider again, processes it; the reporter sees the new status.
        var supervisor = await SignOnAsync("lappi-sup", "lappi-sups", outside);
        await supervisor.GotoAsync($"/{Region}/reports/inbox");
        await Browser.NavigateAsync(supervisor, () => supervisor.ClickAsync($"table a:has-text('{title}')"), 60_000);
        await supervisor.WaitForURLAsync($"**{reportUrl}", new PageWaitForURLOptions { Timeout = 60_000 });
        await supervisor.FillAsync("#coreOfReport", "Palvelujen katoaminen kylistä");
        await supervisor.FillAsync("#audience", "Kuntien hyvinvointiryhmät");
        await supervisor.FillAsync("#priority", "1");
        await supervisor.ClickAsync("button[type=submit]:has-text('Tallenna käsittely')");
        await Assertions.Expect(supervisor.Locator("#report-status")).ToHaveTextAsync("Esihenkilöllä");
        await supervisor.SelectOptionAsync("#status", "ToWorkingGroup");
        await supervisor.FillAsync("#comment", "Viedään työryhmän seuraavaan kokoukseen.");
        await supervisor.ClickAsync("button[type=submit]:has-text('Tallenna käsittely')");
        await Assertions.Expect(supervisor.Locator("#report-status")).ToHaveTextAsync("Työryhmässä");
        await Browser.AssertAccessibleAsync(supervisor, "golive-e2e-06-processed");
        await Host.DeliverEventsAsync();
        await professional.GotoAsync($"/{Region}/reports/mine");
        await Assertions.Expect(professional.Locator($"tr:has-text('{title}')")).ToContainTextAsync("Työryhmässä");

        // Rake's pages asked nothing of anyone but this Host and the region's provider.
        Assert.Empty(outside);
    }

    /// <summary>A person of the region signs in through the provider's own login form, in a browser context of their own.</summary>
    private async Task<IPage> SignOnAsync(string subject, string group, List<string> outside)
    {
        Provider.SetUser(subject, $"{subject}@lappi.example", group);
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress, Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        var origin = new Uri(Host.BaseAddress).Authority;
        var provider = new Uri(Provider.Issuer).Authority;
        page.Request += (_, request) =>
        {
            // The test provider's own login page loads a web font; that is the provider's page, not Rake's.
            var fromProvider = request.Frame.Url.StartsWith(Provider.Issuer, StringComparison.Ordinal);
            var to = new Uri(request.Url).Authority;
            if (to != origin && to != provider && !fromProvider)
            {
                outside.Add(request.Url);
            }
        };
        await page.GotoAsync($"/login/sso/{Region}");
        await page.WaitForURLAsync(url => url.StartsWith(Provider.Issuer + "/interaction/", StringComparison.Ordinal),
            new PageWaitForURLOptions { Timeout = 30_000 });
        await page.FillAsync("input[name=login]", subject);
        await page.FillAsync("input[name=password]", "any");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.StartsWith(Host.BaseAddress, StringComparison.Ordinal) && url.EndsWith($"/{Region}"),
            new PageWaitForURLOptions { Timeout = 30_000 });
        return page;
    }
}
