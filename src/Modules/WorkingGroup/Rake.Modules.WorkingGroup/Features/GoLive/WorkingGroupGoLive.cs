namespace Rake.Modules.WorkingGroup.Features.GoLive;

/// <summary>
/// The work is led by a RAKE working group and steered by a steering group: before go-live each exists with at least one
/// member whose term is running today.
/// </summary>
internal sealed class WorkingGroupGoLive(WorkingGroupDbContext db, TimeProvider clock) : IGoLiveSource
{
    public async Task<IReadOnlyList<GoLiveItem>> GoLiveItemsAsync(CancellationToken cancellationToken)
    {
        var today = Helsinki.Today(clock);
        var kinds = await db.Bodies.AsNoTracking()
            .Where(b => b.Kind == BodyKind.WorkingGroup || b.Kind == BodyKind.SteeringGroup)
            .Where(b => db.Members.Any(m => m.BodyId == b.Id && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today)))
            .Select(b => b.Kind)
            .ToListAsync(cancellationToken);
        return
        [
            Item("workinggroup.workingGroup", kinds.Count(k => k == BodyKind.WorkingGroup)),
            Item("workinggroup.steeringGroup", kinds.Count(k => k == BodyKind.SteeringGroup)),
        ];
    }

    private static GoLiveItem Item(string key, int bodiesWithMembers) =>
        new("WorkingGroup", key, bodiesWithMembers > 0, "working-groups", bodiesWithMembers);
}
