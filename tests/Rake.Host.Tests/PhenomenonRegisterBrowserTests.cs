using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>The phenomenon register in Chromium: the list finds a phenomenon, its page shows the trend and the reports, and a
/// supervisor links one more report from the page.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class PhenomenonRegisterBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_supervisor_finds_a_phenomenon_and_links_a_report_from_its_page()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        using var responsible = await Host.ClientFor("kainuu-responsibleperson");
        var (_, first, _) = await Reports.SubmitAsync(professional, "kainuu");
        var (_, second, _) = await Reports.SubmitAsync(professional, "kainuu");
        var title = $"Mielenterveyspalvelujen jonot {Guid.NewGuid():N}"[..40];
        var created = await (await responsible.PostAsJsonAsync("/api/v1/regions/kainuu/phenomena",
            new { title, description = "Jonot mielenterveyspalveluihin pitenevät." })).Content.ReadFromJsonAsync<JsonObject>();
        var id = created!["id"]!.GetValue<Guid>();
        await responsible.PostAsJsonAsync($"/api/v1/regions/kainuu/phenomena/{id}/reports", new { reportNumber = first });

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-supervisor", outside);
        await page.GotoAsync($"/kainuu/phenomena?search={Uri.EscapeDataString(title)}");
        await Assertions.Expect(page.Locator("#phenomena")).ToContainTextAsync(title);
        await Assertions.Expect(page.Locator("#phenomena")).ToContainTextAsync("Uusi");
        await Browser.AssertAccessibleAsync(page, "phenomena-01-list");

        await Browser.NavigateAsync(page, () => page.Locator("#phenomena a", new() { HasText = title }).ClickAsync());
        await page.WaitForURLAsync($"**/kainuu/phenomena/{id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("#phenomenon-trend")).ToContainTextAsync("Uusi");
        await Assertions.Expect(page.Locator("#phenomenon-reports")).ToContainTextAsync(first.ToString());

        await page.FillAsync("#reportNumber", "0");
        await page.ClickAsync("#link-report");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page, "phenomena-02-refused");
        await page.FillAsync("#reportNumber", second.ToString());
        await page.ClickAsync("#link-report");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Tallennettu");
        await Assertions.Expect(page.Locator("#phenomenon-reports tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#phenomenon-by-municipality")).ToContainTextAsync("2");
        await Browser.AssertAccessibleAsync(page, "phenomena-03-page");
        Assert.Empty(outside);
    }
}
