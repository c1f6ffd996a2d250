using Rake.BuildingBlocks.Contracts;

namespace Rake.BuildingBlocks.Regions;

/// <summary>Finds people by name for a picker; implemented by the Host over ASP.NET Core Identity.</summary>
public interface IRegionPeopleFinder
{
    /// <summary>
    /// Active people who hold a role in <paramref name="region"/> (the given one, if named) and whose display name or user name
    /// contains <paramref name="text"/>, by name. Nobody is found through a role in another region.
    /// </summary>
    Task<IReadOnlyList<UserRef>> FindByNameAsync(
        RegionId region, string text, RegionRole? role, int max, CancellationToken cancellationToken);
}
