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
    /// <summary>The region's name in <paramref name="language"/>; the Finnish name where that one is not filled in, the code
    /// only when the catalogue holds no name at all.</summary>
    public string Name(string language)
    {
        var name = language switch { "sv" => NameSv, "en" => NameEn, _ => NameFi };
        return !string.IsNullOrWhiteSpace(name) ? name : !string.IsNullOrWhiteSpace(NameFi) ? NameFi : Id.Code;
    }
}

public static class RegionNames
{
    /// <summary>
    /// The name documents, charts and exports show for <paramref name="region"/>, in the reader's language: people read
    /// "Kainuun hyvinvointialue", not the code in the address.
    /// </summary>
    public static string NameOf(this IRegionAccess regions, RegionId region) =>
        regions.Find(region.Code)?.Name(Localization.TextCatalog.CurrentLanguage) ?? region.Code;
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
