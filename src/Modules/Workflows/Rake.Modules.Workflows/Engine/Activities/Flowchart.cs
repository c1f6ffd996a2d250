using System.Runtime.InteropServices;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

internal enum MergeMode { Stream, Merge, Converge, Race, Cascade }

internal sealed record FlowToken(string From, string Outcome, string To)
{
    public bool Consumed { get; set; }
    public bool Blocked { get; set; }
    public bool Live => !Consumed && !Blocked;
}

/// <summary>Bookkeeping of one running flowchart: the graph, and the counters or tokens of its mode.</summary>
internal sealed class FlowchartState(FlowGraph graph, FlowchartMode mode)
{
    public FlowGraph Graph { get; } = graph;
    public FlowchartMode Mode { get; } = mode;
    public Dictionary<string, long> ActivityVisits { get; } = new(StringComparer.Ordinal);
    public Dictionary<Connection, long> ConnectionVisits { get; } = new();
    public Dictionary<Connection, bool> ConnectionFollowed { get; } = new();
    public List<FlowToken> Tokens { get; } = [];

    public long Visits(string activityId) => ActivityVisits.GetValueOrDefault(activityId);
    public long Visits(Connection c) => ConnectionVisits.GetValueOrDefault(c);
}

/// <summary>
/// Elsa's flowchart: activities joined by connections between outcome ports. Two scheduling modes, as in Elsa:
/// counter-based (the default) and token-based (asked for per run). See the conformance README for the rules.
/// </summary>
[Activity("Elsa.Flowchart", Category = "Flow", DisplayName = "Flowchart",
    Description = "A collection of activities and connections between them.")]
internal sealed class Flowchart : WorkflowActivity, IContainerActivity, IStatelessChildOwner
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new InvalidOperationException("A flowchart is run by the engine as a container.");

    public void Start(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        // A trigger inside a nested flowchart starts that flowchart too, so every level looks for the same id.
        var start = StartActivity(self.Node, instance.Options.TriggerActivityId);
        if (start is null)
        {
            engine.Complete(instance, self, [DoneOutcome]);
            return;
        }
        self.ContainerState = new FlowchartState(self.Node.GraphFrom(start.Id), instance.Options.FlowchartMode);
        engine.Schedule(instance, start, self);
    }

    /// <summary>Elsa's order: the trigger, the explicit start, the first Start, the first trigger-capable activity, the first without
    /// inbound connections, the first.</summary>
    internal static ActivityNode? StartActivity(ActivityNode flowchart, string? triggerActivityId)
    {
        var activities = flowchart.Activities;
        return (triggerActivityId is null ? null : activities.FirstOrDefault(a => a.Id == triggerActivityId))
               ?? (flowchart.StartId is { } startId ? activities.FirstOrDefault(a => a.Id == startId) : null)
               ?? activities.FirstOrDefault(a => a.Type == "Elsa.Start")
               ?? activities.FirstOrDefault(a => a.CanStartWorkflow)
               ?? activities.FirstOrDefault(a => flowchart.Connections.All(c => c.Target != a.Id))
               ?? activities.FirstOrDefault();
    }

    public void OnChildCompleted(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child,
        IReadOnlyList<string> outcomes)
    {
        var state = (FlowchartState)self.ContainerState!;
        if (engine.Describe(child.Node).IsTerminal)
        {
            state.Tokens.Clear();
            engine.CompleteContainer(instance, self);
            return;
        }
        if (state.Mode == FlowchartMode.TokenBased)
        {
            OnChildCompletedTokens(engine, instance, self, state, child, outcomes);
            return;
        }
        if (!ScheduleOutbound(engine, instance, self, state, child.Node.Id, outcomes, child.ViaBackwardConnection))
        {
            CompleteIfNoPendingWork(engine, instance, self);
        }
    }

    public void OnChildCanceled(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child)
    {
        var state = (FlowchartState)self.ContainerState!;
        if (state.Mode == FlowchartMode.TokenBased)
        {
            state.Tokens.RemoveAll(t => t.From == child.Node.Id || t.To == child.Node.Id);
            CompleteIfNoPendingWork(engine, instance, self);
            return;
        }
        CompleteIfNoPendingWork(engine, instance, self);
        if (self.Status == ActivityStatus.Running)
        {
            // A cancelled branch counts as a dead path, so joins downstream stop waiting for it.
            ScheduleOutbound(engine, instance, self, state, child.Node.Id, [], false);
        }
    }

    /// <summary>Cancels the running executions, in this flowchart, of the activities upstream of <paramref name="activityId"/>.</summary>
    internal static void CancelInboundAncestors(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution flowchart,
        string activityId)
    {
        var state = (FlowchartState)flowchart.ContainerState!;
        var ancestors = state.Graph.Ancestors(activityId);
        foreach (var child in flowchart.Children.Where(c => c.Status == ActivityStatus.Running && ancestors.Contains(c.Node.Id)).ToList())
        {
            engine.Cancel(instance, child);
        }
    }

    private static bool HasPendingWork(WorkflowInstance instance, ActivityExecution self, FlowchartState state)
    {
        foreach (var child in self.Children)
        {
            if (child.Status is ActivityStatus.Running or ActivityStatus.Faulted)
            {
                return true;
            }
        }
        return WorkflowEngine.HasScheduledWork(instance, self)
            || (state.Mode == FlowchartMode.TokenBased && state.Tokens.Any(t => t.Live));
    }

    private static void CompleteIfNoPendingWork(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        if (self.Status == ActivityStatus.Running && !HasPendingWork(instance, self, (FlowchartState)self.ContainerState!))
        {
            engine.Complete(instance, self, [DoneOutcome]);
        }
    }

    // ---- Counter-based mode

    private static bool ScheduleOutbound(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, FlowchartState state,
        string activityId, IReadOnlyList<string> outcomes, bool viaBackwardConnection)
    {
        if (state.Graph.IsDangling(activityId))
        {
            throw new InvalidOperationException(
                $"Activity {activityId} is not reachable from the flowchart's start; its outbound activities cannot be scheduled.");
        }
        if (!viaBackwardConnection)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(state.ActivityVisits, activityId, out _)++;
        }
        var scheduled = false;
        foreach (var connection in state.Graph.Outbound(activityId))
        {
            var followed = Contains(outcomes, connection.SourcePort);
            CollectionsMarshal.GetValueRefOrAddDefault(state.ConnectionVisits, connection, out _)++;
            state.ConnectionFollowed[connection] = followed;
            var target = self.Node.FindChild(connection.Target);
            if (target is null)
            {
                continue;
            }
            if (!state.Graph.IsForward(connection))
            {
                if (!followed)
                {
                    continue;
                }
                if (!state.Graph.IsValidBackward(connection))
                {
                    throw new InvalidOperationException(
                        $"Invalid backward connection: every path from the source ('{connection.Source}') must go through the target "
                        + $"('{connection.Target}') when tracing back to the start.");
                }
                engine.Schedule(instance, target, self, viaBackwardConnection: true);
                scheduled = true;
                continue;
            }
            scheduled |= JoinModeOf(engine, instance, self, target) switch
            {
                "WaitAll" => WaitAll(engine, instance, self, state, target),
                "WaitAny" => WaitAny(engine, instance, self, state, connection, target),
                _ => WaitAllActive(engine, instance, self, state, target),
            };
        }
        return scheduled;
    }

    private static string JoinModeOf(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityNode target)
    {
        if (target.Type != "Elsa.FlowJoin")
        {
            return "WaitAllActive";
        }
        // FlowJoin's default mode is WaitAny.
        return engine.EvaluateInput(instance, self, target, "mode")?.ToString() is { Length: > 0 } mode ? mode : "WaitAny";
    }

    private static bool Contains(IReadOnlyList<string> outcomes, string port)
    {
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i] == port)
            {
                return true;
            }
        }
        return false;
    }

    // Plain loops, not LINQ with closures: both are asked for every connection followed (docs/adr/0195).
    private static bool AllInboundVisited(FlowchartState state, string activityId)
    {
        var inbound = state.Graph.ForwardInbound(activityId);
        if (inbound.Count == 0)
        {
            return true;
        }
        var min = long.MaxValue;
        foreach (var connection in inbound)
        {
            min = Math.Min(min, state.Visits(connection));
        }
        return min > state.Visits(activityId);
    }

    private static bool InboundFollowed(FlowchartState state, string activityId, bool all)
    {
        var inbound = state.Graph.ForwardInbound(activityId);
        if (inbound.Count == 0)
        {
            return false;
        }
        var max = long.MinValue;
        foreach (var connection in inbound)
        {
            max = Math.Max(max, state.Visits(connection));
        }
        if (max <= state.Visits(activityId))
        {
            return false;
        }
        foreach (var connection in inbound)
        {
            var latestAndFollowed = state.Visits(connection) == max && state.ConnectionFollowed.GetValueOrDefault(connection);
            if (latestAndFollowed != all)
            {
                // all: one that is not is enough to say no; any: one that is is enough to say yes.
                return latestAndFollowed;
            }
        }
        return all;
    }

    private static bool WaitAll(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, FlowchartState state,
        ActivityNode target)
    {
        if (!AllInboundVisited(state, target.Id))
        {
            return false;
        }
        if (InboundFollowed(state, target.Id, all: true))
        {
            engine.Schedule(instance, target, self);
            return true;
        }
        return ScheduleOutbound(engine, instance, self, state, target.Id, [], false);
    }

    private static bool WaitAllActive(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, FlowchartState state,
        ActivityNode target)
    {
        if (!AllInboundVisited(state, target.Id))
        {
            return false;
        }
        if (InboundFollowed(state, target.Id, all: false))
        {
            engine.Schedule(instance, target, self);
            return true;
        }
        // Nothing reached it: skip it, which marks its outbound connections visited but not followed.
        return ScheduleOutbound(engine, instance, self, state, target.Id, [], false);
    }

    private static bool WaitAny(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, FlowchartState state,
        Connection connection, ActivityNode target)
    {
        if (state.Visits(connection) <= state.Visits(target.Id) || WorkflowEngine.IsScheduled(instance, self, target.Id))
        {
            // It already ran (or is about to) for this round; later arrivals are ignored.
            return false;
        }
        if (InboundFollowed(state, target.Id, all: false))
        {
            engine.Schedule(instance, target, self);
            CancelInboundAncestors(engine, instance, self, target.Id);
            return true;
        }
        if (AllInboundVisited(state, target.Id))
        {
            return ScheduleOutbound(engine, instance, self, state, target.Id, [], false);
        }
        return false;
    }

    // ---- Token-based mode

    private static void OnChildCompletedTokens(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self,
        FlowchartState state,
        ActivityExecution child, IReadOnlyList<string> outcomes)
    {
        var graph = state.Graph;
        var completedId = child.Node.Id;
        var active = graph.Outbound(completedId).Where(c => outcomes.Contains(c.SourcePort)).Distinct().ToList();
        foreach (var connection in active)
        {
            state.Tokens.Add(new FlowToken(connection.Source, connection.SourcePort, connection.Target));
        }
        foreach (var token in state.Tokens.Where(t => t.To == completedId && t.Live))
        {
            token.Consumed = true;
        }

        foreach (var connection in active)
        {
            var target = self.Node.FindChild(connection.Target);
            if (target is null)
            {
                continue;
            }
            var mode = MergeModeOf(engine, instance, self, target);
            switch (mode)
            {
                case MergeMode.Race or MergeMode.Cascade:
                {
                    if (mode == MergeMode.Race)
                    {
                        CancelInboundAncestors(engine, instance, self, target.Id);
                    }
                    var block = state.Tokens.FirstOrDefault(t =>
                        t.To == target.Id && t.From == connection.Source && t.Outcome == connection.SourcePort && t.Blocked);
                    if (block is null)
                    {
                        engine.Schedule(instance, target, self);
                        foreach (var other in graph.ForwardInbound(target.Id).Where(c => c.Source != completedId))
                        {
                            state.Tokens.Add(new FlowToken(other.Source, other.SourcePort, other.Target) { Blocked = true });
                        }
                    }
                    else
                    {
                        block.Consumed = true;
                    }
                    break;
                }
                case MergeMode.Merge:
                    ScheduleWhenAllTokens(engine, instance, self, state, target, graph.ForwardInbound(target.Id));
                    break;
                case MergeMode.Converge:
                    ScheduleWhenAllTokens(engine, instance, self, state, target, graph.Inbound(target.Id));
                    break;
                default:
                {
                    // Stream: run unless an upstream sibling is still pending.
                    var upstreamPending = graph.ForwardInbound(target.Id)
                        .Any(inbound => state.Tokens.Any(t => t.Live && t.To == inbound.Source));
                    if (!upstreamPending)
                    {
                        engine.Schedule(instance, target, self);
                    }
                    break;
                }
            }
        }

        if (self.Status == ActivityStatus.Running && !HasPendingWork(instance, self, state))
        {
            state.Tokens.Clear();
            engine.Complete(instance, self, [DoneOutcome]);
        }
        state.Tokens.RemoveAll(t => t.To == completedId && t.Consumed);
    }

    private static void ScheduleWhenAllTokens(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self,
        FlowchartState state,
        ActivityNode target, IReadOnlyList<Connection> required)
    {
        var ready = required.Count <= 1 || required.All(inbound =>
            state.Tokens.Any(t => t.Live && t.From == inbound.Source && t.To == target.Id && t.Outcome == inbound.SourcePort));
        if (ready)
        {
            engine.Schedule(instance, target, self);
        }
    }

    /// <summary>FlowJoin maps WaitAny to Race and the others to Merge; other activities read <c>customProperties.mergeMode</c>.</summary>
    private static MergeMode MergeModeOf(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityNode target)
    {
        if (target.Type == "Elsa.FlowJoin")
        {
            return JoinModeOf(engine, instance, self, target) == "WaitAny" ? MergeMode.Race : MergeMode.Merge;
        }
        return Enum.TryParse<MergeMode>(target.MergeMode, ignoreCase: true, out var mode) ? mode : MergeMode.Stream;
    }
}
