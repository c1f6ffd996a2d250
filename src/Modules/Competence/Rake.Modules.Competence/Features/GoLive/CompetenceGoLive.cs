namespace Rake.Modules.Competence.Features.GoLive;

/// <summary>
/// Before staff start, survey answers and orientation completions need a unit to be counted in, and new staff need a
/// checklist to go through: at least one unit and one orientation item in use.
/// </summary>
internal sealed class CompetenceGoLive(CompetenceDbContext db) : IGoLiveSource
{
    public const string Link = "competence/setup";

    public async Task<IReadOnlyList<GoLiveItem>> GoLiveItemsAsync(CancellationToken cancellationToken)
    {
        var units = await db.Units.CountAsync(u => u.Active, cancellationToken);
        var items = await db.OrientationItems.CountAsync(i => i.Active, cancellationToken);
        return
        [
            new("Competence", "competence.units", units > 0, Link, units),
            new("Competence", "competence.orientationItems", items > 0, Link, items),
        ];
    }
}
