using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Platform;

/// <summary>
/// People as the modules see them. A deactivated account holds no role anywhere here, so every picker and every check
/// that asks who holds a role (supervisor list, body members, assignees, co-reporters) leaves a leaver out (docs/adr/0115).
/// </summary>
internal sealed class UserDirectory(PlatformDbContext db, RegionRoleCache? roleCache = null) : IUserDirectory, IRegionPeopleFinder
{
    public async Task<IReadOnlyList<UserRef>> FindByNameAsync(
        RegionId region, string text, RegionRole? role, int max, CancellationToken cancellationToken)
    {
        var upper = text.Trim().ToUpperInvariant();
        if (upper.Length == 0 || max <= 0)
        {
            return [];
        }
        var holders = db.RegionRoles.Where(r => r.RegionCode == region.Code && (role == null || r.Role == role)).Select(r => r.UserId);
        var users = await db.Users.AsNoTracking()
            .Where(u => holders.Contains(u.Id) && u.DeactivatedAt == null)
            .Where(u => u.DisplayName.ToUpper().Contains(upper) || u.NormalizedUserName!.Contains(upper))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Take(max)
            .ToListAsync(cancellationToken);
        return users.Select(ToRef).ToList();
    }

    // Asked by every submission (reporter, co-reporters): compiled once, the same SQL and answer (docs/adr/0196).
    private static readonly Func<PlatformDbContext, string, CancellationToken, Task<RakeUser?>> UserByNormalizedName =
        EF.CompileAsyncQuery((PlatformDbContext db, string normalized, CancellationToken ct) =>
            db.Users.AsNoTracking().FirstOrDefault(u => u.NormalizedUserName == normalized));

    private static readonly Func<PlatformDbContext, Guid, CancellationToken, Task<RakeUser?>> UserById =
        EF.CompileAsyncQuery((PlatformDbContext db, Guid id, CancellationToken ct) =>
            db.Users.AsNoTracking().FirstOrDefault(u => u.Id == id));

    public async Task<UserRef?> FindByUserNameAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await UserByNormalizedName(db, userName.Trim().ToUpperInvariant(), cancellationToken);
        return user is null ? null : ToRef(user);
    }

    public async Task<UserRef?> FindByIdAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await UserById(db, userId, cancellationToken);
        return user is null ? null : ToRef(user);
    }

    public async Task<IReadOnlyList<UserRef>> UsersInRoleAsync(RegionId region, RegionRole role, CancellationToken cancellationToken)
    {
        var ids = db.RegionRoles.Where(r => r.RegionCode == region.Code && r.Role == role).Select(r => r.UserId);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DeactivatedAt == null)
            .OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        return users.Select(ToRef).ToList();
    }

    /// <summary>The roles held in <paramref name="region"/>; through <see cref="RegionRoleCache"/> (docs/adr/0196) when the Host
    /// has one, which every save of a role or an account through <see cref="PlatformDbContext"/> empties.</summary>
    public async Task<IReadOnlySet<RegionRole>> RolesAsync(Guid userId, RegionId region, CancellationToken cancellationToken) =>
        roleCache is null
            ? (await LoadRolesAsync(userId, region.Code, cancellationToken)).ToHashSet()
            : await roleCache.RolesAsync(userId, region.Code, ct => LoadRolesAsync(userId, region.Code, ct), cancellationToken);

    private Task<List<RegionRole>> LoadRolesAsync(Guid userId, string region, CancellationToken cancellationToken) =>
        db.RegionRoles.AsNoTracking()
            .Where(r => r.UserId == userId && r.RegionCode == region)
            .Where(r => db.Users.Any(u => u.Id == r.UserId && u.DeactivatedAt == null))
            .Select(r => r.Role)
            .ToListAsync(cancellationToken);

    private static UserRef ToRef(RakeUser user) => new(user.Id, user.UserName ?? "", user.DisplayName, user.Email);
}
