using Microsoft.Extensions.Time.Testing;
using Rake.BuildingBlocks.Contracts;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// The per person and region cache of roles that the region gate and the role checks read (docs/adr/0196): one region's
/// answer is never another's, a forgotten answer is read again, an answer read across a change is not kept, and an answer
/// is read again once its lifetime has passed (the bound for changes made on another Host).
/// </summary>
public sealed class RegionRoleCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private readonly Guid person = Guid.CreateVersion7();
    private int loads;

    [Fact]
    public async Task Each_region_has_its_own_answer_and_a_repeated_question_is_answered_from_memory()
    {
        var cache = new RegionRoleCache(clock);
        Assert.Equal([RegionRole.Supervisor], await cache.RolesAsync(person, "kainuu", Load(RegionRole.Supervisor), default));
        Assert.Empty(await cache.RolesAsync(person, "kymenlaakso", Load(), default));
        Assert.Equal([RegionRole.Supervisor], await cache.RolesAsync(person, "kainuu", Load(RegionRole.Planner), default));
        Assert.Empty(await cache.RolesAsync(person, "kymenlaakso", Load(RegionRole.Planner), default));
        Assert.Empty(await cache.RolesAsync(Guid.CreateVersion7(), "kainuu", Load(), default));
        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task A_forgotten_answer_is_read_again_at_once()
    {
        var cache = new RegionRoleCache(clock);
        await cache.RolesAsync(person, "kainuu", Load(RegionRole.Supervisor), default);
        cache.InvalidateAll();
        Assert.Empty(await cache.RolesAsync(person, "kainuu", Load(), default));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task An_answer_read_while_a_change_was_saved_is_used_once_but_not_kept()
    {
        var cache = new RegionRoleCache(clock);
        var roles = await cache.RolesAsync(person, "kainuu", async _ =>
        {
            loads++;
            cache.InvalidateAll();
            await Task.Yield();
            return [RegionRole.Supervisor];
        }, default);
        Assert.Equal([RegionRole.Supervisor], roles);
        Assert.Empty(await cache.RolesAsync(person, "kainuu", Load(), default));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task An_answer_is_read_again_once_its_lifetime_has_passed()
    {
        var cache = new RegionRoleCache(clock);
        await cache.RolesAsync(person, "kainuu", Load(RegionRole.Supervisor), default);
        clock.Advance(RegionRoleCache.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal([RegionRole.Supervisor], await cache.RolesAsync(person, "kainuu", Load(), default));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(await cache.RolesAsync(person, "kainuu", Load(), default));
        Assert.Equal(2, loads);
    }

    private Func<CancellationToken, Task<List<RegionRole>>> Load(params RegionRole[] roles) => _ =>
    {
        loads++;
        return Task.FromResult(roles.ToList());
    };
}
