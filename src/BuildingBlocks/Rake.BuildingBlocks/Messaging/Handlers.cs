using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Persistence;

namespace Rake.BuildingBlocks.Messaging;

public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that applies each event once: it records the event in its own module's inbox in the
/// same transaction as its changes, so a redelivered event is skipped and a crash mid-way leaves nothing half done.
/// </summary>
public abstract class IdempotentHandler<TEvent, TDbContext>(TDbContext db, TimeProvider clock) : IIntegrationEventHandler<TEvent>
    where TEvent : IIntegrationEvent
    where TDbContext : ModuleDbContext
{
    protected TDbContext Db => db;

    public async Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        var handler = GetType().FullName!;
        if (await db.InboxRecords.AnyAsync(r => r.EventId == integrationEvent.EventId && r.Handler == handler, cancellationToken))
        {
            return;
        }
        await ApplyAsync(integrationEvent, cancellationToken);
        db.InboxRecords.Add(new InboxRecord { EventId = integrationEvent.EventId, Handler = handler, ProcessedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Make the changes on <see cref="Db"/> without saving; the base class saves them with the inbox record.</summary>
    protected abstract Task ApplyAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
