using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// Issue 13 for Communications: a distribution list's members added and removed on the mail page by a responsible person.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class CommunicationsOperationsBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_responsible_person_adds_a_member_after_a_refused_address_and_removes_another()
    {
        var name = $"Lista {Guid.NewGuid():N}"[..18];
        using (var api = await Host.ClientFor("kymenlaakso-responsibleperson"))
        {
            var created = await api.PostAsJsonAsync("/api/v1/regions/kymenlaakso/distribution-lists",
                new { name, description = "Testilista", members = new[] { new { email = "eka@example.org", name = "Eka" } } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-responsibleperson", outside);
        await page.GotoAsync("/kymenlaakso/communications/mail");
        var section = page.Locator($"details:has(summary:text-is('Jäsenet: {name}'))");
        await section.Locator("summary").ClickAsync();
        await Assertions.Expect(section.Locator("table")).ToContainTextAsync("eka@example.org");

        await section.Locator("input[type=email]").FillAsync("ei osoite");
        await section.Locator("input[id$='-memberName']").FillAsync("Toka");
        await section.Locator("button[type=submit]:has-text('Lisää jäsen')").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Sähköpostiosoite");
        section = page.Locator($"details:has(summary:text-is('Jäsenet: {name}'))");
        await Assertions.Expect(section).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(section.Locator("input[type=email]")).ToHaveValueAsync("ei osoite");
        await Assertions.Expect(section.Locator("input[id$='-memberName']")).ToHaveValueAsync("Toka");
        await Browser.AssertAccessibleAsync(page, "i13-comm-01-member-refused");

        await section.Locator("input[type=email]").FillAsync("toka@example.org");
        await section.Locator("button[type=submit]:has-text('Lisää jäsen')").ClickAsync();
        await Assertions.Expect(page.Locator("#members-saved")).ToBeVisibleAsync();
        section = page.Locator($"details:has(summary:text-is('Jäsenet: {name}'))");
        await Assertions.Expect(section.Locator("tbody tr")).ToHaveCountAsync(2);
        await section.Locator("button[aria-label^='Poista eka@example.org']").ClickAsync();
        await Assertions.Expect(page.Locator("#members-saved")).ToBeVisibleAsync();
        section = page.Locator($"details:has(summary:text-is('Jäsenet: {name}'))");
        await Assertions.Expect(section.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(section.Locator("tbody")).ToContainTextAsync("toka@example.org");
        await Browser.AssertAccessibleAsync(page, "i13-comm-02-members");

        using var check = await Host.ClientFor("kymenlaakso-communications");
        var list = (await check.GetFromJsonAsync<JsonArray>("/api/v1/regions/kymenlaakso/distribution-lists"))!
            .Single(l => l!["name"]!.GetValue<string>() == name)!;
        Assert.Equal(["toka@example.org"], list["members"]!.AsArray().Select(m => m!["email"]!.GetValue<string>()));
        Assert.Equal("Toka", list["members"]![0]!["name"]!.GetValue<string>());
        Assert.Empty(outside);
    }
    [Fact]
    public async Task A_communications_person_edits_a_plan_row_after_a_refusal_and_removes_it()
    {
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-communications", outside);
        await page.GotoAsync("/kainuu/communications/plan");
        var group = $"Kohderyhmä {Guid.NewGuid():N}"[..20];
        await page.FillAsync("#targetGroup", group);
        await page.FillAsync("#goals", "Tietää raportoinnista");
        await page.FillAsync("#channels", "Intranet");
        await page.ClickAsync("button[type=submit]:has-text('Lisää kohderyhmä')");
        var row = page.Locator($"#communication-plan tr:has(th:text-is('{group}'))");
        await Assertions.Expect(row).ToContainTextAsync("Intranet");

        await row.Locator("summary").ClickAsync();
        await row.Locator("input[id$='-targetGroup']").FillAsync("");
        await row.Locator("textarea[id$='-goals']").FillAsync("Tietää raportoinnista\nOsaa raportoida");
        await row.Locator("button[type=submit]:has-text('Tallenna rivi')").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Kohderyhmä");
        var editing = page.Locator("#communication-plan details[open]");
        await Assertions.Expect(editing.Locator("textarea[id$='-goals']")).ToHaveValueAsync("Tietää raportoinnista\nOsaa raportoida");
        await Assertions.Expect(editing.Locator("input[id$='-targetGroup']")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(page, "i13-comm-10-plan-row-refused");

        await editing.Locator("input[id$='-targetGroup']").FillAsync(group + " B");
        await editing.Locator("button[type=submit]:has-text('Tallenna rivi')").ClickAsync();
        row = page.Locator($"#communication-plan tr:has(th:text-is('{group} B'))");
        await Assertions.Expect(row).ToContainTextAsync("Osaa raportoida");
        await row.Locator("button:has-text('Poista')").ClickAsync();
        await Assertions.Expect(page.Locator($"#communication-plan tr:has-text('{group}')")).ToHaveCountAsync(0);
        Assert.Empty(outside);
    }
}
