using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot run here). Every page a browser test visits
/// is checked with axe-core against WCAG 2.1 A and AA, and a screenshot is kept for a person to look at.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public static readonly string ScreenshotFolder = Path.Combine(Path.GetTempPath(), "rake-screenshots");

    /// <summary><c>RAKE_SCREENSHOTS=1</c> keeps a picture of every page an accessibility check passes, not only of failures.</summary>
    private static readonly bool KeepScreenshots = Environment.GetEnvironmentVariable("RAKE_SCREENSHOTS") == "1";

    private IPlaywright? playwright;

    public IBrowser Chromium { get; private set; } = default!;

    /// <summary>
    /// How long a web-first assertion (<c>Assertions.Expect(…)</c>) retries. A click that sends a form by enhanced
    /// navigation (docs/adr/0004) returns at once instead of waiting for the server's answer as a page load did, so the
    /// assertion after it now also waits for that answer; Playwright's 5 s default was seen to run out on a busy machine.
    /// </summary>
    public const float ExpectTimeout = 20_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeout);
        var executable = Environment.GetEnvironmentVariable("RAKE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium was not found at {executable}. Run scripts/test.sh, which installs it, or set " +
                "RAKE_CHROMIUM.");
        }
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        playwright?.Dispose();
    }

    public static async Task<IPage> SignInAsync(IBrowser browser, RakeTestHost host, string userName, List<string> outsideRequests)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress, Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        var origin = new Uri(host.BaseAddress).Authority;
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).Authority != origin)
            {
                outsideRequests.Add(request.Url);
            }
        };
        await page.GotoAsync("/login");
        for (var attempt = 1; ; attempt++)
        {
            await page.FillAsync("#username", userName);
            await page.FillAsync("#password", RakeTestHost.Password);
            await page.ClickAsync("button[type=submit]");
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/login"), new PageWaitForURLOptions { Timeout = 20_000 });
                await WaitForPageAsync(page, 20_000);
                return page;
            }
            catch (Exception timeout) when (attempt < 2 && timeout is System.TimeoutException or PlaywrightException)
            {
                // On a busy machine a sign-in was seen to stay on /login once in a few hundred: load the page again and
                // sign in once more. A sign-in that is really broken fails the second time too.
                await page.GotoAsync("/login");
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> (a click on a link or a submit button) and waits until the page it leads to is
    /// complete. Links and forms load by enhanced navigation (docs/adr/0004): the address changes before the new page is
    /// patched in, so waiting for the address and then reading the page or running axe can see the old page. nav.js marks
    /// <c>html[data-rake-loaded]</c> when a page is complete (a full load or an enhanced one); the mark is taken away here
    /// first, so only the page the action led to can put it back.
    /// </summary>
    public static async Task NavigateAsync(IPage page, Func<Task> action, float timeout = 30_000)
    {
        await page.EvaluateAsync("() => document.documentElement.removeAttribute('data-rake-loaded')");
        await action();
        await WaitForPageAsync(page, timeout);
    }

    /// <summary>Clicks <paramref name="selector"/> and waits until the page it leads to is complete (see
    /// <see cref="NavigateAsync(IPage, Func{Task}, float)"/>).</summary>
    public static Task ClickAndWaitAsync(IPage page, string selector, float timeout = 30_000) =>
        NavigateAsync(page, () => page.ClickAsync(selector), timeout);

    /// <summary>Waits until the page now loading (by a full load or by enhanced navigation) is complete.</summary>
    public static Task WaitForPageAsync(IPage page, float timeout = 30_000) =>
        page.Locator("html[data-rake-loaded]").WaitForAsync(new LocatorWaitForOptions
        {
            State = WaitForSelectorState.Attached,
            Timeout = timeout,
        });

    /// <summary>Fails with every WCAG 2.1 A/AA violation axe-core finds on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        if (violations.Count > 0 || KeepScreenshots)
        {
            // The page as axe saw it: always for a failure; for a passing check only when asked (each costs suite time).
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
        }
        Assert.True(violations.Count == 0,
            $"axe-core found WCAG 2.1 AA violations on {name} ({page.Url}):\n{string.Join("\n", violations)}");
    }
}
