using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>
/// Resumes Time bookmarks (Delay, Timer, Cron, StartAt inside a running workflow) that have come due, and starts
/// instances of published definitions whose start triggers (Cron, Timer, StartAt) have come due, each in its own
/// region. Quartz decides when it runs (<see cref="WorkflowScheduling"/>); the work itself is safe to run anywhere and
/// any number of times: two Host processes on one database resume each bookmark once (the instance revision check)
/// and start one instance per trigger fire (the trigger revision check).
/// </summary>
internal sealed class WorkflowTimers(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WorkflowTimers> logger)
{
    /// <summary>The workflow input that names the cron or timer occurrence a trigger started the instance for (UTC).</summary>
    public const string TriggeredForInput = "TriggeredFor";

    /// <summary>How many missed occurrences of one cron trigger are replayed at most, oldest first.</summary>
    public const int MaxCatchUpOccurrences = 100;

    private const int Batch = 100;
    private const string TimeKind = nameof(Rake.Workflows.Abstractions.BookmarkKind.Time);

    /// <summary>Starts instances for every start trigger due now, then resumes every Time bookmark due now; returns how many ran.</summary>
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var started = await FireDueTriggersAsync(ct);
        return started + await ResumeDueBookmarksAsync(ct);
    }

    /// <summary>Starts one instance per due definition trigger, each in its own region; returns how many started.</summary>
    private async Task<int> FireDueTriggersAsync(CancellationToken ct)
    {
        var started = 0;
        List<(Guid Id, string Region)> due;
        do
        {
            var now = clock.GetUtcNow();
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
                // Deliberately across regions: each trigger is then fired in a scope acting in its own region.
                due = (await db.Triggers.IgnoreQueryFilters().AsNoTracking()
                        .Where(t => t.NextFireAt <= now)
                        .OrderBy(t => t.NextFireAt)
                        .Select(t => new { t.Id, t.RegionCode })
                        .Take(Batch)
                        .ToListAsync(ct))
                    .Select(t => (t.Id, t.RegionCode)).ToList();
            }
            var progressed = 0;
            foreach (var (id, region) in due)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(region), "workflow-trigger");
                    started += await FireTriggerAsync(scope.ServiceProvider, id, ct) ? 1 : 0;
                    progressed++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another Host (or round) fired this trigger first and saved its instance; ours was rolled back.
                    progressed++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Firing workflow trigger {TriggerId} in region {Region} failed; it is retried on the next round.",
                        id, region);
                }
            }
            if (progressed == 0)
            {
                break;
            }
        }
        // A cron trigger that fired for a missed occurrence may still be due for the next one: another round.
        while (due.Count > 0);
        return started;
    }

    /// <summary>
    /// Fires one trigger: the trigger is advanced (or, fired once, removed) and the instance added in one SaveChanges,
    /// with the trigger's revision checked, so of two concurrent fires only one commits an instance.
    /// </summary>
    private async Task<bool> FireTriggerAsync(IServiceProvider services, Guid id, CancellationToken ct)
    {
        var db = services.GetRequiredService<WorkflowsDbContext>();
        var now = clock.GetUtcNow();
        var trigger = await db.Triggers.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (trigger is null || trigger.NextFireAt > now)
        {
            return false;
        }
        var schedule = trigger.CronExpression is { } cron ? CronSchedule.Parse(cron) : null;
        var occurrence = schedule is null ? trigger.NextFireAt : CatchUpFrom(schedule, trigger.NextFireAt, now, trigger);
        if (schedule?.GetNextOccurrence(occurrence) is { } next)
        {
            // Each occurrence fires once, also those that came due while every Host was down: this start is for
            // `occurrence`, and the trigger moves to the one after it, which may still be due and then fires on the
            // same round (docs/adr/0154). Cron is read in UTC, as the Cron activity reads it.
            trigger.NextFireAt = next.ToUniversalTime();
            trigger.Revision++;
        }
        else
        {
            // StartAt and Timer start triggers fire once (as does a cron with no further occurrence).
            db.Triggers.Remove(trigger);
        }
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var input = new Dictionary<string, object?>
        {
            [TriggeredForInput] = occurrence.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        var instance = await runtime.StartAsync(trigger.DefinitionId, input, ct, trigger.ActivityId);
        if (instance is null)
        {
            // No published version left to start: the trigger still moves on so it is not retried every round.
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Workflow trigger {TriggerId} of {DefinitionId} in region {Region} fired but no published version exists.",
                trigger.Id, trigger.DefinitionId, trigger.RegionCode);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Where the catch-up of a cron trigger starts: its first missed occurrence, unless more than
    /// <see cref="MaxCatchUpOccurrences"/> were missed (a per-second cron and a week's outage), when the oldest are skipped
    /// and only about that many of the latest are replayed.
    /// </summary>
    private DateTimeOffset CatchUpFrom(CronSchedule schedule, DateTimeOffset first, DateTimeOffset now, WorkflowTriggerRecord trigger)
    {
        var last = first;
        for (var missed = 1; missed < MaxCatchUpOccurrences; missed++)
        {
            if (schedule.GetNextOccurrence(last) is not { } next || next > now)
            {
                return first;
            }
            last = next;
        }
        if (schedule.GetNextOccurrence(last) is not { } beyond || beyond > now)
        {
            return first;
        }
        var restart = schedule.GetNextOccurrence(now - (last - first)) ?? first;
        logger.LogWarning("Workflow trigger {TriggerId} of {DefinitionId} in region {Region} missed more than {Max} occurrences " +
                          "since {First}; the occurrences before {Restart} are skipped.",
            trigger.Id, trigger.DefinitionId, trigger.RegionCode, MaxCatchUpOccurrences, first, restart);
        return restart > first ? restart.ToUniversalTime() : first;
    }

    /// <summary>Resumes every Time bookmark due now; returns how many ran.</summary>
    private async Task<int> ResumeDueBookmarksAsync(CancellationToken ct)
    {
        var resumed = 0;
        List<(Guid Id, string Region)> due;
        do
        {
            var now = clock.GetUtcNow();
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
                // Deliberately across regions: each bookmark is then resumed in a scope acting in its own region.
                due = (await db.Bookmarks.IgnoreQueryFilters().AsNoTracking()
                        .Where(b => b.Kind == TimeKind && b.CompletedAt == null && b.DueAt <= now)
                        .OrderBy(b => b.DueAt)
                        .Select(b => new { b.Id, b.RegionCode })
                        .Take(Batch)
                        .ToListAsync(ct))
                    .Select(b => (b.Id, b.RegionCode)).ToList();
            }
            var progressed = 0;
            foreach (var (id, region) in due)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(region), "workflow-timer");
                    var outcome = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeAsync(id, null, "timer", ct);
                    progressed++;
                    resumed += outcome == ResumeOutcome.Resumed ? 1 : 0;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Resuming timer bookmark {BookmarkId} in region {Region} failed; it is retried on the next round.",
                        id, region);
                }
            }
            if (progressed == 0)
            {
                break;
            }
        }
        while (due.Count == Batch);
        return resumed;
    }
}
