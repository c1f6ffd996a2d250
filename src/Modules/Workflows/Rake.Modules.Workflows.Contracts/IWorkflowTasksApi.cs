namespace Rake.Modules.Workflows.Contracts;

/// <summary>An open human task of a workflow run: the region role whose members get it, when it came and when it is due.</summary>
public sealed record OpenWorkflowTask(Guid Id, string Role, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

/// <summary>The scope's region's human tasks, for other modules: the notification sweep reads the open ones, and a module's own form
/// (the steering group's decisions on a compilation) finishes the task that asked for it, so nobody completes it twice.</summary>
public interface IWorkflowTasksApi
{
    /// <summary>The region's open human tasks that a role receives.</summary>
    Task<IReadOnlyList<OpenWorkflowTask>> OpenTasksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Completes the open human task of <paramref name="activityId"/> in the run <paramref name="instanceId"/> with the outcome
    /// Done, as the calling person; false when there is no such open task in this region or the caller does not hold its role.
    /// </summary>
    Task<bool> CompleteAsync(Guid instanceId, string activityId, string? comment, CancellationToken cancellationToken);
}
