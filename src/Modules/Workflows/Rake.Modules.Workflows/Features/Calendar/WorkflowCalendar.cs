using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Workflows.Activities;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Features.Calendar;

/// <summary>
/// Places each step of the region's published workflows in the month it is due, by walking each flowchart from its
/// time triggers through one year (docs/adr/0129). Every firing of a Cron trigger in the year (or a StartAt's moment)
/// starts a walk; an Elsa.Cron inside the flowchart waits for its next occurrence; a human task falls in the month of
/// its due date and what follows it starts when it is due, as if done on time; a meeting or an info session falls in
/// the month it is held; only a task's Done outcome is followed. A step that spills into the next year (December's
/// routing decided in January) shows in that month of the cycle. Flowcharts started by hand have no calendar.
/// </summary>
internal sealed class WorkflowCalendar(WorkflowsDbContext db, TimeProvider clock) : IWorkflowCalendarApi
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["Rake.Workflows.HumanTask"] = "Task",
        ["Rake.WorkingGroup.DecideOnCompilation"] = "Task",
        ["Rake.WorkingGroup.ScheduleMeeting"] = "Meeting",
        ["Rake.Reporting.CompilePeriodSummary"] = "Compilation",
        ["Rake.Communications.Publish"] = "Publication",
        ["Rake.Planning.ReviewPlan"] = "Review",
        ["Rake.Planning.RecordEvaluation"] = "Review",
        ["Rake.Competence.LaunchSurvey"] = "Survey",
        ["Rake.Communications.ScheduleInfoSession"] = "InfoSession",
    };

    private const string WorkflowActivityDone = WorkflowActivity.DoneOutcome;

    /// <summary>A walk never follows a path further than this past the start of the year (a flowchart may loop).</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(2 * 366);

    public async Task<IReadOnlyList<RecurringStep>> RecurringStepsAsync(CancellationToken cancellationToken)
    {
        var published = await db.Definitions.AsNoTracking().Where(d => d.IsPublished).ToListAsync(cancellationToken);
        var year = Helsinki.Today(clock).Year;
        var steps = new List<RecurringStep>();
        foreach (var latest in published.GroupBy(d => d.DefinitionId)
            .Select(g => g.MaxBy(d => d.Version)!)
            .OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (JsonNode.Parse(latest.Json)?["root"] is JsonObject root)
            {
                steps.AddRange(Walk(root, latest.Name, year));
            }
        }
        return Order(steps);
    }

    internal static List<RecurringStep> Order(IEnumerable<RecurringStep> steps) =>
        steps.DistinctBy(s => (s.Month, s.Kind, s.Title, s.DefinitionName))
            .OrderBy(s => s.Month).ThenBy(s => s.DefinitionName, StringComparer.Ordinal).ToList();

    /// <summary>The steps of one flowchart over the Helsinki calendar year <paramref name="year"/>.</summary>
    internal static IEnumerable<RecurringStep> Walk(JsonObject flowchart, string definitionName, int year)
    {
        var activities = (flowchart["activities"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => a["id"] is not null).GroupBy(a => (string)a["id"]!).ToDictionary(g => g.Key, g => g.First());
        var edges = (flowchart["connections"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => (From: (string?)c["source"]?["activity"], To: (string?)c["target"]?["activity"],
                Port: (string?)c["source"]?["port"]))
            .Where(e => e.From is not null && e.To is not null && activities.ContainsKey(e.From) && activities.ContainsKey(e.To))
            .ToList();
        var targets = edges.Select(e => e.To!).ToHashSet(StringComparer.Ordinal);
        var yearStart = Helsinki.StartOf(new DateOnly(year, 1, 1));
        var yearEnd = Helsinki.StartOf(new DateOnly(year + 1, 1, 1));
        var queue = new Queue<(string Id, DateTimeOffset At)>();
        foreach (var root in activities.Keys.Where(id => !targets.Contains(id)))
        {
            foreach (var at in Firings(activities[root], yearStart, yearEnd))
            {
                queue.Enqueue((root, at));
            }
        }
        var seen = new HashSet<(string, DateTimeOffset)>();
        while (queue.Count > 0)
        {
            var (id, at) = queue.Dequeue();
            if (at - yearStart > Horizon || !seen.Add((id, at)))
            {
                continue;
            }
            var activity = activities[id];
            var type = (string?)activity["type"] ?? "";
            var isRoot = !targets.Contains(id);
            DateTimeOffset? next = type switch
            {
                "Elsa.Cron" when !isRoot => CronSchedule.TryParse(Literal(activity, "cronExpression") ?? "", out var cron, out _)
                    ? cron!.GetNextOccurrence(at)
                    : null,
                "Elsa.StartAt" when !isRoot => At(activity),
                "Elsa.Delay" => TimeSpan.TryParse(Literal(activity, "timeSpan"), CultureInfo.InvariantCulture, out var delay)
                    ? at + delay
                    : at,
                _ => at,
            };
            if (next is not { } start)
            {
                continue;
            }
            var (month, after) = Place(activity, type, start);
            if (Kinds.TryGetValue(type, out var kind))
            {
                yield return new RecurringStep(month, kind, Literal(activity, "title") ?? "", definitionName)
                {
                    Titles = Translations(activity, "title"),
                };
            }
            // A task's other outcomes (Kainuu's "Päivitettävä") are a person's choice, not a step of every year.
            foreach (var edge in edges.Where(e => e.From == id
                && (type != "Rake.Workflows.HumanTask" || e.Port is null or WorkflowActivityDone)))
            {
                queue.Enqueue((edge.To!, after));
            }
        }
    }

    /// <summary>
    /// The month a step falls in, and when what follows it starts: a human task is placed at its due date and its
    /// successors start when it is due; a meeting or an info session is placed on its day and the flow goes on at once.
    /// </summary>
    private static (int Month, DateTimeOffset After) Place(JsonObject activity, string type, DateTimeOffset start)
    {
        var today = Helsinki.ToLocalDate(start);
        switch (type)
        {
            case "Rake.Workflows.HumanTask":
            case "Rake.WorkingGroup.DecideOnCompilation":
                DateOnly? due = Number(activity, "dueInDays") is { } days
                    ? today.AddDays(Math.Max(0, days))
                    : Literal(activity, "dueDate") is { } text && HelsinkiCalendar.TryParseDueDate(text, today, out var date) ? date : null;
                return due is { } d ? (d.Month, HelsinkiCalendar.EndOf(d)) : (today.Month, start);
            case "Rake.WorkingGroup.ScheduleMeeting":
            case "Rake.Communications.ScheduleInfoSession":
                return (today.AddDays(Math.Clamp(Number(activity, "daysFromNow") ?? 0, 0, 365)).Month, start);
            default:
                return (today.Month, start);
        }
    }

    /// <summary>When a trigger at the root of the flowchart fires within the year: every cron occurrence, or a StartAt's moment.</summary>
    private static IEnumerable<DateTimeOffset> Firings(JsonObject activity, DateTimeOffset yearStart, DateTimeOffset yearEnd)
    {
        switch ((string?)activity["type"])
        {
            case "Elsa.Cron" when CronSchedule.TryParse(Literal(activity, "cronExpression") ?? "", out var cron, out _):
                for (var next = cron!.GetNextOccurrence(yearStart.AddTicks(-1)); next is { } at && at < yearEnd;
                    next = cron.GetNextOccurrence(at))
                {
                    yield return at;
                }
                break;
            case "Elsa.StartAt" when At(activity) is { } once:
                // A one-off date (Keski-Suomi's end-of-term evaluation) keeps its month in the cycle whatever its year.
                yield return once;
                break;
        }
    }

    private static DateTimeOffset? At(JsonObject activity) =>
        DateTimeOffset.TryParse(Literal(activity, "dateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    /// <summary>The language versions of a text input written beside it (<c>titleSv</c>, <c>titleEn</c>), by language code.</summary>
    internal static IReadOnlyDictionary<string, string>? Translations(JsonObject activity, string input)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in LocalisedInput.Languages)
        {
            if (Literal(activity, LocalisedInput.Name(input, language)) is { Length: > 0 } text)
            {
                found[language] = text;
            }
        }
        return found.Count == 0 ? null : found;
    }

    private static int? Number(JsonObject activity, string input) =>
        int.TryParse(Literal(activity, input), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Literal(JsonObject activity, string input) =>
        activity[input]?["expression"] is JsonObject { } expression && (string?)expression["type"] is "Literal" or null
            ? expression["value"]?.ToString()
            : null;
}
