using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rake.Modules.Communications.Features.Mail;

/// <summary>Mail delivery metrics (docs/adr/0075): what the worker sent and what failed, by region.</summary>
internal static class MailTelemetry
{
    public const string Name = "Rake.Communications.Mail";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Sent = Meter.CreateCounter<long>(
        "rake.mail.sent", "{message}", "Mail messages handed to the SMTP server.");

    private static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "rake.mail.failed", "{attempt}", "Mail delivery attempts that failed; final=true when the message was given up (status Failed).");

    public static void MailSent(string region) => Sent.Add(1, new KeyValuePair<string, object?>("rake.region", region));

    public static void MailFailed(string region, bool final) =>
        Failed.Add(1, new TagList { { "rake.region", region }, { "rake.mail.final", final } });
}
