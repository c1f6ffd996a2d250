namespace Rake.Modules.WorkingGroup.Features.HandOver;

/// <summary>A leaver's open assignments (open or in progress) in the current region, and their hand-over to someone else.</summary>
internal sealed class AssignmentHandOver(WorkingGroupDbContext db) : IOpenItemsSource
{
    private const string Module = "WorkingGroup";
    private const string Kind = "Assignment";

    public async Task<IReadOnlyList<OpenItem>> OpenItemsAsync(Guid userId, CancellationToken cancellationToken) =>
        (await OpenAssignments(userId).ToListAsync(cancellationToken)).Select(ToItem).ToList();

    public async Task<IReadOnlyList<OpenItem>> HandOverAsync(
        Guid fromUserId, HandOverTarget to, IReadOnlyCollection<string>? itemIds, CancellationToken cancellationToken)
    {
        var assignments = await OpenAssignments(fromUserId).ToListAsync(cancellationToken);
        var chosen = assignments.Where(a => itemIds is null || itemIds.Contains(a.Id.ToString())).ToList();
        foreach (var assignment in chosen)
        {
            assignment.AssigneeId = to.UserId;
            assignment.AssigneeUserName = to.UserName;
            assignment.AssigneeName = to.DisplayName;
        }
        await db.SaveChangesAsync(cancellationToken);
        return chosen.Select(ToItem).ToList();
    }

    private IQueryable<Assignment> OpenAssignments(Guid userId) =>
        db.Assignments.Where(a => a.AssigneeId == userId
                && (a.Status == AssignmentStatus.Open || a.Status == AssignmentStatus.InProgress))
            .OrderBy(a => a.DueDate);

    private static OpenItem ToItem(Assignment a) => new(Module, Kind, a.Id.ToString(), a.Title, a.DueDate);
}
