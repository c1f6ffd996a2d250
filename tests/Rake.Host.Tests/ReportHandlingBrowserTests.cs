using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// The report page's one handling form (docs/adr/0136) as the Supervisor uses it: a refused save keeps everything typed and
/// opens on its summary on a 390 px phone, one save records and passes the report on, and leaving with typed text asks first.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class ReportHandlingBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_refused_save_keeps_what_was_typed_with_the_summary_in_view_and_a_corrected_one_saves_it_all()
    {
        var (id, _, location) = await SubmitAsync("Kotihoidon iltakäynnit");
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-supervisor", outside);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/kainuu/reports/{id}");
        await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Vastaanotettu");

        const string message = "Kiitos, viedään työryhmään.";
        await page.FillAsync("#coreOfReport", "Iltakäynnit jäävät lyhyiksi");
        await page.FillAsync("#audience", "Kotihoidon esihenkilöt");
        await page.FillAsync("#priority", "150");
        await page.SelectOptionAsync("#status", "ToWorkingGroup");
        await page.FillAsync("#comment", message);
        await page.ClickAsync("button[type=submit]:has-text('Tallenna käsittely')");

        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Prioriteettinumero");
        await Assertions.Expect(summary).ToBeInViewportAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#priority")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#coreOfReport")).ToHaveValueAsync("Iltakäynnit jäävät lyhyiksi");
        await Assertions.Expect(page.Locator("#audience")).ToHaveValueAsync("Kotihoidon esihenkilöt");
        await Assertions.Expect(page.Locator("#priority")).ToHaveValueAsync("150");
        await Assertions.Expect(page.Locator("#status")).ToHaveValueAsync("ToWorkingGroup");
        await Assertions.Expect(page.Locator("#comment")).ToHaveValueAsync(message);
        // Nothing of it was written, and nothing says it was.
        await Assertions.Expect(page.Locator("#saved")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Vastaanotettu");
        await Browser.AssertAccessibleAsync(page, "handling-01-refused-390");
        var stored = await ReadAsync(location);
        Assert.Equal("Received", stored["status"]!.GetValue<string>());
        Assert.Null(stored["supervisorRecord"]);

        // Corrected, one save records the report, takes it into handling and passes it on with the message.
        await page.FillAsync("#priority", "2");
        await page.ClickAsync("button[type=submit]:has-text('Tallenna käsittely')");
        await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Työryhmässä");
        await Assertions.Expect(page.Locator("#saved")).ToContainTextAsync("Käsittelykirjaus tallennettiin.");
        await Assertions.Expect(page.Locator("#saved")).ToContainTextAsync("Käsittely siirtyi eteenpäin.");
        await Assertions.Expect(page.Locator("#error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync(message);
        stored = await ReadAsync(location);
        Assert.Equal("ToWorkingGroup", stored["status"]!.GetValue<string>());
        Assert.Equal(2, stored["supervisorRecord"]!["priority"]!.GetValue<int>());
        Assert.Equal("Kotihoidon esihenkilöt", stored["supervisorRecord"]!["audience"]!.GetValue<string>());
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Leaving_with_typed_text_asks_first_and_a_message_alone_goes_to_the_reporter_as_feedback()
    {
        var (id, _, location) = await SubmitAsync("Omaishoitajien vapaat");
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-supervisor", outside);

        // The message alone, in Swedish: sent as feedback, and the received report is taken into handling.
        await page.GotoAsync($"/account/culture?culture=sv&returnUrl=/kainuu/reports/{id}");
        await Assertions.Expect(page.Locator("#save-handling")).ToContainTextAsync("Spara behandlingen");
        await Browser.AssertAccessibleAsync(page, "handling-02-sv");
        await page.FillAsync("#comment", "Tack, vi återkommer.");
        await page.ClickAsync("#save-handling");
        await Assertions.Expect(page.Locator("#saved")).ToContainTextAsync("Responsen skickades till rapportören.");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Tack, vi återkommer.");
        var stored = await ReadAsync(location);
        Assert.Equal("WithSupervisor", stored["status"]!.GetValue<string>());

        // Saved, the page leaves without asking.
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Type);
            }
            _ = dialog.AcceptAsync();
        };
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Close += (_, _) => closed.TrySetResult();
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Empty(dialogs);

        // With typed text not saved, leaving asks first (and staying keeps the page).
        var typing = await page.Context.NewPageAsync();
        await typing.GotoAsync($"/kainuu/reports/{id}");
        await typing.ClickAsync("#comment");
        await typing.Locator("#comment").PressSequentiallyAsync("Kiitos ilmoituksesta");
        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        typing.Dialog += (_, dialog) =>
        {
            asked.TrySetResult(dialog.Type);
            _ = dialog.DismissAsync();
        };
        await typing.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.False(typing.IsClosed);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_supervisor_marks_the_notifications_read()
    {
        var (_, _, location) = await SubmitAsync("Lukemattomat viestit");
        using (var supervisorApi = await Host.ClientFor("kainuu-supervisor"))
        {
            var feedback = await supervisorApi.PostAsJsonAsync($"{location}/feedback", new { comment = "Kiitos, palaamme asiaan." });
            Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
        }
        await Host.DeliverEventsAsync();
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-supervisor", outside);
        await page.GotoAsync("/kainuu/reports/inbox");
        await Assertions.Expect(page.Locator(".rake-notifications .rake-unread").First).ToContainTextAsync("lukematta");
        await page.ClickAsync("#mark-read");
        await Assertions.Expect(page.Locator("#notifications-read")).ToHaveTextAsync("Viestit merkittiin luetuiksi.");
        await Assertions.Expect(page.Locator(".rake-notifications .rake-unread")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#mark-read")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page, "handling-03-notifications-read");
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        var mine = (await supervisor.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/notifications"))!;
        Assert.NotEmpty(mine);
        Assert.All(mine, n => Assert.True(n!["read"]!.GetValue<bool>()));
        // Only the person's own: the reporter's notifications are untouched.
        using var professional = await Host.ClientFor("kainuu-professional");
        var theirs = (await professional.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/notifications"))!;
        Assert.Contains(theirs, n => !n!["read"]!.GetValue<bool>());
        Assert.Empty(outside);
    }

    private async Task<(Guid Id, int Number, string Location)> SubmitAsync(string title)
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        return await Reports.SubmitAsync(professional, "kainuu", Reports.Valid("kainuu", $"{title} {Guid.NewGuid():N}"[..40]));
    }

    private async Task<JsonObject> ReadAsync(string location)
    {
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        return (await supervisor.GetFromJsonAsync<JsonObject>(location))!;
    }
}
