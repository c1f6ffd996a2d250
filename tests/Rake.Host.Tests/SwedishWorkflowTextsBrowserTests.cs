using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>
/// A workflow that gives its texts in Swedish (docs/adr/0130): a Swedish-UI user of bilingual Kymenlaakso sees the task
/// title and description, the meeting's title, the standard agenda items and the workflow's agenda item in Swedish; a
/// Finnish-UI user sees the Finnish texts the workflow wrote.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class SwedishWorkflowTextsBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private const string Region = "kymenlaakso";

    private static JsonObject Number(int value) =>
        new() { ["typeName"] = "Int32", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    [Fact]
    public async Task A_swedish_ui_user_sees_the_task_meeting_and_agenda_in_swedish()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var admin = await shared.Host.ClientFor("kymenlaakso-regionadmin");
        var meeting = Activity("meeting", "Rake.WorkingGroup.ScheduleMeeting", ("body", "SteeringGroup"),
            ("title", $"Johtoryhmän kokous {tag}"), ("titleSv", $"Ledningsgruppens möte {tag}"), ("location", "Teams"));
        meeting["daysFromNow"] = Number(9);
        var item = Activity("item", "Rake.WorkingGroup.AddAgendaItem", ("body", "SteeringGroup"), ("kind", "Compilation"),
            ("title", "Puolivuotiskooste työryhmän kommentein"), ("titleSv", "Halvårssammandraget med arbetsgruppens kommentarer"));
        var task = Activity("decide", "Rake.Workflows.HumanTask", ("role", "SteeringGroupMember"),
            ("title", $"Päätä jatkotoimenpiteet {tag}"), ("titleSv", $"Besluta om fortsatta åtgärder {tag}"),
            ("description", "Johtoryhmä päättää ilmiöittäin."), ("descriptionSv", "Ledningsgruppen beslutar fenomen för fenomen."));
        task["dueInDays"] = Number(14);
        var definitionId = $"sv-texts-{tag}";
        await PublishAsync(admin, Region, Sequence(definitionId, meeting, item, task));
        await StartAsync(admin, Region, definitionId);
        var meetingId = await MeetingIdAsync(admin, $"Johtoryhmän kokous {tag}");

        // The API answers in the caller's language from the same rows.
        using var swedishApi = await shared.Host.ClientFor("kymenlaakso-steeringgroupmember");
        swedishApi.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        var inSwedish = (await swedishApi.GetFromJsonAsync<JsonObject>($"{Base(Region)}/meetings/{meetingId}"))!;
        Assert.Equal($"Ledningsgruppens möte {tag}", (string?)inSwedish["meeting"]!["title"]);
        Assert.Equal(["Sociala rapporter sedan föregående möte", "Aktuella frågor", "Halvårssammandraget med arbetsgruppens kommentarer"],
            inSwedish["agenda"]!.AsArray().Select(i => (string?)i!["title"]));
        using var finnishApi = await shared.Host.ClientFor("kymenlaakso-steeringgroupmember");
        finnishApi.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fi");
        var inFinnish = (await finnishApi.GetFromJsonAsync<JsonObject>($"{Base(Region)}/meetings/{meetingId}"))!;
        Assert.Equal($"Johtoryhmän kokous {tag}", (string?)inFinnish["meeting"]!["title"]);
        Assert.Equal(["Sosiaalisen raportoinnin ilmoitukset edellisen kokouksen jälkeen", "Ajankohtaiset RAKE-asiat",
            "Puolivuotiskooste työryhmän kommentein"], inFinnish["agenda"]!.AsArray().Select(i => (string?)i!["title"]));

        var outside = new List<string>();
        var member = await Browser.SignInAsync(browser.Chromium, shared.Host, "kymenlaakso-steeringgroupmember", outside);
        await member.GotoAsync($"/account/culture?culture=sv&returnUrl=/{Region}/tasks");
        Assert.Equal("sv", await member.Locator("html").GetAttributeAsync("lang"));
        var card = member.Locator($"article:has-text('{tag}')");
        await Assertions.Expect(card.Locator("h2")).ToHaveTextAsync($"Besluta om fortsatta åtgärder {tag}");
        await Assertions.Expect(card).ToContainTextAsync("Ledningsgruppen beslutar fenomen för fenomen.");
        await Assertions.Expect(card).Not.ToContainTextAsync("Päätä jatkotoimenpiteet");
        await Browser.AssertAccessibleAsync(member, "sv-texts-01-tasks");

        await member.GotoAsync($"/{Region}/meetings/{meetingId}");
        await Assertions.Expect(member.Locator("h1")).ToContainTextAsync($"Ledningsgruppens möte {tag}");
        var agenda = member.Locator("#agenda > li > strong");
        await Assertions.Expect(agenda).ToHaveTextAsync(
            ["Sociala rapporter sedan föregående möte", "Aktuella frågor", "Halvårssammandraget med arbetsgruppens kommentarer"]);
        await Browser.AssertAccessibleAsync(member, "sv-texts-02-meeting");

        // The same page in Finnish shows what the workflow wrote.
        await member.GotoAsync($"/account/culture?culture=fi&returnUrl=/{Region}/meetings/{meetingId}");
        await Assertions.Expect(member.Locator("h1")).ToContainTextAsync($"Johtoryhmän kokous {tag}");
        await Assertions.Expect(agenda.Nth(2)).ToHaveTextAsync("Puolivuotiskooste työryhmän kommentein");
        Assert.Empty(outside);
    }

    private static async Task<Guid> MeetingIdAsync(HttpClient admin, string title)
    {
        var bodies = (await admin.GetFromJsonAsync<JsonArray>($"{Base(Region)}/bodies"))!;
        foreach (var body in bodies)
        {
            var meetings = (await admin.GetFromJsonAsync<JsonArray>($"{Base(Region)}/bodies/{body!["id"]}/meetings"))!;
            if (meetings.FirstOrDefault(m => (string?)m!["title"] == title) is { } found)
            {
                return Guid.Parse((string)found["id"]!);
            }
        }
        throw new InvalidOperationException($"No meeting '{title}' was scheduled.");
    }
}
