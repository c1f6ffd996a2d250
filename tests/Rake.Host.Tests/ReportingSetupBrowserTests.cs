using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Host.Tests;

/// <summary>Reporting's set-up of a region that has nothing yet, in the browser, as its RegionAdmin.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class ReportingSetupBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_region_admin_sets_up_reporting_of_an_empty_region_and_the_checklist_items_are_done()
    {
        var region = await ReportingSetupRegion.CreateAsync(Host);
        Assert.All(await ReportingSetupRegion.GoLiveAsync(Host, region.Code), item => Assert.False(item.Done, item.Key));

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, region.Admin, outside);
        await page.GotoAsync($"/{region.Code}/reports/admin");
        await Assertions.Expect(page.Locator("#period-scheme-state")).ToContainTextAsync("ei ole vielä valittu");
        await Browser.AssertAccessibleAsync(page, "reporting-setup-01-empty");

        // A refused form names its fields in the summary and keeps what was typed.
        await page.SelectOptionAsync("#kind", "Category");
        await page.FillAsync("#code", "ei kelpaa");
        await page.ClickAsync("form:has(#code) button[type=submit]");
        await Assertions.Expect(page.Locator("#error-summary a[href='#code']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error-summary a[href='#nameFi']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#code")).ToHaveValueAsync("ei kelpaa");
        await Assertions.Expect(page.Locator("#code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(page, "reporting-setup-02-refused");

        // The leaver was deactivated before set-up began, so only the supervisor is offered.
        // Both user names start with the region's code; the picker offers people by name within the region.
        var offered = await InteractiveSteps.SearchPersonAsync(page, "userName", region.Code);
        await Assertions.Expect(offered).ToHaveCountAsync(1);
        await Assertions.Expect(offered).ToContainTextAsync(region.Supervisor);

        await GoLiveSteps.ReportingAsync(page, region.Code, region.Code);
        await Browser.AssertAccessibleAsync(page, "reporting-setup-03-done");

        // Rename in three languages, then deactivate: the term stays for old reports but is no longer offered.
        await page.ClickAsync("#taxonomy a[aria-label='Muokkaa: Palvelutarpeet']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Muokkaa luokituksen arvoa: Palvelutarpeet");
        await Browser.AssertAccessibleAsync(page, "reporting-setup-04-edit-term");
        await page.FillAsync("#nameFi", "Palvelujen tarve");
        await page.FillAsync("#nameSv", "Behov av tjänster");
        await page.FillAsync("#nameEn", "Need for services");
        await page.UncheckAsync("#active");
        await page.ClickAsync("form:has(#nameFi) button[type=submit]");
        var row = page.Locator("#taxonomy tr", new() { HasText = "needs" });
        await Assertions.Expect(row).ToContainTextAsync("Palvelujen tarve");
        await Assertions.Expect(row).ToContainTextAsync("Behov av tjänster");
        await Assertions.Expect(row).ToContainTextAsync("Need for services");
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("Ei");

        var items = await ReportingSetupRegion.GoLiveAsync(Host, region.Code);
        Assert.All(items, item => Assert.True(item.Done, item.Key));
        Assert.Equal(1, items.Single(i => i.Key == "reporting.categories").Count);
        Assert.Equal(1, items.Single(i => i.Key == "reporting.supervisors").Count);
        Assert.All(items, item => Assert.Equal("reports/admin", item.Link));
        Assert.Empty(outside);
    }
}
