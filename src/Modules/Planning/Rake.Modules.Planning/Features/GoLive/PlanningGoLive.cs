namespace Rake.Modules.Planning.Features.GoLive;

/// <summary>
/// The plan's lines of the go-live checklist, read from the region's rows: the plan with its validity, its goals, an action
/// under every goal, and a recorded approval. All are done on the plan's set-up page.
/// </summary>
internal sealed class PlanningGoLive(PlanningDbContext db) : IGoLiveSource
{
    public const string Link = "plan/setup";

    public async Task<IReadOnlyList<GoLiveItem>> GoLiveItemsAsync(CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var goalIds = plan is null
            ? []
            : await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).Select(g => g.Id).ToListAsync(cancellationToken);
        var actionsPerGoal = await db.Actions.AsNoTracking().Where(a => goalIds.Contains(a.GoalId))
            .GroupBy(a => a.GoalId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var approvals = plan is null
            ? 0
            : await db.Approvals.AsNoTracking().CountAsync(a => a.PlanId == plan.Id && a.Kind == ApprovalKind.Approved, cancellationToken);
        return
        [
            new("Planning", "planning.plan", plan is not null && plan.ValidFrom <= plan.ValidUntil, Link),
            new("Planning", "planning.goals", goalIds.Count > 0, Link, goalIds.Count),
            new("Planning", "planning.actions", goalIds.Count > 0 && actionsPerGoal.Count == goalIds.Count, Link,
                actionsPerGoal.Sum(g => g.Count)),
            new("Planning", "planning.approved", approvals > 0, Link, approvals),
        ];
    }
}
