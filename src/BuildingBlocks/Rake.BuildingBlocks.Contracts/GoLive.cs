namespace Rake.BuildingBlocks.Contracts;

/// <summary>One line of a region's go-live checklist: something the region must have set up before its staff start.</summary>
/// <param name="Module">The module that owns the item, e.g. <c>Reporting</c>; the checklist groups by it.</param>
/// <param name="Key">Stable key; the text catalog holds <c>golive.{Key}</c> (what is needed) and <c>golive.{Key}.help</c> (how to
/// do it) in fi, sv and en.</param>
/// <param name="Done">Whether the region has it now.</param>
/// <param name="Link">Where in the region's UI it is done, relative to the region's root, e.g. <c>reports/admin</c>.</param>
/// <param name="Count">How many there are now (service areas, goals…), shown next to the item; 0 when not counted.</param>
public sealed record GoLiveItem(string Module, string Key, bool Done, string Link, int Count = 0);

/// <summary>
/// Implemented by each module that needs region set-up before go-live. Called in a scope already set to one region, so
/// it reads only that region's rows. Read-only: the checklist never changes anything.
/// </summary>
public interface IGoLiveSource
{
    Task<IReadOnlyList<GoLiveItem>> GoLiveItemsAsync(CancellationToken cancellationToken);
}
