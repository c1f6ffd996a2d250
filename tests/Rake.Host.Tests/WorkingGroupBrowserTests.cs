using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>A steering-group meeting in the browser: agenda with the reports since the last meeting, decision, assignment, publication; the
/// reporter sees the decision.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkingGroupBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_meeting_goes_from_agenda_to_decision_to_assignment_to_publication_and_the_reporter_sees_the_decision()
    {
        const string region = "kymenlaakso";
        var outside = new List<string>();
        using var responsibleApi = await Host.ClientFor($"{region}-responsibleperson");
        using var professionalApi = await Host.ClientFor($"{region}-professional");
        var bodyName = $"Johtoryhmä {Guid.NewGuid():N}"[..22];
        var body = await WorkingGroupApiTests.CreateBodyAsync(responsibleApi, region, "SteeringGroup", bodyName);
        var bodyId = body["id"]!.GetValue<Guid>();
        await responsibleApi.PostAsJsonAsync($"/api/v1/regions/{region}/bodies/{bodyId}/members",
            new { userName = $"{region}-steeringgroupmember", title = "Tulosaluejohtaja", role = "Chair", termStart = "2025-01-01" });
        await WorkingGroupApiTests.ScheduleAsync(responsibleApi, region, bodyId, DateTimeOffset.UtcNow.AddDays(-7), "Edellinen kokous");
        var title = $"Lapsiperheiden toimeentulo {Guid.NewGuid():N}"[..36];
        var (reportId, number, _) = await Reports.SubmitAsync(professionalApi, region, Reports.Valid(region, title));

        // The steering-group member schedules the meeting; its agenda lists the report received since the previous one.
        var steering = await Browser.SignInAsync(browser.Chromium, Host, $"{region}-steeringgroupmember", outside);
        await steering.GotoAsync($"/{region}/working-groups");
        await Assertions.Expect(steering.Locator("#bodies")).ToContainTextAsync(bodyName);
        await Browser.AssertAccessibleAsync(steering, "wg-01-bodies");
        await steering.ClickAsync($"#bodies a:has-text('{bodyName}')");
        await Assertions.Expect(steering.Locator("h1")).ToHaveTextAsync(bodyName);
        await Browser.AssertAccessibleAsync(steering, "wg-02-body");
        // A refused schedule names each field.
        await steering.FillAsync("#title", "");
        await steering.ClickAsync("button[type=submit]:has-text('Kutsu koolle kokous')");
        await Assertions.Expect(steering.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(steering.Locator("#date")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(steering, "wg-03-schedule-refused");
        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Rake.BuildingBlocks.Regions.Helsinki.TimeZone).AddDays(1);
        await steering.FillAsync("#title", "Johtoryhmän kokous: puolivuotiskooste");
        await steering.FillAsync("#date", day.ToString("yyyy-MM-dd"));
        await steering.FillAsync("#time", "09:00");
        await steering.FillAsync("#onlineUrl", "https://teams.microsoft.com/l/meetup-join/kymenlaakso-jory");
        await Browser.NavigateAsync(steering, () => steering.ClickAsync("button[type=submit]:has-text('Kutsu koolle kokous')"));
        await steering.WaitForURLAsync("**/meetings/**");
        await Assertions.Expect(steering.Locator("#agenda"))
            .ToContainTextAsync("Sosiaalisen raportoinnin ilmoitukset edellisen kokouksen jälkeen");
        await Assertions.Expect(steering.Locator("#agenda-reports")).ToContainTextAsync(title);
        await Browser.AssertAccessibleAsync(steering, "wg-04-meeting-agenda");

        // The decision per phenomenon with a named responsible person, concerning the report.
        await steering.FillAsync("#phenomenon", "Lapsiperheiden toimeentulo");
        await steering.SelectOptionAsync("#outcome", "FollowUpAction");
        await steering.FillAsync("#text", "Viedään tieto kuntien hyvinvointiryhmiin ja selvitetään taloussosiaalityön lisäresurssi.");
        await steering.FillAsync("#responsiblePerson", "Asiakkuuspäällikkö Salonen");
        await steering.CheckAsync($"#report-{number}");
        await steering.ClickAsync("button[type=submit]:has-text('Kirjaa päätös')");
        await Assertions.Expect(steering.Locator("#decisions")).ToContainTextAsync("Asiakkuuspäällikkö Salonen");

        // The assignment to a named person, already overdue so it shows up highlighted.
        var yesterday = day.AddDays(-2).ToString("yyyy-MM-dd");
        await steering.FillAsync("#assignmentTitle", "Selvitä taloussosiaalityön resurssi");
        await steering.FillAsync("#assignee", $"{region}-workinggroupmember");
        await steering.FillAsync("#dueDate", yesterday);
        await steering.ClickAsync("button[type=submit]:has-text('Anna toimeksianto')");
        await Assertions.Expect(steering.Locator("#assignments")).ToContainTextAsync("Selvitä taloussosiaalityön resurssi");
        await Browser.AssertAccessibleAsync(steering, "wg-05-meeting-decided");
        await Host.DeliverEventsAsync();
        await Host.DeliverEventsAsync();

        // The assignee sees it in "my assignments", overdue highlighted.
        var assignee = await Browser.SignInAsync(browser.Chromium, Host, $"{region}-workinggroupmember", outside);
        await assignee.GotoAsync($"/{region}/assignments/mine");
        await InteractiveSteps.WaitForIslandAsync(assignee, "#my-assignments");
        var row = assignee.Locator("#my-assignments tr.wg-overdue", new() { HasText = "Selvitä taloussosiaalityön resurssi" });
        await Assertions.Expect(row).ToContainTextAsync("Myöhässä");
        await Assertions.Expect(assignee.Locator("#overdue-summary")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(assignee, "wg-06-my-assignments");

        // The reporter sees the decision in the report's timeline; the supervisor has not processed it yet, so it keeps its
        // status and the decision says it came first.
        var reporter = await Browser.SignInAsync(browser.Chromium, Host, $"{region}-professional", outside);
        await reporter.GotoAsync($"/{region}/reports/{reportId}");
        await Assertions.Expect(reporter.Locator("#report-status")).ToHaveTextAsync("Vastaanotettu");
        await Assertions.Expect(reporter.Locator("#timeline [data-before-record]")).ToBeVisibleAsync();
        await Assertions.Expect(reporter.Locator("#timeline")).ToContainTextAsync("selvitetään taloussosiaalityön lisäresurssi");
        await Assertions.Expect(reporter.Locator("#timeline")).ToContainTextAsync("Asiakkuuspäällikkö Salonen");
        await Browser.AssertAccessibleAsync(reporter, "wg-07-reporter-sees-decision");
        // The reporter has no access to the working-group pages.
        await reporter.GotoAsync($"/{region}/working-groups");
        await Assertions.Expect(reporter.Locator("h1")).ToHaveTextAsync("Ei käyttöoikeutta");
        await Browser.AssertAccessibleAsync(reporter, "wg-08-no-access");

        // Communications carries the decision on: a news item naming it is drafted, approved and published, and the
        // intranet picks it up from the region's public feed.
        var communications = await Browser.SignInAsync(browser.Chromium, Host, $"{region}-communications", outside);
        await communications.GotoAsync($"/{region}/communications/publications");
        var newsTitle = $"Johtoryhmä päätti lapsiperheiden toimeentulosta {Guid.NewGuid():N}"[..56];
        await communications.SelectOptionAsync("#kind", "News");
        await communications.SelectOptionAsync("#channel", "Intranet");
        await communications.FillAsync("#title", newsTitle);
        await communications.FillAsync("#body",
            "Johtoryhmä päätti viedä tiedon kuntien hyvinvointiryhmiin. Vastuuhenkilö: Asiakkuuspäällikkö Salonen.");
        await communications.FillAsync("#sourceDecision", $"{bodyName}: Lapsiperheiden toimeentulo");
        await communications.ClickAsync("button[type=submit]:has-text('Tallenna luonnos')");
        await Assertions.Expect(communications.Locator("#publication-status")).ToHaveTextAsync("Luonnos");
        await communications.ClickAsync("button[type=submit]:has-text('Hyväksy')");
        await Assertions.Expect(communications.Locator("#publication-status")).ToHaveTextAsync("Hyväksytty");
        await communications.ClickAsync("button[type=submit]:has-text('Julkaise')");
        await Assertions.Expect(communications.Locator("#publication-status")).ToHaveTextAsync("Julkaistu");
        await Browser.AssertAccessibleAsync(communications, "wg-09-decision-published");
        using (var anonymous = Host.Anonymous())
        {
            var feed = await CommunicationsApiTests.FeedAsync(anonymous, region, "intranet");
            Assert.Contains(feed.Root!.Elements().Where(e => e.Name.LocalName == "entry"),
                e => e.Elements().Any(x => x.Name.LocalName == "title" && x.Value == newsTitle));
        }
        Assert.Empty(outside);
    }

    [Fact]
    public async Task The_nominations_and_budget_pages_work_and_are_accessible_and_another_regions_meeting_is_not_found()
    {
        var outside = new List<string>();
        var supervisor = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-supervisor", outside);
        await supervisor.GotoAsync("/kainuu/working-groups/nominations");
        await Assertions.Expect(supervisor.Locator("#nominations")).ToContainTextAsync("Kajaani");
        await Browser.AssertAccessibleAsync(supervisor, "wg-10-nominations");
        await supervisor.FillAsync("#municipality", "Paltamo");
        await supervisor.FillAsync("#groupName", "Paltamon HYTETU-työryhmä");
        await supervisor.FillAsync("#memberName", "Sosiaalityöntekijä Aino Testi");
        await supervisor.FillAsync("#deputyName", "Sosiaaliohjaaja Olli Testi");
        await supervisor.FillAsync("#decidedBy", "Palvelualuepäällikkö");
        await supervisor.ClickAsync("button[type=submit]:has-text('Kirjaa nimeäminen')");
        await Assertions.Expect(supervisor.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.Locator("#decidedOn")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(supervisor, "wg-11-nominations-refused");
        await supervisor.FillAsync("#decidedOn", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        await supervisor.ClickAsync("button[type=submit]:has-text('Kirjaa nimeäminen')");
        await Assertions.Expect(supervisor.Locator("#nominations")).ToContainTextAsync("Paltamon HYTETU-työryhmä");
        await supervisor.GotoAsync("/kainuu/working-groups/budget");
        await Assertions.Expect(supervisor.Locator("h1")).ToHaveTextAsync("Määrärahaesitykset");
        await Browser.AssertAccessibleAsync(supervisor, "wg-12-budget");

        // A seeded Kymenlaakso meeting opened through Kainuu's pages is simply not there.
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-responsibleperson");
        var bodies = await kymenlaakso.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/v1/regions/kymenlaakso/bodies");
        var detail = await kymenlaakso.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(
            $"/api/v1/regions/kymenlaakso/bodies/{bodies![0]!["id"]}");
        var meetingId = detail!["meetings"]![0]!["id"]!.GetValue<Guid>();
        await supervisor.GotoAsync($"/kainuu/meetings/{meetingId}");
        await Assertions.Expect(supervisor.Locator("h1")).ToHaveTextAsync("Kokousta ei löydy tältä alueelta.");
        await Browser.AssertAccessibleAsync(supervisor, "wg-13-other-region-meeting");

        // The demo working group of Kainuu with its seeded meeting, as a working-group member sees it.
        var member = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-workinggroupmember", outside);
        await member.GotoAsync("/kainuu/working-groups");
        await member.ClickAsync("#bodies a:has-text('RAKE-työryhmä')");
        await Assertions.Expect(member.Locator("#members")).ToContainTextAsync("Puheenjohtaja");
        await member.ClickAsync("#meetings a >> nth=0");
        await Assertions.Expect(member.Locator("#agenda")).ToContainTextAsync("Ajankohtaiset RAKE-asiat");
        await Browser.AssertAccessibleAsync(member, "wg-14-demo-meeting");
        Assert.Empty(outside);
    }
}
