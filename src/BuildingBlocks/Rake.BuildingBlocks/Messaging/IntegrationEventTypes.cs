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

/// <summary>Wakes the outbox dispatcher as soon as a transaction with events commits, so delivery does not wait for the
/// next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
