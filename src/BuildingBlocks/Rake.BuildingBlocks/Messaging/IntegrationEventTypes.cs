using System.Collections.Concurrent;
using System.Text.Json;
using Rake.BuildingBlocks.Contracts;

namespace Rake.BuildingBlocks.Messaging;

/// <summary>Maps stored event-type names to CLR types. Only types registered by a module are ever deserialised.</summary>
public static class IntegrationEventTypes
{
    private static readonly ConcurrentDictionary<string, Type> ByName = new();

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type eventType) => eventType.FullName ?? eventType.Name;

    public static void Register(Type eventType)
    {
        if (!typeof(IIntegrationEvent).IsAssignableFrom(eventType))
        {
            throw new ArgumentException($"{eventType} is not an integration event.", nameof(eventType));
        }
        ByName[NameOf(eventType)] = eventType;
    }

    /// <summary>Registers every integration event type a module's Contracts assembly declares.</summary>
    public static void RegisterFrom(System.Reflection.Assembly contractsAssembly)
    {
        foreach (var type in contractsAssembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t)))
        {
            Register(type);
        }
    }

    public static Type? Find(string name) => ByName.GetValueOrDefault(name);
}

/// <summary>
/// Wakes the outbox dispatcher as soon as a transaction with events commits, so delivery does not wait for the next poll.
/// It remembers which module's outbox was written, so a woken round claims from that outbox only instead of every
/// module's (docs/adr/0156): each claim is a write, and on SQLite every write waits for the one write lock.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly ConcurrentDictionary<Type, byte> written = new();
    private int everySource;

    /// <summary>Something may wait in any outbox.</summary>
    public void Notify()
    {
        Interlocked.Exchange(ref everySource, 1);
        Wake();
    }

    /// <summary>The outbox of <paramref name="dbContextType"/> has new messages.</summary>
    public void Notify(Type dbContextType)
    {
        written.TryAdd(dbContextType, 0);
        Wake();
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    /// <summary>The outboxes named since the last call; null when every outbox may hold something.</summary>
    public IReadOnlySet<Type>? TakeWritten()
    {
        var all = Interlocked.Exchange(ref everySource, 0) == 1;
        var named = new HashSet<Type>();
        foreach (var type in written.Keys)
        {
            if (written.TryRemove(type, out _))
            {
                named.Add(type);
            }
        }
        return all ? null : named;
    }

    private void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }
}
