using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>The published outputs in a real browser: the accessible HTML report and compilation pass axe-core, the infographic
/// renders.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class ReportingOutputsBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task The_annual_report_page_and_the_compilation_are_accessible_and_the_infographic_renders()
    {
        await ReportingOutputsTests.SeedYearsAsync(Host);
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-responsibleperson", outside);

        await page.GotoAsync("/kainuu/reports/outputs");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Koosteet ja raportit");
        await Browser.AssertAccessibleAsync(page, "outputs-00-page");
        await page.ClickAsync("a:has-text('Avaa kooste 2025-Q2')");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kooste 1.1.2025–30.6.2025");

        await page.GotoAsync("/api/v1/regions/kainuu/annual-reports/2024/report.html");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sosiaalinen raportti 2024");
        await Assertions.Expect(page.Locator("main figure svg").First).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page, "outputs-01-annual-report");

        await page.GotoAsync("/api/v1/regions/kainuu/compilations/2024-Q2/compilation.html");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kooste 1.1.2024–30.6.2024");
        await Browser.AssertAccessibleAsync(page, "outputs-02-compilation");

        await page.SetViewportSizeAsync(794, 1123);
        await page.GotoAsync("/api/v1/regions/kainuu/annual-reports/2024/infographic.svg");
        var svg = page.Locator("svg");
        await Assertions.Expect(svg).ToBeVisibleAsync();
        var box = await svg.BoundingBoxAsync();
        Assert.True(box is { Width: > 700, Height: > 1000 }, $"infographic box {box?.Width}x{box?.Height}");
        await Assertions.Expect(page.Locator("svg text").First).ToHaveTextAsync("Sosiaalinen raportti 2024");
        await page.ScreenshotAsync(
            new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "outputs-03-infographic.png") });
        Assert.Empty(outside);
    }
}
