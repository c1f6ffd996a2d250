using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// The annual social report's page (docs/adr/0137), each step as its role: the responsible person writes the sections with a
/// live preview, the steering group approves, communications publishes, and the published figures stay as published when
/// reports of the year arrive later. Keski-Suomi 2024, which no other test touches.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class AnnualReportEditorBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private const string Region = "keski-suomi";
    private const int Year = 2024;
    private static readonly string Api = $"/api/v1/regions/{Region}/annual-reports/{Year}";
    private static readonly string PagePath = $"/{Region}/reports/annual/{Year}";

    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task Written_with_a_live_preview_approved_published_and_frozen_against_later_reports()
    {
        using var responsibleApi = await Host.ClientFor($"{Region}-responsibleperson");
        await ImportAsync(responsibleApi, "A");
        var before = await TotalAsync(responsibleApi);
        await ImportAsync(responsibleApi, "B");
        // While a draft, the figures follow the stored reports.
        var total = before + 1;
        Assert.Equal(total, await TotalAsync(responsibleApi));

        var outside = new List<string>();
        var responsible = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-responsibleperson", outside);
        await responsible.GotoAsync($"/{Region}/reports/outputs");
        await Browser.NavigateAsync(responsible, () => responsible.ClickAsync($"#annual-{Year}"));
        await responsible.WaitForURLAsync($"**{PagePath}");
        await Assertions.Expect(responsible.Locator("#annual-status")).ToHaveTextAsync("Luonnos");
        await Assertions.Expect(responsible.Locator("#figure-total")).ToHaveTextAsync(Count(total));
        await responsible.FillAsync("#introduction", "Raportointi vakiintui.\n\nIlmoituksia tuli kaikista kunnista.");
        // The preview shows the paragraphs while typing, before anything is saved.
        await Assertions.Expect(responsible.Locator("#introduction-preview p")).ToHaveTextAsync(
            ["Raportointi vakiintui.", "Ilmoituksia tuli kaikista kunnista."]);
        await Browser.AssertAccessibleAsync(responsible, "annual-01-draft");
        await responsible.ClickAsync("#save-sections");
        await Assertions.Expect(responsible.Locator("#saved")).ToContainTextAsync("Tekstiosiot tallennettiin.");
        await Assertions.Expect(responsible.Locator("#introduction")).ToHaveValueAsync(
            "Raportointi vakiintui.\n\nIlmoituksia tuli kaikista kunnista.");

        // The steering group cannot approve without the plan evaluation: the summary says so and links to it.
        var steering = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-steeringgroupmember", outside);
        await steering.GotoAsync(PagePath);
        await Assertions.Expect(steering.Locator("#save-sections")).ToHaveCountAsync(0);
        await steering.ClickAsync("#approve");
        await Assertions.Expect(steering.Locator("#error-summary")).ToContainTextAsync("Toteuttamissuunnitelman arviointi");
        await Assertions.Expect(steering.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(steering.Locator("#saved")).ToHaveCountAsync(0);
        await Assertions.Expect(steering.Locator("#annual-status")).ToHaveTextAsync("Luonnos");
        await Browser.AssertAccessibleAsync(steering, "annual-02-approval-refused");

        await responsible.FillAsync("#planEvaluation", "Tavoitteet toteutuivat osittain.");
        await responsible.ClickAsync("#save-sections");
        await Assertions.Expect(responsible.Locator("#saved")).ToBeVisibleAsync();
        await steering.GotoAsync(PagePath);
        await steering.ClickAsync("#approve");
        await Assertions.Expect(steering.Locator("#annual-status")).ToHaveTextAsync("Hyväksytty");
        await Assertions.Expect(steering.Locator("#saved")).ToContainTextAsync("Raportti hyväksyttiin.");

        // Communications publishes, after confirming.
        var communications = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-communications", outside);
        await communications.GotoAsync(PagePath);
        await communications.ClickAsync("#publish");
        await Assertions.Expect(communications.Locator("#error-summary")).ToContainTextAsync("Vahvista julkaisu");
        await Assertions.Expect(communications.Locator("#annual-status")).ToHaveTextAsync("Hyväksytty");
        await communications.CheckAsync("#confirm");
        await communications.ClickAsync("#publish");
        await Assertions.Expect(communications.Locator("#annual-status")).ToHaveTextAsync("Julkaistu");
        await Assertions.Expect(communications.Locator("#figures-frozen")).ToBeVisibleAsync();
        await Assertions.Expect(communications.Locator("#introduction-text p")).ToHaveCountAsync(2);
        await Browser.AssertAccessibleAsync(communications, "annual-03-published");

        // A report of the year arrives after publication: it is stored, and the published report does not change.
        var late = await ImportAsync(responsibleApi, "C");
        Assert.Single(late);
        Assert.Equal(total, await TotalAsync(responsibleApi));
        await communications.ReloadAsync();
        await Assertions.Expect(communications.Locator("#figure-total")).ToHaveTextAsync(Count(total));
        await communications.GotoAsync("/account/culture?culture=sv&returnUrl=" + PagePath);
        await Assertions.Expect(communications.Locator("#figure-total")).ToHaveTextAsync(Count(total));
        await Assertions.Expect(communications.Locator("h1")).ToHaveTextAsync($"Social rapport {Year}");
        await Browser.AssertAccessibleAsync(communications, "annual-04-published-sv");
        Assert.Empty(outside);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>(Api))!["figures"]!["total"]!.GetValue<int>();

    /// <summary>One report received in March of the year, through the form-export import; returns the numbers it got.</summary>
    private static async Task<JsonArray> ImportAsync(HttpClient client, string tag)
    {
        var id = $"annual-editor-{tag}-{Guid.NewGuid():N}";
        string[] row =
        [
            id, $"15.3.{Year} 10:00", "kielteinen", $"Vuosiraportin ilmiö {tag}", "Palveluun pääsy on hidastunut koko alueella.",
            "Selvitetään resurssit.", "housing", "adults", Reports.Municipality(Region), "working-age",
        ];
        var response = await ReportingOutputsTests.PostFileAsync(client, $"/api/v1/regions/{Region}/imports",
            ReportingOutputsTests.Csv([ReportingOutputsTests.Header, row]), $"annual-{tag}.csv");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var numbers = JsonNode.Parse(body)!["importedNumbers"]!.AsArray();
        Assert.True(numbers.Count == 1, body);
        return numbers;
    }
}
