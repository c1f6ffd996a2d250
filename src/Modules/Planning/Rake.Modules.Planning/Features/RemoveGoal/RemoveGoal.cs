namespace Rake.Modules.Planning.Features.RemoveGoal;

internal static class RemoveGoalEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapDelete("/goals/{goalId:guid}", async (Guid goalId, RemoveGoalHandler h, CancellationToken ct) =>
            {
                await h.HandleAsync(goalId, ct);
                return Results.NoContent();
            })
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Removes a goal with its actions, unless an action's follow-up has begun (409); the later goals move up.");
}

/// <summary>
/// A goal whose actions are all still "not done" goes with them; once an action is in progress or done its follow-up and
/// evidence are part of the plan's record, so the goal stays until those actions are dealt with one by one.
/// </summary>
internal sealed class RemoveGoalHandler(PlanningDbContext db, TextCatalog texts, TimeProvider clock)
{
    public async Task HandleAsync(Guid goalId, CancellationToken ct)
    {
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == goalId, ct)
            ?? throw new NotFoundException(texts["planning.goal.notFound"]);
        var actions = await db.Actions.Where(a => a.GoalId == goal.Id).ToListAsync(ct);
        if (actions.Any(a => a.Status != ActionStatus.NotDone))
        {
            throw new ConflictException(texts["planning.goal.followedUp"]);
        }
        db.Actions.RemoveRange(actions);
        db.Goals.Remove(goal);
        foreach (var later in await db.Goals.Where(g => g.PlanId == goal.PlanId && g.Position > goal.Position).ToListAsync(ct))
        {
            later.Position--;
        }
        if (await db.Plans.FirstOrDefaultAsync(p => p.Id == goal.PlanId, ct) is { } plan)
        {
            plan.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
    }
}
