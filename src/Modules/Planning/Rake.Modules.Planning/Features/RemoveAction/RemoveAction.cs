namespace Rake.Modules.Planning.Features.RemoveAction;

internal static class RemoveActionEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapDelete("/actions/{actionId:guid}", async (Guid actionId, RemoveActionHandler h, CancellationToken ct) =>
            {
                await h.HandleAsync(actionId, ct);
                return Results.NoContent();
            })
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Removes an action from its goal (planner, region admin); the audit log keeps what it was.");
}

internal sealed class RemoveActionHandler(PlanningDbContext db, TextCatalog texts, TimeProvider clock)
{
    public async Task HandleAsync(Guid actionId, CancellationToken ct)
    {
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == actionId, ct)
            ?? throw new NotFoundException(texts["planning.action.notFound"]);
        db.Actions.Remove(action);
        foreach (var later in await db.Actions.Where(a => a.GoalId == action.GoalId && a.Position > action.Position).ToListAsync(ct))
        {
            later.Position--;
        }
        if (await db.Plans.FirstOrDefaultAsync(ct) is { } plan)
        {
            plan.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
    }
}
