using System.Text.Json.Nodes;
using Mapster;
using Rake.Modules.Workflows.Features.Definitions;
using Rake.Modules.Workflows.Features.Instances;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Features;

/// <summary>The module's entity-to-DTO mappings (docs/adr/0086): stored JSON text goes out as JSON.</summary>
internal sealed class WorkflowsMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<WorkflowDefinitionVersion, DefinitionDto>()
            .Map(d => d.Definition, v => JsonNode.Parse(v.Json, null, default));
        config.NewConfig<WorkflowInstanceRecord, InstanceDto>()
            .Map(d => d.Fault, r => r.FaultMessage)
            .Ignore(d => d.Bookmarks!, d => d.Journal!, d => d.CorrelationId!, d => d.Output!, d => d.ParentInstanceId!);
        config.NewConfig<WorkflowBookmarkRecord, BookmarkDto>()
            .Map(d => d.Payload, b => b.Payload == null ? null : JsonNode.Parse(b.Payload, null, default));
    }
}
