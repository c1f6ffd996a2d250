using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>
/// Resumes Time bookmarks (Delay, Timer, Cron, StartAt inside a running workflow) that have come due, in each one's
/// own region. A stand-in until timers move to a persistent scheduler: it polls the bookmark table, so nothing is lost
/// over a restart, and two Host processes on one database resume each bookmark once (the instance revision check).
/// </summary>
internal sealed class WorkflowTimers(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WorkflowTimers> logger)
{
    private const int Batch = 100;
    private const string TimeKind = nameof(Rake.Workflows.Abstractions.BookmarkKind.Time);

    /// <summary>Resumes every Time bookmark due now; returns how many ran.</summary>
    public async Task<int> FireDueAsync(CancellationToken ct)
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
                    logger.LogError(ex, "Resuming timer bookmark {BookmarkId} in region {Region} failed; it is retried on the next round.", id, region);
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

/// <summary>Runs <see cref="WorkflowTimers"/> every <c>Rake:Workflows:TimerPollSeconds</c> seconds (15 by default; 0 turns it off).</summary>
internal sealed class WorkflowTimerService(WorkflowTimers timers, IConfiguration configuration, TimeProvider clock, ILogger<WorkflowTimerService> logger) : BackgroundService
{
    public const string PollSecondsKey = "Rake:Workflows:TimerPollSeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue<double?>(PollSecondsKey) ?? 15;
        if (seconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await timers.FireDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "A round of workflow timers failed; the next round tries again.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
