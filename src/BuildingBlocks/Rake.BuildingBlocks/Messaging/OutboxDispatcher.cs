using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.BuildingBlocks.Messaging;

/// <summary>One module DbContext whose outbox the dispatcher drains.</summary>
public sealed record OutboxSource(Type DbContextType);

/// <summary>
/// Told of each message whose handlers all returned, before its outcome is written: the benchmark's delivery log counts
/// with it how often a message was handled (docs/adr/0154). Nothing in production registers one.
/// </summary>
public interface IOutboxDeliveryObserver
{
    Task DeliveredAsync(string source, Guid messageId, string dispatcherId, CancellationToken cancellationToken);
}

/// <summary>
/// Delivers outbox messages in-process to every registered handler. A message whose handler fails stays in the
/// outbox with its error and attempt count (visible, retried) until <see cref="MaxAttempts"/>; nothing is dropped silently.
/// With several Hosts on one database each message is claimed by one dispatcher for a lease (docs/adr/0124): the others
/// skip it, and take it over only when the lease has run out (the claiming Host died or hung).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<OutboxSource> sources,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger,
    IEnumerable<IOutboxDeliveryObserver> observers)
    : BackgroundService
{
    public const int MaxAttempts = 10;
    public const int DispatcherIdMax = 100;
    public const int BatchSize = 100;

    /// <summary>How long a claimed batch is this dispatcher's alone; a whole batch must be deliverable well within it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>How long a woken dispatcher lets further commits gather before it claims; short next to any reader's wait.</summary>
    private static readonly TimeSpan CoalesceDelay = TimeSpan.FromMilliseconds(20);
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> lastCounted = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (Type, System.Reflection.MethodInfo, int)> handlers = new();

    /// <summary>Names this dispatcher in the claims it writes: the machine, the process and this instance.</summary>
    public string DispatcherId { get; } = NewDispatcherId();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IReadOnlySet<Type>? due = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var full = await DispatchAsync(due, stoppingToken);
                if (full.Count > 0)
                {
                    // A full batch leaves more behind: those outboxes go again at once, with any written meanwhile.
                    due = full.Union(signal.TakeWritten() ?? sources.Select(s => s.DbContextType)).ToHashSet();
                    continue;
                }
                var woken = await signal.WaitAsync(PollInterval, stoppingToken);
                if (woken)
                {
                    // Submissions arriving together are claimed together: one claim, and one backlog count, per batch.
                    await Task.Delay(CoalesceDelay, stoppingToken);
                }
                // A poll round looks at every outbox: messages left by a Host that died, retries, another Host's writes.
                due = woken ? signal.TakeWritten() : null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch round failed; retrying after the poll interval.");
                await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                due = null;
            }
        }
    }

    /// <summary>Delivers what this dispatcher could claim now (a batch per module); returns how many messages were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            foreach (var source in sources)
            {
                delivered += (await DrainAsync(source, cancellationToken)).Delivered;
            }
            return delivered;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>One round over <paramref name="due"/> (every outbox when null); returns the outboxes whose batch was full.</summary>
    private async Task<HashSet<Type>> DispatchAsync(IReadOnlySet<Type>? due, CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var full = new HashSet<Type>();
            foreach (var source in sources.Where(s => due is null || due.Contains(s.DbContextType)))
            {
                if ((await DrainAsync(source, cancellationToken)).Claimed >= BatchSize)
                {
                    full.Add(source.DbContextType);
                }
            }
            return full;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<(int Claimed, int Delivered)> DrainAsync(OutboxSource source, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(source.DbContextType);
        var claimed = await OutboxClaim.ClaimAsync(db, DispatcherId, clock.GetUtcNow(), LeaseDuration, BatchSize, cancellationToken);
        try
        {
            return (claimed.Count, await DeliverClaimedAsync(db, claimed, cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // A Host that stops gives back what it has not delivered, so another need not wait for the lease to run out.
            await db.OutboxMessages.Where(m => m.ClaimedBy == DispatcherId && m.ProcessedAt == null && m.LeaseUntil != null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
    }

    private async Task<int> DeliverClaimedAsync(ModuleDbContext db, List<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        var delivered = 0;
        var leaseUntil = claimed.Count == 0 ? DateTimeOffset.MinValue : claimed.Max(m => m.LeaseUntil!.Value);
        var lost = new HashSet<Guid>();
        for (var index = 0; index < claimed.Count; index++)
        {
            var message = claimed[index];
            if (clock.GetUtcNow() >= leaseUntil - LeaseDuration / 2)
            {
                // A slow batch must not outlive its lease while this dispatcher is still working through it: another
                // dispatcher would take the rest over and deliver it a second time (docs/adr/0154).
                (leaseUntil, var stillMine) = await RenewLeaseAsync(db, claimed.Skip(index).Select(m => m.Id).ToList(), cancellationToken);
                lost.UnionWith(claimed.Skip(index).Select(m => m.Id).Except(stillMine));
            }
            if (lost.Contains(message.Id))
            {
                logger.LogWarning("The lease on {EventType} {EventId} ran out before its turn; another dispatcher took it over.",
                    message.EventType, message.Id);
                continue;
            }
            string? error = null;
            try
            {
                await DeliverAsync(message, cancellationToken);
                foreach (var observer in observers)
                {
                    await observer.DeliveredAsync(db.Schema, message.Id, DispatcherId, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                logger.LogWarning(ex, "Delivering {EventType} {EventId} failed (attempt {Attempt}).",
                    message.EventType, message.Id, message.Attempts + 1);
                OutboxTelemetry.DeliveryFailed(db.Schema);
            }
            // Each outcome is written as soon as it is known, even when the Host is stopping: a Host killed after this
            // message's handlers leaves at most this one message to be delivered again after the lease, never the
            // ones before it (docs/adr/0197).
            if (error is null)
            {
                delivered += await MarkDeliveredAsync(db, message, CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }
            // Written only while the claim is still ours: after a takeover the new holder's record stands (its handlers
            // found this delivery in their inbox and skipped it).
            var written = await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == DispatcherId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
            if (written == 0)
            {
                logger.LogWarning("The lease on {EventType} {EventId} ran out before it was delivered; another dispatcher took it over.",
                    message.EventType, message.Id);
            }
        }
        return await CountBacklogAsync(db, claimed.Count, delivered, cancellationToken);
    }

    /// <summary>
    /// Marks a handled message delivered, only while it is still claimed by this dispatcher: after a takeover the new
    /// holder's record stands (its handlers found the delivery in their inbox and skipped it). Returns 1 when marked.
    /// </summary>
    private async Task<int> MarkDeliveredAsync(ModuleDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var written = await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == DispatcherId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ProcessedAt, clock.GetUtcNow())
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        if (written == 0)
        {
            logger.LogWarning("The lease on {EventType} {EventId} ran out before it was marked delivered; another dispatcher took it over.",
                message.EventType, message.Id);
            return 0;
        }
        OutboxTelemetry.MessageDelivered(db.Schema);
        return 1;
    }

    private async Task<int> CountBacklogAsync(ModuleDbContext db, int claimed, int delivered, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (claimed == 0 && now - lastCounted.GetValueOrDefault(db.Schema, DateTimeOffset.MinValue) < PollInterval)
        {
            // Nothing moved here since the last count, as far as this Host knows: two COUNTs per outbox per woken round
            // were most of an idle round's reads.
            return delivered;
        }
        lastCounted[db.Schema] = now;
        var undelivered = db.OutboxMessages.Where(m => m.ProcessedAt == null);
        OutboxTelemetry.BacklogCounted(db.Schema,
            await undelivered.CountAsync(m => m.Attempts < MaxAttempts, cancellationToken),
            await undelivered.CountAsync(m => m.Attempts >= MaxAttempts, cancellationToken));
        return delivered;
    }

    /// <summary>
    /// Extends this dispatcher's lease on the messages of its batch not yet delivered; returns the new end of the lease and
    /// which of them are still this dispatcher's (a message whose lease ran out may have been taken over meanwhile).
    /// </summary>
    private async Task<(DateTimeOffset LeaseUntil, HashSet<Guid> StillMine)> RenewLeaseAsync(ModuleDbContext db, List<Guid> ids,
        CancellationToken cancellationToken)
    {
        var leaseUntil = clock.GetUtcNow() + LeaseDuration;
        var mine = db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.ClaimedBy == DispatcherId && m.ProcessedAt == null);
        var renewed = await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
        if (renewed == ids.Count)
        {
            return (leaseUntil, ids.ToHashSet());
        }
        return (leaseUntil, (await mine.Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet());
    }

    /// <summary>
    /// The handler interface of an event type, its method and how many handlers are registered: fixed once the container
    /// is built, so counted once per type instead of by building every handler (and its DbContext) for each message.
    /// </summary>
    private async Task<(Type HandlerType, System.Reflection.MethodInfo Handle, int Count)> HandlersOfAsync(Type eventType)
    {
        if (handlers.TryGetValue(eventType, out var known))
        {
            return known;
        }
        var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);
        var handle = handlerType.GetMethod(nameof(IIntegrationEventHandler<IIntegrationEvent>.HandleAsync))!;
        await using var probe = scopes.CreateAsyncScope();
        return handlers[eventType] = (handlerType, handle, probe.ServiceProvider.GetServices(handlerType).Count());
    }

    private static string NewDispatcherId()
    {
        var id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return id.Length > DispatcherIdMax ? id[^DispatcherIdMax..] : id;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var eventType = IntegrationEventTypes.Find(message.EventType)
            ?? throw new InvalidOperationException($"Unknown integration event type '{message.EventType}'.");
        var integrationEvent = (IIntegrationEvent)(JsonSerializer.Deserialize(message.Payload, eventType, IntegrationEventTypes.JsonOptions)
            ?? throw new InvalidOperationException("Empty event payload."));
        var (handlerType, handle, handlerCount) = await HandlersOfAsync(eventType);
        // Each handler gets its own scope so one handler's failure cannot leave tracked changes for the next.
        for (var i = 0; i < handlerCount; i++)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(message.RegionCode), "outbox");
            var handler = scope.ServiceProvider.GetServices(handlerType).ElementAt(i)!;
            await (Task)handle.Invoke(handler, [integrationEvent, cancellationToken])!;
        }
    }
}
