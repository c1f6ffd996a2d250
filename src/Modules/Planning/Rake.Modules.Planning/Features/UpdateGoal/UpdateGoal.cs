using Rake.Modules.Planning.Features.AddGoal;
using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.UpdateGoal;

internal static class UpdateGoalEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPut("/goals/{goalId:guid}", (Guid goalId, GoalRequest request, UpdateGoalHandler h, CancellationToken ct) =>
                h.HandleAsync(goalId, request, ct))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Rewords a goal (planner, region admin).");
}

internal sealed class UpdateGoalHandler(PlanningDbContext db, TextCatalog texts, TimeProvider clock, ModuleMapper<PlanningModule> mapper)
{
    public async Task<GoalDto> HandleAsync(Guid goalId, GoalRequest request, CancellationToken ct)
    {
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == goalId, ct)
            ?? throw new NotFoundException(texts["planning.goal.notFound"]);
        goal.Title = request.Title!.Trim();
        await Touch(goal.PlanId, ct);
        await db.SaveChangesAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.GoalId == goal.Id).ToListAsync(ct);
        return mapper.Map<GoalDto>(new GoalContents(goal, actions.OrderBy(a => a.Year ?? 0).ThenBy(a => a.Position).ToList()));
    }

    private async Task Touch(Guid planId, CancellationToken ct)
    {
        if (await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct) is { } plan)
        {
            plan.UpdatedAt = clock.GetUtcNow();
        }
    }
}
