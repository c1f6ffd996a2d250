namespace Rake.BuildingBlocks.Contracts;

/// <summary>
/// Roles above the regions, held as an Identity user claim of type <see cref="ClaimType"/> (ADR 0051). Unlike
/// <see cref="RegionRole"/> they give no access to any region's data or pages.
/// </summary>
public static class PlatformRoles
{
    public const string ClaimType = "rake:platform-role";

    /// <summary>A national role (e.g. THL): sees counts per region of the same phenomenon categories, never free text.</summary>
    public const string NationalObserver = "NationalObserver";

    /// <summary>Runs the deployment: creates regions and sets their identity providers (docs/adr/0096) and manages
    /// accounts above the regions; the first one is bootstrapped from configuration (<c>Rake:Bootstrap:PlatformAdmin</c>).
    /// Gives no access to any region's data either.</summary>
    public const string PlatformAdmin = "PlatformAdmin";
}
