using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.Host.Platform;
using Rake.Modules.Communications.Features.Notify;

namespace Rake.Host.Tests;

/// <summary>
/// Notices that reach people through the real delivery queue and SMTP (issue 14): a supervisor is told of a new report,
/// a report is passed to another supervisor (in the browser: <see cref="ReassignmentBrowserTests"/>), a Swedish-speaking
/// supervisor is told in Swedish, and a person's notice settings refuse what is not allowed.
/// </summary>
[Collection(MailHostCollection.Name)]
public sealed class NotificationAndReassignmentTests(MailHost mail)
{
    private readonly MailSteps steps = new(mail);

    private RakeTestHost Host => mail.Host;

    [Fact]
    public async Task A_supervisor_passes_a_report_on_and_the_new_supervisor_and_the_reporter_are_told_by_e_mail_and_in_the_app()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        var (id, number, location) = await Reports.SubmitAsync(professional, "kainuu");
        await steps.DeliverAsync();
        Assert.Contains(steps.Received("kainuu-supervisor@demo.rake.invalid"),
            m => m.Subject == $"Uusi ilmoitus nro {number} odottaa käsittelyäsi" && m.Body.Contains($"/kainuu/reports/{id}"));

        var other = await steps.SupervisorAsync("kainuu");
        var elsewhere = await steps.SupervisorAsync("kymenlaakso");
        await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{location}/reassignment",
            new { supervisor = other.UserName }), HttpStatusCode.BadRequest);
        var problem = await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{location}/reassignment",
            new { supervisor = elsewhere.UserName, reason = "Lomalla" }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["supervisor"]);
        await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{location}/reassignment",
            new { supervisor = "kainuu-supervisor", reason = "Sama" }), HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{location}/reassignment",
            new { supervisor = other.UserName, reason = "Lomalla" }), HttpStatusCode.Forbidden);

        var moved = await supervisor.PostAsJsonAsync($"{location}/reassignment",
            new { supervisor = other.UserName, reason = "Olen lomalla elokuun" });
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        Assert.Equal(other.UserName, (await moved.Content.ReadFromJsonAsync<JsonObject>())!["supervisorUserName"]!.GetValue<string>());
        await steps.DeliverAsync();

        var toNew = Assert.Single(steps.Received($"{other.UserName}@example.invalid"));
        Assert.Equal($"Ilmoitus nro {number} siirrettiin sinulle", toNew.Subject);
        Assert.Contains($"/kainuu/reports/{id}", toNew.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("asunnottomuus", toNew.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lomalla", toNew.Body, StringComparison.OrdinalIgnoreCase);

        using var newSupervisor = await Host.ClientFor(other.UserName);
        var report = (await newSupervisor.GetFromJsonAsync<JsonObject>(location))!;
        Assert.Equal(other.UserName, report["supervisor"]!["userName"]!.GetValue<string>());
        Assert.Contains(report["timeline"]!.AsArray(), e => (string?)e!["comment"] == $"Siirretty esihenkilölle {other.DisplayName}. " +
            "Syy: Olen lomalla elokuun");
        var notices = (await professional.GetFromJsonAsync<JsonArray>($"{MailSteps.Api("kainuu")}/notifications"))!;
        Assert.Contains(notices, n => (string?)n!["kind"] == "reassigned" && n["reportNumber"]!.GetValue<int>() == number);
        var inbox = (await newSupervisor.GetFromJsonAsync<JsonArray>($"{MailSteps.Api("kainuu")}/notifications"))!;
        Assert.Contains(inbox, n => (string?)n!["kind"] == "received" && n["reportNumber"]!.GetValue<int>() == number);

        // Passed on once it has left the supervisor's step: refused with a conflict.
        (await newSupervisor.PutAsJsonAsync($"{location}/supervisor-record", new { coreOfReport = "Ydin" })).EnsureSuccessStatusCode();
        (await newSupervisor.PostAsJsonAsync($"{location}/status-changes", new { status = "ToWorkingGroup" })).EnsureSuccessStatusCode();
        await Reports.ReadProblemAsync(await newSupervisor.PostAsJsonAsync($"{location}/reassignment",
            new { supervisor = "kainuu-supervisor", reason = "Takaisin" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_Swedish_speaking_supervisor_is_told_in_Swedish_and_notice_settings_refuse_what_is_not_allowed()
    {
        var swede = await steps.SupervisorAsync("keski-suomi");
        using var client = await Host.ClientFor(swede.UserName);
        var saved = await client.PutAsJsonAsync($"{MailSteps.Api("keski-suomi")}/me/notification-settings", new
        {
            language = "sv",
            kinds = new[] { new { kind = "YearlySummary", channel = "Off" } },
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var settings = (await client.GetFromJsonAsync<JsonObject>($"{MailSteps.Api("keski-suomi")}/me/notification-settings"))!;
        Assert.Equal("sv", settings["language"]!.GetValue<string>());
        Assert.Contains(settings["kinds"]!.AsArray(), k => (string?)k!["kind"] == "YearlySummary" && (string?)k["channel"] == "Off");
        // Another region keeps its own settings.
        var kainuu = await client.GetAsync($"{MailSteps.Api("kainuu")}/me/notification-settings");
        Assert.Equal(HttpStatusCode.Forbidden, kainuu.StatusCode);

        var problem = await Reports.ReadProblemAsync(await client.PutAsJsonAsync($"{MailSteps.Api("keski-suomi")}/me/notification-settings",
            new { kinds = new[] { new { kind = "AssignmentOverdue", channel = "Off" } } }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["kinds[0].channel"]);
        await Reports.ReadProblemAsync(await client.PutAsync($"{MailSteps.Api("keski-suomi")}/me/notification-settings",
            new StringContent("""{"language":5}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        using var professional = await Host.ClientFor("keski-suomi-professional");
        using var supervisor = await Host.ClientFor("keski-suomi-supervisor");
        var (_, number, location) = await Reports.SubmitAsync(professional, "keski-suomi");
        (await supervisor.PostAsJsonAsync($"{location}/reassignment", new { supervisor = swede.UserName, reason = "Ruotsinkielinen" }))
            .EnsureSuccessStatusCode();
        await steps.DeliverAsync();

        var mailed = Assert.Single(steps.Received($"{swede.UserName}@example.invalid"));
        Assert.Equal($"Rapport nr {number} har överförts till dig", mailed.Subject);
        Assert.StartsWith($"Rapport nr {number} har överförts till dig för behandling.", mailed.Body, StringComparison.Ordinal);
        var notices = (await client.GetFromJsonAsync<JsonArray>($"{MailSteps.Api("keski-suomi")}/me/notices"))!;
        Assert.Contains(notices, n => ((string?)n!["text"])!.Contains($" {number} ", StringComparison.Ordinal));

        // However often the sweep and the event delivery run, the notice of the report is not sent again.
        var sweep = Host.Services.GetRequiredService<NotificationSweep>();
        await sweep.SweepAsync(CancellationToken.None);
        await sweep.SweepAsync(CancellationToken.None);
        await steps.DeliverAsync();
        Assert.Single(steps.Received($"{swede.UserName}@example.invalid"), m => m.Subject == mailed.Subject);
    }
}
