using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Activities;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>
/// Turns the engine's in-memory instance into JSON and back. The definition itself is not stored here: an instance
/// points at its definition version, and nodes are found again by their activity id.
/// </summary>
internal static class InstanceStateSerializer
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(WorkflowInstance instance)
    {
        var state = new InstanceState
        {
            Status = instance.Status,
            SubStatus = instance.SubStatus,
            FlowchartMode = instance.Options.FlowchartMode,
            TriggerActivityId = instance.Options.TriggerActivityId,
            ParentInstanceId = instance.Options.ParentInstanceId,
            Lineage = instance.Options.Lineage?.ToList(),
            Input = instance.Options.Input?.ToDictionary(p => p.Key, p => Value(p.Value)),
            Variables = instance.Variables.ToDictionary(p => p.Key, p => Value(p.Value)),
            VariableTypes = new Dictionary<string, string>(instance.VariableTypes),
            Output = instance.Output.ToDictionary(p => p.Key, p => Value(p.Value)),
            Lines = [.. instance.Lines],
            Bookmarks = instance.Bookmarks.Select(b =>
                new BookmarkState(b.Id, b.ActivityExecutionId, b.ActivityId, b.ActivityType, b.Kind, b.Name, b.DueAt,
                    Value(b.Payload))).ToList(),
            PublishedEvents = instance.PublishedEvents.Select(e =>
                new PublishedEventState(e.ActivityId, e.EventName, e.CorrelationId, Value(e.Payload))).ToList(),
            Fault = instance.Fault,
            CompleteOutcomes = instance.CompleteOutcomes?.ToList(),
            CorrelationId = instance.CorrelationId,
            Name = instance.Name,
            Root = instance.Root is null ? null : Execution(instance.Root),
            Scheduler = instance.Scheduler.Select(w =>
                new WorkItemState(w.Node.Id, w.Owner?.Id, w.ViaBackwardConnection, Value(w.CurrentValue), w.HasCurrentValue)).ToList(),
        };
        return JsonSerializer.Serialize(state, Options);
    }

    /// <summary>What the API shows of a stored state without restoring the instance: correlation id, parent and output.</summary>
    public static (string? CorrelationId, Guid? ParentInstanceId, JsonObject Output) ReadSummary(string stateJson)
    {
        var state = string.IsNullOrEmpty(stateJson) ? null : JsonSerializer.Deserialize<InstanceState>(stateJson, Options);
        var output = new JsonObject();
        foreach (var (name, value) in state?.Output ?? [])
        {
            output[name] = value?.Value?.DeepClone();
        }
        Guid? parent = Guid.TryParse(state?.ParentInstanceId, out var id) ? id : null;
        return (state?.CorrelationId, parent, output);
    }

    /// <summary>A child's input as stored with its requested start; values keep their CLR type as in an instance's state.</summary>
    public static JsonObject SerializeInput(IReadOnlyDictionary<string, object?> input) =>
        JsonSerializer.SerializeToNode(input.ToDictionary(p => p.Key, p => Value(p.Value)), Options)!.AsObject();

    public static Dictionary<string, object?> DeserializeInput(JsonObject input) =>
        (input.Deserialize<Dictionary<string, StateValue?>>(Options) ?? [])
        .ToDictionary(p => p.Key, p => Restore(p.Value), StringComparer.Ordinal);

    public static string SerializeJournal(WorkflowInstance instance) => JsonSerializer.Serialize(instance.Journal, Options);

    public static List<JournalEntry> DeserializeJournal(string json) => JsonSerializer.Deserialize<List<JournalEntry>>(json, Options) ?? [];

    public static WorkflowInstance Deserialize(string id, WorkflowDefinition definition, string stateJson, string journalJson,
        WorkflowEngine engine)
    {
        var state = JsonSerializer.Deserialize<InstanceState>(stateJson, Options)
            ?? throw new InvalidOperationException($"Instance {id} has no state.");
        var options = new RunOptions
        {
            FlowchartMode = state.FlowchartMode,
            TriggerActivityId = state.TriggerActivityId,
            ParentInstanceId = state.ParentInstanceId,
            Lineage = state.Lineage,
            CorrelationId = state.CorrelationId,
            Input = state.Input?.ToDictionary(p => p.Key, p => Restore(p.Value)),
        };
        var instance = new WorkflowInstance(id, definition, options)
        {
            Status = state.Status,
            SubStatus = state.SubStatus,
            Fault = state.Fault,
            CompleteOutcomes = state.CompleteOutcomes,
            CorrelationId = state.CorrelationId,
            Name = state.Name,
        };
        foreach (var (name, value) in state.Variables)
        {
            instance.Variables[name] = Restore(value);
        }
        foreach (var (name, type) in state.VariableTypes)
        {
            instance.VariableTypes[name] = type;
        }
        foreach (var (name, value) in state.Output)
        {
            instance.Output[name] = Restore(value);
        }
        instance.Lines.AddRange(state.Lines);
        instance.Journal.AddRange(DeserializeJournal(journalJson));
        var nodes = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        foreach (var node in definition.AllActivities())
        {
            nodes.TryAdd(node.Id, node);
        }
        var executions = new Dictionary<string, ActivityExecution>(StringComparer.Ordinal);
        var maxId = 0L;
        if (state.Root is not null)
        {
            instance.Root = Restore(state.Root, null, nodes, executions, instance, ref maxId);
        }
        foreach (var b in state.Bookmarks)
        {
            instance.Bookmarks.Add(new Bookmark(b.Id, b.ActivityExecutionId, b.ActivityId, b.ActivityType, b.Kind, b.Name, b.DueAt,
                Restore(b.Payload)));
            maxId = Math.Max(maxId, NumericId(b.Id));
        }
        foreach (var e in state.PublishedEvents)
        {
            instance.PublishedEvents.Add(new PublishedEvent(e.ActivityId, e.EventName, e.CorrelationId, Restore(e.Payload)));
        }
        foreach (var w in state.Scheduler)
        {
            instance.Scheduler.AddLast(new WorkItem(NodeOf(nodes, w.NodeId), w.OwnerId is null ? null : executions[w.OwnerId],
                w.ViaBackwardConnection, Restore(w.CurrentValue), w.HasCurrentValue));
        }
        engine.ReserveIdsUpTo(maxId);
        return instance;
    }

    private static ExecutionState Execution(ActivityExecution execution) => new(
        execution.Id,
        execution.Node.Id,
        execution.Status,
        execution.ViaBackwardConnection,
        Value(execution.CurrentValue),
        execution.HasCurrentValue,
        Container(execution.ContainerState),
        execution.Children.Select(Execution).ToList());

    private static ContainerState? Container(object? state) => state switch
    {
        null => null,
        FlowchartState f => new ContainerState
        {
            Kind = "Flowchart",
            Mode = f.Mode,
            ActivityVisits = new Dictionary<string, long>(f.ActivityVisits),
            ConnectionVisits = f.ConnectionVisits.Select(p => new ConnectionCount(p.Key, p.Value)).ToList(),
            ConnectionFollowed = f.ConnectionFollowed.Select(p => new ConnectionFlag(p.Key, p.Value)).ToList(),
            Tokens = f.Tokens.Select(t => new TokenState(t.From, t.Outcome, t.To, t.Consumed, t.Blocked)).ToList(),
        },
        ParallelForEach.Progress p => new ContainerState { Kind = "ParallelForEach", Pending = p.Pending },
        StructuredState s => new ContainerState
        {
            Kind = "Structured",
            Pending = s.Pending,
            Index = s.Index,
            Iterations = s.Iterations,
            IsLoop = s.IsLoop,
            Breaking = s.Breaking,
            Current = s.Current,
            Items = (JsonArray?)s.Items?.DeepClone(),
        },
        _ => throw new NotSupportedException($"Container state {state.GetType().Name} cannot be persisted."),
    };

    private static ActivityExecution Restore(
        ExecutionState state, ActivityExecution? parent, Dictionary<string, ActivityNode> nodes,
        Dictionary<string, ActivityExecution> executions,
        WorkflowInstance instance, ref long maxId)
    {
        var node = NodeOf(nodes, state.NodeId);
        var execution = new ActivityExecution(state.Id, node, parent)
        {
            Status = state.Status,
            ViaBackwardConnection = state.ViaBackwardConnection,
            CurrentValue = Restore(state.CurrentValue),
            HasCurrentValue = state.HasCurrentValue,
        };
        maxId = Math.Max(maxId, NumericId(state.Id));
        executions[state.Id] = execution;
        execution.ContainerState = state.Container switch
        {
            null => null,
            { Kind: "ParallelForEach" } c => new ParallelForEach.Progress { Pending = c.Pending },
            { Kind: "Flowchart" } c => RestoreFlowchart(c, node, instance),
            { Kind: "Structured" } c => new StructuredState
            {
                Pending = c.Pending,
                Index = c.Index,
                Iterations = c.Iterations,
                IsLoop = c.IsLoop,
                Breaking = c.Breaking,
                Current = c.Current,
                Items = (JsonArray?)c.Items?.DeepClone(),
            },
            var c => throw new NotSupportedException($"Unknown container state '{c.Kind}'."),
        };
        foreach (var child in state.Children)
        {
            execution.Children.Add(Restore(child, execution, nodes, executions, instance, ref maxId));
        }
        return execution;
    }

    private static FlowchartState RestoreFlowchart(ContainerState c, ActivityNode node, WorkflowInstance instance)
    {
        // The graph is derived from the (immutable) definition exactly as Flowchart.Start derives it.
        var start = Flowchart.StartActivity(node, instance.Options.TriggerActivityId);
        var flowchart = new FlowchartState(node.GraphFrom(start?.Id), c.Mode);
        foreach (var (id, visits) in c.ActivityVisits ?? [])
        {
            flowchart.ActivityVisits[id] = visits;
        }
        foreach (var v in c.ConnectionVisits ?? [])
        {
            flowchart.ConnectionVisits[v.Connection] = v.Count;
        }
        foreach (var f in c.ConnectionFollowed ?? [])
        {
            flowchart.ConnectionFollowed[f.Connection] = f.Followed;
        }
        foreach (var t in c.Tokens ?? [])
        {
            flowchart.Tokens.Add(new FlowToken(t.From, t.Outcome, t.To) { Consumed = t.Consumed, Blocked = t.Blocked });
        }
        return flowchart;
    }

    private static ActivityNode NodeOf(Dictionary<string, ActivityNode> nodes, string id) =>
        nodes.TryGetValue(id, out var node) ? node
            : throw new InvalidOperationException($"The definition has no activity '{id}' any more.");

    private static long NumericId(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>State values keep their CLR type (int vs long vs double vs decimal), which a bare JSON number would lose.</summary>
    private static StateValue? Value(object? value) => value switch
    {
        null => null,
        string s => new("string", JsonValue.Create(s)),
        bool b => new("bool", JsonValue.Create(b)),
        int i => new("int", JsonValue.Create(i)),
        long l => new("long", JsonValue.Create(l)),
        double d => new("double", JsonValue.Create(d)),
        decimal m => new("decimal", JsonValue.Create(m)),
        JsonNode n => new("json", n.DeepClone()),
        _ => new("json", JsonSerializer.SerializeToNode(ValueConverter.ToStateValue(value))),
    };

    private static object? Restore(StateValue? value) => value switch
    {
        null => null,
        { Kind: "string" } => value.Value?.GetValue<string>(),
        { Kind: "bool" } => value.Value?.GetValue<bool>(),
        { Kind: "int" } => value.Value?.GetValue<int>(),
        { Kind: "long" } => value.Value?.GetValue<long>(),
        { Kind: "double" } => value.Value?.GetValue<double>(),
        { Kind: "decimal" } => value.Value?.GetValue<decimal>(),
        _ => value.Value?.DeepClone(),
    };

    internal sealed record StateValue(string Kind, JsonNode? Value);

    internal sealed record BookmarkState(string Id, string ActivityExecutionId, string ActivityId, string ActivityType, BookmarkKind Kind,
        string Name, DateTimeOffset? DueAt, StateValue? Payload);

    internal sealed record PublishedEventState(string ActivityId, string EventName, string? CorrelationId, StateValue? Payload);

    internal sealed record WorkItemState(string NodeId, string? OwnerId, bool ViaBackwardConnection, StateValue? CurrentValue,
        bool HasCurrentValue);

    internal sealed record ExecutionState(
        string Id, string NodeId, ActivityStatus Status, bool ViaBackwardConnection, StateValue? CurrentValue, bool HasCurrentValue,
        ContainerState? Container, List<ExecutionState> Children);

    internal sealed record ConnectionCount(Connection Connection, long Count);

    internal sealed record ConnectionFlag(Connection Connection, bool Followed);

    internal sealed record TokenState(string From, string Outcome, string To, bool Consumed, bool Blocked);

    internal sealed class ContainerState
    {
        public string Kind { get; set; } = "";
        public FlowchartMode Mode { get; set; }
        public Dictionary<string, long>? ActivityVisits { get; set; }
        public List<ConnectionCount>? ConnectionVisits { get; set; }
        public List<ConnectionFlag>? ConnectionFollowed { get; set; }
        public List<TokenState>? Tokens { get; set; }
        public int Pending { get; set; }

        // Elsa's structured activities (Sequence, If, Switch, While, For, ForEach); absent in older states.
        public int Index { get; set; }
        public long Iterations { get; set; }
        public bool IsLoop { get; set; }
        public bool Breaking { get; set; }
        public long? Current { get; set; }
        public JsonArray? Items { get; set; }
    }

    internal sealed class InstanceState
    {
        public WorkflowStatus Status { get; set; }
        public WorkflowSubStatus SubStatus { get; set; }
        public FlowchartMode FlowchartMode { get; set; }
        public string? TriggerActivityId { get; set; }
        public string? ParentInstanceId { get; set; }
        public List<string>? Lineage { get; set; }
        public Dictionary<string, StateValue?>? Input { get; set; }
        public Dictionary<string, StateValue?> Variables { get; set; } = [];
        public Dictionary<string, string> VariableTypes { get; set; } = [];
        public Dictionary<string, StateValue?> Output { get; set; } = [];
        public List<string> Lines { get; set; } = [];
        public List<BookmarkState> Bookmarks { get; set; } = [];
        public List<PublishedEventState> PublishedEvents { get; set; } = [];
        public WorkflowFault? Fault { get; set; }
        public List<string>? CompleteOutcomes { get; set; }
        public string? CorrelationId { get; set; }
        public string? Name { get; set; }
        public ExecutionState? Root { get; set; }
        public List<WorkItemState> Scheduler { get; set; } = [];
    }
}
