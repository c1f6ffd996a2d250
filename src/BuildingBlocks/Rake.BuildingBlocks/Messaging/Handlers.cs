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
    // Compiled once per context type: every delivered event asks it once per handler, and a LINQ query would be
    // looked up in EF's query cache by its expression tree each time (docs/adr/0193).
    private static readonly Func<TDbContext, Guid, string, CancellationToken, Task<bool>> AlreadyHandled =
        EF.CompileAsyncQuery((TDbContext context, Guid eventId, string handler, CancellationToken ct) =>
            context.InboxRecords.Any(r => r.EventId == eventId && r.Handler == handler));

    protected TDbContext Db => db;

    public async Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        var handler = GetType().FullName!;
        if (await AlreadyHandled(db, integrationEvent.EventId, handler, cancellationToken))
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
