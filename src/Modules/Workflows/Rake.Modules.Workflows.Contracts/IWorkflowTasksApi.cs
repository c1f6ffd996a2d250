namespace Rake.Modules.Workflows.Contracts;

/// <summary>An open human task of a workflow run: the region role whose members get it, when it came and when it is due.</summary>
public sealed record OpenWorkflowTask(Guid Id, string Role, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

/// <summary>The scope's region's open human tasks, for the notification sweep.</summary>
public interface IWorkflowTasksApi
{
    Task<IReadOnlyList<OpenWorkflowTask>> OpenTasksAsync(CancellationToken cancellationToken);
}
