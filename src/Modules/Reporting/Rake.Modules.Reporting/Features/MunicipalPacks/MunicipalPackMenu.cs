using Rake.BuildingBlocks.Modules;

namespace Rake.Modules.Reporting.Features.MunicipalPacks;

/// <summary>
/// A nominated HYTETU member or deputy finds their municipality's pack of the current period in the menu (docs/adr/0182): the
/// pack itself when they are named for one municipality, the list of their own packs when for several. The menu is otherwise
/// chosen by role; a nomination is no role, so this link comes from the nominations, and no one else gets it.
/// </summary>
internal sealed class MunicipalPackMenu(MunicipalPackHandler packs) : IPersonalNavSource
{
    public async Task<IReadOnlyList<ModuleNavItem>> LinksAsync(CancellationToken cancellationToken)
    {
        var (periodId, municipalities) = await packs.OwnPacksAsync(cancellationToken);
        return municipalities.Count switch
        {
            0 => [],
            1 => [new ModuleNavItem($"briefs/municipality/{periodId}/{Uri.EscapeDataString(municipalities[0])}", "nav.ownMunicipalPack")],
            _ => [new ModuleNavItem($"briefs/municipality/{periodId}", "nav.ownMunicipalPacks")],
        };
    }
}
