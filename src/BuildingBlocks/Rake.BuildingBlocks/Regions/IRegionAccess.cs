using System.Security.Claims;
using Rake.BuildingBlocks.Contracts;

namespace Rake.BuildingBlocks.Regions;

public enum RegionAccessOutcome
{
    Granted,
    UnknownRegion,
    NotSignedIn,
    NoRoleInRegion,
}

public sealed record RegionAccess(
    RegionAccessOutcome Outcome, RegionId? Region, Guid? UserId, string? UserName, IReadOnlySet<RegionRole> Roles)
{
    public bool Granted => Outcome == RegionAccessOutcome.Granted;

    /// <summary>Fills a scope's request context with this access; only a granted access may act.</summary>
    public void ApplyTo(RequestContext context)
    {
        if (!Granted || Region is null || UserId is null || UserName is null)
        {
            throw new InvalidOperationException($"Region access was not granted ({Outcome}).");
        }
        context.SetRegion(Region.Value);
        context.SetUser(UserId.Value, UserName, Roles);
    }
}

public sealed record RegionInfo(RegionId Id, string NameFi, string NameSv, string NameEn)
{
    public string Name(string language) => language switch { "sv" => NameSv, "en" => NameEn, _ => NameFi };
}

/// <summary>Resolves a region code and the signed-in person's roles there; the one gate for both pages and the API.</summary>
public interface IRegionAccess
{
    IReadOnlyList<RegionInfo> Regions { get; }

    RegionInfo? Find(string regionCode);

    Task<RegionAccess> ResolveAsync(ClaimsPrincipal user, string regionCode, CancellationToken cancellationToken);

    /// <summary>Regions where the person holds at least one role, for the region switcher.</summary>
    Task<IReadOnlyList<RegionInfo>> RegionsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
