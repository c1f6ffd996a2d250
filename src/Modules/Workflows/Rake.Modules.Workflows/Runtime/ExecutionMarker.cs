using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Activities;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>
/// A crash is never replayed into a loop (docs/adr/0060): the runtime commits an "executing since" marker before it runs
/// an instance's activities and clears it in the commit that saves the result. At start-up, before the scheduler
/// fires anything, instances this node left marked are faulted with <see cref="ProcessStoppedMessage"/> and their open
/// bookmarks closed, so neither a missed timer nor a due bookmark runs them again. A faulted child's waiting parent is
/// resumed with the fault through the outbox (docs/adr/0194).
/// </summary>
internal sealed class ExecutionMarker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    OutboxSignal outboxSignal, ILogger<ExecutionMarker> logger)
    : IHostedService
{
    public const string ProcessStoppedMessage = "The process stopped while this instance was running; it was not run again.";

    /// <summary>
    /// The node (<c>Workflows:NodeName</c>, by default the machine name): at start-up a node recovers only its own
    /// markers, so on a cluster another node's running instances are left alone.
    /// </summary>
    public string Node { get; } = NodeOf(configuration);

    private static readonly int ClaimNodeMax = OutboxDispatcher.DispatcherIdMax - 50;

    private readonly string startId = Guid.NewGuid().ToString("N");

    /// <summary>This Host's marker owner: node, process and a per-start id (tests restart Hosts inside one process).</summary>
    public string Owner => Limit($"{Node}/{Environment.ProcessId}/{startId}");

    /// <summary>
    /// The same, short enough to hold an outbox claim: the child starts this Host stored and starts itself (docs/adr/0190).
    /// </summary>
    public string ClaimOwner => $"{ClaimNode}/{Environment.ProcessId}/{startId}";

    private string ClaimNode => Node.Length <= ClaimNodeMax ? Node : Node[..ClaimNodeMax];

    private static string NodeOf(IConfiguration configuration) =>
        Limit(configuration["Workflows:NodeName"] is { Length: > 0 } name ? name : Environment.MachineName);

    private static string Limit(string text) => text.Length <= 200 ? text : text[..200];

    public void Mark(WorkflowInstanceRecord record, DateTimeOffset now)
    {
        record.ExecutingSince = now;
        record.ExecutingOn = Owner;
    }

    public static void Clear(WorkflowInstanceRecord record)
    {
        record.ExecutingSince = null;
        record.ExecutingOn = null;
    }

    public async Task StartAsync(CancellationToken cancellationToken) => await RecoverAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Faults every instance this node left marked, and hands the child starts this node stored but did not do to the
    /// outbox dispatcher at once instead of after their lease; returns how many instances were faulted.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        await ReleaseChildStartsAsync(ct);
        List<(Guid Id, string Region)> stranded;
        var prefix = Node + "/";
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Deliberately across regions: each instance is then faulted in a scope acting in its own region.
            stranded = (await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.IgnoreQueryFilters().AsNoTracking()
                    .Where(i => i.ExecutingSince != null && i.ExecutingOn != null && i.ExecutingOn.StartsWith(prefix)
                        && i.ExecutingOn != Owner)
                    .Select(i => new { i.Id, i.RegionCode })
                    .ToListAsync(ct))
                .Select(i => (i.Id, i.RegionCode)).ToList();
        }
        foreach (var group in stranded.GroupBy(s => s.Region))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(group.Key), "workflow-recovery");
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var ids = group.Select(s => s.Id).ToList();
            var now = clock.GetUtcNow();
            foreach (var bookmark in await db.Bookmarks.Where(b => ids.Contains(b.InstanceId) && b.CompletedAt == null).ToListAsync(ct))
            {
                bookmark.CompletedAt = now;
                bookmark.CompletedBy = "system";
            }
            foreach (var record in await db.Instances.Where(i => ids.Contains(i.Id)).ToListAsync(ct))
            {
                var journal = string.IsNullOrEmpty(record.Journal) ? [] : InstanceStateSerializer.DeserializeJournal(record.Journal);
                journal.Add(new JournalEntry(now, "", "", "Faulted", ProcessStoppedMessage));
                record.Journal = System.Text.Json.JsonSerializer.Serialize(journal, InstanceStateSerializer.Options);
                record.Status = nameof(WorkflowStatus.Finished);
                record.SubStatus = nameof(WorkflowSubStatus.Faulted);
                record.FaultMessage = ProcessStoppedMessage;
                record.UpdatedAt = now;
                record.Revision++;
                logger.LogError(
                    "Workflow instance {InstanceId} ({DefinitionId} v{Version}, region {Region}) was running since {Since} "
                    + "when the process stopped; it is faulted and not run again.",
                    record.Id, record.DefinitionId, record.DefinitionVersion, record.RegionCode, record.ExecutingSince);
                Clear(record);
                if (record.ParentInstanceId is { } parentId)
                {
                    // In this commit, so a Host that stops again before the parent ran still resumes it (docs/adr/0194).
                    var summary = InstanceStateSerializer.ReadSummary(record.State);
                    var result = ChildWorkflows.Faulted(record.Id.ToString("N"), summary.Output,
                        record.CorrelationId ?? summary.CorrelationId, ProcessStoppedMessage);
                    db.Publish(new StoppedChildWorkflowFaulted(Guid.CreateVersion7(now), new RegionId(record.RegionCode), now,
                        parentId, record.Id, result));
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return stranded.Count;
    }

    private async Task ReleaseChildStartsAsync(CancellationToken ct)
    {
        var prefix = ClaimNode + "/";
        var eventType = IntegrationEventTypes.NameOf(typeof(ChildWorkflowStartRequested));
        await using var scope = scopes.CreateAsyncScope();
        var released = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().OutboxMessages
            .Where(m => m.EventType == eventType && m.ProcessedAt == null && m.ClaimedBy != null && m.ClaimedBy.StartsWith(prefix)
                && m.ClaimedBy != ClaimOwner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
        if (released > 0)
        {
            logger.LogWarning("{Count} child workflow starts stored before the process stopped are handed to the outbox now.", released);
            outboxSignal.Notify(typeof(WorkflowsDbContext));
        }
    }
}
