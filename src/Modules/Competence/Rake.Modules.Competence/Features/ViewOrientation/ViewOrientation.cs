using Rake.Modules.Competence.Features.Staff;

namespace Rake.Modules.Competence.Features.ViewOrientation;

internal sealed record OrientationUnitDto(string Unit, string Name, int People, int Completions, int StructuralCompletions);

internal sealed record OrientationPersonDto(string UserName, string Unit, int Done, int Total);

internal sealed record OrientationDto(
    IReadOnlyList<OrientationItemDto> Items, IReadOnlyList<OrientationUnitDto> Units, IReadOnlyList<OrientationPersonDto> People);

internal static class ViewOrientationEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapGet("/orientation", (ViewOrientationHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithSummary("The orientation checklist with my progress; leads also see completion per unit and person.");
}

/// <summary>
/// The orientation checklist with the caller's own progress. Everyone may read it; only leads (<see cref="CompetenceRoles.Leads"/>)
/// also get the completion per unit and per person, so what is shown, not whether, depends on the role.
/// </summary>
internal sealed class ViewOrientationHandler(CompetenceDbContext db, IRequestContext actor, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<OrientationDto> HandleAsync(CancellationToken ct)
    {
        var items = await db.OrientationItems.AsNoTracking().Where(i => i.Active).OrderBy(i => i.Position).ToListAsync(ct);
        // Completions of items taken off the checklist are kept but no longer counted against it.
        var itemIds = items.Select(i => i.Id).ToList();
        var completions = await db.OrientationCompletions.AsNoTracking().Where(c => itemIds.Contains(c.ItemId)).ToListAsync(ct);
        var mine = completions.Where(c => c.UserId == actor.UserId).Select(c => c.ItemId).ToHashSet();
        var itemDtos = items.Select(i => mapper.Map<OrientationItemDto>(new OrientationItemView(i, mine.Contains(i.Id)))).ToList();
        if (!CompetenceRoles.Leads.IsMetBy(actor))
        {
            return new OrientationDto(itemDtos, [], []);
        }
        var structural = items.Where(i => i.Structural).Select(i => i.Id).ToHashSet();
        var units = await db.Units.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Name).ToListAsync(ct);
        var byUnit = units.Select(u =>
        {
            var done = completions.Where(c => c.UnitCode == u.Code).ToList();
            return new OrientationUnitDto(u.Code, u.Name, done.Select(c => c.UserId).Distinct().Count(), done.Count,
                done.Count(c => structural.Contains(c.ItemId)));
        }).ToList();
        var byPerson = completions.GroupBy(c => c.UserId)
            .Select(g => new OrientationPersonDto(
                g.First().UserName, g.OrderByDescending(c => c.CompletedAt).First().UnitCode, g.Count(), items.Count))
            .OrderBy(p => p.UserName, StringComparer.Ordinal).ToList();
        return new OrientationDto(itemDtos, byUnit, byPerson);
    }
}
