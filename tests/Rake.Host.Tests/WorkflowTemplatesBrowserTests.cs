using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>Copying another region's workflow on the Rake page (not inside the Studio), refused input and all.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowTemplatesBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task A_region_admin_copies_another_regions_workflow_as_a_draft_after_a_refused_name()
    {
        var outside = new List<string>();
        var admin = await Browser.SignInAsync(browser.Chromium, shared.Host, "kainuu-regionadmin", outside);
        await admin.GotoAsync("/kainuu/workflows/templates");
        await Assertions.Expect(admin.Locator("#templates")).ToContainTextAsync("Kymenlaakson hyvinvointialue");
        await Assertions.Expect(admin.Locator("#templates")).Not.ToContainTextAsync("Kainuun hyvinvointialue");
        await Browser.AssertAccessibleAsync(admin, "wft-01-templates");

        var option = await admin.Locator("#templateId option:has-text('Kymenlaakson')").First.GetAttributeAsync("value");
        await admin.SelectOptionAsync("#templateId", option!);
        await admin.FillAsync("#name", "Kopio 131052-308T");
        await admin.ClickAsync("#copy-template");
        await Assertions.Expect(admin.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(admin, "wft-02-refused");

        var name = $"Kymenlaakson malli {Guid.NewGuid():N}"[..28];
        await admin.FillAsync("#name", name);
        await admin.ClickAsync("#copy-template");
        await Assertions.Expect(admin.Locator("#copied")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator($"#own-workflows tr:has-text('{name}')")).ToContainTextAsync("Luonnos (versio 1)");
        await Browser.AssertAccessibleAsync(admin, "wft-03-copied");

        // Published on the same page, and the checklist counts it.
        await admin.ClickAsync($"#own-workflows tr:has-text('{name}') button");
        await Assertions.Expect(admin.Locator($"#own-workflows tr:has-text('{name}')")).ToContainTextAsync("Julkaistu (versio 1)");
        await admin.GotoAsync("/kainuu/admin/go-live");
        await Assertions.Expect(admin.Locator("#golive-item-workflows-published")).ToHaveAttributeAsync("data-done", "true");
        Assert.Empty(outside);
    }
}
