using System.Text.Json;
using System.Text.Json.Nodes;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

/// <summary>
/// Progress of one of Elsa's structured activities (Sequence, If, Switch, While, For, ForEach). One shape for all of them,
/// so the runtime persists it with the instance and a bookmark inside a body resumes where it stopped after a restart.
/// </summary>
internal sealed class StructuredState
{
    /// <summary>Sequence: the next child; ForEach: the next item.</summary>
    public int Index { get; set; }

    /// <summary>Rounds a loop has started, for the runaway guard.</summary>
    public long Iterations { get; set; }

    public bool IsLoop { get; set; }

    /// <summary>A Break inside the body asked the loop to stop when the body completes.</summary>
    public bool Breaking { get; set; }

    /// <summary>For: the current step.</summary>
    public long? Current { get; set; }

    /// <summary>ForEach: the items, evaluated once when the loop starts, as Elsa does.</summary>
    public JsonArray? Items { get; set; }

    /// <summary>Switch: scheduled cases still running.</summary>
    public int Pending { get; set; }
}

/// <summary>Shared steps of the structured activities.</summary>
internal static class Structured
{
    /// <summary>
    /// A loop that starts this many rounds in one execution without ever completing is faulted: a While whose condition
    /// never turns false would otherwise hold a worker and the instance lock forever. Elsa has no such limit.
    /// </summary>
    public const long MaxIterations = 100_000;

    /// <summary>The child ports each structured activity shows in the Studio (Elsa's [Port] properties, "Embedded").</summary>
    public static readonly IReadOnlyDictionary<string, string[]> EmbeddedPorts = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Elsa.If"] = ["Then", "Else"],
        ["Elsa.While"] = ["Body"],
        ["Elsa.For"] = ["Body"],
        ["Elsa.ForEach"] = ["Body"],
        ["Elsa.Switch"] = ["Default"],
        ["Elsa.BulkDispatchWorkflows"] = ["ChildFinished", "ChildFaulted"],
    };

    public static ActivityContext Scope(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self) =>
        new(engine, instance, self, default);

    /// <summary>Evaluates an input of the container and converts it; a missing input gives <paramref name="fallback"/>.</summary>
    public static T Input<T>(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, string name, T fallback)
    {
        if (self.Node.Input(name) is null)
        {
            return fallback;
        }
        var value = engine.EvaluateInput(instance, self, self.Node, name);
        try
        {
            return value is null ? fallback : (T)ValueConverter.Convert(value, typeof(T))!;
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or JsonException or OverflowException
            or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Input '{name}' of activity '{self.Node.Id}' could not be converted to {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Runs a container step; a failure (a condition that throws, a value that does not convert) faults the container
    /// itself rather than the child whose completion triggered the step.
    /// </summary>
    public static void Guard(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, Action step)
    {
        try
        {
            step();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            engine.FaultActivity(instance, self, ex.Message, null, null);
        }
    }

    /// <summary>Counts a round; false (and the loop faulted) when the runaway guard is hit.</summary>
    public static bool NextRound(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, StructuredState state)
    {
        if (++state.Iterations > MaxIterations)
        {
            engine.FaultActivity(instance, self,
                $"Loop '{self.Node.Id}' started more than {MaxIterations} rounds without completing; it was stopped.", null, null);
            return false;
        }
        return true;
    }

    /// <summary>After a body round: true when the loop must end now (a Break, or the workflow is ending).</summary>
    public static bool Stopping(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, StructuredState state)
    {
        if (state.Breaking || instance.Ending)
        {
            engine.CompleteContainer(instance, self);
            return true;
        }
        return false;
    }

    /// <summary>A JSON scalar as the CLR value scripts and converters expect; arrays and objects stay JSON.</summary>
    public static object? Item(JsonNode? node) =>
        node is JsonValue v && v.GetValue<object>() is JsonElement e ? ParallelForEach.ElementValue(e)
        : node is JsonValue other ? other.GetValue<object>()
        : node?.DeepClone();
}

/// <summary>Elsa's Sequence: runs its activities one after another; a terminal child (Break, Complete, End) ends it.</summary>
[Activity("Elsa.Sequence", Category = "Workflows", DisplayName = "Sequence", Description = "Executes a set of activities in sequence.")]
internal sealed class Sequence : WorkflowActivity, IContainerActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new InvalidOperationException("A Sequence is run by the engine as a container.");

    public void Start(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        self.ContainerState = new StructuredState();
        Next(engine, instance, self);
    }

    private static void Next(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var state = (StructuredState)self.ContainerState!;
        if (state.Index >= self.Node.Activities.Count)
        {
            engine.Complete(instance, self, [DoneOutcome]);
            return;
        }
        engine.Schedule(instance, self.Node.Activities[state.Index++], self);
    }

    public void OnChildCompleted(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child,
        IReadOnlyList<string> outcomes)
    {
        if (instance.Ending || ((StructuredState)self.ContainerState!).Breaking
            || engine.Describe(child.Node).IsTerminal)
        {
            engine.CompleteContainer(instance, self);
            return;
        }
        Next(engine, instance, self);
    }

    public void OnChildCanceled(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child) =>
        engine.Complete(instance, self, [DoneOutcome]);
}

/// <summary>Elsa's If: runs Then or Else by a condition and completes when that child does; its result is the condition.</summary>
[Activity("Elsa.If", Category = "Branching", DisplayName = "If",
    Description = "Evaluates a Boolean condition to determine which activity to execute next.")]
internal sealed class If : WorkflowActivity, IContainerActivity
{
    [Input(DisplayName = "Condition", Description = "The condition to evaluate.", UIHint = InputUIHints.SingleLine)]
    public bool Condition { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new InvalidOperationException("An If is run by the engine as a container.");

    public void Start(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var condition = Structured.Input(engine, instance, self, "condition", false);
        instance.ActivityOutputs[self.Node.Id] =
            new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Result"] = condition };
        WorkflowEngine.AssignBoundOutput(instance, self.Node, "result", condition);
        if (self.Node.Port(condition ? "then" : "else") is { } next)
        {
            engine.Schedule(instance, next, self);
        }
        else
        {
            engine.Complete(instance, self, [DoneOutcome]);
        }
    }

    public void OnChildCompleted(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child,
        IReadOnlyList<string> outcomes) => engine.Complete(instance, self, [DoneOutcome]);

    public void OnChildCanceled(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child) =>
        engine.Complete(instance, self, [DoneOutcome]);
}

/// <summary>Elsa's Switch: runs the activity of the first (or every) case whose condition holds, else Default.</summary>
[Activity("Elsa.Switch", Category = "Branching", DisplayName = "Switch",
    Description = "Evaluates a set of case conditions and schedules the activity for a matching case.")]
internal sealed class Switch : WorkflowActivity, IContainerActivity
{
    /// <summary>Read raw by <see cref="Start"/> (each case is a label, an expression and an activity, not an input value);
    /// declared so the Studio shows its case editor.</summary>
    [Input(DisplayName = "Cases", Description = "The cases to evaluate.", UIHint = "switch-editor")]
    public JsonArray? Cases { get; set; }

    [Input(DisplayName = "Mode", Description = "Whether only the first matching case or all of them are scheduled.",
        UIHint = InputUIHints.DropDown, Options = typeof(SwitchMode))]
    public SwitchMode Mode { get; set; } = SwitchMode.MatchFirst;

    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new InvalidOperationException("A Switch is run by the engine as a container.");

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetRawInput("cases") is { } cases && cases is not JsonArray)
        {
            yield return $"Activity '{design.ActivityId}': input 'cases' must be a list of cases.";
            yield break;
        }
        var index = 0;
        foreach (var item in design.GetRawInput("cases") as JsonArray ?? [])
        {
            if (item is not JsonObject c)
            {
                yield return $"Activity '{design.ActivityId}': case {index} of input 'cases' is not an object.";
            }
            else if (c["condition"] is { } condition and not JsonObject)
            {
                yield return $"Activity '{design.ActivityId}': the condition of case {index} of input 'cases' is not an expression.";
            }
            else if (c["activity"] is { } activity && (activity is not JsonObject a || a["type"] is not JsonValue))
            {
                yield return $"Activity '{design.ActivityId}': the activity of case {index} of input 'cases' is not an activity.";
            }
            index++;
        }
    }

    public void Start(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var mode = Structured.Input(engine, instance, self, "mode", SwitchMode.MatchFirst);
        var scope = Structured.Scope(engine, instance, self);
        var matches = new List<ActivityNode?>();
        var index = 0;
        foreach (var item in self.Node.RawInput("cases") as JsonArray ?? [])
        {
            var key = $"cases/{index++}";
            var condition = item?["condition"] as JsonObject;
            var expression = condition?["expression"] as JsonObject ?? condition;
            if (expression is null)
            {
                continue;
            }
            var type = expression["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : "Literal";
            var value = expression["value"] is JsonValue v && v.GetValueKind() != JsonValueKind.String
                ? JsonValue.Create(v.ToJsonString()) : expression["value"];
            if (FlowSwitch.Truthy(engine.Evaluate(type, value, scope)))
            {
                matches.Add(self.Node.Port(key));
                if (mode == SwitchMode.MatchFirst)
                {
                    break;
                }
            }
        }
        var scheduled = (matches.Count > 0 ? matches : [self.Node.Port("default")]).OfType<ActivityNode>().ToList();
        if (scheduled.Count == 0)
        {
            engine.Complete(instance, self, [DoneOutcome]);
            return;
        }
        self.ContainerState = new StructuredState { Pending = scheduled.Count };
        foreach (var node in scheduled)
        {
            engine.Schedule(instance, node, self);
        }
    }

    public void OnChildCompleted(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child,
        IReadOnlyList<string> outcomes) => CountDown(engine, instance, self);

    public void OnChildCanceled(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child) =>
        CountDown(engine, instance, self);

    private static void CountDown(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var state = (StructuredState)self.ContainerState!;
        if (--state.Pending <= 0 || instance.Ending)
        {
            engine.CompleteContainer(instance, self);
        }
    }
}

/// <summary>
/// What While, For and ForEach share: the engine runs them as containers, and after each round of the body the next
/// round starts unless a Break or Complete is stopping the loop.
/// </summary>
internal abstract class LoopActivity : WorkflowActivity, IContainerActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new InvalidOperationException($"A {GetType().Name} is run by the engine as a container.");

    // Begin rather than Start: For has an input named Start.
    void IContainerActivity.Start(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self) =>
        Begin(engine, instance, self);

    /// <summary>Sets up the loop's state and starts its first round.</summary>
    protected abstract void Begin(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self);

    /// <summary>Starts the next round, or completes the loop when there is none.</summary>
    protected abstract void Round(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self);

    public void OnChildCompleted(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child,
        IReadOnlyList<string> outcomes)
    {
        if (!Structured.Stopping(engine, instance, self, (StructuredState)self.ContainerState!))
        {
            Structured.Guard(engine, instance, self, () => Round(engine, instance, self));
        }
    }

    public void OnChildCanceled(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child) =>
        engine.Complete(instance, self, [DoneOutcome]);
}

/// <summary>Elsa's While: runs its body for as long as the condition, evaluated before each round, holds.</summary>
[Activity("Elsa.While", Category = "Looping", DisplayName = "While",
    Description = "Executes an activity while a given condition evaluates to true.")]
internal sealed class While : LoopActivity
{
    [Input(DisplayName = "Condition", Description = "Evaluated before each round; the loop ends when it is false.",
        UIHint = InputUIHints.SingleLine)]
    public bool Condition { get; set; }

    protected override void Begin(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        self.ContainerState = new StructuredState { IsLoop = true };
        Round(engine, instance, self);
    }

    protected override void Round(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var state = (StructuredState)self.ContainerState!;
        if (self.Node.Body is not { } body || !Structured.Input(engine, instance, self, "condition", false))
        {
            engine.Complete(instance, self, [DoneOutcome]);
            return;
        }
        if (Structured.NextRound(engine, instance, self, state))
        {
            engine.Schedule(instance, body, self);
        }
    }
}

/// <summary>Elsa's For: counts from Start to End by Step; the body reads the step with <c>getCurrentValue()</c>.</summary>
[Activity("Elsa.For", Category = "Looping", DisplayName = "For",
    Description = "Iterates over a sequence of steps between a start and an end number.")]
internal sealed class For : LoopActivity
{
    [Input(DisplayName = "Start", Description = "The start step.")]
    public int Start { get; set; }

    [Input(DisplayName = "End", Description = "The end step.")]
    public int End { get; set; }

    [Input(DisplayName = "Step", Description = "The step size. To count down, enter a negative number.")]
    public int Step { get; set; } = 1;

    [Input(DisplayName = "Outer bound inclusive", Description = "Whether the end step itself is run (true by default).")]
    public bool OuterBoundInclusive { get; set; } = true;

    [Output(DisplayName = "Current value", Description = "The current step.")]
    public object? CurrentValue { get; set; }

    protected override void Begin(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        self.ContainerState = new StructuredState { IsLoop = true };
        Round(engine, instance, self);
    }

    protected override void Round(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var state = (StructuredState)self.ContainerState!;
        var step = Structured.Input(engine, instance, self, "step", 1);
        var end = Structured.Input(engine, instance, self, "end", 0);
        var inclusive = Structured.Input(engine, instance, self, "outerBoundInclusive", true);
        var current = state.Current is { } previous ? previous + step : Structured.Input(engine, instance, self, "start", 0);
        var loop = step >= 0 ? (inclusive ? current <= end : current < end) : (inclusive ? current >= end : current > end);
        if (!loop || self.Node.Body is not { } body)
        {
            engine.Complete(instance, self, [DoneOutcome]);
            return;
        }
        if (!Structured.NextRound(engine, instance, self, state))
        {
            return;
        }
        state.Current = current;
        object value = current is >= int.MinValue and <= int.MaxValue ? (int)current : current;
        WorkflowEngine.AssignBoundOutput(instance, self.Node, "currentValue", value);
        engine.ScheduleWithValue(instance, body, self, value);
    }
}

/// <summary>Elsa's ForEach: runs its body once per item, one after another; the body reads the item with
/// <c>getCurrentValue()</c>.</summary>
[Activity("Elsa.ForEach", Category = "Looping", DisplayName = "For each", Description = "Iterates over a set of values.")]
internal sealed class ForEach : LoopActivity
{
    [Input(DisplayName = "Items", Description = "The set of values to iterate.", UIHint = InputUIHints.MultiLine)]
    public JsonArray? Items { get; set; }

    [Output(DisplayName = "Current value", Description = "The current item.")]
    public object? CurrentValue { get; set; }

    protected override void Begin(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var items = engine.EvaluateInput(instance, self, self.Node, "items") switch
        {
            null => [],
            JsonArray array => (JsonArray)array.DeepClone(),
            string text when text.TrimStart().StartsWith('[') => JsonNode.Parse(text) as JsonArray ?? [],
            var other => ValueConverter.ToStateValue(other) is JsonArray array ? array
                : [JsonSerializer.SerializeToNode(ValueConverter.ToStateValue(other))],
        };
        self.ContainerState = new StructuredState { IsLoop = true, Items = items };
        Round(engine, instance, self);
    }

    protected override void Round(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        var state = (StructuredState)self.ContainerState!;
        var items = state.Items ?? [];
        if (state.Index >= items.Count || self.Node.Body is not { } body)
        {
            engine.Complete(instance, self, [DoneOutcome]);
            return;
        }
        if (!Structured.NextRound(engine, instance, self, state))
        {
            return;
        }
        var item = Structured.Item(items[state.Index++]);
        WorkflowEngine.AssignBoundOutput(instance, self.Node, "currentValue", item);
        engine.ScheduleWithValue(instance, body, self, item);
    }
}

/// <summary>
/// Elsa's Break: the nearest enclosing While, For or ForEach ends once its current round has completed; Sequences between
/// them end at once. Outside a loop it ends only the Sequences and flowchart around it.
/// </summary>
[Activity("Elsa.Break", Category = "Looping", DisplayName = "Break", Description = "Breaks out of the nearest loop.")]
internal sealed class Break : WorkflowActivity, ITerminalActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        // As Elsa's break signal: every Sequence on the way up stops too, and the nearest loop takes it.
        if (context is ActivityContext engineContext)
        {
            foreach (var ancestor in engineContext.Execution.Ancestors())
            {
                if (ancestor.ContainerState is StructuredState state)
                {
                    state.Breaking = true;
                    if (state.IsLoop)
                    {
                        break;
                    }
                }
            }
        }
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
