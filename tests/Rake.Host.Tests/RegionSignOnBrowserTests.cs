using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>Chromium signs in through the region's provider: Rake's login page → the provider's own login form → Rake.</summary>
public sealed class RegionSignOnBrowserTests(SignOnFixture fixture, Browser browser) : IClassFixture<SignOnFixture>, IClassFixture<Browser>
{
    [Fact]
    public async Task A_person_signs_in_through_the_region_provider_and_a_refused_domain_gets_a_clear_page()
    {
        var subject = $"selma-{Guid.NewGuid():N}"[..18];
        fixture.Provider.SetUser(subject, $"{subject}@kainuu.example", "kainuu-pros");
        var page = await NewPageAsync();
        await page.GotoAsync("/login");
        await Browser.AssertAccessibleAsync(page, "sso01-login");
        await page.ClickAsync("a[href='/login/sso/kainuu']");
        await SubmitProviderFormAsync(page, subject);
        await page.WaitForURLAsync(url => url.StartsWith(fixture.Host.BaseAddress, StringComparison.Ordinal) && url.EndsWith("/kainuu"),
            new PageWaitForURLOptions { Timeout = 30_000 });
        Assert.Contains("Kainuun hyvinvointialue", await page.InnerTextAsync("body"));
        await Browser.AssertAccessibleAsync(page, "sso02-signed-in");

        var outsider = $"olli-{Guid.NewGuid():N}"[..18];
        fixture.Provider.SetUser(outsider, $"{outsider}@gmail.example", "kainuu-admins");
        var refused = await NewPageAsync();
        await refused.GotoAsync("/login/sso/kainuu");
        await SubmitProviderFormAsync(refused, outsider);
        await refused.WaitForURLAsync(url => url.Contains("/login/refused?reason=domain"), new PageWaitForURLOptions { Timeout = 30_000 });
        Assert.Contains("verkkotunnus ei ole tämän alueen sallimissa", await refused.InnerTextAsync("[role=alert]"));
        await Browser.AssertAccessibleAsync(refused, "sso03-refused-domain");
    }

    [Fact]
    public async Task A_platform_admin_creates_a_region_with_its_provider_on_the_regions_page()
    {
        var page = await Browser.SignInAsync(browser.Chromium, fixture.Host, "platform-admin", []);
        await page.GotoAsync("/platform/regions");
        await Browser.AssertAccessibleAsync(page, "sso10-platform-regions");

        await page.FillAsync("#code", "pohjanmaa");
        await page.FillAsync("#authority", "http://not-loopback.example");
        await page.ClickAsync("#save-region");
        Assert.Contains("pohjanmaa", await page.InputValueAsync("#code"));
        var summary = await page.InnerTextAsync("#error-summary");
        Assert.Contains("Nimi suomeksi", summary);
        Assert.Contains("Tunnistuspalvelun osoite", summary);
        Assert.Equal("true", await page.GetAttributeAsync("#authority", "aria-invalid"));
        await Browser.AssertAccessibleAsync(page, "sso11-platform-regions-errors");

        await page.FillAsync("#nameFi", "Pohjanmaan hyvinvointialue");
        await page.FillAsync("#authority", fixture.Provider.Issuer);
        await page.FillAsync("#clientId", "rake-pohjanmaa");
        await page.FillAsync("#clientSecret", "a-secret-nobody-sees-again");
        await page.FillAsync("#groupRoles", "pohjanmaa-admins=RegionAdmin");
        await Browser.NavigateAsync(page, () => page.ClickAsync("#save-region"));
        await page.WaitForURLAsync(url => url.Contains("saved=pohjanmaa"), new PageWaitForURLOptions { Timeout = 30_000 });
        Assert.Contains(fixture.Provider.Issuer, await page.InnerTextAsync("#regions"));
        Assert.NotNull(fixture.Host.Services.GetRequiredService<Rake.Host.Platform.RegionCatalog>().FindSignOn("pohjanmaa"));
        Assert.DoesNotContain("a-secret-nobody-sees-again", await page.ContentAsync());
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Chromium.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = fixture.Host.BaseAddress, Locale = "fi-FI" });
        return await context.NewPageAsync();
    }

    /// <summary>The provider's development login form: any password, the login is the subject.</summary>
    private async Task SubmitProviderFormAsync(IPage page, string subject)
    {
        await page.WaitForURLAsync(url => url.StartsWith(fixture.Provider.Issuer + "/interaction/", StringComparison.Ordinal),
            new PageWaitForURLOptions { Timeout = 30_000 });
        await page.FillAsync("input[name=login]", subject);
        await page.FillAsync("input[name=password]", "any");
        await page.ClickAsync("button[type=submit]");
    }
}
