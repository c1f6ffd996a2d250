using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Features.GoLive;

/// <summary>A region goes live with at least one published workflow: a draft runs nothing.</summary>
internal sealed class WorkflowsGoLive(WorkflowsDbContext db) : IGoLiveSource
{
    public async Task<IReadOnlyList<GoLiveItem>> GoLiveItemsAsync(CancellationToken cancellationToken)
    {
        var published = await db.Definitions.AsNoTracking().Where(d => d.IsPublished).Select(d => d.DefinitionId).Distinct()
            .CountAsync(cancellationToken);
        return [new GoLiveItem("Workflows", "workflows.published", published > 0, "workflows/templates", published)];
    }
}
