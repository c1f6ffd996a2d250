using Microsoft.EntityFrameworkCore;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.TaskReminders;

internal sealed class WorkflowTasksApi(WorkflowsDbContext db) : IWorkflowTasksApi
{
    public async Task<IReadOnlyList<OpenWorkflowTask>> OpenTasksAsync(CancellationToken cancellationToken) =>
        (await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == WorkflowRuntime.HumanTaskKind && b.CompletedAt == null && b.Role != null)
            .Select(b => new { b.Id, b.Role, b.CreatedAt, b.DueAt })
            .ToListAsync(cancellationToken))
        .Select(b => new OpenWorkflowTask(b.Id, b.Role!, b.CreatedAt, b.DueAt)).ToList();
}
