using System.Text.Json.Nodes;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Activities;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>
/// A child workflow a run asked for (ExecuteWorkflow, DispatchWorkflow, a workflow used as an activity), stored in the
/// Workflows outbox in the commit that saves the run (docs/adr/0190). The Host that saved it holds it for the outbox
/// lease and starts the child at once; if that Host stops first, its restart or another Host's dispatcher starts it.
/// The child's instance id is fixed here, so however often this is delivered the child starts once.
/// </summary>
internal sealed record ChildWorkflowStartRequested(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt, Guid ParentInstanceId, Guid ChildInstanceId, string DefinitionId,
    string? DefinitionVersionId, string? CorrelationId, bool ResumeOnDispatch, FlowchartMode FlowchartMode,
    IReadOnlyList<string> Lineage, JsonObject Input) : IIntegrationEvent
{
    public RunOptions Options() => new()
    {
        FlowchartMode = FlowchartMode,
        InstanceId = ChildInstanceId,
        Input = InstanceStateSerializer.DeserializeInput(Input),
        CorrelationId = CorrelationId,
        ParentInstanceId = ParentInstanceId.ToString("N"),
        DefinitionVersionId = DefinitionVersionId,
        Lineage = Lineage,
    };
}

/// <summary>Starts a child whose start was stored but not done by the Host that saved it (it stopped, or its lease ran out).</summary>
internal sealed class StartRequestedChildWorkflow(WorkflowRuntime runtime) : IIntegrationEventHandler<ChildWorkflowStartRequested>
{
    public Task HandleAsync(ChildWorkflowStartRequested integrationEvent, CancellationToken cancellationToken) =>
        runtime.StartRequestedChildAsync(integrationEvent, cancellationToken);
}

/// <summary>
/// A child faulted by start-up recovery because its process stopped mid-run (docs/adr/0060), stored in the outbox in the
/// commit that faults it, so the parent waiting on it is resumed with the fault as for a child that faulted while running,
/// even when the Host stops again before it got that far (docs/adr/0194). <see cref="Result"/> is what the parent is
/// resumed with: Elsa's ExecuteWorkflowResult, as <see cref="ChildWorkflows.Result"/> gives it.
/// </summary>
internal sealed record StoppedChildWorkflowFaulted(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt, Guid ParentInstanceId, Guid ChildInstanceId, JsonObject Result)
    : IIntegrationEvent;

/// <summary>Resumes the parent of a child that recovery faulted; a parent no longer waiting on that child is left alone.</summary>
internal sealed class ResumeParentOfStoppedChild(WorkflowRuntime runtime) : IIntegrationEventHandler<StoppedChildWorkflowFaulted>
{
    public Task HandleAsync(StoppedChildWorkflowFaulted integrationEvent, CancellationToken cancellationToken) =>
        runtime.ResumeParentOfStoppedChildAsync(integrationEvent, cancellationToken);
}
