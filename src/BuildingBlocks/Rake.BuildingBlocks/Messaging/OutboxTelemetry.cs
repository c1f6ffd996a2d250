using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Rake.BuildingBlocks.Messaging;

/// <summary>
/// The outbox's metrics (docs/adr/0075), tagged with the module schema whose outbox it is. The backlog is what the
/// dispatcher counted after its latest round, so a scrape never queries the database.
/// </summary>
internal static class OutboxTelemetry
{
    public const string Name = "Rake.Outbox";

    private static readonly Meter Meter = new(Name);

    private static readonly ConcurrentDictionary<string, (long Pending, long GivenUp)> Backlogs = new(StringComparer.Ordinal);

    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>(
        "rake.outbox.delivered", "{message}", "Integration events delivered to every handler.");

    private static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "rake.outbox.failed", "{attempt}", "Delivery attempts that failed; the message stays in the outbox and is retried.");

    static OutboxTelemetry()
    {
        Meter.CreateObservableGauge("rake.outbox.backlog", () => Backlogs.Select(b => Measure(b.Key, b.Value.Pending)), "{message}",
            "Messages waiting for delivery (including those being retried) after the dispatcher's latest round.");
        Meter.CreateObservableGauge("rake.outbox.given_up", () => Backlogs.Select(b => Measure(b.Key, b.Value.GivenUp)), "{message}",
            $"Messages left undelivered after {OutboxDispatcher.MaxAttempts} failed attempts; they need an operator.");
    }

    public static void MessageDelivered(string source) => Delivered.Add(1, new KeyValuePair<string, object?>("rake.outbox.source", source));

    public static void DeliveryFailed(string source) => Failed.Add(1, new KeyValuePair<string, object?>("rake.outbox.source", source));

    public static void BacklogCounted(string source, long pending, long givenUp) => Backlogs[source] = (pending, givenUp);

    private static Measurement<long> Measure(string source, long value) =>
        new(value, new KeyValuePair<string, object?>("rake.outbox.source", source));
}
