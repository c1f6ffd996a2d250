using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>Passing a report to another supervisor in the browser, and the person's own notice settings (issue 14).</summary>
[Collection(MailHostCollection.Name)]
public sealed class ReassignmentBrowserTests(MailHost mail, Browser browser) : IClassFixture<Browser>
{
    private readonly MailSteps steps = new(mail);

    private RakeTestHost Host => mail.Host;

    [Fact]
    public async Task In_the_browser_a_supervisor_picks_another_supervisor_by_name_and_passes_the_report_on()
    {
        var mine = await steps.SupervisorAsync("kymenlaakso");
        var other = await steps.SupervisorAsync("kymenlaakso");
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        using var supervisor = await Host.ClientFor("kymenlaakso-supervisor");
        var (id, number, location) = await Reports.SubmitAsync(professional, "kymenlaakso");
        (await supervisor.PostAsJsonAsync($"{location}/reassignment", new { supervisor = mine.UserName, reason = "Alueeni" }))
            .EnsureSuccessStatusCode();
        await steps.DeliverAsync();

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, mine.UserName, outside);
        await page.GotoAsync($"/kymenlaakso/reports/{id}");
        await page.ClickAsync("form:has(#supervisorSearch) button[type=submit]");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(page, "reassign-01-errors");

        var offered = await InteractiveSteps.SearchPersonAsync(page, "supervisorSearch", other.DisplayName[^6..]);
        await Assertions.Expect(offered).ToHaveCountAsync(1);
        await offered.ClickAsync();
        await Assertions.Expect(page.Locator("input[name=supervisor]")).ToHaveValueAsync(other.UserName);
        await page.FillAsync("#reason", "Siirryn toiseen tiimiin");
        await page.ClickAsync("form:has(#supervisorSearch) button[type=submit]");
        await Assertions.Expect(page.Locator("#reassigned")).ToContainTextAsync($"Ilmoitus nro {number} siirrettiin.");
        await Browser.AssertAccessibleAsync(page, "reassign-02-done");

        // The person's own notice settings: Swedish, and new workflow tasks switched off.
        await page.GotoAsync("/kymenlaakso/notification-settings");
        await Browser.AssertAccessibleAsync(page, "reassign-03-settings");
        await page.SelectOptionAsync("#language", "sv");
        await page.CheckAsync("#kind-TaskNew-Off");
        await page.ClickAsync("form:has(#language) button[type=submit]");
        await Assertions.Expect(page.Locator(".rake-success")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#kind-TaskNew-Off")).ToBeCheckedAsync();
        // The page speaks the page's language; the chosen language is for e-mails.
        await Assertions.Expect(page.Locator("#notices")).ToContainTextAsync($"Ilmoitus nro {number} siirrettiin sinun käsiteltäväksesi.");
        Assert.Empty(outside);
        using (var self = await Host.ClientFor(mine.UserName))
        {
            var settings = (await self.GetFromJsonAsync<JsonObject>($"{MailSteps.Api("kymenlaakso")}/me/notification-settings"))!;
            Assert.Equal("sv", settings["language"]!.GetValue<string>());
        }

        await steps.DeliverAsync();
        Assert.Contains(steps.Received($"{other.UserName}@example.invalid"),
            m => m.Subject == $"Ilmoitus nro {number} siirrettiin sinulle");
        using var newSupervisor = await Host.ClientFor(other.UserName);
        Assert.Equal(HttpStatusCode.OK, (await newSupervisor.GetAsync(location)).StatusCode);
    }
}
