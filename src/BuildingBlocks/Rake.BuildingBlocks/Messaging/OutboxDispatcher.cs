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
/// Delivers outbox messages in-process to every registered handler. A message whose handler fails stays in the
/// outbox with its error and attempt count (visible, retried) until <see cref="MaxAttempts"/>; nothing is dropped silently.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<OutboxSource> sources,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch round failed; retrying after the poll interval.");
                await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>Delivers everything pending now; returns how many messages were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            foreach (var source in sources)
            {
                delivered += await DrainAsync(source, cancellationToken);
            }
            return delivered;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<int> DrainAsync(OutboxSource source, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(source.DbContextType);
        var pending = await db.OutboxMessages
            .Where(m => m.ProcessedAt == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.OccurredAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var message in pending)
        {
            try
            {
                await DeliverAsync(message, cancellationToken);
                message.ProcessedAt = clock.GetUtcNow();
                message.LastError = null;
                delivered++;
                OutboxTelemetry.MessageDelivered(db.Schema);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                logger.LogWarning(
                    ex, "Delivering {EventType} {EventId} failed (attempt {Attempt}).", message.EventType, message.Id, message.Attempts);
                OutboxTelemetry.DeliveryFailed(db.Schema);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        var undelivered = db.OutboxMessages.Where(m => m.ProcessedAt == null);
        OutboxTelemetry.BacklogCounted(db.Schema,
            await undelivered.CountAsync(m => m.Attempts < MaxAttempts, cancellationToken),
            await undelivered.CountAsync(m => m.Attempts >= MaxAttempts, cancellationToken));
        return delivered;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var eventType = IntegrationEventTypes.Find(message.EventType)
            ?? throw new InvalidOperationException($"Unknown integration event type '{message.EventType}'.");
        var integrationEvent = (IIntegrationEvent)(JsonSerializer.Deserialize(message.Payload, eventType, IntegrationEventTypes.JsonOptions)
            ?? throw new InvalidOperationException("Empty event payload."));
        var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(eventType);
        var handle = handlerType.GetMethod(nameof(IIntegrationEventHandler<IIntegrationEvent>.HandleAsync))!;
        // Each handler gets its own scope so one handler's failure cannot leave tracked changes for the next.
        await using var probe = scopes.CreateAsyncScope();
        var handlerCount = probe.ServiceProvider.GetServices(handlerType).Count();
        for (var i = 0; i < handlerCount; i++)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(message.RegionCode), "outbox");
            var handler = scope.ServiceProvider.GetServices(handlerType).ElementAt(i)!;
            await (Task)handle.Invoke(handler, [integrationEvent, cancellationToken])!;
        }
    }
}
