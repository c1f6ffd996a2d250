using System.Text.Json.Nodes;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>Issue 15: Elsa's SendEmail (<c>Email.SendEmail</c>) in a published workflow, delivered by the mail queue to the
/// SMTP sink.</summary>
[Collection(MailHostCollection.Name)]
public sealed class SendEmailWorkflowTests(MailHost mail)
{
    private static JsonObject List(params string[] addresses)
    {
        var value = new JsonArray(addresses.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()).ToJsonString();
        return new JsonObject
        {
            ["typeName"] = "String[]",
            ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = value },
        };
    }

    private static JsonObject SendEmail(string subject, JsonObject to, JsonObject? cc = null, string? from = null)
    {
        var activity = Activity("mail", "Email.SendEmail", ("subject", subject), ("body", "Kokous pidetään torstaina."));
        activity["to"] = to;
        if (cc is not null)
        {
            activity["cc"] = cc;
        }
        if (from is not null)
        {
            activity["from"] = Literal(from);
        }
        return activity;
    }

    [Fact]
    public async Task A_workflow_e_mail_goes_through_the_queue_to_each_recipient_from_the_regions_sender()
    {
        using var admin = await mail.Host.ClientFor("kymenlaakso-regionadmin");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (to, cc) = ($"to-{tag}@kymenlaakso.test.invalid", $"cc-{tag}@kymenlaakso.test.invalid");
        var id = $"mail-{tag}";
        await PublishAsync(admin, "kymenlaakso", Sequence(id, SendEmail($"Kutsu {tag}", List(to, to.ToUpperInvariant()), List(cc))));

        var started = await StartAsync(admin, "kymenlaakso", id);
        Assert.Equal("Finished", started["subStatus"]!.GetValue<string>());
        Assert.True(await mail.DeliverMailAsync() >= 2);

        foreach (var recipient in new[] { to, cc })
        {
            var message = Assert.Single(mail.Sink.Messages(), m => m.Recipients.Contains(recipient));
            Assert.Equal($"Kutsu {tag}", message.Subject);
            Assert.Contains("Kokous pidetään torstaina.", message.Body, StringComparison.Ordinal);
            Assert.Equal("rake@test.invalid", Assert.Single(message.Message.From.Mailboxes).Address);
        }
    }

    [Theory]
    [InlineData("to", "ei-osoite")]
    [InlineData("from", "someone@elsewhere.invalid")]
    public async Task A_bad_address_faults_the_instance_naming_the_input_and_queues_nothing(string input, string value)
    {
        using var admin = await mail.Host.ClientFor("kymenlaakso-regionadmin");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = $"badmail-{tag}";
        var activity = input == "to"
            ? SendEmail($"Virhe {tag}", List($"ok-{tag}@kymenlaakso.test.invalid", value))
            : SendEmail($"Virhe {tag}", List($"ok-{tag}@kymenlaakso.test.invalid"), from: value);
        await PublishAsync(admin, "kymenlaakso", Sequence(id, activity));

        var started = await StartAsync(admin, "kymenlaakso", id);
        Assert.Equal("Faulted", started["subStatus"]!.GetValue<string>());
        var instance = await InstanceAsync(admin, "kymenlaakso", started["id"]!.GetValue<string>());
        Assert.Contains($"{input}:", instance.ToJsonString(), StringComparison.Ordinal);
        await mail.DeliverMailAsync();
        Assert.DoesNotContain(mail.Sink.Messages(), m => m.Subject == $"Virhe {tag}");
    }
}
