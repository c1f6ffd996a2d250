using Microsoft.EntityFrameworkCore;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Features.ElsaApi;

internal sealed class WorkflowDesignerApi(WorkflowsDbContext db, ElsaDefinitionsHandler definitions) : IWorkflowDesignerApi
{
    public Task<bool> DefinitionExistsAsync(string definitionId, CancellationToken cancellationToken) =>
        db.Definitions.AsNoTracking().AnyAsync(d => d.DefinitionId == definitionId, cancellationToken);

    public async Task<bool> InstanceExistsAsync(string instanceId, CancellationToken cancellationToken) =>
        Guid.TryParse(instanceId, out var id) && await db.Instances.AsNoTracking().AnyAsync(i => i.Id == id, cancellationToken);

    public async Task<string> ImportAsync(string elsaJson, CancellationToken cancellationToken)
    {
        var model = await definitions.ImportAsync(elsaJson, cancellationToken);
        return (string)model["definitionId"]!;
    }

    public async Task<WorkflowDefinitionFile> ExportAsync(string definitionId, CancellationToken cancellationToken)
    {
        var (fileName, json) = await definitions.ExportAsync(definitionId, "Latest", cancellationToken);
        return new WorkflowDefinitionFile(definitionId, fileName, json);
    }
}
