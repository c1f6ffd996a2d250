using Rake.BuildingBlocks.Contracts;

namespace Rake.Modules.Workflows.Activities;

internal static class RegionRoles
{
    public static string Names => string.Join(", ", Enum.GetNames<RegionRole>());

    /// <summary>A role by its exact enum name (<c>WorkingGroupMember</c>); numbers are not accepted.</summary>
    public static bool TryParse(string? text, out RegionRole role)
    {
        role = default;
        return text is { Length: > 0 } && Enum.GetNames<RegionRole>().Contains(text.Trim(), StringComparer.Ordinal)
            && Enum.TryParse(text.Trim(), ignoreCase: false, out role);
    }
}
