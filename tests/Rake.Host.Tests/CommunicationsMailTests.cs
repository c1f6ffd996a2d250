using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rake.Modules.Communications.Features.Mail;
using Rake.Modules.Communications.Persistence;

namespace Rake.Host.Tests;

/// <summary>
/// A host whose mail goes to a real SMTP server in the test process; tests drive delivery rounds (the worker is off). Its clock
/// is the real time unless a test moves it (<see cref="Clock"/>, docs/adr/0181); that test puts it back before it ends.
/// </summary>
public sealed class MailHost : IAsyncLifetime
{
    public RakeTestHost Host { get; private set; } = default!;
    public SmtpSink Sink { get; private set; } = default!;
    public ShiftedClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        Sink = await SmtpSink.StartNewAsync();
        Host = await RakeTestHost.StartAsync(configure: builder =>
        {
            builder.Configuration["Communications:Smtp:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Configuration["Communications:Smtp:From"] = "rake@test.invalid";
            builder.Configuration["Communications:Smtp:WorkerEnabled"] = "false";
            builder.Host.UseServiceProviderFactory(new ClockSwappingFactory(Clock));
        });
    }

    public Task<int> DeliverMailAsync() => Host.Services.GetRequiredService<MailDeliveryWorker>().DeliverDueAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MailHostCollection : ICollectionFixture<MailHost>
{
    public const string Name = "Rake host with an SMTP sink";
}

[Collection(MailHostCollection.Name)]
public sealed class CommunicationsMailTests(MailHost mail)
{
    private RakeTestHost Host => mail.Host;

    private static string Base(string region) => $"/api/v1/regions/{region}";

    private async Task<Guid> NewListAsync(HttpClient client, string region, params string[] emails)
    {
        var response = await client.PostAsJsonAsync($"{Base(region)}/distribution-lists", new
        {
            name = $"Lista {Guid.NewGuid():N}",
            description = "Testi",
            members = emails.Select(e => new { email = e, name = "Jäsen" }),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private List<SinkMessage> Received(string to) => mail.Sink.Messages().Where(m => m.Recipients.Contains(to)).ToList();

    [Fact]
    public async Task A_mail_to_a_distribution_list_arrives_in_the_smtp_sink_for_every_member()
    {
        using var comms = await Host.ClientFor("kymenlaakso-communications");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (a, b) = ($"a-{tag}@kymenlaakso.test.invalid", $"b-{tag}@kymenlaakso.test.invalid");
        var list = await NewListAsync(comms, "kymenlaakso", a, b, a.ToUpperInvariant());
        var sent = await comms.PostAsJsonAsync($"{Base("kymenlaakso")}/distribution-lists/{list}/messages",
            new { subject = $"Toimialainfo syyskuussa {tag}", body = "Tervetuloa toimialainfoon! Käsittelemme puolivuotiskoosteen." });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(2, (await sent.Content.ReadFromJsonAsync<JsonArray>())!.Count);

        Assert.True(await mail.DeliverMailAsync() >= 2);
        foreach (var to in new[] { a, b })
        {
            var message = Assert.Single(Received(to));
            Assert.Equal([to], message.Recipients);
            Assert.Equal($"Toimialainfo syyskuussa {tag}", message.Subject);
            Assert.Contains("Käsittelemme puolivuotiskoosteen.", message.Body);
            Assert.Equal("rake@test.invalid", message.EnvelopeFrom);
            Assert.Equal("rake@test.invalid", Assert.Single(message.Message.From.Mailboxes).Address);
            Assert.Equal(to, Assert.Single(message.Message.To.Mailboxes).Address);
            Assert.Null(message.AuthenticatedUser);
        }
        var deliveries = await comms.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/mail-deliveries?status=Sent");
        var ours = deliveries!.Where(d => d!["subject"]!.GetValue<string>().EndsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ours.Count);
        // Each message carries its delivery's id, so a bounce or a duplicate can be traced to the row.
        Assert.Equal<string?>(ours.Select(d => d!["id"]!.GetValue<Guid>().ToString("D")).Order().ToList(),
            new[] { a, b }.Select(to => Received(to).Single().Header(SmtpMailSender.DeliveryHeader)).Order().ToList());
    }

    [Fact]
    public async Task With_the_sink_down_mail_is_retried_then_shown_as_failed_and_sent_when_retried_by_hand()
    {
        using var comms = await Host.ClientFor("kainuu-communications");
        var to = $"down-{Guid.NewGuid():N}@kainuu.test.invalid";
        var list = await NewListAsync(comms, "kainuu", to);
        await mail.Sink.StopAsync();
        try
        {
            var sent = await comms.PostAsJsonAsync($"{Base("kainuu")}/distribution-lists/{list}/messages",
                new { subject = "Kokouskutsu", body = "RAKE-työryhmä kokoontuu." });
            var id = (await sent.Content.ReadFromJsonAsync<JsonArray>())![0]!["id"]!.GetValue<Guid>();
            await mail.DeliverMailAsync();
            var first = await DeliveryAsync(comms, id);
            Assert.Equal("Pending", first["status"]!.GetValue<string>());
            Assert.Equal(1, first["attempts"]!.GetValue<int>());
            Assert.False(string.IsNullOrWhiteSpace(first["lastError"]?.GetValue<string>()));
            Assert.True(first["nextAttemptAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
            // Not due yet: another round does not try it.
            await mail.DeliverMailAsync();
            Assert.Equal(1, (await DeliveryAsync(comms, id))["attempts"]!.GetValue<int>());

            for (var attempt = 2; attempt <= 5; attempt++)
            {
                await MakeDueAsync("kainuu", id);
                await mail.DeliverMailAsync();
            }
            var failed = await DeliveryAsync(comms, id);
            Assert.Equal("Failed", failed["status"]!.GetValue<string>());
            Assert.Equal(5, failed["attempts"]!.GetValue<int>());
            Assert.Contains(await comms.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/mail-deliveries?status=Failed") ?? [],
                d => d!["id"]!.GetValue<Guid>() == id);
            await MakeDueAsync("kainuu", id);
            await mail.DeliverMailAsync();
            Assert.Equal(5, (await DeliveryAsync(comms, id))["attempts"]!.GetValue<int>());
            Assert.Empty(Received(to));
        }
        finally
        {
            await mail.Sink.StartAsync();
        }
        var failedId = (await comms.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/mail-deliveries?status=Failed"))!
            .First(d => d!["to"]!.GetValue<string>() == to)!["id"]!
            .GetValue<Guid>();
        using var professional = await Host.ClientFor("kainuu-professional");
        await Reports.ReadProblemAsync(await professional.PostAsync($"{Base("kainuu")}/mail-deliveries/{failedId}/retry", null),
            HttpStatusCode.Forbidden);
        var retried = await comms.PostAsync($"{Base("kainuu")}/mail-deliveries/{failedId}/retry", null);
        Assert.Equal("Pending", (await retried.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        await mail.DeliverMailAsync();
        Assert.Equal("Sent", (await DeliveryAsync(comms, failedId))["status"]!.GetValue<string>());
        Assert.Equal("Kokouskutsu", Assert.Single(Received(to)).Subject);
        await Reports.ReadProblemAsync(await comms.PostAsync($"{Base("kainuu")}/mail-deliveries/{failedId}/retry", null),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reporters_get_an_email_when_their_report_moves_on_only_where_the_region_switched_it_on()
    {
        using var admin = await Host.ClientFor("keski-suomi-regionadmin");
        var on = await admin.PutAsJsonAsync($"{Base("keski-suomi")}/communication-settings", new { emailReporters = true });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        using var professional = await Host.ClientFor("keski-suomi-professional");
        using var supervisor = await Host.ClientFor("keski-suomi-supervisor");
        var (_, number, location) = await Reports.SubmitAsync(professional, "keski-suomi");
        await supervisor.PutAsJsonAsync($"{location}/supervisor-record", new { coreOfReport = "Ydin" });
        await supervisor.PostAsJsonAsync($"{location}/status-changes", new { status = "ToWorkingGroup", comment = "Työryhmään" });
        await Host.DeliverEventsAsync();
        await Host.DeliverEventsAsync();
        await mail.DeliverMailAsync();
        var mine = Received("keski-suomi-professional@demo.rake.invalid")
            .Where(m => m.Subject.Contains($"#{number}", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, mine.Count); // Received → WithSupervisor → ToWorkingGroup
        Assert.Contains(mine, m => m.Body.Contains("työryhmässä", StringComparison.Ordinal));
        Assert.All(mine, m => Assert.DoesNotContain("asunnottomuus", m.Body, StringComparison.OrdinalIgnoreCase));
        // A redelivered event sends nothing twice.
        await Host.DeliverEventsAsync();
        await mail.DeliverMailAsync();
        Assert.Equal(2,
            Received("keski-suomi-professional@demo.rake.invalid").Count(m => m.Subject.Contains($"#{number}", StringComparison.Ordinal)));

        // Kainuu has not switched it on: the in-app notice only.
        using var kainuuProfessional = await Host.ClientFor("kainuu-professional");
        using var kainuuSupervisor = await Host.ClientFor("kainuu-supervisor");
        var (_, kainuuNumber, kainuuLocation) = await Reports.SubmitAsync(kainuuProfessional, "kainuu");
        await kainuuSupervisor.PutAsJsonAsync($"{kainuuLocation}/supervisor-record", new { coreOfReport = "Ydin" });
        await Host.DeliverEventsAsync();
        await mail.DeliverMailAsync();
        Assert.DoesNotContain(Received("kainuu-professional@demo.rake.invalid"),
            m => m.Subject.Contains($"#{kainuuNumber}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workflow_activities_publish_send_to_a_list_and_schedule_an_info_session_once_per_run()
    {
        using var admin = await Host.ClientFor("kymenlaakso-regionadmin");
        using var comms = await Host.ClientFor("kymenlaakso-communications");
        var to = $"wf-{Guid.NewGuid():N}@kymenlaakso.test.invalid";
        var listName = $"Työnkulkulista {Guid.NewGuid():N}";
        var created = await comms.PostAsJsonAsync($"{Base("kymenlaakso")}/distribution-lists",
            new { name = listName, members = new[] { new { email = to } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var title = $"Puolivuotiskooste julkaistu {Guid.NewGuid():N}";
        var id = $"comms-{Guid.NewGuid():N}"[..20];
        await WorkflowJson.PublishAsync(admin, "kymenlaakso", WorkflowJson.Sequence(id,
            WorkflowJson.Activity("publish", "Rake.Communications.Publish", ("kind", "HalfYearCompilation"), ("channel", "Intranet"),
                ("title", title), ("body", "Kooste on **valmis**.")),
            WorkflowJson.Activity("mail", "Rake.Communications.SendToDistributionList", ("list", listName), ("subject", "Kooste julkaistu"),
                ("message", "Katso intranet.")),
            WorkflowJson.Activity("info", "Rake.Communications.ScheduleInfoSession", ("kind", "StaffInfo"), ("title", title))));
        var started = await WorkflowJson.StartAsync(admin, "kymenlaakso", id);
        var instance = await WorkflowJson.InstanceAsync(admin, "kymenlaakso", started["id"]!.GetValue<string>());
        Assert.True(instance["status"]!.GetValue<string>() == "Finished", instance.ToJsonString());

        var feed = await CommunicationsApiTests.FeedAsync(Host.Anonymous(), "kymenlaakso", "intranet");
        Assert.Single(feed.Root!.Elements(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom")),
            e => e.Elements().Any(x => x.Name.LocalName == "title" && x.Value == title));
        var sessions = await comms.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/info-sessions");
        Assert.Single(sessions!, s => s!["title"]!.GetValue<string>() == title && s["kind"]!.GetValue<string>() == "StaffInfo");
        await mail.DeliverMailAsync();
        Assert.Equal("Kooste julkaistu", Assert.Single(Received(to)).Subject);

        // A definition missing what the activities need is refused at publish time.
        var bad = WorkflowJson.Sequence($"{id}-bad", WorkflowJson.Activity("publish", "Rake.Communications.Publish", ("kind", "Poster")));
        var saved = await admin.PostAsJsonAsync($"{Base("kymenlaakso")}/workflow-definitions", bad);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var refused = await admin.PostAsync($"{Base("kymenlaakso")}/workflow-definitions/{id}-bad/publish", null);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.False(refused.IsSuccessStatusCode, body);
        Assert.Contains("title is missing", body);
        Assert.Contains("'Poster'", body);
    }

    private static async Task<JsonObject> DeliveryAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/v1/regions/kainuu/mail-deliveries"))!
            .Single(d => d!["id"]!.GetValue<Guid>() == id)!
            .AsObject();

    /// <summary>Moves a delivery's next attempt into the past, as if its back-off had passed.</summary>
    private async Task MakeDueAsync(string region, Guid id)
    {
        await using var scope = Host.RegionScope(region);
        var db = scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>();
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id);
        delivery.NextAttemptAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        await db.SaveChangesAsync();
    }
}
