using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Platform;

/// <summary>The <c>Rake:Regions</c> configuration entries; mirrored into the platform schema at start.</summary>
public sealed class RegionSettings
{
    public string Code { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string NameSv { get; set; } = "";
    public string NameEn { get; set; } = "";
}

/// <summary>
/// The region catalogue. Regions are few and change only by configuration, so the list is held in memory;
/// roles are read per request (never cached), so a role removed takes effect at once.
/// </summary>
internal sealed class RegionCatalog(IServiceScopeFactory scopes) : IRegionAccess
{
    private volatile IReadOnlyList<RegionInfo> regions = [];

    public IReadOnlyList<RegionInfo> Regions => regions;

    public RegionInfo? Find(string regionCode) => regions.FirstOrDefault(r => r.Id.Code == regionCode);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        regions = (await db.Regions.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Code).ToListAsync(cancellationToken))
            .Select(r => new RegionInfo(new RegionId(r.Code), r.NameFi, r.NameSv, r.NameEn))
            .ToList();
    }

    public async Task<RegionAccess> ResolveAsync(ClaimsPrincipal user, string regionCode, CancellationToken cancellationToken)
    {
        var region = Find(regionCode);
        if (region is null)
        {
            return new RegionAccess(RegionAccessOutcome.UnknownRegion, null, null, null, new HashSet<RegionRole>());
        }
        if (!TryGetUser(user, out var userId, out var userName))
        {
            return new RegionAccess(RegionAccessOutcome.NotSignedIn, region.Id, null, null, new HashSet<RegionRole>());
        }
        await using var scope = scopes.CreateAsyncScope();
        if (await IsDeactivatedAsync(scope.ServiceProvider, userId, cancellationToken))
        {
            // A bearer token outlives the account's deactivation; it is refused here, where every region request passes.
            return new RegionAccess(RegionAccessOutcome.NotSignedIn, region.Id, null, null, new HashSet<RegionRole>());
        }
        var roles = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().RolesAsync(userId, region.Id, cancellationToken);
        return new RegionAccess(
            roles.Count == 0 ? RegionAccessOutcome.NoRoleInRegion : RegionAccessOutcome.Granted, region.Id, userId, userName, roles);
    }

    public async Task<IReadOnlyList<RegionInfo>> RegionsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TryGetUser(user, out var userId, out _))
        {
            return [];
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await IsDeactivatedAsync(scope.ServiceProvider, userId, cancellationToken))
        {
            return [];
        }
        var codes = await db.RegionRoles.Where(r => r.UserId == userId).Select(r => r.RegionCode).Distinct().ToListAsync(cancellationToken);
        return regions.Where(r => codes.Contains(r.Id.Code)).ToList();
    }

    private static Task<bool> IsDeactivatedAsync(IServiceProvider services, Guid userId, CancellationToken cancellationToken) =>
        services.GetRequiredService<PlatformDbContext>().Users.AnyAsync(u => u.Id == userId && u.DeactivatedAt != null, cancellationToken);

    private static bool TryGetUser(ClaimsPrincipal user, out Guid userId, out string userName)
    {
        userName = user.Identity?.Name ?? "";
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out userId) && user.Identity?.IsAuthenticated == true;
    }
}
