using System.Collections.Concurrent;
using System.Collections.Frozen;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Host.Platform;

/// <summary>
/// The roles a person holds in a region, as the region gate and the role checks ask for them on every request
/// (docs/adr/0196). Keyed by person and region, so one region's answer is never another's. Any save through
/// <see cref="PlatformDbContext"/> that adds, changes or removes a role or changes an account (deactivation among them)
/// forgets every entry at once, before and after the write, so a removed role or a deactivated account takes effect on
/// this Host with the next request; a change made on another Host, or outside EF, is seen here after at most
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class RegionRoleCache(TimeProvider clock)
{
    /// <summary>How long an answer is used before it is read again (the bound for changes made on another Host).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>Entries kept at most; past this the cache starts over (a bound on memory, not a policy).</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(Guid UserId, string Region), Entry> entries = new();
    private long generation;

    /// <summary>The roles of <paramref name="userId"/> in <paramref name="region"/>, from memory while fresh.</summary>
    public async Task<IReadOnlySet<RegionRole>> RolesAsync(
        Guid userId, string region, Func<CancellationToken, Task<List<RegionRole>>> load, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue((userId, region), out var cached) && now < cached.Until)
        {
            return cached.Roles;
        }
        // A load that overlaps a change may have read the old rows: it is used by its own request but not kept.
        var before = Interlocked.Read(ref generation);
        IReadOnlySet<RegionRole> roles = (await load(ct)).ToFrozenSet();
        if (Interlocked.Read(ref generation) == before)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }
            var entry = new Entry(roles, now + Lifetime);
            entries[(userId, region)] = entry;
            if (Interlocked.Read(ref generation) != before)
            {
                // Forgotten while it was being stored: take it out again.
                entries.TryRemove(new KeyValuePair<(Guid, string), Entry>((userId, region), entry));
            }
        }
        return roles;
    }

    /// <summary>Forgets every answer: the next request of anyone reads their roles again.</summary>
    public void InvalidateAll()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    private sealed record Entry(IReadOnlySet<RegionRole> Roles, DateTimeOffset Until);
}
