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
        while (due.Count == Batch);
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
        if (trigger.CronExpression is { } cron && CronSchedule.Parse(cron).GetNextOccurrence(now) is { } next)
        {
            // Catching up: a Host that was down past several occurrences fires once for all of them and moves on to
            // the next occurrence after now (in UTC, as the Cron activity reads it), rather than replaying each one.
            trigger.NextFireAt = next.ToUniversalTime();
            trigger.Revision++;
        }
        else
        {
            // StartAt and Timer start triggers fire once (as does a cron with no further occurrence).
            db.Triggers.Remove(trigger);
        }
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var instance = await runtime.StartAsync(trigger.DefinitionId, null, ct, trigger.ActivityId);
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
