using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.Host.Platform.SignOn;

namespace Rake.Host.Platform;

/// <summary>The <c>Rake:Regions</c> configuration entries; they seed regions missing from the database, nothing more.</summary>
public sealed class RegionSettings
{
    public string Code { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string NameSv { get; set; } = "";
    public string NameEn { get; set; } = "";
}

/// <summary>
/// The region catalogue, held in memory and loaded from the database: at start, on every change made on this Host, every
/// <see cref="RegionCatalogRefresher"/> interval, and when a request names a region not yet known here (docs/adr/0096).
/// Roles are read per request (never cached), so a role removed takes effect at once.
/// </summary>
internal sealed class RegionCatalog(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : IRegionAccess
{
    public const string SecretPurpose = "Rake.RegionIdentityProvider.ClientSecret";
    private static readonly TimeSpan MissReloadSpacing = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Snapshot current = new([], new Dictionary<string, RegionSignOnSettings>());
    private DateTimeOffset lastMissReload = DateTimeOffset.MinValue;

    /// <summary>Told of every load with the sign-on settings before and after, so the authentication schemes can follow.</summary>
    public event Action<IReadOnlyDictionary<string, RegionSignOnSettings>, IReadOnlyDictionary<string, RegionSignOnSettings>>?
        SignOnChanged;

    public IReadOnlyList<RegionInfo> Regions => current.Regions;

    public IReadOnlyDictionary<string, RegionSignOnSettings> SignOn => current.SignOn;

    public RegionInfo? Find(string regionCode) => current.Regions.FirstOrDefault(r => r.Id.Code == regionCode);

    public RegionSignOnSettings? FindSignOn(string regionCode) => current.SignOn.GetValueOrDefault(regionCode);

    /// <summary>The region whose provider issues tokens with this issuer for this audience (unique, the editor enforces it).</summary>
    public RegionSignOnSettings? FindByIssuerAndAudience(string issuer, IEnumerable<string> audiences)
    {
        var audienceSet = audiences.ToHashSet(StringComparer.Ordinal);
        return current.SignOn.Values.FirstOrDefault(s =>
            s.ApiAudience is { Length: > 0 } && audienceSet.Contains(s.ApiAudience) && s.HasIssuer(issuer));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var rows = await db.Regions.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Code).ToListAsync(cancellationToken);
            var providers = await db.RegionIdentityProviders.AsNoTracking().ToListAsync(cancellationToken);
            var protector = protection.CreateProtector(SecretPurpose);
            var active = rows.Select(r => r.Code).ToHashSet();
            var next = new Snapshot(
                rows.Select(r => new RegionInfo(new RegionId(r.Code), r.NameFi, r.NameSv, r.NameEn)).ToList(),
                providers.Where(p => active.Contains(p.RegionCode))
                    .ToDictionary(p => p.RegionCode, p => RegionSignOnSettings.From(p, protector)));
            var previous = current;
            current = next;
            SignOnChanged?.Invoke(previous.SignOn, next.SignOn);
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>A region created on another Host is known here at its first request, not only at the next refresh.</summary>
    public async Task<RegionInfo?> FindOrReloadAsync(string regionCode, CancellationToken cancellationToken)
    {
        var region = Find(regionCode);
        if (region is not null || !RegionId.IsValidCode(regionCode))
        {
            return region;
        }
        var now = clock.GetUtcNow();
        // Spaced out, so that requests for codes that do not exist cannot turn into a query each.
        if (now - lastMissReload < MissReloadSpacing)
        {
            return null;
        }
        lastMissReload = now;
        await LoadAsync(cancellationToken);
        return Find(regionCode);
    }

    public async Task<RegionAccess> ResolveAsync(ClaimsPrincipal user, string regionCode, CancellationToken cancellationToken)
    {
        var region = await FindOrReloadAsync(regionCode, cancellationToken);
        if (region is null)
        {
            return new RegionAccess(RegionAccessOutcome.UnknownRegion, null, null, null, new HashSet<RegionRole>());
        }
        if (!TryGetUser(user, out var userId, out var userName))
        {
            return new RegionAccess(RegionAccessOutcome.NotSignedIn, region.Id, null, null, new HashSet<RegionRole>());
        }
        IReadOnlySet<RegionRole> roles;
        if (IntegrationPrincipal.IsIntegration(user))
        {
            // A token of a region's own provider acts in that region only, with the roles mapped when it was validated.
            roles = IntegrationPrincipal.RolesIn(user, region.Id.Code);
        }
        else
        {
            await using var scope = scopes.CreateAsyncScope();
            // The directory gives a deactivated account no role, so the usual answer (roles held) needs one query; only an
            // empty answer asks why.
            roles = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().RolesAsync(userId, region.Id, cancellationToken);
            if (roles.Count == 0 && await IsDeactivatedAsync(scope.ServiceProvider, userId, cancellationToken))
            {
                // A bearer token outlives the account's deactivation; it is refused here, where every region request passes.
                return new RegionAccess(RegionAccessOutcome.NotSignedIn, region.Id, null, null, new HashSet<RegionRole>());
            }
        }
        return new RegionAccess(
            roles.Count == 0 ? RegionAccessOutcome.NoRoleInRegion : RegionAccessOutcome.Granted, region.Id, userId, userName, roles);
    }

    public async Task<IReadOnlyList<RegionInfo>> RegionsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TryGetUser(user, out var userId, out _))
        {
            return [];
        }
        if (IntegrationPrincipal.IsIntegration(user))
        {
            return Regions.Where(r => IntegrationPrincipal.RolesIn(user, r.Id.Code).Count > 0).ToList();
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await IsDeactivatedAsync(scope.ServiceProvider, userId, cancellationToken))
        {
            return [];
        }
        var codes = await db.RegionRoles.Where(r => r.UserId == userId).Select(r => r.RegionCode).Distinct().ToListAsync(cancellationToken);
        return Regions.Where(r => codes.Contains(r.Id.Code)).ToList();
    }

    private static Task<bool> IsDeactivatedAsync(IServiceProvider services, Guid userId, CancellationToken cancellationToken) =>
        services.GetRequiredService<PlatformDbContext>().Users.AnyAsync(u => u.Id == userId && u.DeactivatedAt != null, cancellationToken);

    private static bool TryGetUser(ClaimsPrincipal user, out Guid userId, out string userName)
    {
        userName = user.Identity?.Name ?? "";
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out userId) && user.Identity?.IsAuthenticated == true;
    }

    private sealed record Snapshot(IReadOnlyList<RegionInfo> Regions, IReadOnlyDictionary<string, RegionSignOnSettings> SignOn);
}

/// <summary>Reloads the catalogue on an interval, so that a change made on another Host reaches this one (docs/adr/0096).</summary>
internal sealed class RegionCatalogRefresher(RegionCatalog catalog, IConfiguration configuration, ILogger<RegionCatalogRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Math.Clamp(configuration.GetValue("Rake:RegionCatalogRefreshSeconds", 30), 1, 3600);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await catalog.LoadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The region catalogue could not be reloaded; the previous list stays in use.");
            }
        }
    }
}
