using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.WorkingGroup.Features.CompilationDecisions;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.WorkingGroup.Workflows;

/// <summary>
/// The steering group's decision on a period's compilation as a human task whose result is the decisions, phenomenon by
/// phenomenon: the inbox links the task to the decision form of the body's meeting, the form records the decisions under
/// this run's key and completes the task, and the activity's outputs are what the form recorded.
/// </summary>
[Activity("Rake.WorkingGroup.DecideOnCompilation", Category = "Rake Working group", DisplayName = "Decide on compilation",
    Description = "A task for a role (the steering group) to decide on a period's compilation phenomenon by phenomenon in a form: "
        + "handling continues, a follow-up action with a named responsible person, or no action, with reasons.")]
internal sealed class DecideOnCompilation : WorkflowActivity
{
    [Input(DisplayName = "Body", Description = WorkingGroupRun.BodyHint, UIHint = InputUIHints.DropDown,
        Options = typeof(BodyOptions))]
    public string? Body { get; set; } = nameof(BodyKind.SteeringGroup);

    [Input(DisplayName = "Role", Description = "The region role whose members get the task, e.g. SteeringGroupMember.")]
    public string? Role { get; set; } = nameof(RegionRole.SteeringGroupMember);

    [Input(DisplayName = "Period", Description = "A period id (2026-H1) or 'previous' for the region's latest ended period.")]
    public string? Period { get; set; } = "previous";

    [Input(DisplayName = "Title", Description = "What to do, as shown in the inbox.")]
    public string? Title { get; set; }

    [Input(DisplayName = "Title in Swedish")]
    public string? TitleSv { get; set; }

    [Input(DisplayName = "Title in English")]
    public string? TitleEn { get; set; }

    [Input(DisplayName = "Description", UIHint = InputUIHints.MultiLine)]
    public string? Description { get; set; }

    [Input(DisplayName = "Description in Swedish", UIHint = InputUIHints.MultiLine)]
    public string? DescriptionSv { get; set; }

    [Input(DisplayName = "Description in English", UIHint = InputUIHints.MultiLine)]
    public string? DescriptionEn { get; set; }

    [Input(DisplayName = "Due in days", Description = "Calendar days (Europe/Helsinki) from the day the task is created.")]
    public int? DueInDays { get; set; }

    [Output(DisplayName = "Period id")]
    public string? PeriodId { get; set; }

    [Output(DisplayName = "Decisions", Description = "How many phenomena were decided on.")]
    public int? DecisionCount { get; set; }

    [Output(DisplayName = "Follow-up actions", Description = "How many assignments the decisions gave.")]
    public int? FollowUpCount { get; set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!Enum.TryParse<RegionRole>(Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            context.Fault($"'{Role}' is not a region role.");
            return;
        }
        var now = context.Time.GetUtcNow();
        var period = await PeriodAsync(context, Period, now);
        PeriodId = period;
        var body = await WorkingGroupRun.FindBodyAsync(context, Body);
        var meetings = body is null ? null : WorkingGroupRun.Db(context).Meetings.AsNoTracking()
            .Where(m => m.BodyId == body.Id && m.Status != MeetingStatus.Cancelled);
        // The meeting this run scheduled decides; else the body's latest held or next meeting.
        var own = $"{context.WorkflowInstanceId}/";
        var meeting = meetings is null ? null
            : await meetings.FirstOrDefaultAsync(m => m.SourceKey != null && m.SourceKey.StartsWith(own), context.CancellationToken)
                ?? await meetings.Where(m => m.StartsAt <= now).OrderByDescending(m => m.StartsAt)
                    .FirstOrDefaultAsync(context.CancellationToken)
                ?? await meetings.OrderBy(m => m.StartsAt).FirstOrDefaultAsync(context.CancellationToken);
        var today = Helsinki.Today(context.Time);
        DateOnly? due = DueInDays is { } days ? today.AddDays(Math.Max(0, days)) : null;
        var dueAt = due is { } d ? Helsinki.StartOf(d.AddDays(1)).AddTicks(-1) : (DateTimeOffset?)null;
        var payload = new JsonObject
        {
            ["role"] = role.ToString(),
            ["title"] = Title ?? "",
            ["description"] = Description,
            ["dueDate"] = due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dueAt"] = dueAt?.ToString("O", CultureInfo.InvariantCulture),
            ["outcomes"] = new JsonArray("Done"),
            ["createdAt"] = now.ToString("O", CultureInfo.InvariantCulture),
        };
        if (meeting is not null && period is not null)
        {
            // Relative to the region's pages: the inbox turns it into a link to the form.
            payload["form"] = $"meetings/{meeting.Id}/compilation-decisions?period={period}&run={context.WorkflowInstanceId}"
                + $"&activity={Uri.EscapeDataString(context.ActivityId)}";
        }
        if (LocalisedInput.Versions(Title, TitleSv, TitleEn) is { } titles)
        {
            payload["titles"] = titles;
        }
        if (LocalisedInput.Versions(Description, DescriptionSv, DescriptionEn) is { } descriptions)
        {
            payload["descriptions"] = descriptions;
        }
        context.CreateBookmark(BookmarkRequest.ForHumanTask(role.ToString(), payload, dueAt));
        // The process goes on without the form when the region has not set up the body or no period has ended yet: the
        // group then records its decisions on the meeting's page.
        context.Journal(meeting is null || period is null
            ? $"Decisions on the compilation {period ?? Period} asked of {role}; no meeting of '{Body}' or no ended period, so no form."
            : $"Decisions on the compilation {period} asked of {role} in '{meeting.Title}'.");
    }

    public override async ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        var handler = WorkingGroupRun.Handler<CompilationDecisionsHandler>(context);
        var recorded = await handler.RecordedAsync(WorkingGroupRun.Key(context), context.CancellationToken);
        DecisionCount = recorded.Decisions.Count;
        FollowUpCount = recorded.Assignments.Count;
        context.Journal(recorded.Decisions.Count == 0
            ? $"The task on the compilation {PeriodId ?? Period} was completed without decisions in its form."
            : $"{recorded.Decisions.Count} decisions on the compilation {PeriodId ?? Period}, "
                + $"{recorded.Assignments.Count} follow-up actions.");
        context.Complete();
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        foreach (var problem in WorkingGroupRun.ValidateBody(design)
            .Concat(LocalisedInput.Validate(design, "title", "title", WorkingGroupRun.MaxTitleLength))
            .Concat(LocalisedInput.Validate(design, "description", "description", Limits.Text)))
        {
            yield return problem;
        }
        if (design.TryGetConstantInput<string>("role", out var role) && role is not null
            && !Enum.TryParse<RegionRole>(role, ignoreCase: true, out _))
        {
            yield return $"'{role}' is not a region role.";
        }
        if (design.GetExpressionType("title") is null)
        {
            yield return "The task's title is missing.";
        }
    }

    /// <summary>The period id, resolving 'previous' to the latest period that has ended (interim periods included when the
    /// region's scheme has only those, as Kymenlaakso's half-years).</summary>
    internal static async Task<string?> PeriodAsync(IActivityExecutionContext context, string? period, DateTimeOffset now)
    {
        var reporting = context.Services.GetRequiredService<IReportingApi>();
        var id = string.IsNullOrWhiteSpace(period) ? "previous" : period.Trim();
        if (!id.Equals("previous", StringComparison.OrdinalIgnoreCase))
        {
            return await reporting.FindPeriodAsync(id, context.CancellationToken) is { } found ? found.Id : null;
        }
        var today = Helsinki.ToLocalDate(now);
        var periods = new List<ReportingPeriodInfo>();
        foreach (var year in new[] { today.Year - 1, today.Year })
        {
            periods.AddRange(await reporting.PeriodsAsync(year, context.CancellationToken));
        }
        // The shortest ended period is the one the half-year rhythm compiles (a half-year rather than the year it ends).
        return periods.Where(p => p.To < today).OrderByDescending(p => p.To).ThenBy(p => p.To.DayNumber - p.From.DayNumber)
            .FirstOrDefault()?.Id;
    }
}
