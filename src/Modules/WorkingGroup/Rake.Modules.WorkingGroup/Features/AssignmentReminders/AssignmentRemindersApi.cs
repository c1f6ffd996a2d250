using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.WorkingGroup.Features.AssignmentReminders;

internal sealed class AssignmentRemindersApi(WorkingGroupDbContext db) : IAssignmentRemindersApi
{
    public async Task<IReadOnlyList<OpenAssignmentInfo>> OpenAssignmentsAsync(CancellationToken cancellationToken) =>
        await db.Assignments.AsNoTracking()
            .Where(a => a.Status == AssignmentStatus.Open || a.Status == AssignmentStatus.InProgress)
            .Select(a => new OpenAssignmentInfo(a.Id, a.AssigneeId, a.DueDate, a.CreatedAt))
            .ToListAsync(cancellationToken);
}
