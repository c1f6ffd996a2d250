using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>The compilation brief in Chromium: reached from the outputs page, accessible, its chart loaded, and printed it is one
/// A4 page without the menus; then the municipality pack of the same data, reached from its list and accessible.</summary>
[Collection(SharedHostCollection.Name)]
public sealed partial class DecisionBriefBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task The_brief_opens_from_the_outputs_is_accessible_and_prints_on_one_a4_page_without_the_menus()
    {
        await ReportingOutputsTests.SeedYearsAsync(Host);
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-responsibleperson", outside);

        await page.GotoAsync("/kainuu/reports/outputs");
        var year = DateTime.UtcNow.Year - 1;
        await page.ClickAsync($"#brief-{year}-Q2");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Päättäjätiivistelmä: kooste 1.1.{year}–30.6.{year}");
        // The seeded year, with figures, decisions and proposals to fit on the page.
        await page.GotoAsync("/kainuu/briefs/compilation/2024-Q2");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Päättäjätiivistelmä: kooste 1.1.2024–30.6.2024");
        await Assertions.Expect(page.Locator("#brief-items > li")).ToHaveCountAsync(4);
        var chart = page.Locator("#brief-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("alt", new Regex("^Pylväskuvio, ajanjakso "));
        var width = await chart.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.Equal(1600, width);
        await Assertions.Expect(page.Locator("#brief-png")).ToHaveAttributeAsync("download", new Regex("päättäjätiivistelmä"));
        await Browser.AssertAccessibleAsync(page, "brief-00-compilation");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".rake-region-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".rake-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#brief-png")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#brief-title")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        var pages = PdfPage().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;
        Assert.Equal(1, pages);

        // The municipality pack of the same seeded data (docs/adr/0171): its counts, the answer form, accessible.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GotoAsync("/kainuu/briefs/municipality/2024");
        await page.ClickAsync("tr[data-municipality='kajaani'] a");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kuntakooste: Kajaani, 1.1.2024–31.12.2024");
        await Assertions.Expect(page.Locator("#pack-areas tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#pack-form")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page, "brief-01-municipality-pack");
        Assert.Empty(outside);
    }

    /// <summary>A page object of the PDF Chromium writes (not the /Pages tree).</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();
}
