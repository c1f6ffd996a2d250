namespace Rake.Modules.Workflows.Contracts;

/// <summary>
/// Lets a module's own form finish the human task that asked for it (the steering group's decisions on a compilation), so the
/// person does not complete the same task twice. In the scope's region, as the calling person.
/// </summary>
public interface IWorkflowTasksApi
{
    /// <summary>
    /// Completes the open human task of <paramref name="activityId"/> in the run <paramref name="instanceId"/> with the outcome
    /// Done; false when there is no such open task in this region or the caller does not hold its role.
    /// </summary>
    Task<bool> CompleteAsync(Guid instanceId, string activityId, string? comment, CancellationToken cancellationToken);
}
