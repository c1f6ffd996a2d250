using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Activities;
using Rake.Modules.Workflows.Engine.Expressions;
using Rake.Modules.Workflows.Persistence;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>Builds an engine per operation: the id counter then starts fresh and is moved past a restored instance's ids.</summary>
internal sealed class WorkflowEngineFactory(ActivityRegistry registry, JavaScriptOptions javaScript, TimeProvider time)
{
    public ActivityRegistry Registry => registry;

    public WorkflowEngine Create(IServiceProvider? services = null) =>
        new(registry, new ExpressionEvaluator(new JavaScriptSandbox(javaScript)), time, services);

    public WorkflowPublisher Publisher() => new(registry, time);

    /// <summary>
    /// Activities come from every loaded assembly that builds on the activity SDK: this module's built-ins and the
    /// modules' contributions, which the Host has loaded by listing the modules.
    /// </summary>
    public static ActivityRegistry DiscoverRegistry()
    {
        var sdk = typeof(WorkflowActivity).Assembly.GetName().Name;
        var assemblies = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.GetReferencedAssemblies().Any(r => r.Name == sdk))
            .Append(typeof(WorkflowEngineFactory).Assembly)
            .Distinct()
            .OrderBy(a => a.FullName, StringComparer.Ordinal);
        return new ActivityRegistry(assemblies.Where(Loadable));
    }

    private static bool Loadable(Assembly assembly)
    {
        try
        {
            _ = assembly.GetTypes();
            return true;
        }
        catch (ReflectionTypeLoadException)
        {
            return false;
        }
    }
}

internal enum ResumeOutcome { Resumed, NotFound, AlreadyCompleted }

internal enum CancelOutcome { Cancelled, AlreadyFinished, Busy }

/// <summary>
/// The only way the rest of the module runs workflows: start, resume, raise events, complete tasks. Every run is
/// loaded from and saved to the database in one SaveChanges (instance, journal and bookmarks), so a restart loses
/// nothing; a revision check makes two concurrent resumes of one bookmark run it once.
/// </summary>
internal sealed class WorkflowRuntime(
    WorkflowsDbContext db, WorkflowEngineFactory engines, IRequestContext actor, TimeProvider clock, IServiceProvider services,
    ExecutionMarker marker,
    ILogger<WorkflowRuntime> logger)
{
    public const string HumanTaskKind = nameof(BookmarkKind.HumanTask);
    public const string EventKind = nameof(BookmarkKind.Event);
    public const string ChildWorkflowKind = nameof(BookmarkKind.ChildWorkflow);
    private const int MaxAttempts = 5;

    /// <summary>How long a resume waits for another resume of the same instance in this process before it runs anyway.</summary>
    private static readonly TimeSpan OwnRunWait = TimeSpan.FromSeconds(10);

    /// <summary>How deep events published by workflows may cascade into other workflows within one call.</summary>
    private const int MaxEventDepth = 8;

    private int eventDepth;

    /// <summary>
    /// False only in tests that stand for a process stopping right after a run's save: the children that run asked for
    /// are then stored but not started here, as after a crash (docs/adr/0190).
    /// </summary>
    internal bool StartsChildrenAfterSave { get; set; } = true;

    /// <summary>
    /// Starts the latest published version of a definition; null when the region has no published version of it.
    /// <paramref name="triggerActivityId"/> names the trigger activity that fired, which then starts the run without waiting.
    /// </summary>
    public Task<WorkflowInstanceRecord?> StartAsync(string definitionId, IReadOnlyDictionary<string, object?>? input,
        CancellationToken ct, string? triggerActivityId = null) =>
        StartAsync(definitionId, new RunOptions { Input = input, TriggerActivityId = triggerActivityId }, ct);

    /// <summary>
    /// Starts the latest published version of a definition with <paramref name="options"/> (input, trigger, correlation
    /// id, and for a child its id, parent and lineage); null when the region has no published version of it.
    /// </summary>
    public async Task<WorkflowInstanceRecord?> StartAsync(string definitionId, RunOptions options, CancellationToken ct)
    {
        using var span = WorkflowTelemetry.StartRun("start", definitionId);
        WorkflowDefinitionVersion? version = null;
        // A workflow used as an activity may pin a version; one the region no longer has published falls back to the latest.
        if (Guid.TryParse(options.DefinitionVersionId, out var pinned))
        {
            version = await db.Definitions.AsNoTracking()
                .Where(d => d.Id == pinned && d.DefinitionId == definitionId && d.IsPublished)
                .FirstOrDefaultAsync(ct);
        }
        version ??= await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var record = new WorkflowInstanceRecord
        {
            Id = options.InstanceId ?? Guid.NewGuid(),
            DefinitionId = version.DefinitionId,
            DefinitionVersion = version.Version,
            DefinitionVersionId = version.Id,
            Status = nameof(WorkflowStatus.Running),
            SubStatus = nameof(WorkflowSubStatus.Executing),
            CreatedAt = now,
            UpdatedAt = now,
            CorrelationId = CorrelationIdOf(options.CorrelationId),
            ParentInstanceId = Guid.TryParse(options.ParentInstanceId, out var parentId) ? parentId : null,
        };
        db.Instances.Add(record);
        // The marker is committed before any activity runs, together with whatever the caller changed on this context
        // (a start trigger moved on), so a run that takes the process down is neither lost nor started again.
        marker.Mark(record, now);
        await db.SaveChangesAsync(ct);
        var engine = engines.Create(services);
        var instance = await RunMarkedAsync(record, () => engine.StartAsync(
            PublishedDefinitions.Get(version), options with { InstanceId = record.Id }, ct));
        now = clock.GetUtcNow();
        Apply(record, instance, [], now, completedBy: null);
        var starts = StoreChildStarts(record, instance, now);
        await db.SaveChangesAsync(ct);
        WorkflowTelemetry.RunSaved(actor.Region?.Code ?? "", version.DefinitionId, resumed: false, record.SubStatus);
        logger.LogInformation("Started workflow {DefinitionId} v{Version} as {InstanceId} ({Status})", version.DefinitionId,
            version.Version, record.Id, record.SubStatus);
        await DeliverPublishedAsync(instance.PublishedEvents, ct);
        await AfterRunAsync(record.Id, instance, starts, ct);
        return record;
    }

    /// <summary>Resumes one stored bookmark with <paramref name="input"/>, on the definition version the instance started with.</summary>
    public async Task<ResumeOutcome> ResumeAsync(Guid bookmarkRecordId, object? input, string? completedBy, CancellationToken ct)
    {
        using var span = WorkflowTelemetry.StartRun("resume", null);
        var waitedForOwnRun = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var bookmark = await db.Bookmarks.FirstOrDefaultAsync(b => b.Id == bookmarkRecordId, ct);
            if (bookmark is null)
            {
                return ResumeOutcome.NotFound;
            }
            if (bookmark.CompletedAt is not null)
            {
                return ResumeOutcome.AlreadyCompleted;
            }
            var record = await db.Instances.FirstAsync(i => i.Id == bookmark.InstanceId, ct);
            if (record.ExecutingSince is not null && record.ExecutingOn != marker.Owner)
            {
                // Marked by a process that stopped mid-run: start-up recovery faults it; it is not run again here.
                return ResumeOutcome.AlreadyCompleted;
            }
            if (record.ExecutingSince is not null && waitedForOwnRun < OwnRunWait)
            {
                // Another resume in this process is running the instance: let it save rather than mark over it, which
                // would make its save and every other waiter's conflict again (concurrent resumes lived-locked).
                var pause = TimeSpan.FromMilliseconds(20);
                await Task.Delay(pause, ct);
                waitedForOwnRun += pause;
                attempt--;
                continue;
            }
            marker.Mark(record, clock.GetUtcNow());
            record.Revision++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                continue;
            }
            span?.SetTag("rake.workflow.definition", record.DefinitionId);
            var version = await db.Definitions.AsNoTracking().FirstAsync(d => d.Id == record.DefinitionVersionId, ct);
            var engine = engines.Create(services);
            var instance = InstanceStateSerializer.Deserialize(record.Id.ToString("N"), PublishedDefinitions.Get(version),
                record.State, record.Journal, engine);
            var open = await db.Bookmarks.Where(b => b.InstanceId == record.Id && b.CompletedAt == null).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var result = ResumeOutcome.AlreadyCompleted;
            var publishedBefore = instance.PublishedEvents.Count;
            if (instance.Bookmarks.Any(b => b.Id == bookmark.BookmarkId))
            {
                await RunMarkedAsync(record, async () =>
                {
                    await engine.ResumeAsync(instance, bookmark.BookmarkId, input, ct);
                    return instance;
                });
                result = ResumeOutcome.Resumed;
            }
            Apply(record, instance, open, now, completedBy ?? actor.UserName ?? "system");
            var starts = StoreChildStarts(record, instance, now);
            try
            {
                await db.SaveChangesAsync(ct);
                if (result == ResumeOutcome.Resumed)
                {
                    WorkflowTelemetry.RunSaved(actor.Region?.Code ?? "", record.DefinitionId, resumed: true, record.SubStatus);
                }
                await DeliverPublishedAsync(instance.PublishedEvents.Skip(publishedBefore).ToList(), ct);
                if (result == ResumeOutcome.Resumed)
                {
                    await AfterRunAsync(record.Id, instance, starts, ct);
                }
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another resume of this instance committed first; start over from what it saved.
                db.DiscardPendingEvents();
            }
        }
    }

    /// <summary>
    /// Cancels a running or suspended instance (Elsa's cancel): it finishes as Cancelled, its open bookmarks (human tasks,
    /// timers, events, child waits) are closed in the same save, so nothing resumes it, and its journal names who cancelled.
    /// A parent waiting on it is then resumed as for any finished child. Its running children (and theirs) are cancelled
    /// after it, as Elsa cancels them, so none of them resumes it (docs/adr/0190). Null when the region has no such instance.
    /// </summary>
    public async Task<CancelOutcome?> CancelAsync(Guid instanceId, CancellationToken ct, string? withParent = null)
    {
        using var span = WorkflowTelemetry.StartRun("cancel", null);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var record = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, ct);
            if (record is null)
            {
                return null;
            }
            if (record.Status != nameof(WorkflowStatus.Running))
            {
                return CancelOutcome.AlreadyFinished;
            }
            if (record.ExecutingSince is not null)
            {
                // An activity of it is running now (or the process that ran it stopped and start-up recovery will fault it).
                return CancelOutcome.Busy;
            }
            var version = await db.Definitions.AsNoTracking().FirstAsync(d => d.Id == record.DefinitionVersionId, ct);
            var engine = engines.Create(services);
            var instance = InstanceStateSerializer.Deserialize(record.Id.ToString("N"), PublishedDefinitions.Get(version),
                record.State, record.Journal, engine);
            var open = await db.Bookmarks.Where(b => b.InstanceId == record.Id && b.CompletedAt == null).ToListAsync(ct);
            var by = actor.UserName ?? "system";
            engine.CancelWorkflow(instance,
                withParent is null ? $"Cancelled by {by}." : $"Cancelled with its parent {withParent} by {by}.");
            Apply(record, instance, open, clock.GetUtcNow(), by);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // A resume of this instance committed first; look again at what it saved.
                db.DiscardPendingEvents();
                continue;
            }
            logger.LogInformation("Cancelled workflow instance {InstanceId} ({DefinitionId}) by {User}", record.Id, record.DefinitionId,
                by);
            await AfterRunAsync(record.Id, instance, [], ct);
            await CancelChildrenAsync(record.Id, ct);
            return CancelOutcome.Cancelled;
        }
    }

    /// <summary>Resumes every open Event bookmark of this name in the region; returns how many ran.</summary>
    public async Task<int> RaiseEventAsync(string name, object? payload, CancellationToken ct, Guid? onlyInstance = null)
    {
        var ids = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == EventKind && b.Name == name && b.CompletedAt == null)
            .Where(b => onlyInstance == null || b.InstanceId == onlyInstance)
            .OrderBy(b => b.CreatedAt)
            .Select(b => b.Id)
            .ToListAsync(ct);
        var resumed = 0;
        foreach (var id in ids)
        {
            if (await ResumeAsync(id, payload is JsonNode node ? node.DeepClone() : payload, null, ct) == ResumeOutcome.Resumed)
            {
                resumed++;
            }
        }
        return resumed;
    }

    /// <summary>
    /// Starts a new instance of every published workflow of the region whose Event trigger (<c>canStartWorkflow</c>) has
    /// this name, with the payload as input (an object's properties, and the whole payload under Elsa's key, which the
    /// trigger gives as its result) and the correlation id; returns the ids of the started instances.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> StartTriggeredAsync(string name, object? payload, string? correlationId,
        CancellationToken ct)
    {
        var started = new List<Guid>();
        if (string.IsNullOrEmpty(name))
        {
            return started;
        }
        // The name must appear in the JSON of a definition that it triggers: a cheap filter before parsing.
        var candidates = await db.Definitions.AsNoTracking()
            .Where(d => d.IsPublished && d.Json.Contains(name))
            .Select(d => new { d.DefinitionId, d.Version, d.Json })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return started;
        }
        var ids = candidates.Select(c => c.DefinitionId).Distinct().ToList();
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => d.IsPublished && ids.Contains(d.DefinitionId))
            .GroupBy(d => d.DefinitionId)
            .Select(g => new { DefinitionId = g.Key, Version = g.Max(d => d.Version) })
            .ToListAsync(ct);
        var publisher = engines.Publisher();
        foreach (var candidate in candidates.Where(c => latest.Any(l => l.DefinitionId == c.DefinitionId && l.Version == c.Version))
                     .OrderBy(c => c.DefinitionId, StringComparer.Ordinal))
        {
            var triggers = publisher.Publish(WorkflowDefinition.Parse(candidate.Json), failOnValidationErrors: false).Triggers
                .Where(t => t.Kind == BookmarkKind.Event && t.Name == name);
            foreach (var trigger in triggers)
            {
                var record = await StartAsync(candidate.DefinitionId, new RunOptions
                {
                    Input = EventInput(payload),
                    TriggerActivityId = trigger.ActivityId,
                    CorrelationId = correlationId,
                }, ct);
                if (record is not null)
                {
                    started.Add(record.Id);
                }
            }
        }
        return started;
    }

    private static Dictionary<string, object?> EventInput(object? payload)
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (payload is JsonObject properties)
        {
            foreach (var (key, value) in properties)
            {
                input[key] = value?.DeepClone();
            }
        }
        input[Engine.Activities.Event.PayloadInputKey] = payload is JsonNode node ? node.DeepClone() : payload;
        return input;
    }

    /// <summary>
    /// Cancels the running children of a cancelled instance, each with its own children. A child busy running an activity
    /// is left to finish that run; its parent's bookmark is closed, so it resumes nothing.
    /// </summary>
    private async Task CancelChildrenAsync(Guid parentId, CancellationToken ct)
    {
        var children = await db.Instances.AsNoTracking()
            .Where(i => i.ParentInstanceId == parentId && i.Status == nameof(WorkflowStatus.Running))
            .OrderBy(i => i.CreatedAt)
            .Select(i => i.Id)
            .ToListAsync(ct);
        foreach (var child in children)
        {
            if (await CancelAsync(child, ct, parentId.ToString("N")) == CancelOutcome.Busy)
            {
                logger.LogWarning("Child workflow instance {ChildId} of cancelled {ParentId} is running an activity and was not cancelled.",
                    child, parentId);
            }
        }
    }

    /// <summary>
    /// Stores the children this run asked for in the outbox of the commit that saves the run, held by this Host for one
    /// outbox lease: it starts them right after the commit, and only if it stops first does a restart (or, once the lease
    /// has run out, any Host's dispatcher) start them instead (docs/adr/0190).
    /// </summary>
    private List<ChildWorkflowStartRequested> StoreChildStarts(WorkflowInstanceRecord record, WorkflowInstance instance,
        DateTimeOffset now)
    {
        var starts = instance.ChildRequests.Select(request =>
        {
            var options = ChildWorkflows.OptionsFor(instance, request);
            return new ChildWorkflowStartRequested(Guid.CreateVersion7(now), new RegionId(record.RegionCode), now, record.Id,
                options.InstanceId!.Value, request.DefinitionId, request.DefinitionVersionId, request.CorrelationId,
                request.ResumeOnDispatch, options.FlowchartMode, options.Lineage ?? [],
                InstanceStateSerializer.SerializeInput(request.Input));
        }).ToList();
        instance.ChildRequests.Clear();
        foreach (var start in starts)
        {
            // Held by this Host (not Publish, which would leave it to any dispatcher at once).
            var message = OutboxMessage.For(start);
            message.ClaimedBy = marker.ClaimOwner;
            message.LeaseUntil = now + OutboxDispatcher.LeaseDuration;
            db.OutboxMessages.Add(message);
        }
        return starts;
    }

    /// <summary>
    /// After a saved run: starts the child workflows it asked for (each after its parent is saved, so a child that ends at
    /// once finds its parent's bookmark stored), then, for a child, resumes the parent waiting on it when the child
    /// finished (or ran until it waits, for an ExecuteWorkflow that does not wait for completion).
    /// </summary>
    private async Task AfterRunAsync(Guid recordId, WorkflowInstance instance, IReadOnlyList<ChildWorkflowStartRequested> starts,
        CancellationToken ct)
    {
        if (StartsChildrenAfterSave)
        {
            foreach (var start in starts)
            {
                await StartRequestedChildAsync(start, ct);
            }
        }
        if (instance.Options.ParentInstanceId is { } parent && Guid.TryParse(parent, out var parentId))
        {
            await ResumeWaitingParentAsync(parentId, recordId.ToString("N"), ChildWorkflows.Result(instance),
                always: instance.Status == WorkflowStatus.Finished, ct);
        }
    }

    /// <summary>
    /// Starts a stored child start once: right after its parent's save, or from the outbox after a restart or on another
    /// Host. The child's id is fixed in the request, so a second delivery finds it (or loses the insert) and does nothing;
    /// the request is marked delivered in the commit that inserts the child. A parent cancelled meanwhile starts nothing.
    /// </summary>
    public async Task StartRequestedChildAsync(ChildWorkflowStartRequested start, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var childId = start.ChildInstanceId.ToString("N");
        if (await db.Instances.AnyAsync(i => i.Id == start.ChildInstanceId, ct))
        {
            await DeliveredAsync(start.EventId, ct);
            return;
        }
        var parentSubStatus = await db.Instances.AsNoTracking().Where(i => i.Id == start.ParentInstanceId)
            .Select(i => i.SubStatus).FirstOrDefaultAsync(ct);
        if (parentSubStatus == nameof(WorkflowSubStatus.Cancelled))
        {
            logger.LogInformation("Workflow {DefinitionId} asked for by {ParentId} was not started: the parent was cancelled first.",
                start.DefinitionId, start.ParentInstanceId);
            await DeliveredAsync(start.EventId, ct);
            return;
        }
        // The region filter applies: another region's definition of that id is not found here.
        if (!await db.Definitions.AnyAsync(d => d.DefinitionId == start.DefinitionId && d.IsPublished, ct))
        {
            await NotPublishedAsync(start, ct);
            return;
        }
        if (start.ResumeOnDispatch)
        {
            await ResumeWaitingParentAsync(start.ParentInstanceId, childId, ChildWorkflows.Dispatched(childId), always: true, ct);
        }
        db.ChangeTracker.Clear();
        if (await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == start.EventId, ct) is { } message)
        {
            // Saved by the child's first commit (its row and marker): the request is done exactly when the child exists.
            message.ProcessedAt = clock.GetUtcNow();
            message.LeaseUntil = null;
        }
        try
        {
            if (await StartAsync(start.DefinitionId, start.Options(), ct) is null)
            {
                db.ChangeTracker.Clear();
                await NotPublishedAsync(start, ct);
            }
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another Host, or this Host's dispatcher after the lease ran out, inserted the child first.
            db.ChangeTracker.Clear();
            logger.LogInformation("Child workflow instance {ChildId} was started by another delivery of its request.", childId);
        }
    }

    /// <summary>
    /// Resumes the parent waiting on a child that start-up recovery faulted (docs/adr/0194), with the same result a child
    /// that faulted while running gives: ExecuteWorkflow completes with it, a used workflow's node faults, a bulk dispatch
    /// counts the child as finished. A second delivery finds the bookmark closed and does nothing.
    /// </summary>
    public async Task ResumeParentOfStoppedChildAsync(StoppedChildWorkflowFaulted faulted, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var childId = faulted.ChildInstanceId.ToString("N");
        await ResumeWaitingParentAsync(faulted.ParentInstanceId, childId, (JsonObject)faulted.Result.DeepClone(), always: true, ct);
        var busyOn = await db.Instances.AsNoTracking().Where(i => i.Id == faulted.ParentInstanceId && i.ExecutingSince != null)
            .Select(i => i.ExecutingOn).FirstOrDefaultAsync(ct);
        if (busyOn is not null && busyOn != marker.Owner && await db.Bookmarks.AsNoTracking().AnyAsync(b =>
                b.InstanceId == faulted.ParentInstanceId && b.Kind == ChildWorkflowKind && b.Name == childId && b.CompletedAt == null, ct))
        {
            // Another process is running the parent now: the outbox delivers this again later instead of losing it.
            throw new InvalidOperationException(
                $"Workflow instance {faulted.ParentInstanceId} is running on {busyOn}; its stopped child {childId} resumes it later.");
        }
    }

    private async Task NotPublishedAsync(ChildWorkflowStartRequested start, CancellationToken ct)
    {
        logger.LogWarning("Workflow instance {InstanceId} asked for workflow {DefinitionId}, which has no published version.",
            start.ParentInstanceId, start.DefinitionId);
        await ResumeWaitingParentAsync(start.ParentInstanceId, start.ChildInstanceId.ToString("N"),
            ChildWorkflows.NotFound(start.DefinitionId), always: true, ct);
        await DeliveredAsync(start.EventId, ct);
    }

    private Task<int> DeliveredAsync(Guid messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.OutboxMessages.Where(m => m.Id == messageId && m.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    private async Task ResumeWaitingParentAsync(Guid parentId, string childInstanceId, JsonObject result, bool always,
        CancellationToken ct)
    {
        var bookmark = await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == parentId && b.Kind == ChildWorkflowKind && b.Name == childInstanceId && b.CompletedAt == null)
            .FirstOrDefaultAsync(ct);
        if (bookmark is null)
        {
            return;
        }
        var payload = bookmark.Payload is null ? null : JsonNode.Parse(bookmark.Payload);
        if (always || ChildWorkflows.ResumesWhenIdle(payload))
        {
            await ResumeAsync(bookmark.Id, result, null, ct);
        }
    }

    /// <summary>
    /// Events an instance published (Elsa.PublishEvent) go to the region's waiting instances once its run is saved;
    /// a correlation id addresses the instance of that id only.
    /// </summary>
    private async Task DeliverPublishedAsync(IReadOnlyList<PublishedEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }
        if (eventDepth >= MaxEventDepth)
        {
            logger.LogWarning("Workflow events {Events} were not delivered: events cascaded more than {Depth} levels deep.",
                string.Join(", ", events.Select(e => e.EventName)), MaxEventDepth);
            return;
        }
        eventDepth++;
        try
        {
            foreach (var published in events)
            {
                await StartTriggeredAsync(published.EventName, published.Payload, published.CorrelationId, ct);
                Guid? target = null;
                if (!string.IsNullOrEmpty(published.CorrelationId))
                {
                    if (!Guid.TryParse(published.CorrelationId, out var id))
                    {
                        continue;
                    }
                    target = id;
                }
                await RaiseEventAsync(published.EventName, published.Payload, ct, target);
            }
        }
        finally
        {
            eventDepth--;
        }
    }

    /// <summary>Open human tasks for the caller's roles in the current region.</summary>
    public async Task<List<WorkflowBookmarkRecord>> OpenTasksAsync(CancellationToken ct)
    {
        var roles = actor.Roles.Select(r => r.ToString()).ToList();
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == HumanTaskKind && b.CompletedAt == null && b.Role != null && roles.Contains(b.Role))
            .OrderBy(b => b.DueAt).ThenBy(b => b.CreatedAt)
            .ToListAsync(ct);
    }

    /// <summary>Loads an open or completed human task, or null when the region has none of that id.</summary>
    public Task<WorkflowBookmarkRecord?> FindTaskAsync(Guid id, CancellationToken ct) =>
        db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.Kind == HumanTaskKind, ct);

    /// <summary>Whether the caller may complete the task: they hold its role here (a task without a role is the region admin's).</summary>
    public bool MayComplete(WorkflowBookmarkRecord task) =>
        task.Role is { } role && Enum.TryParse<RegionRole>(role, ignoreCase: true, out var parsed)
            ? actor.IsInRole(parsed)
            : actor.IsInRole(RegionRole.RegionAdmin);

    /// <summary>
    /// Runs the engine for a marked record. A failure of the runtime itself (not a fault, which the engine records) ends
    /// the instance faulted and clears the marker, so only a process that stopped leaves a marker behind.
    /// </summary>
    private async Task<WorkflowInstance> RunMarkedAsync(WorkflowInstanceRecord record, Func<Task<WorkflowInstance>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            record.Status = nameof(WorkflowStatus.Finished);
            record.SubStatus = nameof(WorkflowSubStatus.Faulted);
            record.FaultMessage = Truncate(ex.Message, 2000);
            record.UpdatedAt = clock.GetUtcNow();
            record.Revision++;
            ExecutionMarker.Clear(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private void Apply(WorkflowInstanceRecord record, WorkflowInstance instance, List<WorkflowBookmarkRecord> open, DateTimeOffset now,
        string? completedBy)
    {
        ExecutionMarker.Clear(record);
        record.CorrelationId = CorrelationIdOf(instance.CorrelationId);
        record.Status = instance.Status.ToString();
        record.SubStatus = instance.SubStatus.ToString();
        record.State = InstanceStateSerializer.Serialize(instance);
        record.Journal = InstanceStateSerializer.SerializeJournal(instance);
        record.FaultMessage = instance.Fault is { } fault ? Truncate($"{fault.ActivityId}: {fault.Message}", 2000) : null;
        record.UpdatedAt = now;
        record.Revision++;
        var pending = instance.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in open.Where(b => !pending.Contains(b.BookmarkId)))
        {
            gone.CompletedAt = now;
            gone.CompletedBy = completedBy ?? "system";
        }
        var stored = open.Select(b => b.BookmarkId).ToHashSet(StringComparer.Ordinal);
        foreach (var bookmark in instance.Bookmarks.Where(b => !stored.Contains(b.Id)))
        {
            var payload = bookmark.Payload is null ? null
                : bookmark.Payload as JsonNode ?? JsonSerializer.SerializeToNode(bookmark.Payload);
            db.Bookmarks.Add(new WorkflowBookmarkRecord
            {
                Id = Guid.CreateVersion7(now),
                InstanceId = record.Id,
                BookmarkId = bookmark.Id,
                ActivityId = Truncate(bookmark.ActivityId, 200),
                ActivityType = Truncate(bookmark.ActivityType, 200),
                Kind = bookmark.Kind.ToString(),
                Name = Truncate(bookmark.Name, 200),
                Role = RoleOf(payload),
                // PostgreSQL stores instants in UTC only; a Helsinki end-of-day would otherwise be refused.
                DueAt = (bookmark.DueAt ?? DueOf(payload))?.ToUniversalTime(),
                Payload = payload?.ToJsonString(),
                CreatedAt = now,
            });
        }
    }

    /// <summary>A human task names its role in its payload (<c>role</c>); it must be a region role to be anyone's task.</summary>
    private static string? RoleOf(JsonNode? payload)
    {
        if (payload is not JsonObject obj)
        {
            return null;
        }
        var value = obj.FirstOrDefault(p => string.Equals(p.Key, "role", StringComparison.OrdinalIgnoreCase)).Value;
        return value is JsonValue v && v.TryGetValue<string>(out var role)
            && Enum.TryParse<RegionRole>(role, ignoreCase: true, out var parsed)
            ? parsed.ToString()
            : null;
    }

    private static DateTimeOffset? DueOf(JsonNode? payload)
    {
        if (payload is not JsonObject obj)
        {
            return null;
        }
        var value = obj.FirstOrDefault(p =>
            string.Equals(p.Key, "dueAt", StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Key, "dueDate", StringComparison.OrdinalIgnoreCase)).Value;
        return value is JsonValue v && v.TryGetValue<string>(out var text)
               && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                   System.Globalization.DateTimeStyles.AssumeUniversal, out var due)
            ? due
            : null;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>A script may set a longer correlation id than the API accepts; the column keeps its start.</summary>
    private static string? CorrelationIdOf(string? correlationId) =>
        correlationId is null ? null : Truncate(correlationId, WorkflowInstanceRecord.CorrelationIdMax);
}
