namespace Rake.Modules.WorkingGroup.Features.MyAssignments;

internal static class MyAssignmentsEndpoint
{
    public const string Tag = "Working group: assignments";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/assignments/mine", (MyAssignmentsHandler h, bool? includeClosed, CancellationToken ct) =>
                h.HandleAsync(includeClosed == true, ct))
            .WithTags(Tag).WithSummary("The caller's assignments in this region, overdue first.");
}

/// <summary>The caller's own assignments in this region (any role): open and overdue first.</summary>
internal sealed class MyAssignmentsHandler(
    WorkingGroupDbContext db, IRequestContext actor, ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock)
{
    public async Task<IReadOnlyList<AssignmentDto>> HandleAsync(bool includeClosed, CancellationToken ct)
    {
        var me = actor.UserId!.Value;
        var rows = await db.Assignments.AsNoTracking().Where(a => a.AssigneeId == me).ToListAsync(ct);
        var today = Helsinki.Today(clock);
        return rows.Where(a => includeClosed || a.IsOpen)
            .OrderByDescending(a => a.IsOverdue(today)).ThenByDescending(a => a.IsOpen).ThenBy(a => a.DueDate)
            .Select(a => mapper.Map<AssignmentDto>(new OnDay<Assignment>(a, today))).ToList();
    }
}
