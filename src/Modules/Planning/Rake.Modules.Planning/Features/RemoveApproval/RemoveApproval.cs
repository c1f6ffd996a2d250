namespace Rake.Modules.Planning.Features.RemoveApproval;

internal static class RemoveApprovalEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapDelete("/approvals/{approvalId:guid}", async (Guid approvalId, RemoveApprovalHandler h, CancellationToken ct) =>
            {
                await h.HandleAsync(approvalId, ct);
                return Results.NoContent();
            })
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Removes an approval recorded by mistake (planner, region admin); the audit log keeps what it was.");
}

internal sealed class RemoveApprovalHandler(PlanningDbContext db, TextCatalog texts)
{
    public async Task HandleAsync(Guid approvalId, CancellationToken ct)
    {
        var approval = await db.Approvals.FirstOrDefaultAsync(a => a.Id == approvalId, ct)
            ?? throw new NotFoundException(texts["planning.approval.notFound"]);
        db.Approvals.Remove(approval);
        await db.SaveChangesAsync(ct);
    }
}
