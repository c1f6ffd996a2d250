using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Features.Calendar;

/// <summary>
/// Reads the month of each step from the flowchart itself: walking the connections from the start, a Cron (the months it fires
/// in) or a StartAt (its date) sets the months the following steps fall in, as in the region files where each month
/// of the cycle begins with a Cron wait. Steps reached before any month is known are left out.
/// </summary>
internal sealed class WorkflowCalendar(WorkflowsDbContext db) : IWorkflowCalendarApi
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["Rake.Workflows.HumanTask"] = "Task",
        ["Rake.WorkingGroup.ScheduleMeeting"] = "Meeting",
        ["Rake.Reporting.CompilePeriodSummary"] = "Compilation",
        ["Rake.Communications.Publish"] = "Publication",
        ["Rake.Planning.ReviewPlan"] = "Review",
        ["Rake.Planning.RecordEvaluation"] = "Review",
        ["Rake.Competence.LaunchSurvey"] = "Survey",
        ["Rake.Communications.ScheduleInfoSession"] = "InfoSession",
    };

    public async Task<IReadOnlyList<RecurringStep>> RecurringStepsAsync(CancellationToken cancellationToken)
    {
        var published = await db.Definitions.AsNoTracking().Where(d => d.IsPublished).ToListAsync(cancellationToken);
        var steps = new List<RecurringStep>();
        foreach (var latest in published.GroupBy(d => d.DefinitionId)
            .Select(g => g.MaxBy(d => d.Version)!)
            .OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (JsonNode.Parse(latest.Json)?["root"] is JsonObject root)
            {
                steps.AddRange(Walk(root, latest.Name));
            }
        }
        return steps.Distinct().OrderBy(s => s.Month).ThenBy(s => s.DefinitionName, StringComparer.Ordinal).ToList();
    }

    internal static IEnumerable<RecurringStep> Walk(JsonObject flowchart, string definitionName)
    {
        var activities = (flowchart["activities"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => a["id"] is not null).GroupBy(a => (string)a["id"]!).ToDictionary(g => g.Key, g => g.First());
        var edges = (flowchart["connections"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => (From: (string?)c["source"]?["activity"], To: (string?)c["target"]?["activity"]))
            .Where(e => e.From is not null && e.To is not null && activities.ContainsKey(e.From) && activities.ContainsKey(e.To))
            .ToList();
        var targets = edges.Select(e => e.To!).ToHashSet(StringComparer.Ordinal);
        var queue = new Queue<(string Id, int[] Months)>(
            activities.Keys.Where(id => !targets.Contains(id)).Select(id => (id, Array.Empty<int>())));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var (id, months) = queue.Dequeue();
            if (!seen.Add(id + "|" + string.Join(',', months)))
            {
                continue;
            }
            var activity = activities[id];
            var type = (string?)activity["type"] ?? "";
            months = type switch
            {
                "Elsa.Cron" => CronMonths(Literal(activity, "cronExpression")) ?? months,
                "Elsa.StartAt" => DateTimeOffset.TryParse(
                    Literal(activity, "dateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? [at.Month]
                    : months,
                _ => months,
            };
            if (Kinds.TryGetValue(type, out var kind))
            {
                var title = Literal(activity, "title") ?? "";
                foreach (var month in months)
                {
                    yield return new RecurringStep(month, kind, title, definitionName);
                }
            }
            foreach (var edge in edges.Where(e => e.From == id))
            {
                queue.Enqueue((edge.To!, months));
            }
        }
    }

    private static string? Literal(JsonObject activity, string input) =>
        activity[input]?["expression"] is JsonObject { } expression && (string?)expression["type"] is "Literal" or null
            ? expression["value"]?.ToString()
            : null;

    /// <summary>The months of a cron expression as the engine reads it; null when it fires every month or does not parse.</summary>
    internal static int[]? CronMonths(string? cron) =>
        cron is not null && CronSchedule.TryParse(cron, out var schedule, out _) && schedule!.Months is { Count: < 12 } months
            ? [.. months]
            : null;
}
