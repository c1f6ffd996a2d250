using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>The calendar subscription section in the browser, in Finnish and Swedish: make, see once, revoke (docs/adr/0120).</summary>
[Collection(SharedHostCollection.Name)]
public sealed class CalendarSubscriptionBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_member_makes_sees_once_and_revokes_the_calendar_address_in_finnish_and_swedish()
    {
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-workinggroupmember", outside);
        await page.GotoAsync("/kainuu/working-groups");
        await page.ClickAsync("#calendar-subscription");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kokoukset omaan kalenteriin");
        await Browser.AssertAccessibleAsync(page, "calendar-01-none");

        await page.ClickAsync("#subscription-create");
        var url = await page.Locator("#subscription-url").InputValueAsync();
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/calendars/kainuu/[A-Za-z0-9_-]{43}\.ics$", url);
        Assert.StartsWith("webcal://127.0.0.1:", await page.Locator("#subscription-webcal").GetAttributeAsync("href"));
        await Browser.AssertAccessibleAsync(page, "calendar-02-created");
        using (var anonymous = Host.Anonymous())
        {
            var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);
            Assert.Equal(System.Net.HttpStatusCode.OK, feed.StatusCode);
        }

        // Shown once: loading the page again tells that there is an address, never the address itself.
        await page.GotoAsync("/account/culture?culture=sv&returnUrl=/kainuu/working-groups/calendar");
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mötena i din egen kalender");
        await Assertions.Expect(page.Locator("#subscription-status")).ToContainTextAsync("Du har en giltig kalenderadress");
        Assert.DoesNotContain(new Uri(url).Segments.Last(), await page.ContentAsync());
        await Browser.AssertAccessibleAsync(page, "calendar-03-active-sv");

        await Browser.NavigateAsync(page, () => page.ClickAsync("#subscription-revoke"));
        await page.WaitForURLAsync("**/working-groups/calendar?revoked=1");
        await Assertions.Expect(page.Locator("#subscription-status")).ToContainTextAsync("Du har ingen kalenderadress");
        await Browser.AssertAccessibleAsync(page, "calendar-04-revoked-sv");
        using (var anonymous = Host.Anonymous())
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        }
        Assert.Empty(outside);
        await page.Context.CloseAsync();
    }
}
