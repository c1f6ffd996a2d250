using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// A compilation's comments and decisions from its page, each as its role: the working group comments (a refused note keeps
/// what was typed), the steering group decides, and a supervisor only reads.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class CompilationNotesBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task The_working_group_comments_and_the_steering_group_decides_on_a_compilation()
    {
        var outside = new List<string>();
        var member = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-workinggroupmember", outside);
        await member.GotoAsync("/kymenlaakso/reports/outputs");
        await Browser.NavigateAsync(member, () => member.Locator("a[id^=notes-]").First.ClickAsync());
        await member.WaitForURLAsync("**/kymenlaakso/reports/compilations/**");
        var path = new Uri(member.Url).AbsolutePath;
        var periodId = path[(path.LastIndexOf('/') + 1)..];
        // A working-group member may only comment, so that is chosen already.
        await Assertions.Expect(member.Locator("input[name=kind]")).ToHaveCountAsync(1);
        await Assertions.Expect(member.Locator("#kind-WorkingGroupComment")).ToBeCheckedAsync();
        await Browser.AssertAccessibleAsync(member, "notes-01-member");

        await member.FillAsync("#responsiblePerson", "Palvelupäällikkö");
        await member.ClickAsync("#save-note");
        await Assertions.Expect(member.Locator("#error-summary")).ToContainTextAsync("Kommentti tai päätös");
        await Assertions.Expect(member.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(member.Locator("#responsiblePerson")).ToHaveValueAsync("Palvelupäällikkö");
        await Assertions.Expect(member.Locator("#kind-WorkingGroupComment")).ToBeCheckedAsync();
        await Assertions.Expect(member.Locator("#saved")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(member, "notes-02-refused");

        var comment = $"Työryhmä pitää ilmiötä merkittävänä {Guid.NewGuid():N}";
        await member.FillAsync("#text", comment);
        await member.ClickAsync("#save-note");
        await Assertions.Expect(member.Locator("#saved")).ToBeVisibleAsync();
        await Assertions.Expect(member.Locator("#notes")).ToContainTextAsync(comment);

        var decision = $"Ohjausryhmä päättää jatkaa selvitystä {Guid.NewGuid():N}";
        var steering = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-steeringgroupmember", outside);
        await steering.GotoAsync(path);
        await Assertions.Expect(steering.Locator("#kind-SteeringGroupDecision")).ToBeCheckedAsync();
        await Assertions.Expect(steering.Locator("#kind-WorkingGroupComment")).ToHaveCountAsync(0);
        await steering.FillAsync("#text", decision);
        await steering.ClickAsync("#save-note");
        await Assertions.Expect(steering.Locator("#notes")).ToContainTextAsync(decision);
        await Assertions.Expect(steering.Locator("#notes")).ToContainTextAsync("Ohjausryhmän päätös");

        // A supervisor reads the notes and has no form.
        var supervisor = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-supervisor", outside);
        await supervisor.GotoAsync(path);
        await Assertions.Expect(supervisor.Locator("#notes")).ToContainTextAsync(comment);
        await Assertions.Expect(supervisor.Locator("#save-note")).ToHaveCountAsync(0);

        using var api = await Host.ClientFor("kymenlaakso-responsibleperson");
        var stored = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/regions/kymenlaakso/compilations/{periodId}"))!;
        var notes = stored["notes"]!.AsArray();
        Assert.Contains(notes, n => n!["text"]!.GetValue<string>() == comment && n["kind"]!.GetValue<string>() == "WorkingGroupComment"
            && n["responsiblePerson"]!.GetValue<string>() == "Palvelupäällikkö");
        Assert.Contains(notes, n => n!["text"]!.GetValue<string>() == decision && n["kind"]!.GetValue<string>() == "SteeringGroupDecision");
        Assert.Empty(outside);
    }
}
