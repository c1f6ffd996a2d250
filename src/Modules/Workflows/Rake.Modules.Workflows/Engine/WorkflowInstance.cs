using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine;

/// <summary>Elsa's two-level status: Running or Finished, and how.</summary>
internal enum WorkflowStatus { Running, Finished }

internal enum WorkflowSubStatus { Pending, Executing, Suspended, Finished, Cancelled, Faulted }

internal enum ActivityStatus { Running, Completed, Canceled, Faulted }

/// <summary>Counter-based is Elsa's default; token-based is what <c>WithTokenBasedFlowchart()</c> asks for.</summary>
internal enum FlowchartMode { CounterBased, TokenBased }

internal sealed record RunOptions
{
    public FlowchartMode FlowchartMode { get; init; } = FlowchartMode.CounterBased;

    /// <summary>The activity whose trigger started the run (a Timer firing); it becomes the start and does not wait again.</summary>
    public string? TriggerActivityId { get; init; }

    public IReadOnlyDictionary<string, object?>? Input { get; init; }

    /// <summary>The id the instance gets (the runtime marks it in the store before it runs); a new one when null.</summary>
    public Guid? InstanceId { get; init; }

    /// <summary>The correlation id the instance starts with (an event's, a parent's, the caller's).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The instance that started this one as a child (ExecuteWorkflow, DispatchWorkflow); null for a top-level run.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>
    /// The stored version (its id, as Elsa's <c>workflowDefinitionVersionId</c>) a workflow used as an activity pins; the
    /// runtime starts it when the region has it published and the latest published version otherwise, as Elsa falls back.
    /// </summary>
    public string? DefinitionVersionId { get; init; }

    /// <summary>The definition ids of the parents, outermost first: how deep child workflows are nested.</summary>
    public IReadOnlyList<string>? Lineage { get; init; }
}

/// <summary>
/// A child workflow an activity asked for; the host starts it once the parent's run is saved. A fire-and-forget dispatch
/// resumes its parent as soon as the child is found, before the child runs.
/// </summary>
internal sealed record ChildWorkflowRequest(
    string ChildInstanceId, string DefinitionId, IReadOnlyDictionary<string, object?> Input, string? CorrelationId,
    bool ResumeOnDispatch, string? DefinitionVersionId = null);

internal sealed record JournalEntry(DateTimeOffset At, string ActivityId, string ActivityType, string Event, string? Message = null);

internal sealed record Bookmark(
    string Id, string ActivityExecutionId, string ActivityId, string ActivityType, BookmarkKind Kind, string Name, DateTimeOffset? DueAt,
    object? Payload);

internal sealed record WorkflowFault(string ActivityId, string Message, string? Code, string? Category);

internal sealed record PublishedEvent(string ActivityId, string EventName, string? CorrelationId, object? Payload);

/// <summary>One execution of an activity; containers own the executions of their children.</summary>
internal sealed class ActivityExecution(string id, ActivityNode node, ActivityExecution? parent)
{
    public string Id { get; } = id;
    public ActivityNode Node { get; } = node;
    public ActivityExecution? Parent { get; } = parent;
    public ActivityStatus Status { get; set; } = ActivityStatus.Running;
    public List<ActivityExecution> Children { get; } = [];

    /// <summary>Entered through a loop (backward) connection, which counter-based flowcharts do not count as a visit.</summary>
    public bool ViaBackwardConnection { get; init; }

    /// <summary>Per-container bookkeeping (flowchart counters or tokens, ParallelForEach progress).</summary>
    public object? ContainerState { get; set; }

    /// <summary>Scoped values such as ParallelForEach's current item, visible to descendants.</summary>
    public object? CurrentValue { get; init; }
    public bool HasCurrentValue { get; init; }

    public IEnumerable<ActivityExecution> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent)
        {
            yield return p;
        }
    }

    public IEnumerable<ActivityExecution> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));
}

internal sealed record WorkItem(ActivityNode Node, ActivityExecution? Owner, bool ViaBackwardConnection = false,
    object? CurrentValue = null, bool HasCurrentValue = false);

/// <summary>A running or finished workflow, held in memory; persistence is a later step and will map this state.</summary>
internal sealed class WorkflowInstance(string id, WorkflowDefinition definition, RunOptions options)
{
    public string Id { get; } = id;
    public WorkflowDefinition Definition { get; } = definition;
    public RunOptions Options { get; } = options;
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;
    public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> VariableTypes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, object?> Output { get; } = new(StringComparer.Ordinal);

    /// <summary>Elsa's correlation id, which a script can read and set (getCorrelationId/setCorrelationId).</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Elsa's workflow instance name (getWorkflowInstanceName/setWorkflowInstanceName).</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The outputs of the activities that ran in this run, by activity id, for Elsa's getOutputFrom and getLastResult.
    /// Like Elsa's output register it lives for the run only and is not saved with the instance.
    /// </summary>
    public Dictionary<string, IReadOnlyDictionary<string, object?>> ActivityOutputs { get; } = new(StringComparer.Ordinal);

    public object? LastResult { get; set; }
    public List<string> Lines { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public List<Bookmark> Bookmarks { get; } = [];
    public List<PublishedEvent> PublishedEvents { get; } = [];

    /// <summary>Child workflows asked for in this run, started by the host after the run is saved; not persisted.</summary>
    public List<ChildWorkflowRequest> ChildRequests { get; } = [];

    public WorkflowFault? Fault { get; set; }

    /// <summary>
    /// The outcomes of the Complete that ended the workflow, if one did; saved with the instance. A parent node that uses
    /// this workflow as an activity completes on them (Elsa's CompleteCompositeSignal), otherwise on Done.
    /// </summary>
    public IReadOnlyList<string>? CompleteOutcomes { get; set; }

    /// <summary>
    /// Set when an activity ended the whole workflow (Finish, Complete) in this run: loops and sequences then complete
    /// instead of starting their next step. Not persisted, because an ending run leaves nothing to resume.
    /// </summary>
    public bool Ending { get; set; }

    public ActivityExecution? Root { get; set; }
    public LinkedList<WorkItem> Scheduler { get; } = new();

    public int CompletedCount(string activityId) => Journal.Count(e => e.ActivityId == activityId && e.Event == "Completed");

    /// <summary>The execution of that id, searched depth first from the root (no iterators: asked at every resume).</summary>
    public ActivityExecution? FindExecution(string executionId) => Root is null ? null : Find(Root, executionId);

    private static ActivityExecution? Find(ActivityExecution execution, string executionId)
    {
        if (execution.Id == executionId)
        {
            return execution;
        }
        foreach (var child in execution.Children)
        {
            if (Find(child, executionId) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
