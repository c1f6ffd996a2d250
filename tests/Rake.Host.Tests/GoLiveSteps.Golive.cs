using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// Set-up steps of a new region, each done by its RegionAdmin in Chromium through Rake's pages from an empty region, and
/// each asserting its result is visible. The end-to-end test (GoLiveEndToEndBrowserTests) calls them in turn; other
/// areas add theirs in their own GoLiveSteps.&lt;Area&gt;.cs.
/// </summary>
internal static partial class GoLiveSteps
{
    /// <summary>Imports an Elsa JSON file in the designer and publishes it on the region's workflow page.</summary>
    public static async Task WorkflowsAsync(IPage page, string region)
    {
        var definitionId = $"{region}-annual-cycle";
        var file = Path.Combine(Path.GetTempPath(), $"{definitionId}-{Guid.NewGuid():N}.json");
        var definition = WorkflowJson.WaitForEvent(definitionId, $"{region}-cycle-starts");
        definition["name"] = "Vuosikello";
        await File.WriteAllTextAsync(file, definition.ToJsonString());
        try
        {
            await page.GotoAsync($"/{region}/designer");
            await page.SetInputFilesAsync("#import-file", file);
            // The import opens the Studio on the new draft; its WebAssembly need not load for this.
            await page.ClickAsync("form:has(#import-file) button[type=submit]");
            await page.WaitForURLAsync($"**/{region}/designer/{definitionId}",
                new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        }
        finally
        {
            File.Delete(file);
        }
        await page.GotoAsync($"/{region}/workflows/templates");
        await Assertions.Expect(page.Locator("#own-workflows")).ToContainTextAsync("Luonnos (versio 1)");
        await page.ClickAsync("#own-workflows button:has-text('Julkaise')");
        await Assertions.Expect(page.Locator("#published")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#own-workflows")).ToContainTextAsync("Julkaistu (versio 1)");
        await Browser.AssertAccessibleAsync(page, "golive-e2e-workflows");
    }

    /// <summary>The checklist page: which items are done (by key), as the page says in words.</summary>
    public static async Task<IReadOnlyDictionary<string, bool>> ChecklistAsync(IPage page, string region, string screenshot)
    {
        await page.GotoAsync($"/{region}/admin/go-live");
        await Assertions.Expect(page.Locator("#golive-summary")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page, screenshot);
        var items = new Dictionary<string, bool>();
        foreach (var item in await page.Locator("li[data-done]").AllAsync())
        {
            var id = (await item.GetAttributeAsync("id"))!["golive-item-".Length..];
            var done = await item.GetAttributeAsync("data-done") == "true";
            var state = await item.Locator(".rake-golive-state").InnerTextAsync();
            Assert.Contains(done ? "Tehty" : "Puuttuu", state);
            items[id] = done;
        }
        return items;
    }
}
