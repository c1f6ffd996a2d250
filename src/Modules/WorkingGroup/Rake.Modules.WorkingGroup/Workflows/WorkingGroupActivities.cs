using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Reporting.Contracts;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.WorkingGroup.Workflows;

/// <summary>
/// What the working-group activities share: finding the region's body, the idempotency key of a run, and sending a request
/// to the same use-case handler the API uses, as the region's system actor, after the same validators.
/// </summary>
internal static class WorkingGroupRun
{
    public const string BodyHint =
        "The body by its name, or by its kind (WorkingGroup, SteeringGroup, CoordinationTeam, Network) "
            + "for the region's first body of that kind.";

    public const int MinMinutes = WgValidator<ScheduleMeetingRequest>.MinDurationMinutes;
    public const int MaxMinutes = WgValidator<ScheduleMeetingRequest>.MaxDurationMinutes;
    public const int MaxTitleLength = Limits.Name;

    /// <summary>The use-case handler of the run's region; a run without the module's services is a configuration error.</summary>
    public static THandler Handler<THandler>(IActivityExecutionContext context) where THandler : notnull =>
        context.Services.GetRequiredService<THandler>();

    /// <summary>
    /// Checks <paramref name="request"/> with the validators the API runs; a refused request faults the activity with every
    /// field's message and returns false, so nothing is stored.
    /// </summary>
    public static async Task<bool> ValidAsync(IActivityExecutionContext context, object request)
    {
        var checks = context.Services.GetRequiredService<RequestChecks>();
        try
        {
            await checks.ThrowIfInvalidAsync(request, context.CancellationToken);
            return true;
        }
        catch (ValidationException refused)
        {
            context.Fault(string.Join(" ", refused.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            return false;
        }
    }

    public static WorkingGroupDbContext Db(IActivityExecutionContext context) =>
        context.Services.GetRequiredService<WorkingGroupDbContext>();

    public static string Key(IActivityExecutionContext context) => $"{context.WorkflowInstanceId}/{context.ActivityId}";

    public static async Task<Body?> FindBodyAsync(IActivityExecutionContext context, string? nameOrKind)
    {
        var db = Db(context);
        var text = nameOrKind?.Trim() ?? "";
        var byName = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Name == text, context.CancellationToken);
        if (byName is not null || !Enum.TryParse<BodyKind>(text, ignoreCase: true, out var kind))
        {
            return byName;
        }
        return await db.Bodies.AsNoTracking().Where(b => b.Kind == kind).OrderBy(b => b.CreatedAt)
            .FirstOrDefaultAsync(context.CancellationToken);
    }

    public static IEnumerable<string> ValidateBody(IActivityDesign design)
    {
        if (design.GetExpressionType("body") is null)
        {
            yield return "The body is missing (a body's name or kind: WorkingGroup, SteeringGroup, CoordinationTeam, Network).";
        }
    }
}

/// <summary>
/// Schedules a meeting of one of the region's bodies, a number of days ahead at a local (Helsinki) time, with the
/// standard agenda (the reports received since the previous meeting, current matters). Idempotent per run and activity.
/// </summary>
[Activity("Rake.WorkingGroup.ScheduleMeeting", Category = "Rake Working group", DisplayName = "Schedule meeting",
    Description = "Schedules a meeting of a body (Teams link or place) some days ahead, with the standard agenda: "
        + "the social reports received since the body's previous meeting and current matters.")]
internal sealed class ScheduleMeeting : WorkflowActivity
{
    [Input(DisplayName = "Body", Description = WorkingGroupRun.BodyHint, UIHint = InputUIHints.DropDown,
        Options = typeof(BodyOptions))]
    public string? Body { get; set; }

    [Input(DisplayName = "Title", Description = "The meeting's title, e.g. 'RAKE-työryhmän kokous (helmikuu)'.")]
    public string? Title { get; set; }

    [Input(DisplayName = "Title in Swedish", Description = "Shown to people who use Rake in Swedish (Kymenlaakso is bilingual).")]
    public string? TitleSv { get; set; }

    [Input(DisplayName = "Title in English", Description = "Shown to people who use Rake in English.")]
    public string? TitleEn { get; set; }

    [Input(DisplayName = "Days from now", Description = "Calendar days (Europe/Helsinki) from the day the activity runs.")]
    public int DaysFromNow { get; set; } = 14;

    [Input(DisplayName = "Start time", Description = "Local time HH:mm (Europe/Helsinki).")]
    public string? Time { get; set; } = "09:00";

    [Input(DisplayName = "Duration (minutes)", Description = "15–720.")]
    public int DurationMinutes { get; set; } = 120;

    [Input(DisplayName = "Place", Description = "Where the meeting is held, e.g. 'Teams'.")]
    public string? Location { get; set; }

    [Input(DisplayName = "Teams link", Description = "An https link to the online meeting.")]
    public string? OnlineUrl { get; set; }

    [Output(DisplayName = "Meeting id")]
    public string? MeetingId { get; private set; }

    [Output(DisplayName = "Starts at", Description = "The start, ISO 8601 UTC.")]
    public string? StartsAt { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!TimeOnly.TryParseExact(Time ?? "09:00", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            context.Fault($"'{Time}' is not a time HH:mm.");
            return;
        }
        var day = Helsinki.Today(context.Time).AddDays(Math.Max(0, DaysFromNow));
        var local = day.ToDateTime(time);
        var start = new DateTimeOffset(local, Helsinki.TimeZone.GetUtcOffset(local)).ToUniversalTime();
        StartsAt = start.ToString("O", CultureInfo.InvariantCulture);
        var handler = WorkingGroupRun.Handler<ScheduleMeetingHandler>(context);
        var body = await WorkingGroupRun.FindBodyAsync(context, Body);
        if (body is null)
        {
            // The human tasks carry the process; a region that has not set up its bodies yet still runs it.
            context.Journal(
                $"The region has no body '{Body}': meeting '{Title}' was not scheduled. Create the body on the working-group pages.");
            context.Complete();
            return;
        }
        var request = new ScheduleMeetingRequest(string.IsNullOrWhiteSpace(Title) ? body.Name : Title.Trim(), start,
            Math.Clamp(DurationMinutes, WorkingGroupRun.MinMinutes, WorkingGroupRun.MaxMinutes),
            Location, OnlineUrl);
        if (!await WorkingGroupRun.ValidAsync(context, request))
        {
            return;
        }
        var meeting = await handler.HandleAsync(body.Id, request, WorkingGroupRun.Key(context), context.CancellationToken);
        MeetingId = meeting.Id.ToString();
        context.Journal($"Meeting '{meeting.Title}' of {body.Name} scheduled for {day:yyyy-MM-dd} at {time:HH\\:mm}.");
        context.Complete();
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        foreach (var problem in WorkingGroupRun.ValidateBody(design).Concat(LocalisedInput.Validate(design, "title", "title",
            WorkingGroupRun.MaxTitleLength)))
        {
            yield return problem;
        }
        if (design.TryGetConstantInput<string>("time", out var time) && time is not null
            && !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"The start time '{time}' is not HH:mm.";
        }
        if (design.TryGetConstantInput<int>("daysFromNow", out var days) && days is < 0 or > 366)
        {
            yield return $"Days from now must be 0–366, not {days}.";
        }
        if (design.TryGetConstantInput<int>("durationMinutes", out var minutes)
            && minutes is < WorkingGroupRun.MinMinutes or > WorkingGroupRun.MaxMinutes)
        {
            yield return $"The duration must be 15–{WorkingGroupRun.MaxMinutes} minutes, not {minutes}.";
        }
        if (design.TryGetConstantInput<string>("onlineUrl", out var url) && !string.IsNullOrWhiteSpace(url)
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"The Teams link '{url}' is not an https address.";
        }
    }
}

/// <summary>
/// Adds an item (plan review, nominations review…) to the agenda of the meeting of the body that the same run scheduled,
/// or else of the body's next scheduled meeting.
/// </summary>
[Activity("Rake.WorkingGroup.AddAgendaItem", Category = "Rake Working group", DisplayName = "Add agenda item",
    Description = "Adds an item to the agenda of the body's next scheduled meeting: "
        + "PlanReview, NominationsReview, Compilation, CurrentMatters or Other.")]
internal sealed class AddAgendaItem : WorkflowActivity
{
    [Input(DisplayName = "Body", Description = WorkingGroupRun.BodyHint, UIHint = InputUIHints.DropDown,
        Options = typeof(BodyOptions))]
    public string? Body { get; set; }

    [Input(DisplayName = "Kind", Description = "PlanReview, NominationsReview, Compilation, CurrentMatters or Other.")]
    public string? Kind { get; set; } = nameof(AgendaItemKind.Other);

    [Input(DisplayName = "Title", Description = "The item as it reads on the agenda.")]
    public string? Title { get; set; }

    [Input(DisplayName = "Title in Swedish", Description = "The item as it reads on the agenda in Swedish.")]
    public string? TitleSv { get; set; }

    [Input(DisplayName = "Title in English", Description = "The item as it reads on the agenda in English.")]
    public string? TitleEn { get; set; }

    [Input(DisplayName = "Notes", Description = "Background for the item.", UIHint = InputUIHints.MultiLine)]
    public string? Notes { get; set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!Enum.TryParse<AgendaItemKind>(Kind ?? nameof(AgendaItemKind.Other), ignoreCase: true, out var kind))
        {
            context.Fault($"'{Kind}' is not an agenda item kind.");
            return;
        }
        var handler = WorkingGroupRun.Handler<AddAgendaItemHandler>(context);
        var body = await WorkingGroupRun.FindBodyAsync(context, Body);
        var now = context.Time.GetUtcNow();
        var upcoming = body is null ? null : WorkingGroupRun.Db(context).Meetings.AsNoTracking()
            .Where(m => m.BodyId == body.Id && m.StartsAt >= now && m.Status == MeetingStatus.Scheduled)
            .OrderBy(m => m.StartsAt);
        // The meeting this run scheduled comes first: another meeting of the body set for the same days (a demo's, one
        // scheduled by hand) must not take the run's item.
        var ownKeys = $"{context.WorkflowInstanceId}/";
        var meeting = upcoming is null ? null
            : await upcoming.FirstOrDefaultAsync(m => m.SourceKey != null && m.SourceKey.StartsWith(ownKeys), context.CancellationToken)
                ?? await upcoming.FirstOrDefaultAsync(context.CancellationToken);
        if (meeting is null)
        {
            // The process goes on: a person adds the item when the meeting is scheduled by hand.
            context.Journal($"No upcoming meeting of '{Body}': agenda item '{Title}' was not added.");
            context.Complete();
            return;
        }
        var request = new AddAgendaItemRequest(kind.ToString(), Title, Notes);
        if (!await WorkingGroupRun.ValidAsync(context, request))
        {
            return;
        }
        await handler.HandleAsync(meeting.Id, request, WorkingGroupRun.Key(context), context.CancellationToken);
        context.Journal($"Agenda item '{Title}' added to '{meeting.Title}'.");
        context.Complete();
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        foreach (var problem in WorkingGroupRun.ValidateBody(design).Concat(LocalisedInput.Validate(design, "title", "title",
            WorkingGroupRun.MaxTitleLength)))
        {
            yield return problem;
        }
        if (design.GetExpressionType("title") is null)
        {
            yield return "The agenda item's title is missing.";
        }
        if (design.TryGetConstantInput<string>("kind", out var kind) && kind is not null
            && !Enum.TryParse<AgendaItemKind>(kind, ignoreCase: true, out _))
        {
            yield return $"'{kind}' is not an agenda item kind (PlanReview, NominationsReview, Compilation, CurrentMatters, Other).";
        }
    }
}

/// <summary>
/// Records a body's decision on the latest meeting (or the next, if none is held yet). With a period, the decision
/// concerns every report of that reporting period, and their reporters see it in their timeline.
/// </summary>
[Activity("Rake.WorkingGroup.RecordDecision", Category = "Rake Working group", DisplayName = "Record decision",
    Description = "Records a decision of a body (e.g. the steering group on the half-year compilation) with a responsible person; "
        + "with a period, the reporters of that period's reports see it in their report's timeline.")]
internal sealed class RecordDecision : WorkflowActivity
{
    [Input(DisplayName = "Body", Description = WorkingGroupRun.BodyHint, UIHint = InputUIHints.DropDown,
        Options = typeof(BodyOptions))]
    public string? Body { get; set; }

    [Input(DisplayName = "Phenomenon", Description = "What the decision is about.")]
    public string? Phenomenon { get; set; }

    [Input(DisplayName = "Outcome", Description = "ContinueHandling, FollowUpAction or Noted.")]
    public string? Outcome { get; set; } = nameof(DecisionOutcome.Noted);

    [Input(DisplayName = "Decision", Description = "The decision as the reporters will read it.", UIHint = InputUIHints.MultiLine)]
    public string? Text { get; set; }

    [Input(DisplayName = "Responsible person", Description = "Who carries the decision on.")]
    public string? ResponsiblePerson { get; set; }

    [Input(DisplayName = "Period", Description = "Whose reports the decision concerns: a period id (2026-H1, 2026) or 'previous' "
        + "for the region's latest ended period; empty for none.")]
    public string? Period { get; set; }

    [Output(DisplayName = "Decision id")]
    public string? DecisionId { get; private set; }

    [Output(DisplayName = "Reports", Description = "How many reports the decision concerns.")]
    public int? ReportCount { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!Enum.TryParse<DecisionOutcome>(Outcome ?? nameof(DecisionOutcome.Noted), ignoreCase: true, out var outcome))
        {
            context.Fault($"'{Outcome}' is not a decision outcome.");
            return;
        }
        var handler = WorkingGroupRun.Handler<RecordDecisionHandler>(context);
        var body = await WorkingGroupRun.FindBodyAsync(context, Body);
        if (body is null)
        {
            context.Journal($"The region has no body '{Body}': decision '{Phenomenon}' was not recorded.");
            context.Complete();
            return;
        }
        var db = WorkingGroupRun.Db(context);
        var now = context.Time.GetUtcNow();
        var meetings = db.Meetings.AsNoTracking().Where(m => m.BodyId == body.Id && m.Status != MeetingStatus.Cancelled);
        var meeting = await meetings.Where(m => m.StartsAt <= now).OrderByDescending(m => m.StartsAt)
                .FirstOrDefaultAsync(context.CancellationToken)
            ?? await meetings.OrderBy(m => m.StartsAt).FirstOrDefaultAsync(context.CancellationToken);
        if (meeting is null)
        {
            context.Journal($"'{body.Name}' has no meeting: decision '{Phenomenon}' was not recorded.");
            context.Complete();
            return;
        }
        var numbers = await ReportNumbersAsync(context, now);
        if (numbers is null)
        {
            context.Fault($"'{Period}' is not one of the region's reporting periods.");
            return;
        }
        var request = new RecordDecisionRequest(Phenomenon, outcome.ToString(), Text, ResponsiblePerson, numbers);
        if (!await WorkingGroupRun.ValidAsync(context, request))
        {
            return;
        }
        var decision = await handler.HandleAsync(meeting.Id, request, WorkingGroupRun.Key(context), context.CancellationToken);
        DecisionId = decision.Id.ToString();
        ReportCount = numbers.Count;
        context.Journal($"Decision '{decision.Phenomenon}' recorded in '{meeting.Title}' ({numbers.Count} reports).");
        context.Complete();
    }

    private async Task<IReadOnlyList<int>?> ReportNumbersAsync(IActivityExecutionContext context, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(Period))
        {
            return [];
        }
        var reporting = context.Services.GetRequiredService<IReportingApi>();
        var id = Period.Trim();
        if (id.Equals("previous", StringComparison.OrdinalIgnoreCase))
        {
            var today = Helsinki.ToLocalDate(now);
            var periods = new List<ReportingPeriodInfo>();
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                periods.AddRange(await reporting.PeriodsAsync(year, context.CancellationToken));
            }
            var latest = periods.Where(p => !p.IsInterim && p.To < today).OrderByDescending(p => p.To).FirstOrDefault();
            if (latest is null)
            {
                return [];
            }
            id = latest.Id;
        }
        var compilation = await reporting.CompileAsync(id, context.CancellationToken);
        return compilation?.Reports.Select(r => r.Number).ToList();
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        foreach (var problem in WorkingGroupRun.ValidateBody(design))
        {
            yield return problem;
        }
        if (design.GetExpressionType("phenomenon") is null)
        {
            yield return "What the decision is about (phenomenon) is missing.";
        }
        if (design.GetExpressionType("text") is null)
        {
            yield return "The decision text is missing.";
        }
        if (design.TryGetConstantInput<string>("outcome", out var outcome) && outcome is not null
            && !Enum.TryParse<DecisionOutcome>(outcome, ignoreCase: true, out _))
        {
            yield return $"'{outcome}' is not a decision outcome (ContinueHandling, FollowUpAction, Noted).";
        }
    }
}
