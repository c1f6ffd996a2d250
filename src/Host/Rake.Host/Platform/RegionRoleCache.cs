using System.Collections.Frozen;
using Rake.BuildingBlocks.Caching;
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

    private readonly ExpiringCache<(Guid UserId, string Region), IReadOnlySet<RegionRole>> entries = new(clock, Lifetime, MaxEntries);

    /// <summary>The roles of <paramref name="userId"/> in <paramref name="region"/>, from memory while fresh.</summary>
    public Task<IReadOnlySet<RegionRole>> RolesAsync(
        Guid userId, string region, Func<CancellationToken, Task<List<RegionRole>>> load, CancellationToken ct) =>
        entries.GetAsync((userId, region), async c => (IReadOnlySet<RegionRole>)(await load(c)).ToFrozenSet(), ct);

    /// <summary>Forgets every answer: the next request of anyone reads their roles again.</summary>
    public void InvalidateAll() => entries.InvalidateAll();
}
