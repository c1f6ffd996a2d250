using System.Collections.Concurrent;

namespace Rake.BuildingBlocks.Caching;

/// <summary>
/// Answers kept for a fixed time, forgotten at once by <see cref="Invalidate"/> or <see cref="InvalidateAll"/>. A load that
/// overlaps a forgetting may have read the old rows: it is returned to its caller but not kept (nor left behind when the
/// forgetting comes while it is being stored). Past <c>maxEntries</c> the cache starts over: a bound on memory, not a policy.
/// The caches of region data (docs/adr/0193, 0196) are built on it; each keys its entries by region itself.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeProvider clock, TimeSpan lifetime, int maxEntries = int.MaxValue)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();
    private long generation;

    /// <summary>The answer for <paramref name="key"/>, from memory while fresh, else from <paramref name="load"/>.</summary>
    public async Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var cached) && now < cached.Until)
        {
            return cached.Value;
        }
        var before = Interlocked.Read(ref generation);
        var value = await load(ct);
        if (Interlocked.Read(ref generation) == before)
        {
            if (entries.Count >= maxEntries)
            {
                entries.Clear();
            }
            var entry = new Entry(value, now + lifetime);
            entries[key] = entry;
            if (Interlocked.Read(ref generation) != before)
            {
                entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
            }
        }
        return value;
    }

    /// <summary>Forgets <paramref name="key"/>'s answer (and keeps no load that was under way meanwhile).</summary>
    public void Invalidate(TKey key)
    {
        Interlocked.Increment(ref generation);
        entries.TryRemove(key, out _);
    }

    /// <summary>Forgets every answer.</summary>
    public void InvalidateAll()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    private sealed record Entry(TValue Value, DateTimeOffset Until);
}
