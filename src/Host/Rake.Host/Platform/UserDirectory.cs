using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Platform;

/// <summary>
/// People as the modules see them. A deactivated account holds no role anywhere here, so every picker and every check
/// that asks who holds a role (supervisor list, body members, assignees, co-reporters) leaves a leaver out (docs/adr/0115).
/// </summary>
internal sealed class UserDirectory(PlatformDbContext db) : IUserDirectory, IRegionPeopleFinder
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

    public async Task<UserRef?> FindByUserNameAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        return user is null ? null : ToRef(user);
    }

    public async Task<UserRef?> FindByIdAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : ToRef(user);
    }

    public async Task<IReadOnlyList<UserRef>> UsersInRoleAsync(RegionId region, RegionRole role, CancellationToken cancellationToken)
    {
        var ids = db.RegionRoles.Where(r => r.RegionCode == region.Code && r.Role == role).Select(r => r.UserId);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DeactivatedAt == null)
            .OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        return users.Select(ToRef).ToList();
    }

    public async Task<IReadOnlySet<RegionRole>> RolesAsync(Guid userId, RegionId region, CancellationToken cancellationToken) =>
        (await db.RegionRoles.AsNoTracking()
            .Where(r => r.UserId == userId && r.RegionCode == region.Code)
            .Where(r => db.Users.Any(u => u.Id == r.UserId && u.DeactivatedAt == null))
            .Select(r => r.Role)
            .ToListAsync(cancellationToken))
        .ToHashSet();

    private static UserRef ToRef(RakeUser user) => new(user.Id, user.UserName ?? "", user.DisplayName, user.Email);
}
