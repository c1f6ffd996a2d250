using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.Tasks;

/// <summary>The same completion as the inbox's, for a task found by its run and activity instead of its id.</summary>
internal sealed class WorkflowTasksApi(WorkflowsDbContext db, WorkflowRuntime runtime, IRequestContext actor) : IWorkflowTasksApi
{
    public async Task<IReadOnlyList<OpenWorkflowTask>> OpenTasksAsync(CancellationToken cancellationToken) =>
        (await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == WorkflowRuntime.HumanTaskKind && b.CompletedAt == null && b.Role != null)
            .Select(b => new { b.Id, b.Role, b.CreatedAt, b.DueAt })
            .ToListAsync(cancellationToken))
        .Select(b => new OpenWorkflowTask(b.Id, b.Role!, b.CreatedAt, b.DueAt)).ToList();

    public async Task<bool> CompleteAsync(Guid instanceId, string activityId, string? comment, CancellationToken cancellationToken)
    {
        var id = await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == instanceId && b.ActivityId == activityId && b.CompletedAt == null)
            .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null || await runtime.FindTaskAsync(id.Value, cancellationToken) is not { } task || !runtime.MayComplete(task))
        {
            return false;
        }
        var input = new JsonObject { ["outcome"] = "Done", ["comment"] = comment, ["completedBy"] = actor.UserName };
        return await runtime.ResumeAsync(task.Id, input, actor.UserName, cancellationToken) == ResumeOutcome.Resumed;
    }
}
