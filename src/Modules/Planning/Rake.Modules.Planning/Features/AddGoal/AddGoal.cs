using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.AddGoal;

internal sealed record GoalRequest([ScreenedText] string? Title);

internal static class AddGoalEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPost("/goals", async (GoalRequest request, AddGoalHandler h, CancellationToken ct) =>
                Results.Created("/plan", await h.HandleAsync(request, ct)))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Adds a goal at the end of the plan's goals (planner, region admin).");
}

internal sealed class GoalRequestValidator : PlanningValidator<GoalRequest>
{
    public GoalRequestValidator(TextCatalog texts) : base(texts) => TextField(r => r.Title, PlanGoal.TitleMax);
}

internal sealed class AddGoalHandler(PlanningDbContext db, TextCatalog texts, TimeProvider clock)
{
    public async Task<GoalDto> HandleAsync(GoalRequest request, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        var last = await db.Goals.Where(g => g.PlanId == plan.Id).MaxAsync(g => (int?)g.Position, ct) ?? 0;
        var goal = new PlanGoal { Id = Guid.CreateVersion7(), PlanId = plan.Id, Position = last + 1, Title = request.Title!.Trim() };
        db.Goals.Add(goal);
        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new GoalDto(goal.Id, goal.Position, goal.Title, []);
    }
}
