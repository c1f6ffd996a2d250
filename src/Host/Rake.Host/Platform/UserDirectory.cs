using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Platform;

/// <summary>
/// People as the modules see them. A deactivated account holds no role anywhere here, so every picker and every check
/// that asks who holds a role (supervisor list, body members, assignees, co-reporters) leaves a leaver out (docs/adr/0115).
/// </summary>
internal sealed class UserDirectory(PlatformDbContext db) : IUserDirectory
{
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
