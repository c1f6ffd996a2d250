using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// A region admin follows the region's workflow instances in the browser (issue 13): the list with each status, and one
/// instance's waiting point and journal, in the page's language; another role and another region see none of it.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowInstancesBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_region_admin_lists_the_instances_and_reads_one_journal()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var id = $"ui-instances-{Guid.NewGuid():N}"[..30];
        var eventName = $"go-{Guid.NewGuid():N}";
        await WorkflowJson.PublishAsync(admin, "kainuu", WorkflowJson.WaitForEvent(id, eventName));
        var instanceId = (await WorkflowJson.StartAsync(admin, "kainuu", id))["id"]!.GetValue<string>();

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-regionadmin", outside);
        await page.GotoAsync("/kainuu/workflows/instances?status=Suspended");
        var row = page.Locator("#instances tbody tr", new() { HasText = id });
        await Assertions.Expect(row).ToContainTextAsync("Odottaa");
        await Browser.AssertAccessibleAsync(page, "wf-instances-01-list");
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("#instance-status")).ToHaveTextAsync("Odottaa");
        await Assertions.Expect(page.Locator("#bookmarks")).ToContainTextAsync(eventName);
        var before = page.Locator("#journal tbody tr", new() { HasText = "before" });
        await Assertions.Expect(before.Filter(new() { HasText = "Aloitettu" })).ToHaveCountAsync(1);
        await Assertions.Expect(before.Filter(new() { HasText = "Valmis" })).ToHaveCountAsync(1);
        await Browser.AssertAccessibleAsync(page, "wf-instances-02-journal");

        await WorkflowJson.RaiseAsync(admin, "kainuu", eventName);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#instance-status")).ToHaveTextAsync("Valmis");
        await Assertions.Expect(page.Locator("#no-bookmarks")).ToBeVisibleAsync();
        await page.GotoAsync("/kainuu/workflows/instances?status=Suspended");
        await Assertions.Expect(page.Locator("#instances tbody tr", new() { HasText = id })).ToHaveCountAsync(0);

        // Not a region admin's page for anyone else, and not found through another region's pages.
        var supervisor = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-supervisor", outside);
        await supervisor.GotoAsync($"/kainuu/workflows/instances/{instanceId}");
        await Assertions.Expect(supervisor.Locator("#journal")).ToHaveCountAsync(0);
        var other = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-regionadmin", outside);
        await other.GotoAsync($"/kymenlaakso/workflows/instances/{instanceId}");
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Prosessia ei löydy tältä alueelta.");
        Assert.Empty(outside);
    }
}
