using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Rake.Modules.Communications.Features.Mail;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Communications.Workflows;

/// <summary>
/// Elsa's Send Email (Elsa.Email, type <c>Email.SendEmail</c>) through the region's mail delivery queue: the workflow only
/// queues, the delivery worker sends with MailKit and retries, as for every other e-mail of Rake (docs/adr/0158).
/// </summary>
[Activity("Email.SendEmail", Category = "Email", DisplayName = "Send Email",
    Description = "Queues an e-mail from the region's sender address to each recipient; the mail page shows its delivery.")]
internal sealed class SendEmail : WorkflowActivity
{
    /// <summary>All of to, cc and bcc together: more is a list send, which distribution lists are for.</summary>
    public const int MaxRecipients = 50;

    [Input(DisplayName = "From", Description = "Empty: the region's sender address, which is also the only one allowed.")]
    public string? From { get; set; }

    [Input(DisplayName = "To", Description = "The recipients' addresses (a list, or one text separated by commas).")]
    public object? To { get; set; }

    [Input(DisplayName = "Cc", Description = "Copy recipients.", Category = "More")]
    public object? Cc { get; set; }

    [Input(DisplayName = "Bcc", Description = "Hidden copy recipients.", Category = "More")]
    public object? Bcc { get; set; }

    [Input(DisplayName = "Subject", Description = "One line.")]
    public string? Subject { get; set; }

    [Input(DisplayName = "Body", Description = "Sent as plain text.", UIHint = InputUIHints.MultiLine)]
    public string? Body { get; set; }

    [Input(DisplayName = "Attachments", Description = "Not supported: Rake's e-mails carry no attachments.", Category = "More")]
    public object? Attachments { get; set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (Check(out var recipients, out var subject, out var body) is { } problem)
        {
            context.Fault(problem, "SendEmail");
            return;
        }
        await using var scope = SystemActor.Begin(context);
        var region = scope.Get<IRequestContext>().RequireRegion().Code;
        var sender = scope.Get<IOptions<SmtpOptions>>().Value.SenderFor(region);
        if (!string.IsNullOrWhiteSpace(From) && !string.Equals(From.Trim(), sender, StringComparison.OrdinalIgnoreCase))
        {
            context.Fault($"from: '{From.Trim()}' cannot send for this region; leave it empty to send from {sender}.", "SendEmail");
            return;
        }
        var db = scope.Get<CommunicationsDbContext>();
        var ct = context.CancellationToken;
        // The key covers the message, so a loop that mails each item in turn queues each, and a retried run none twice.
        var sourceKey = $"wf:{context.WorkflowInstanceId}:{context.ActivityId}:{Fingerprint(recipients, subject, body)}";
        if (sourceKey.Length > MailDelivery.SourceKeyMax)
        {
            sourceKey = sourceKey[..MailDelivery.SourceKeyMax];
        }
        if (!await db.Deliveries.AnyAsync(d => d.SourceKey == sourceKey, ct))
        {
            var queue = scope.Get<MailQueue>();
            foreach (var recipient in recipients)
            {
                queue.Queue(recipient, subject, body, null, sourceKey);
            }
            await db.SaveChangesAsync(ct);
            scope.Get<MailSignal>().Notify();
        }
        context.Journal($"Queued an e-mail '{subject}' to {recipients.Count} recipient(s) from {sender}.");
        context.Complete();
    }

    /// <summary>The recipients (to, cc and bcc, each once), subject and body; or the problem, naming the input.</summary>
    private string? Check(out List<string> recipients, out string subject, out string body)
    {
        var all = new List<string>();
        recipients = all;
        subject = (Subject ?? "").Trim();
        body = Body ?? "";
        if (Attachments is not null && !(Attachments is string s && string.IsNullOrWhiteSpace(s))
            && !(Attachments is JsonArray { Count: 0 }) && !(Attachments is JsonValue v && v.TryGetValue<string>(out var t)
                && string.IsNullOrWhiteSpace(t)))
        {
            return "attachments: Rake's e-mails carry no attachments; link to the document instead.";
        }
        foreach (var (name, value) in new[] { ("to", To), ("cc", Cc), ("bcc", Bcc) })
        {
            if (!TryAddresses(value, out var addresses, out var problem))
            {
                return $"{name}: {problem}";
            }
            if (addresses.FirstOrDefault(a => !MailQueue.IsAddress(a)) is { } bad)
            {
                return $"{name}: '{Shorten(bad)}' is not an e-mail address.";
            }
            all.AddRange(addresses.Where(a => !all.Contains(a, StringComparer.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase));
            if (name == "to" && addresses.Count == 0)
            {
                return "to: the e-mail has no recipient.";
            }
        }
        if (recipients.Count > MaxRecipients)
        {
            return $"to: {recipients.Count} recipients in to, cc and bcc together; at most {MaxRecipients} (use a distribution list).";
        }
        if (subject.Length == 0)
        {
            return "subject: the e-mail has no subject.";
        }
        if (subject.Any(char.IsControl) || subject.Length > MailDelivery.SubjectMax)
        {
            return $"subject: one line of at most {MailDelivery.SubjectMax} characters.";
        }
        if (body.Length > MailDelivery.BodyMax)
        {
            return $"body: {body.Length} characters; at most {MailDelivery.BodyMax}.";
        }
        return null;
    }

    /// <summary>Elsa's recipient inputs are lists; a single text is split on commas and semicolons as people write it.</summary>
    private static bool TryAddresses(object? value, out List<string> addresses, out string? problem)
    {
        addresses = [];
        problem = null;
        IEnumerable<object?> items = value switch
        {
            null => [],
            string text => [text],
            JsonArray array => array,
            JsonValue scalar when scalar.TryGetValue<string>(out var text) => [text],
            System.Collections.IEnumerable list => list.Cast<object?>(),
            _ => [value],
        };
        foreach (var item in items)
        {
            var text = item switch
            {
                null => "",
                string s => s,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => null,
            };
            if (text is null)
            {
                problem = "give the addresses as a list of texts.";
                return false;
            }
            addresses.AddRange(text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (addresses.Count > MaxRecipients)
            {
                problem = $"more than {MaxRecipients} addresses (use a distribution list).";
                return false;
            }
        }
        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string Fingerprint(List<string> recipients, string subject, string body)
    {
        var text = string.Join("\n", recipients.Select(r => r.ToLowerInvariant()).Order(StringComparer.Ordinal))
            + "\n" + subject + "\n" + body;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("to") is null)
        {
            yield return "to: the e-mail has no recipient.";
        }
        if (design.GetExpressionType("subject") is null)
        {
            yield return "subject: the e-mail has no subject.";
        }
    }
}
