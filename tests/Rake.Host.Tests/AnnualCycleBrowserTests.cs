using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>The annual cycle (vuosikello): drawn from each region's own published workflows, month by month.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class AnnualCycleBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task Each_region_sees_its_own_workflows_year_as_a_circle_and_a_table()
    {
        var outside = new List<string>();
        var kainuu = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-planner", outside);
        await kainuu.GotoAsync("/kainuu/plan/annual-cycle");
        await Assertions.Expect(kainuu.Locator("h1")).ToHaveTextAsync("Rakenteellisen sosiaalityön vuosikello");
        await Assertions.Expect(kainuu.Locator("#annual-cycle")).ToBeVisibleAsync();
        await Assertions.Expect(kainuu.Locator("#annual-cycle g.rake-cycle-month")).ToHaveCountAsync(12);
        // Kainuu's working group meets in February, May, September and November; interim figures in April, July, October.
        foreach (var month in new[] { 2, 5, 9, 11 })
        {
            await Assertions.Expect(kainuu.Locator($"#cycle-table tr[data-month='{month}']")).ToContainTextAsync("Kokous");
        }
        foreach (var month in new[] { 4, 7, 10 })
        {
            await Assertions.Expect(kainuu.Locator($"#cycle-table tr[data-month='{month}']")).ToContainTextAsync("Kooste");
        }
        await Assertions.Expect(kainuu.Locator("#cycle-table tr[data-month='3']")).Not.ToContainTextAsync("Kokous");
        var februaryInPicture = await kainuu.Locator("#annual-cycle g[data-month='2'] text").Nth(1).TextContentAsync();
        var februaryInTable = await kainuu.Locator("#cycle-table tr[data-month='2'] li").CountAsync();
        Assert.Equal(februaryInTable.ToString(System.Globalization.CultureInfo.InvariantCulture), februaryInPicture);
        await Browser.AssertAccessibleAsync(kainuu, "cycle-01-kainuu");

        // Kymenlaakso's half-years end in May and November: its compilations fall in June and December, and nothing of
        // Kainuu's cycle shows.
        var kymenlaakso = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-planner", outside);
        await kymenlaakso.GotoAsync("/kymenlaakso/plan/annual-cycle");
        await Assertions.Expect(kymenlaakso.Locator("#cycle-table tr[data-month='6']")).ToContainTextAsync("Kooste");
        await Assertions.Expect(kymenlaakso.Locator("#cycle-table tr[data-month='12']")).ToContainTextAsync("Kooste");
        await Assertions.Expect(kymenlaakso.Locator("#cycle-table")).Not.ToContainTextAsync("Kainuu");
        await Browser.AssertAccessibleAsync(kymenlaakso, "cycle-02-kymenlaakso");

        // Another region's page is not open to a Kainuu user.
        await kainuu.GotoAsync("/kymenlaakso/plan/annual-cycle");
        await Assertions.Expect(kainuu.Locator("h1")).Not.ToHaveTextAsync("Rakenteellisen sosiaalityön vuosikello");
        Assert.Empty(outside);
    }
}
