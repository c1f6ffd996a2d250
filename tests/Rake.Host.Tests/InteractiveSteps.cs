using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>Browser steps for the interactive islands (docs/adr/0004, 0117): they need the circuit before a click counts.</summary>
internal static class InteractiveSteps
{
    /// <summary>Blazor has started and the island has rendered over the circuit.</summary>
    public static async Task WaitForIslandAsync(IPage page, string selector)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        var island = selector.StartsWith('#') ? $".rake-island:has({selector})" : selector;
        await Assertions.Expect(page.Locator($"{island}[data-live=true]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
    }

    /// <summary>Types into the person picker <paramref name="inputId"/> and waits for the names it offers.</summary>
    public static async Task<ILocator> SearchPersonAsync(IPage page, string inputId, string text)
    {
        await WaitForIslandAsync(page, $".rake-person-picker:has(#{inputId})");
        await page.Locator($"#{inputId}").PressSequentiallyAsync(text);
        var offered = page.Locator(".rz-autocomplete-list-item");
        await Assertions.Expect(offered.First).ToBeVisibleAsync();
        return offered;
    }
}
