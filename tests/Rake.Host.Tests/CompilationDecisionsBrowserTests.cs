using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Communications.Features.Notify;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Host.Tests;

/// <summary>
/// The whole loop in the browser: a report, the supervisor's record, the steering group's decision on the compilation in its
/// form, the assignment it gives and its result; the reporter follows each step on the report's timeline, in Finnish and
/// Swedish, and is told by e-mail (the mail host's SMTP sink) as the handling moves on and as the assignment is given and done.
/// The assignee's reminders come on the mail host's clock, which the test moves on and puts back (docs/adr/0181).
/// </summary>
[Collection(MailHostCollection.Name)]
public sealed class CompilationDecisionsBrowserTests(MailHost mail, Browser browser) : IClassFixture<Browser>
{
    private const string Region = "kymenlaakso";

    // A real half-year can hold this many reports, and the whole-suite run fills the current one with other classes' reports.
    // The form once rendered a live person picker per report and did not become usable in time with this many (ADR 0169).
    private const int FilledPeriod = 45;

    private readonly MailSteps steps = new(mail);

    private RakeTestHost Host => mail.Host;

    /// <summary>A reporter of their own, so the e-mails the test reads are this report's alone.</summary>
    private async Task<string> ReporterAsync()
    {
        var (id, userName) = await Host.CreateAccountAsync("rep");
        using var admin = await Host.ClientFor($"{Region}-regionadmin");
        var given = await admin.PostAsJsonAsync($"{MailSteps.Api(Region)}/people/{id}/roles", new { role = "Professional" });
        Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
        using var self = await Host.ClientFor(userName);
        var chosen = await self.PutAsJsonAsync($"{MailSteps.Api(Region)}/me/notification-settings",
            new { kinds = new[] { new { kind = "ReportProgress", channel = "Email" } } });
        Assert.True(chosen.IsSuccessStatusCode, await chosen.Content.ReadAsStringAsync());
        return userName;
    }

    /// <summary>Tops the period up to <see cref="FilledPeriod"/> reports, as the whole suite leaves it.</summary>
    private async Task FillPeriodAsync(HttpClient professional, string period)
    {
        int count;
        await using (var scope = Host.RegionScope(Region))
        {
            count = (await scope.ServiceProvider.GetRequiredService<IReportingApi>().CompileAsync(period, default))!.Reports.Count;
        }
        var missing = Enumerable.Range(0, Math.Max(0, FilledPeriod - count)).ToList();
        foreach (var batch in missing.Chunk(5))
        {
            await Task.WhenAll(batch.Select(i =>
                Reports.SubmitAsync(professional, Region, Reports.Valid(Region, $"Täyte {i}: kotihoito"))));
        }
    }

    [Fact]
    public async Task The_reporter_sees_the_record_the_steering_groups_decision_the_assignment_and_its_result()
    {
        var outside = new List<string>();
        var reporterName = await ReporterAsync();
        using var responsibleApi = await Host.ClientFor($"{Region}-responsibleperson");
        using var steeringApi = await Host.ClientFor($"{Region}-steeringgroupmember");
        using var professionalApi = await Host.ClientFor($"{Region}-professional");
        using var reporterApi = await Host.ClientFor(reporterName);
        using var supervisorApi = await Host.ClientFor($"{Region}-supervisor");
        var body = await WorkingGroupApiTests.CreateBodyAsync(responsibleApi, Region, "SteeringGroup");
        var meeting = await WorkingGroupApiTests.ScheduleAsync(steeringApi, Region, body["id"]!.GetValue<Guid>(), DateTimeOffset.UtcNow,
            "Johtoryhmä: puolivuotiskooste");
        var meetingId = meeting["meeting"]!["id"]!.GetValue<Guid>();
        string period;
        await using (var scope = Host.RegionScope(Region))
        {
            var reporting = scope.ServiceProvider.GetRequiredService<IReportingApi>();
            var today = Helsinki.ToLocalDate(DateTimeOffset.UtcNow);
            IReadOnlyList<ReportingPeriodInfo> periods =
                [.. await reporting.PeriodsAsync(today.Year, default), .. await reporting.PeriodsAsync(today.Year + 1, default)];
            period = periods.Where(p => p.From <= today && today <= p.To).OrderBy(p => p.To.DayNumber - p.From.DayNumber).First().Id;
        }
        await FillPeriodAsync(professionalApi, period);
        var title = $"Omaishoitajien jaksaminen {Guid.NewGuid():N}"[..34];
        var (reportId, number, location) = await Reports.SubmitAsync(reporterApi, Region, Reports.Valid(Region, title));

        // The supervisor records the processing and takes the report to the working group.
        Assert.Equal(HttpStatusCode.OK, (await supervisorApi.PutAsJsonAsync($"{location}/supervisor-record",
            ProcessingApiTests.Record("Omaishoitajien jaksaminen"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisorApi.PostAsJsonAsync($"{location}/status-changes",
            new { status = "ToWorkingGroup", comment = "Viedään koosteeseen." })).StatusCode);

        // The steering group sees the period's phenomena with their state and decides on one at a time.
        var steering = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-steeringgroupmember", outside);
        await steering.GotoAsync($"/{Region}/meetings/{meetingId}/compilation-decisions?period={period}");
        var row = steering.Locator($"#phenomenon-{number}");
        await Assertions.Expect(row).ToContainTextAsync(title);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "open");
        Assert.True(await steering.Locator("#phenomena li").CountAsync() >= FilledPeriod);
        await Browser.AssertAccessibleAsync(steering, "loop-01-phenomena");
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(steering.Locator("#decision-heading")).ToContainTextAsync(title);
        await InteractiveSteps.WaitForIslandAsync(steering, ".rake-person-picker:has(#responsible)");
        await Browser.AssertAccessibleAsync(steering, "loop-02-decision-form");

        // A form sent without an outcome opens on its error summary, with what was typed kept.
        await steering.FillAsync("#reasons", "Jaksamisen tuki puuttuu kolmessa kunnassa.");
        await steering.ClickAsync("#decision-form button[type=submit]");
        await Assertions.Expect(steering.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(steering.Locator("#reasons")).ToHaveValueAsync("Jaksamisen tuki puuttuu kolmessa kunnassa.");

        await steering.CheckAsync("#outcome-FollowUpAction");
        await steering.FillAsync("#action", "Selvitä omaishoidon vapaiden sijaisjärjestelyt");
        var dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        await steering.FillAsync("#dueDate", dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var offered = await InteractiveSteps.SearchPersonAsync(steering, "responsible", $"{Region}-workinggroupmember");
        await offered.First.ClickAsync();
        await Assertions.Expect(steering.Locator("input[name=responsibleUserName]")).ToHaveValueAsync($"{Region}-workinggroupmember");
        await Browser.NavigateAsync(steering, () => steering.ClickAsync("#decision-form button[type=submit]:has-text('Tallenna päätös')"));
        await steering.WaitForURLAsync($"**/meetings/{meetingId}/compilation-decisions?period={period}&saved={number}");
        // Saved: the notice has the focus and offers the next phenomenon still to decide; the list shows the state.
        var notice = steering.Locator("#decision-saved");
        await Assertions.Expect(notice).ToBeFocusedAsync();
        await Assertions.Expect(notice).ToContainTextAsync(title);
        await Assertions.Expect(notice.Locator("a")).ToContainTextAsync("Seuraava päättämätön ilmiö");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "decided");
        await Assertions.Expect(row).ToContainTextAsync("Päätetty: Jatkotoimenpide");
        await steering.GotoAsync($"/{Region}/meetings/{meetingId}");
        await Assertions.Expect(steering.Locator("#decisions")).ToContainTextAsync("Jaksamisen tuki puuttuu");
        await steps.DeliverAsync();
        await RemindersOnTheMovedClockAsync(dueDate);

        // The assignee marks the assignment done with its result.
        var assignee = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-workinggroupmember", outside);
        await assignee.GotoAsync($"/{Region}/assignments/mine");
        await InteractiveSteps.WaitForIslandAsync(assignee, "#my-assignments");
        var listed = assignee.Locator("#my-assignments a", new() { HasText = "Selvitä omaishoidon vapaiden sijaisjärjestelyt" });
        await listed.ClickAsync();
        var form = assignee.Locator("#update-assignment");
        await form.Locator("select[name=status]").SelectOptionAsync("Done");
        await form.Locator("textarea[name=followUp]").FillAsync("Sijaisjärjestely sovittu kaikkiin kuntiin.");
        await Browser.NavigateAsync(assignee, () => form.Locator("button[type=submit]").ClickAsync());
        // A done assignment leaves the list of open ones.
        await assignee.WaitForURLAsync("**/assignments/mine?saved=1");
        await Assertions.Expect(assignee.Locator("#my-assignments a", new() { HasText = "Selvitä omaishoidon vapaiden sijaisjärjestelyt" }))
            .ToHaveCountAsync(0);
        await steps.DeliverAsync();

        // The reporter follows the whole chain on the report's timeline.
        var reporter = await Browser.SignInAsync(browser.Chromium, Host, reporterName, outside);
        await reporter.GotoAsync($"/{Region}/reports/{reportId}");
        await Assertions.Expect(reporter.Locator("#report-status")).ToHaveTextAsync("Päätetty");
        var timeline = reporter.Locator("#timeline");
        await Assertions.Expect(timeline.Locator("li[data-kind=Status]", new() { HasText = "Viedään koosteeseen." })).ToHaveCountAsync(1);
        var decision = timeline.Locator("li[data-kind=Decision]");
        await Assertions.Expect(decision).ToContainTextAsync("Päätös: jatkotoimenpide");
        await Assertions.Expect(decision).ToContainTextAsync("Jaksamisen tuki puuttuu kolmessa kunnassa.");
        await Assertions.Expect(decision.Locator("[data-before-record]")).ToHaveCountAsync(0);
        await Assertions.Expect(timeline.Locator("li[data-kind=FollowUp]")).ToContainTextAsync("Toimeksianto annettu");
        await Assertions.Expect(timeline.Locator("li[data-kind=FollowUp]"))
            .ToContainTextAsync("Selvitä omaishoidon vapaiden sijaisjärjestelyt");
        var ended = timeline.Locator("li[data-kind=FollowUpEnded]");
        await Assertions.Expect(ended).ToContainTextAsync("Toimeksianto tehty");
        await Assertions.Expect(ended).ToContainTextAsync("Sijaisjärjestely sovittu kaikkiin kuntiin.");
        await Browser.AssertAccessibleAsync(reporter, "loop-02-reporter-timeline");

        // In Swedish the same steps are worded in Swedish.
        await reporter.GotoAsync($"/account/culture?culture=sv&returnUrl=/{Region}/reports/{reportId}");
        await Assertions.Expect(reporter.Locator("#timeline li[data-kind=FollowUpEnded]")).ToContainTextAsync("Uppdraget utfört");
        await Assertions.Expect(reporter.Locator("#timeline li[data-kind=Decision]")).ToContainTextAsync("Beslut: fortsatt åtgärd");
        Assert.Empty(outside);

        // Each move of the handling reached the reporter by e-mail: the record, the working group, the decision; and so did the
        // assignment the decision gave and its result, each once.
        var mails = steps.Received($"{reporterName}@example.invalid");
        Assert.Equal(5, mails.Count);
        var moves = mails.Where(m => m.Subject == $"Sosiaalisen raporttisi #{number} käsittely eteni").ToList();
        foreach (var status in new[] { "esihenkilöllä", "työryhmässä", "päätetty" })
        {
            Assert.Single(moves, m => m.Body.Contains($"käsittely eteni: {status}.", StringComparison.Ordinal));
        }
        var given = Assert.Single(mails, m => m.Subject == $"Sosiaalisen raporttisi #{number} päätökselle jatkotoimi");
        Assert.Contains($"jatkotoimi: toimeksianto annettu, määräpäivä {Day(dueDate)}.", given.Body, StringComparison.Ordinal);
        var done = Assert.Single(mails, m => m.Subject == $"Sosiaalisen raporttisi #{number} jatkotoimesta on tulos");
        Assert.Contains("jatkotoimi: toimeksianto tehty. Tulos: Sijaisjärjestely sovittu kaikkiin kuntiin.", done.Body,
            StringComparison.Ordinal);
        Assert.All(mails, m => Assert.Contains($"/{Region}/reports/{reportId}", m.Body, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.DoesNotContain("omaishoi", m.Body, StringComparison.OrdinalIgnoreCase));
    }

    private static string Day(DateOnly date) => date.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The assignee's reminders of the assignment due on <paramref name="dueDate"/> (30 days on): the clock moves into the
    /// due-soon window, then past the due date; each reminder goes once however often the sweep and the delivery run. The clock
    /// is put back before the test goes on, so the browser steps and the classes after this one run on the real time.
    /// </summary>
    private async Task RemindersOnTheMovedClockAsync(DateOnly dueDate)
    {
        var sweep = Host.Services.GetRequiredService<NotificationSweep>();
        var address = $"{Region}-workinggroupmember@demo.rake.invalid";
        var dueSoon = $"Tehtäväsi määräpäivä lähestyy ({Day(dueDate)})";
        var overdue = $"Tehtäväsi on myöhässä (määräpäivä {Day(dueDate)})";
        int Count(string subject) => steps.Received(address).Count(m => m.Subject == subject);
        async Task SweepTwiceAsync()
        {
            await sweep.SweepAsync(CancellationToken.None);
            await steps.DeliverAsync();
            await sweep.SweepAsync(CancellationToken.None);
            await steps.DeliverAsync();
        }

        try
        {
            // Today the assignment is new, neither due soon nor late.
            await SweepTwiceAsync();
            Assert.Equal((0, 0), (Count(dueSoon), Count(overdue)));
            // 28 days on, Helsinki's date is one or two days before the due date: inside the window of three days.
            mail.Clock.Advance(TimeSpan.FromDays(28));
            await SweepTwiceAsync();
            Assert.Equal((1, 0), (Count(dueSoon), Count(overdue)));
            // 32 days on, the due date has passed and the assignment is not done.
            mail.Clock.Advance(TimeSpan.FromDays(4));
            await SweepTwiceAsync();
            Assert.Equal((1, 1), (Count(dueSoon), Count(overdue)));
            var late = Assert.Single(steps.Received(address), m => m.Subject == overdue);
            Assert.Contains($"/{Region}/assignments/mine", late.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("omaishoi", late.Body, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            mail.Clock.Reset();
        }
    }
}
