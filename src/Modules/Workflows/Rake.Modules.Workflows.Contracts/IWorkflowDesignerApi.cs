namespace Rake.Modules.Workflows.Contracts;

/// <summary>An Elsa JSON file of one definition version, as exported.</summary>
public sealed record WorkflowDefinitionFile(string DefinitionId, string FileName, string Json);

/// <summary>What the Host's designer pages ask the Workflows module, in the scope's region, as its RegionAdmin.</summary>
public interface IWorkflowDesignerApi
{
    /// <summary>Whether the region has a definition with this id (another region's definitions do not count).</summary>
    Task<bool> DefinitionExistsAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>Whether the region has a workflow instance with this id (another region's instances do not count).</summary>
    Task<bool> InstanceExistsAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Stores an Elsa JSON file as a new draft of its definitionId; a malformed file fails with a validation problem.</summary>
    Task<string> ImportAsync(string elsaJson, CancellationToken cancellationToken);

    /// <summary>The latest version as an Elsa JSON file (the format of <c>workflows/&lt;region&gt;/*.json</c>); not found fails.</summary>
    Task<WorkflowDefinitionFile> ExportAsync(string definitionId, CancellationToken cancellationToken);
}
