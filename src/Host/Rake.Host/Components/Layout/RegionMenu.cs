using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Modules;

namespace Rake.Host.Components.Layout;

/// <summary>
/// The region menu: every page link the modules and the Host offer, each placed in one of at most seven groups
/// (docs/adr/0133). The grouping lives here rather than in the modules so the shell decides the menu's shape in one place.
/// </summary>
internal static class RegionMenu
{
    /// <summary>The groups in menu order; never more than seven.</summary>
    public static readonly string[] Groups = ["work", "reports", "meetings", "communications", "plan", "competence", "admin"];

    // The first path segment decides the group; admin pages of an area still go to administration.
    private static readonly Dictionary<string, string> GroupOfPath = new(StringComparer.Ordinal)
    {
        [""] = "work",
        ["tasks"] = "work",
        ["assignments/mine"] = "work",
        ["briefs/municipality"] = "work",
        ["reports/admin"] = "admin",
        ["reports"] = "reports",
        ["phenomena"] = "reports",
        ["phenomenon-reports"] = "reports",
        ["working-groups"] = "meetings",
        ["assignments"] = "meetings",
        ["meetings"] = "meetings",
        ["communications"] = "communications",
        ["plan"] = "plan",
        ["competence"] = "competence",
        ["designer"] = "admin",
        ["workflows"] = "admin",
        ["admin"] = "admin",
    };

    private static readonly MenuLink[] HostLinks =
    [
        new("admin/people", "nav.people", [RegionRole.RegionAdmin]),
        new("admin/go-live", "goLivePage.open", [RegionRole.RegionAdmin]),
        new("admin/identity-codes", "storedCodes.title", [RegionRole.RegionAdmin]),
    ];

    /// <summary>The links this person's roles may use, each with its group, in menu order within the group, and then the
    /// person's own links (<see cref="IPersonalNavSource"/>), which their sources already chose for them.</summary>
    public static IReadOnlyList<GroupedLink> LinksFor(
        IEnumerable<IModule> modules, IReadOnlySet<RegionRole> roles, IEnumerable<ModuleNavItem>? personal = null)
    {
        var links = new List<MenuLink> { new("", "nav.home", []) };
        links.AddRange(modules.SelectMany(m => m.NavItems).Select(i => new MenuLink(i.Path, i.TextKey, i.Roles, i.FullPageLoad)));
        links.AddRange(HostLinks);
        return links
            .Where(l => l.Roles.Length == 0 || l.Roles.Any(roles.Contains))
            .Concat((personal ?? []).Select(i => new MenuLink(i.Path, i.TextKey, [], i.FullPageLoad)))
            .DistinctBy(l => l.Path, StringComparer.Ordinal)
            .Select(l => new GroupedLink(l.Path, l.TextKey, GroupOf(l.Path), l.FullPageLoad))
            .ToList();
    }

    /// <summary>The group of a path under the region: the longest known prefix, or "work" for a page nobody grouped yet.</summary>
    public static string GroupOf(string path)
    {
        var best = GroupOfPath
            .Where(p => path.Equals(p.Key, StringComparison.Ordinal)
                || (p.Key.Length > 0 && path.StartsWith(p.Key + "/", StringComparison.Ordinal)))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
        return best ?? "work";
    }

    private sealed record MenuLink(string Path, string TextKey, RegionRole[] Roles, bool FullPageLoad = false);
}

/// <summary>One link of the region menu and the group it sits in; <paramref name="FullPageLoad"/> for a page that must load
/// whole rather than by enhanced navigation.</summary>
internal sealed record GroupedLink(string Path, string TextKey, string Group, bool FullPageLoad = false);
