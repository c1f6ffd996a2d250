using System.Text.Json.Nodes;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

/// <summary>Runs its body (a nested flowchart) and completes when the body does.</summary>
[Activity("Elsa.FlowNode", Category = "Flow", DisplayName = "Flow node",
    Description = "Runs a nested activity as one node of the flowchart.")]
internal sealed class FlowNode : WorkflowActivity, IContainerActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new InvalidOperationException("A FlowNode is run by the engine as a container.");

    public void Start(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        if (self.Node.Body is { } body)
        {
            engine.Schedule(instance, body, self);
        }
        else
        {
            engine.Complete(instance, self, [DoneOutcome]);
        }
    }

    public void OnChildCompleted(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child,
        IReadOnlyList<string> outcomes) =>
        engine.Complete(instance, self, [DoneOutcome]);

    public void OnChildCanceled(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child) =>
        engine.Complete(instance, self, [DoneOutcome]);
}

/// <summary>Runs its body once per item, all at once; <c>getCurrentValue()</c> gives a body its item.</summary>
[Activity("Elsa.ParallelForEach", Category = "Looping", DisplayName = "Parallel for each",
    Description = "Runs the body for every item in parallel.")]
internal sealed class ParallelForEach : WorkflowActivity, IContainerActivity
{
    [Input(DisplayName = "Items", Description = "The items to iterate.", UIHint = InputUIHints.MultiLine)]
    public string[]? Items { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new InvalidOperationException("A ParallelForEach is run by the engine as a container.");

    /// <summary>Internal rather than private so the runtime can persist it with the instance.</summary>
    internal sealed class Progress
    {
        public int Pending { get; set; }
    }

    public void Start(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var items = engine.EvaluateInput(instance, self, self.Node, "items") switch
        {
            JsonArray array => array.Select(i => (object?)i?.DeepClone()).ToList(),
            null => [],
            var single => [single],
        };
        if (items.Count == 0 || self.Node.Body is not { } body)
        {
            engine.Complete(instance, self, [DoneOutcome]);
            return;
        }
        self.ContainerState = new Progress { Pending = items.Count };
        foreach (var item in items)
        {
            engine.ScheduleWithValue(instance, body, self,
                item is JsonValue v ? v.GetValue<object>() is var o && o is System.Text.Json.JsonElement e ? ElementValue(e) : o : item);
        }
    }

    internal static object? ElementValue(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => e.GetString(),
        System.Text.Json.JsonValueKind.Number => e.TryGetInt32(out var n) ? n : e.GetDouble(),
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        _ => null,
    };

    public void OnChildCompleted(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child,
        IReadOnlyList<string> outcomes) => CountDown(engine, instance, self);

    public void OnChildCanceled(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child) =>
        CountDown(engine, instance, self);

    private static void CountDown(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var progress = (Progress)self.ContainerState!;
        if (--progress.Pending == 0)
        {
            engine.Complete(instance, self, [DoneOutcome]);
        }
    }
}
