using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Host.Tests;

/// <summary>Issue 12: the implementation plan set up in a real browser by the RegionAdmin of a region with no demo data.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class PlanSetupBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_region_admin_sets_up_the_plan_of_an_empty_region_through_the_pages_and_the_checklist_items_are_done()
    {
        var (region, admin) = await PlanningEmptyRegion.CreateAsync(Host, "plan-ui");
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, admin, outside);
        Assert.All(await PlanningItemsAsync(region), i => Assert.False(i.Done));

        await page.GotoAsync($"/{region}/plan");
        await Assertions.Expect(page.Locator("#plan-none")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page, "i12-plan-01-no-plan");
        await page.GotoAsync($"/{region}/plan/evaluation");
        await Assertions.Expect(page.Locator("#plan-none")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#plan-setup-link")).ToHaveAttributeAsync("href", $"/{region}/plan/setup");

        // A refused form keeps what was typed, marks the fields and links the summary to them.
        await page.GotoAsync($"/{region}/plan/setup");
        await Browser.AssertAccessibleAsync(page, "i12-plan-02-setup-empty");
        await page.FillAsync("#plan-updateResponsible", "RAKE-työryhmä");
        await page.FillAsync("#plan-validFrom", "2029-01-01");
        await page.FillAsync("#plan-validUntil", "2025-12-31");
        await page.Locator("form:has(#plan-title) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary a[href='#plan-validUntil']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error-summary a[href='#plan-title']")).ToContainTextAsync("Pakollinen tieto");
        await Assertions.Expect(page.Locator("#plan-validUntil")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#plan-validUntil")).ToHaveAttributeAsync("aria-describedby", "plan-validUntil-error");
        await Assertions.Expect(page.Locator("#plan-updateResponsible")).ToHaveValueAsync("RAKE-työryhmä");
        await Browser.AssertAccessibleAsync(page, "i12-plan-03-refused");
        Assert.All(await PlanningItemsAsync(region), i => Assert.False(i.Done));

        await GoLiveSteps.PlanningAsync(page, region);
        await Browser.AssertAccessibleAsync(page, "i12-plan-04-plan");
        await page.GotoAsync($"/{region}/plan/setup");
        await Browser.AssertAccessibleAsync(page, "i12-plan-05-setup-done");

        var items = await PlanningItemsAsync(region);
        Assert.Equal(["planning.plan", "planning.goals", "planning.actions", "planning.approved"], items.Select(i => i.Key));
        Assert.All(items, i => Assert.True(i.Done, i.Key));
        Assert.Equal([0, 2, 2, 1], items.Select(i => i.Count));
        Assert.Empty(outside);
    }

    private async Task<List<GoLiveItem>> PlanningItemsAsync(string region)
    {
        await using var scope = Host.RegionScope(region);
        var items = new List<GoLiveItem>();
        // Only Planning's source: the other modules' items are theirs to test.
        foreach (var source in scope.ServiceProvider.GetServices<IGoLiveSource>().Where(s => s.GetType().Name == "PlanningGoLive"))
        {
            items.AddRange(await source.GoLiveItemsAsync(CancellationToken.None));
        }
        Assert.NotEmpty(items);
        return items;
    }
}
