using Rake.BuildingBlocks.Contracts;

namespace Rake.BuildingBlocks.Regions;

public sealed record UserRef(Guid Id, string UserName, string DisplayName, string? Email);

/// <summary>Looks up people and their region roles; implemented by the Host over ASP.NET Core Identity.</summary>
public interface IUserDirectory
{
    Task<UserRef?> FindByUserNameAsync(string userName, CancellationToken cancellationToken);

    Task<UserRef?> FindByIdAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserRef>> UsersInRoleAsync(RegionId region, RegionRole role, CancellationToken cancellationToken);

    Task<IReadOnlySet<RegionRole>> RolesAsync(Guid userId, RegionId region, CancellationToken cancellationToken);
}
