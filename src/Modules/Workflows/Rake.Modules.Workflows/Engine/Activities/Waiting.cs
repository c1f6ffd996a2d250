using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

/// <summary>Waits for a time span. Only the bookmark and its due time are created; a scheduler resumes it later.</summary>
[Activity("Elsa.Delay", Category = "Scheduling", DisplayName = "Delay", Description = "Waits for a time span.")]
internal sealed class Delay : WorkflowActivity
{
    [Input(DisplayName = "Time span", Description = "How long to wait (hh:mm:ss).")]
    public TimeSpan TimeSpan { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.CreateBookmark(BookmarkRequest.At("Elsa.Delay", context.Time.GetUtcNow() + TimeSpan));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Fires at an interval. Starting a workflow, it completes at once; inside one it waits one interval.</summary>
[Activity("Elsa.Timer", Category = "Scheduling", DisplayName = "Timer", Description = "Fires at an interval.", IsTrigger = true)]
internal sealed class Timer : WorkflowActivity
{
    [Input(DisplayName = "Interval", Description = "The interval (hh:mm:ss).")]
    public TimeSpan Interval { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.IsTriggerOfRun)
        {
            context.Complete();
        }
        else
        {
            context.CreateBookmark(BookmarkRequest.At("Elsa.Timer", context.Time.GetUtcNow() + Interval));
        }
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.TryGetConstantInput<TimeSpan>("interval", out var interval) && interval <= TimeSpan.Zero)
        {
            yield return "The timer interval must be greater than zero.";
        }
    }

    public override IEnumerable<TriggerRequest> GetTriggers(IActivityDesign design, DateTimeOffset now) =>
        design.TryGetConstantInput<TimeSpan>("interval", out var interval) && interval > TimeSpan.Zero
            ? [new TriggerRequest(design.ActivityId, BookmarkKind.Time, "Elsa.Timer", now + interval, Interval: interval)]
            : [];
}

/// <summary>Fires on a cron schedule (six fields with seconds, as Elsa's Cron, or the classic five).</summary>
[Activity("Elsa.Cron", Category = "Scheduling", DisplayName = "Cron", Description = "Fires on a cron schedule.", IsTrigger = true)]
internal sealed class Cron : WorkflowActivity
{
    [Input(DisplayName = "Cron expression", Description = "Seconds, minutes, hours, day of month, month, day of week.")]
    public string? CronExpression { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.IsTriggerOfRun)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }
        var schedule = CronSchedule.Parse(CronExpression ?? "");
        var next = schedule.GetNextOccurrence(context.Time.GetUtcNow());
        if (next is null)
        {
            context.Fault($"The cron expression '{CronExpression}' has no future occurrence.");
            return ValueTask.CompletedTask;
        }
        context.CreateBookmark(BookmarkRequest.At("Elsa.Cron", next.Value));
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("cronExpression") is not (null or "Literal"))
        {
            yield break;
        }
        design.TryGetConstantInput<string>("cronExpression", out var expression);
        if (!CronSchedule.TryParse(expression ?? "", out _, out var error))
        {
            // Elsa's wording, so messages match what an Elsa server reports for the same file.
            yield return "Error when parsing cron expression: " + error;
        }
    }

    public override IEnumerable<TriggerRequest> GetTriggers(IActivityDesign design, DateTimeOffset now) =>
        design.TryGetConstantInput<string>("cronExpression", out var expression) && expression is not null
        && CronSchedule.TryParse(expression, out var schedule, out _) && schedule!.GetNextOccurrence(now) is { } next
            ? [new TriggerRequest(design.ActivityId, BookmarkKind.Time, "Elsa.Cron", next, CronExpression: expression)]
            : [];
}

/// <summary>Waits until a moment.</summary>
[Activity("Elsa.StartAt", Category = "Scheduling", DisplayName = "Start at", Description = "Fires at a given moment.", IsTrigger = true)]
internal sealed class StartAt : WorkflowActivity
{
    [Input(DisplayName = "Date and time", Description = "When to fire.", UIHint = InputUIHints.DateTimePicker)]
    public DateTimeOffset DateTime { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.IsTriggerOfRun || DateTime <= context.Time.GetUtcNow())
        {
            context.Complete();
        }
        else
        {
            context.CreateBookmark(BookmarkRequest.At("Elsa.StartAt", DateTime));
        }
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<TriggerRequest> GetTriggers(IActivityDesign design, DateTimeOffset now) =>
        design.TryGetConstantInput<DateTimeOffset>("dateTime", out var at)
            ? [new TriggerRequest(design.ActivityId, BookmarkKind.Time, "Elsa.StartAt", at)]
            : [];
}

/// <summary>
/// Waits for a named event; the resume input becomes its <c>result</c> output. With <c>canStartWorkflow</c> raising the
/// event starts a new instance of the workflow in the region (the runtime's RaiseEventAsync).
/// </summary>
[Activity("Elsa.Event", Category = "Primitives", DisplayName = "Event", Description = "Waits for an event.", IsTrigger = true)]
internal sealed class Event : WorkflowActivity
{
    /// <summary>Where a run started by this trigger finds the event's payload in its input (Elsa's key).</summary>
    public const string PayloadInputKey = "__EventPayloadWorkflowInput";

    [Input(DisplayName = "Event name", Description = "The name of the event to wait for.")]
    public string? EventName { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.IsTriggerOfRun)
        {
            // Started by the event: its payload is the result, as when a waiting Event is resumed.
            context.SetOutput("result", ((ActivityContext)context).GetInput(PayloadInputKey));
            context.Complete();
        }
        else
        {
            context.CreateBookmark(BookmarkRequest.ForEvent(EventName ?? ""));
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        context.SetOutput("result", bookmark.Input);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<TriggerRequest> GetTriggers(IActivityDesign design, DateTimeOffset now) =>
        design.TryGetConstantInput<string>("eventName", out var name) && !string.IsNullOrEmpty(name)
            ? [new TriggerRequest(design.ActivityId, BookmarkKind.Event, name)]
            : [];
}

/// <summary>Publishes an event; the host delivers it to instances waiting on an Event of that name.</summary>
[Activity("Elsa.PublishEvent", Category = "Primitives", DisplayName = "Publish event", Description = "Publishes an event.")]
internal sealed class PublishEvent : WorkflowActivity
{
    [Input(DisplayName = "Event name", Description = "The name of the event.")]
    public string? EventName { get; set; }

    [Input(DisplayName = "Correlation id", Description = "Only instances with this correlation id receive it, when set.")]
    public string? CorrelationId { get; set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.PublishEvent(EventName ?? "", CorrelationId, await context.GetInputAsync("payload"));
        context.Complete();
    }
}
