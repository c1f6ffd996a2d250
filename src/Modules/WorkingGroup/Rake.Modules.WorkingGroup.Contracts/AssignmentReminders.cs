namespace Rake.Modules.WorkingGroup.Contracts;

/// <summary>An open assignment (open or in progress) for reminders: who has it, since when and by which day.</summary>
public sealed record OpenAssignmentInfo(Guid Id, Guid AssigneeId, DateOnly DueDate, DateTimeOffset CreatedAt);

/// <summary>The scope's region's open assignments, for the notification sweep.</summary>
public interface IAssignmentRemindersApi
{
    Task<IReadOnlyList<OpenAssignmentInfo>> OpenAssignmentsAsync(CancellationToken cancellationToken);
}
