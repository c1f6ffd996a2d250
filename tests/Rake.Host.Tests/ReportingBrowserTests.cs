using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>The end-to-end flow in a real browser, with every page checked for accessibility.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class ReportingBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_professional_reports_is_refused_for_an_identity_code_the_supervisor_processes_and_the_reporter_sees_it()
    {
        var outside = new List<string>();
        {
            // The professional signs in and opens the form.
            var professional = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-professional", outside);
            await Browser.AssertAccessibleAsync(professional, "01-home");
            await professional.GotoAsync("/kymenlaakso");
            await Browser.AssertAccessibleAsync(professional, "02-region-home");
            await professional.GotoAsync("/kymenlaakso/reports/new");
            await Browser.AssertAccessibleAsync(professional, "03-new-report");

            var title = $"Ikääntyneiden yksinäisyys {Guid.NewGuid():N}"[..40];
            await FillReportAsync(professional, title, "Asiakkaalla 131052-308T on sama ongelma kuin monella muulla.");
            await professional.ClickAsync("button[type=submit]:has-text('Lähetä ilmoitus')");
            var refusal = professional.Locator("#error-summary");
            await Assertions.Expect(refusal).ToContainTextAsync("SPro/HaiPro");
            await Assertions.Expect(professional.Locator("#description")).ToHaveAttributeAsync("aria-invalid", "true");
            // What was typed is kept, apart from the field the person must fix.
            await Assertions.Expect(professional.Locator("#title")).ToHaveValueAsync(title);
            await Browser.AssertAccessibleAsync(professional, "04-refused");

            await professional.FillAsync("#description",
                "Ikääntyneiden yksinäisyys on lisääntynyt haja-asutusalueilla, kun kyläkaupat ovat sulkeutuneet.");
            await professional.ClickAsync("button[type=submit]:has-text('Lähetä ilmoitus')");
            var receipt = professional.Locator("#receipt");
            await Assertions.Expect(receipt).ToContainTextAsync("Kiitos, ilmoitus vastaanotettiin");
            await Assertions.Expect(professional.Locator("#report-status")).ToHaveTextAsync("Vastaanotettu");
            var reportUrl = new Uri(professional.Url).AbsolutePath;
            await Browser.AssertAccessibleAsync(professional, "05-receipt");
            await Host.DeliverEventsAsync();

            // The supervisor finds it in the inbox and processes it.
            var supervisor = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-supervisor", outside);
            await supervisor.GotoAsync("/kymenlaakso/reports/inbox");
            await Browser.AssertAccessibleAsync(supervisor, "06-inbox");
            await Browser.NavigateAsync(supervisor, () => supervisor.ClickAsync($"table a:has-text('{title}')"));
            await supervisor.WaitForURLAsync($"**{reportUrl}");
            await Browser.AssertAccessibleAsync(supervisor, "07-report-for-supervisor");
            await supervisor.FillAsync("#coreOfReport", "Yksinäisyys haja-asutusalueilla");
            await supervisor.FillAsync("#audience", "Kuntien hyvinvointiryhmät");
            await supervisor.FillAsync("#priority", "1");
            await supervisor.ClickAsync("button[type=submit]:has-text('Tallenna käsittely')");
            await Assertions.Expect(supervisor.Locator("#report-status")).ToHaveTextAsync("Esihenkilöllä");
            await supervisor.SelectOptionAsync("#status", "ToWorkingGroup");
            await supervisor.FillAsync("#comment", "Kiitos! Viedään RAKE-työryhmän syyskuun kokoukseen.");
            await supervisor.ClickAsync("button[type=submit]:has-text('Tallenna käsittely')");
            await Assertions.Expect(supervisor.Locator("#report-status")).ToHaveTextAsync("Työryhmässä");
            await Browser.AssertAccessibleAsync(supervisor, "08-processed");
            await supervisor.GotoAsync("/kymenlaakso/reports/summary");
            await Assertions.Expect(supervisor.Locator("#summary-phenomena")).ToContainTextAsync(title);
            await Browser.AssertAccessibleAsync(supervisor, "09-summary");
            await Host.DeliverEventsAsync();

            // The reporter sees the new status, the feedback and a notification.
            await professional.GotoAsync("/kymenlaakso/reports/mine");
            await Assertions.Expect(professional.Locator($"tr:has-text('{title}')")).ToContainTextAsync("Työryhmässä");
            await Assertions.Expect(professional.Locator(".rake-notifications")).ToContainTextAsync("käsittely eteni");
            await Browser.AssertAccessibleAsync(professional, "10-my-reports");
            await professional.GotoAsync(reportUrl);
            await Assertions.Expect(professional.Locator("#timeline")).ToContainTextAsync("Viedään RAKE-työryhmän syyskuun kokoukseen.");
            // The reporter gets no processing forms (Blazor marks each named page form with a _handler field).
            await Assertions.Expect(professional.Locator("input[name=_handler]")).ToHaveCountAsync(0);
            await Browser.AssertAccessibleAsync(professional, "11-reporter-sees-status");

            Assert.Empty(outside);
        }
    }

    [Fact]
    public async Task The_admin_pages_the_swedish_ui_and_access_problems_are_accessible()
    {
        var outside = new List<string>();
        {
            var admin = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-regionadmin", outside);
            await admin.GotoAsync("/kainuu/reports/admin");
            await Assertions.Expect(admin.Locator("#taxonomy")).ToContainTextAsync("Asuminen");
            await Browser.AssertAccessibleAsync(admin, "20-admin");
            await admin.ClickAsync("button[type=submit]:has-text('Lisää') >> nth=1");
            await Assertions.Expect(admin.Locator("#error-summary")).ToBeVisibleAsync();
            await Browser.AssertAccessibleAsync(admin, "21-admin-errors");

            // Another region's pages say no, in the person's language.
            await admin.GotoAsync("/account/culture?culture=sv&returnUrl=/kymenlaakso/reports/new");
            await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Ingen behörighet");
            Assert.Equal("sv", await admin.Locator("html").GetAttributeAsync("lang"));
            await Browser.AssertAccessibleAsync(admin, "22-no-access-sv");
            await admin.GotoAsync("/kainuu/reports/new");
            await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Ny social rapport");
            await Browser.AssertAccessibleAsync(admin, "23-new-report-sv");
            await admin.GotoAsync("/account/culture?culture=en&returnUrl=/nowhere/reports/new");
            await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Region not found");
            await Browser.AssertAccessibleAsync(admin, "24-unknown-region-en");
            Assert.Empty(outside);
        }
    }

    private static async Task FillReportAsync(IPage page, string title, string description)
    {
        await page.CheckAsync("#phenomenonType-Negative");
        await page.FillAsync("#title", title);
        await page.FillAsync("#description", description);
        await page.FillAsync("#proposal", "Kylille liikkuva palvelu ja vapaaehtoistoiminnan tuki.");
        await page.CheckAsync("#category-loneliness");
        await page.SelectOptionAsync("#serviceArea", "elderly");
        await page.SelectOptionAsync("#municipality", "kouvola");
        await page.SelectOptionAsync("#targetGroup", "older-people");
        await page.SelectOptionAsync("#supervisor", "kymenlaakso-supervisor");
    }
}
