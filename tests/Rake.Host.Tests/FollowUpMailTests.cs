using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Communications.Features.Notify;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Host.Tests;

/// <summary>
/// What a decision set going reaches the reporters by e-mail, not only on the timeline (issue 14, docs/adr/0181): the assignment
/// given, a proposal made and how each ended, with the recorded result; once per step, in the reporter's language, never with the
/// follow-up's title or the report's text, and not to a reporter who turned progress notices off.
/// </summary>
[Collection(MailHostCollection.Name)]
public sealed class FollowUpMailTests(MailHost mail)
{
    private const string Region = "keski-suomi";

    private readonly MailSteps steps = new(mail);

    private RakeTestHost Host => mail.Host;

    private static string Api => MailSteps.Api(Region);

    /// <summary>A professional of their own who chose <paramref name="channel"/> for their reports' progress, in
    /// <paramref name="language"/>.</summary>
    private async Task<(string UserName, HttpClient Client)> ReporterAsync(string channel, string language)
    {
        var (id, userName) = await Host.CreateAccountAsync("rep");
        using var admin = await Host.ClientFor($"{Region}-regionadmin");
        var given = await admin.PostAsJsonAsync($"{Api}/people/{id}/roles", new { role = "Professional" });
        Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
        var client = await Host.ClientFor(userName);
        var chosen = await client.PutAsJsonAsync($"{Api}/me/notification-settings",
            new { language, kinds = new[] { new { kind = "ReportProgress", channel } } });
        Assert.True(chosen.IsSuccessStatusCode, await chosen.Content.ReadAsStringAsync());
        return (userName, client);
    }

    private async Task<string> CurrentPeriodAsync()
    {
        await using var scope = Host.RegionScope(Region);
        var reporting = scope.ServiceProvider.GetRequiredService<IReportingApi>();
        var today = Helsinki.ToLocalDate(DateTimeOffset.UtcNow);
        IReadOnlyList<ReportingPeriodInfo> periods =
            [.. await reporting.PeriodsAsync(today.Year, default), .. await reporting.PeriodsAsync(today.Year + 1, default)];
        return periods.Where(p => p.From <= today && today <= p.To).OrderBy(p => p.To.DayNumber - p.From.DayNumber).First().Id;
    }

    private static async Task<Guid> ProposeAsync(HttpClient steering, Guid meetingId, Guid decisionId, string title)
    {
        var proposed = await steering.PostAsJsonAsync($"{Api}/meetings/{meetingId}/action-proposals",
            new { title, targetKind = "Municipality", target = "Jyväskylä", decisionId });
        Assert.True(proposed.StatusCode == HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        return (await proposed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task Each_follow_up_step_reaches_the_reporter_by_e_mail_once_in_their_language_unless_they_turned_it_off()
    {
        var finn = await ReporterAsync("Email", "fi");
        var swede = await ReporterAsync("Email", "sv");
        var off = await ReporterAsync("Off", "fi");
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        using var steering = await Host.ClientFor($"{Region}-steeringgroupmember");
        using var assignee = await Host.ClientFor($"{Region}-workinggroupmember");
        var body = await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "SteeringGroup");
        var meeting = await WorkingGroupApiTests.ScheduleAsync(steering, Region, body["id"]!.GetValue<Guid>(), DateTimeOffset.UtcNow,
            "Johtoryhmä: puolivuotiskooste");
        var meetingId = meeting["meeting"]!["id"]!.GetValue<Guid>();
        var numbers = new Dictionary<string, (Guid Id, int Number)>();
        foreach (var (userName, client) in new[] { finn, swede, off })
        {
            var (id, number, _) = await Reports.SubmitAsync(client, Region, Reports.Valid(Region, "Päihdepalvelujen jonot"));
            numbers[userName] = (id, number);
        }

        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        var decided = await steering.PostAsJsonAsync($"{Api}/meetings/{meetingId}/compilation-decisions", new
        {
            periodId = await CurrentPeriodAsync(),
            decisions = new[]
            {
                new
                {
                    phenomenon = "Päihdepalvelut", outcome = "FollowUpAction", reasons = "Jonot kolmessa kunnassa.",
                    responsible = $"{Region}-workinggroupmember", action = "Kartoita katkaisuhoidon paikat", dueDate = due,
                    reportNumbers = numbers.Values.Select(n => n.Number).ToArray(),
                },
            },
        });
        Assert.True(decided.StatusCode == HttpStatusCode.Created, await decided.Content.ReadAsStringAsync());
        var saved = (await decided.Content.ReadFromJsonAsync<JsonObject>())!;
        var decisionId = saved["decisions"]![0]!["id"]!.GetValue<Guid>();
        var assignmentId = Assert.Single(saved["assignments"]!.AsArray())!["id"]!.GetValue<Guid>();
        var accepted = await ProposeAsync(steering, meetingId, decisionId, "Päihdetyön lisäresurssi");
        var rejected = await ProposeAsync(steering, meetingId, decisionId, "Uusi katkaisuhoitoyksikkö");
        Assert.Equal(HttpStatusCode.OK, (await steering.PutAsJsonAsync($"{Api}/action-proposals/{accepted}/status",
            new { status = "Accepted", result = "Kunta hyväksyi\nehdotuksen." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await steering.PutAsJsonAsync($"{Api}/action-proposals/{rejected}/status",
            new { status = "Rejected" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await assignee.PutAsJsonAsync($"{Api}/assignments/{assignmentId}",
            new { status = "Done", followUp = "Kartoitettu: 4 paikkaa." })).StatusCode);
        await steps.DeliverAsync();
        // Delivering again and sweeping sends nothing twice.
        await Host.Services.GetRequiredService<NotificationSweep>().SweepAsync(CancellationToken.None);
        await steps.DeliverAsync();

        var day = due.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        var finnNumber = numbers[finn.UserName].Number;
        var toFinn = steps.Received($"{finn.UserName}@example.invalid")
            .Where(m => m.Subject.Contains("jatkotoim", StringComparison.Ordinal)).ToList();
        string[] finnishLines =
        [
            $"Ilmoituksesi nro {finnNumber} päätöksen jatkotoimi: toimeksianto annettu, määräpäivä {day}.",
            $"Ilmoituksesi nro {finnNumber} päätöksen jatkotoimi: toimenpide-ehdotus tehty.",
            $"Ilmoituksesi nro {finnNumber} päätöksen jatkotoimi: toimenpide-ehdotus hyväksytty. Tulos: Kunta hyväksyi ehdotuksen.",
            $"Ilmoituksesi nro {finnNumber} päätöksen jatkotoimi: toimenpide-ehdotus hylätty.",
            $"Ilmoituksesi nro {finnNumber} päätöksen jatkotoimi: toimeksianto tehty. Tulos: Kartoitettu: 4 paikkaa.",
        ];
        // Two proposals were made: one mail each; every other step once.
        Assert.Equal(6, toFinn.Count);
        Assert.Equal(2, toFinn.Count(m => m.Body.StartsWith(finnishLines[1], StringComparison.Ordinal)));
        foreach (var line in finnishLines.Except([finnishLines[1]]))
        {
            Assert.Single(toFinn, m => m.Body.StartsWith(line, StringComparison.Ordinal));
        }
        Assert.Equal(2, toFinn.Count(m => m.Subject == $"Sosiaalisen raporttisi #{finnNumber} jatkotoimesta on tulos"
            && m.Body.Contains("Tulos:", StringComparison.Ordinal)));
        Assert.All(toFinn, m => Assert.Contains($"/{Region}/reports/{numbers[finn.UserName].Id}", m.Body, StringComparison.Ordinal));

        // In Swedish for the reporter who chose Swedish.
        var swedeNumber = numbers[swede.UserName].Number;
        var toSwede = steps.Received($"{swede.UserName}@example.invalid")
            .Where(m => m.Subject.StartsWith("Uppföljning", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, toSwede.Count);
        Assert.Single(toSwede, m => m.Subject == $"Uppföljning av beslutet om din rapport #{swedeNumber}"
            && m.Body.StartsWith($"Uppföljning av beslutet om din rapport nr {swedeNumber}: uppdrag givet, förfallodag {day}.",
                StringComparison.Ordinal));
        var swedishDone = $"Uppföljning av beslutet om din rapport nr {swedeNumber}: uppdraget utfört. Resultat: Kartoitettu: 4 paikkaa.";
        Assert.Single(toSwede, m => m.Subject == $"Uppföljningen av din rapport #{swedeNumber} har ett resultat"
            && m.Body.StartsWith(swedishDone, StringComparison.Ordinal));

        // Nothing for the reporter who turned their progress notices off, as with the status mails.
        Assert.Empty(steps.Received($"{off.UserName}@example.invalid"));

        // The titles of the follow-ups and the report's own text stay in the system.
        foreach (var m in toFinn.Concat(toSwede))
        {
            foreach (var secret in new[] { "Päihde", "katkaisuhoi", "Kartoita katkaisu", "Nuorten aikuisten" })
            {
                Assert.DoesNotContain(secret, m.Subject + m.Body, StringComparison.OrdinalIgnoreCase);
            }
        }
        foreach (var (_, client) in new[] { finn, swede, off })
        {
            client.Dispose();
        }
    }

    [Fact]
    public void A_result_is_quoted_on_one_line_clipped_and_never_with_an_identity_code()
    {
        Assert.Equal("Kunta hyväksyi ehdotuksen.", NotifyReportersOfFollowUp.Result(" Kunta hyväksyi\r\n ehdotuksen. "));
        Assert.Null(NotifyReportersOfFollowUp.Result("  "));
        Assert.Null(NotifyReportersOfFollowUp.Result("Asiakas 131052-308T"));
        var clipped = NotifyReportersOfFollowUp.Result(new string('a', 600))!;
        Assert.Equal(NotifyReportersOfFollowUp.ResultMax, clipped.Length);
        Assert.EndsWith("…", clipped, StringComparison.Ordinal);
    }
}
