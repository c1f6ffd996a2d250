namespace Rake.BuildingBlocks.Modules;

/// <summary>
/// Region-menu links that depend on who the person is rather than on their roles (a HYTETU nomination, say). The Host calls
/// every source in a scope already set to the region and the signed-in person, so a source reads only that region's rows and
/// answers for that person only. Read-only, and cheap: it runs on every page the menu is drawn on.
/// </summary>
public interface IPersonalNavSource
{
    /// <summary>The person's own links; <see cref="ModuleNavItem.Roles"/> is not consulted (the source already decided).</summary>
    Task<IReadOnlyList<ModuleNavItem>> LinksAsync(CancellationToken cancellationToken);
}
