using System.Diagnostics;
using System.Diagnostics.Metrics;
namespace Rake.Modules.Workflows.Engine;

/// <summary>
/// The workflow engine's traces and metrics (docs/adr/0075). Static, like the BCL's own sources: the engine also runs
/// without a host (the conformance corpus), and nothing is recorded unless a listener (the Host's OpenTelemetry) subscribes.
/// Instance counters are tagged with region and definition id, both bounded by what regional admins publish.
/// </summary>
internal static class WorkflowTelemetry
{
    public const string Name = "Rake.Workflows";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Started = Meter.CreateCounter<long>(
        "rake.workflow.instances.started", "{instance}", "Workflow instances started.");

    private static readonly Counter<long> Resumed = Meter.CreateCounter<long>(
        "rake.workflow.instances.resumed", "{instance}", "Bookmarks of workflow instances resumed (tasks completed, events, timers).");

    private static readonly Counter<long> Faulted = Meter.CreateCounter<long>(
        "rake.workflow.instances.faulted", "{instance}", "Workflow instances that ended faulted.");

    private static readonly Counter<long> Finished = Meter.CreateCounter<long>(
        "rake.workflow.instances.finished", "{instance}", "Workflow instances that ran to their end without a fault.");

    private static readonly Histogram<double> ActivityDuration = Meter.CreateHistogram<double>(
        "rake.workflow.activity.duration", "s", "How long one activity ran (execute or resume), by activity type.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30] });

    /// <summary>Counts a run once it is saved: a start, or a resume that ran; and how the run left the instance.</summary>
    public static void RunSaved(string region, string definitionId, bool resumed, string subStatus)
    {
        var tags = new TagList { { "rake.region", region }, { "rake.workflow.definition", definitionId } };
        (resumed ? Resumed : Started).Add(1, tags);
        if (subStatus == nameof(WorkflowSubStatus.Faulted))
        {
            Faulted.Add(1, tags);
        }
        else if (subStatus == nameof(WorkflowSubStatus.Finished))
        {
            Finished.Add(1, tags);
        }
    }

    /// <summary>A span for one start or resume; null when nobody listens.</summary>
    public static Activity? StartRun(string operation, string? definitionId)
    {
        var span = Source.StartActivity($"workflow {operation}");
        span?.SetTag("rake.workflow.definition", definitionId);
        return span;
    }

    public static void ActivityRan(string activityType, long startedTimestamp)
    {
        if (!ActivityDuration.Enabled)
        {
            return; // nobody listens (the benchmark, the conformance corpus): nothing to measure per activity
        }
        ActivityDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("rake.workflow.activity.type", activityType));
    }
}
