using System.Globalization;
using System.Text.Json.Nodes;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Activities;

/// <summary>
/// A task for the people who hold a region role: it waits in their inbox until one of them completes it. The
/// bookmark is of kind <see cref="BookmarkKind.HumanTask"/>, named by the role, with the payload
/// <c>{role, title, description, dueDate, dueAt, outcomes, createdAt}</c>, with <c>titles</c> and <c>descriptions</c>
/// (<c>{fi, sv, en}</c>) when the workflow gives language versions (see <see cref="Payload"/>); the due time is a
/// deadline shown to people, not a time at which the engine resumes anything.
/// </summary>
[Activity("Rake.Workflows.HumanTask", Category = "Rake", DisplayName = "Human task",
    Description = "Assigns a task to a region role with a due date; the workflow waits until a person holding the role "
        + "completes it in their inbox.")]
internal sealed class HumanTask : WorkflowActivity
{
    /// <summary>What the inbox shows in full; a longer translation is refused when the workflow is published.</summary>
    internal const int MaxTitleLength = 300;
    internal const int MaxDescriptionLength = 4000;

    [Input(DisplayName = "Role", Description = "The region role whose members get the task: RegionAdmin, Professional, Supervisor, "
        + "ResponsiblePerson, WorkingGroupMember, SteeringGroupMember, Communications or Planner.",
        UIHint = InputUIHints.DropDown, Options = typeof(Rake.BuildingBlocks.Contracts.RegionRole))]
    public string? Role { get; set; }

    [Input(DisplayName = "Title", Description = "What to do, as shown in the inbox.")]
    public string? Title { get; set; }

    [Input(DisplayName = "Description", Description = "Details: an agenda, what to produce, where to record it.",
        UIHint = InputUIHints.MultiLine)]
    public string? Description { get; set; }

    [Input(DisplayName = "Title in Swedish", Description = "Rubrik på svenska: shown to people who use Rake in Swedish.")]
    public string? TitleSv { get; set; }

    [Input(DisplayName = "Title in English", Description = "Shown to people who use Rake in English.")]
    public string? TitleEn { get; set; }

    [Input(DisplayName = "Description in Swedish", Description = "Beskrivning på svenska.", UIHint = InputUIHints.MultiLine)]
    public string? DescriptionSv { get; set; }

    [Input(DisplayName = "Description in English", UIHint = InputUIHints.MultiLine)]
    public string? DescriptionEn { get; set; }

    [Input(DisplayName = "Due in days",
        Description = "Calendar days (Europe/Helsinki) from the day the task is created; the task is due at the end of that day.")]
    public int? DueInDays { get; set; }

    [Input(DisplayName = "Due date", Description = "A fixed due date, yyyy-MM-dd, or MM-dd for the next such day "
        + "(08-31: by the end of August). Used when 'Due in days' is empty.")]
    public string? DueDate { get; set; }

    [Input(DisplayName = "Other outcomes",
        Description = "Outcomes besides Done that a person may choose when completing the task (\"Needs update\").",
        UIHint = InputUIHints.DynamicOutcomes)]
    public string[]? Outcomes { get; set; }

    [Output(DisplayName = "Outcome", Description = "The outcome the person chose.")]
    public string? Outcome { get; set; }

    [Output(DisplayName = "Completed by", Description = "Who completed the task, as the inbox reported it.")]
    public string? CompletedBy { get; set; }

    [Output(DisplayName = "Comment", Description = "The comment given on completion.")]
    public string? Comment { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!RegionRoles.TryParse(Role, out var role))
        {
            context.Fault($"'{Role}' is not a region role (one of: {RegionRoles.Names}).");
            return ValueTask.CompletedTask;
        }
        var today = HelsinkiCalendar.Today(context.Time);
        DateOnly? due = null;
        if (DueInDays is { } days)
        {
            due = today.AddDays(Math.Max(0, days));
        }
        else if (!string.IsNullOrWhiteSpace(DueDate))
        {
            if (!HelsinkiCalendar.TryParseDueDate(DueDate, today, out var date))
            {
                context.Fault($"Due date '{DueDate}' is not yyyy-MM-dd or MM-dd.");
                return ValueTask.CompletedTask;
            }
            due = date;
        }
        var dueAt = due is { } d ? HelsinkiCalendar.EndOf(d) : (DateTimeOffset?)null;
        var payload = Payload(role.ToString(), Title ?? "", Description, due, dueAt, AllOutcomes(Outcomes), context.Time.GetUtcNow());
        if (LocalisedInput.Versions(Title, TitleSv, TitleEn) is { } titles)
        {
            payload["titles"] = titles;
        }
        if (LocalisedInput.Versions(Description, DescriptionSv, DescriptionEn) is { } descriptions)
        {
            payload["descriptions"] = descriptions;
        }
        context.CreateBookmark(BookmarkRequest.ForHumanTask(role.ToString(), payload, dueAt));
        context.Journal(due is null
            ? $"Task '{Title}' assigned to {role}."
            : $"Task '{Title}' assigned to {role}, due {due.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Resumed by the inbox with <c>null</c> (Done), an outcome name, or <c>{outcome, completedBy, comment}</c>
    /// (a JSON object, a JsonElement or a string-keyed dictionary).
    /// </summary>
    public override ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        string? outcome = null, completedBy = null, comment = null;
        var input = bookmark.Input is System.Text.Json.JsonElement element ? JsonNode.Parse(element.GetRawText()) : bookmark.Input;
        switch (input)
        {
            case JsonValue value when value.TryGetValue<string>(out var name):
                outcome = name;
                break;
            case string s:
                outcome = s;
                break;
            case JsonObject o:
                outcome = Text(o["outcome"]);
                completedBy = Text(o["completedBy"]);
                comment = Text(o["comment"]);
                break;
            case IReadOnlyDictionary<string, object?> map:
                outcome = map.GetValueOrDefault("outcome")?.ToString();
                completedBy = map.GetValueOrDefault("completedBy")?.ToString();
                comment = map.GetValueOrDefault("comment")?.ToString();
                break;
        }
        outcome = string.IsNullOrWhiteSpace(outcome) ? DoneOutcome : outcome.Trim();
        var allowed = AllOutcomes(Outcomes);
        if (!allowed.Contains(outcome, StringComparer.Ordinal))
        {
            context.Fault($"Task '{Title}' has no outcome '{outcome}' (it has: {string.Join(", ", allowed)}).");
            return ValueTask.CompletedTask;
        }
        Outcome = outcome;
        CompletedBy = completedBy;
        Comment = comment;
        context.Journal(completedBy is null
            ? $"Task '{Title}' completed: {outcome}."
            : $"Task '{Title}' completed by {completedBy}: {outcome}.");
        context.Complete(outcome);
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<string>? GetDynamicOutcomes(IActivityDesign design) =>
        design.TryGetConstantInput<string[]>("outcomes", out var extra) ? AllOutcomes(extra) : [DoneOutcome];

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("role") is null)
        {
            yield return "A human task needs a role.";
        }
        else if (design.TryGetConstantInput<string>("role", out var role) && !RegionRoles.TryParse(role, out _))
        {
            yield return $"'{role}' is not a region role (one of: {RegionRoles.Names}).";
        }
        if (design.GetExpressionType("title") is null
            || (design.TryGetConstantInput<string>("title", out var title) && string.IsNullOrWhiteSpace(title)))
        {
            yield return "A human task needs a title.";
        }
        foreach (var problem in LocalisedInput.Validate(design, "title", "title", MaxTitleLength)
            .Concat(LocalisedInput.Validate(design, "description", "description", MaxDescriptionLength)))
        {
            yield return problem;
        }
        if (design.TryGetConstantInput<int?>("dueInDays", out var days) && days < 0)
        {
            yield return "'Due in days' cannot be negative.";
        }
        if (design.TryGetConstantInput<string>("dueDate", out var dueDate) && !string.IsNullOrWhiteSpace(dueDate)
            && !HelsinkiCalendar.TryParseDueDate(dueDate, new DateOnly(2024, 1, 1), out _))
        {
            yield return $"Due date '{dueDate}' is not yyyy-MM-dd or MM-dd.";
        }
    }

    /// <summary>The bookmark payload the inbox reads. Dates are ISO 8601; <c>dueDate</c> is the Helsinki calendar day.</summary>
    internal static JsonObject Payload(
        string role, string title, string? description, DateOnly? dueDate, DateTimeOffset? dueAt, IReadOnlyList<string> outcomes,
        DateTimeOffset createdAt) => new()
        {
            ["role"] = role,
            ["title"] = title,
            ["description"] = description,
            ["dueDate"] = dueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dueAt"] = dueAt?.ToString("O", CultureInfo.InvariantCulture),
            ["outcomes"] = new JsonArray(outcomes.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()),
            ["createdAt"] = createdAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };

    private static List<string> AllOutcomes(IEnumerable<string>? extra) =>
        [
            DoneOutcome,
            .. (extra ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).Where(o => o != DoneOutcome)
                .Distinct(StringComparer.Ordinal),
        ];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
}
