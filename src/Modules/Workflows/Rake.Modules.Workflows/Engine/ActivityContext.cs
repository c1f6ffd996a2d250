using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine.Expressions;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine;

/// <summary>The engine's side of <see cref="IActivityExecutionContext"/>; it records what the activity asked for.</summary>
internal sealed class ActivityContext(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution execution,
    CancellationToken cancellationToken)
    : IActivityExecutionContext, IJavaScriptScope
{
    public WorkflowEngine Engine => engine;
    public ActivityNode Node => execution.Node;
    public ActivityExecution Execution => execution;
    public WorkflowInstance Instance => instance;
    public WorkflowActivity? Activity { get; set; }
    public IReadOnlyList<string>? Outcomes { get; private set; }
    private List<BookmarkRequest>? bookmarkRequests;
    private Dictionary<string, object?>? outputs;

    /// <summary>The bookmarks the activity asked for; most activities ask for none, so the list is made on the first.</summary>
    public IReadOnlyList<BookmarkRequest> BookmarkRequests => bookmarkRequests ?? (IReadOnlyList<BookmarkRequest>)[];
    public WorkflowFault? FaultRequest { get; private set; }
    /// <summary>Outputs the activity set by name; made on the first, since most activities set none (docs/adr/0195).</summary>
    public Dictionary<string, object?> Outputs => outputs ??= new(StringComparer.OrdinalIgnoreCase);

    public bool HasOutputs => outputs is { Count: > 0 };
    public bool FinishWorkflow { get; set; }

    public string ActivityId => execution.Node.Id;
    public string ActivityType => execution.Node.Type;
    public string WorkflowInstanceId => instance.Id;
    public TimeProvider Time => engine.Time;
    public IServiceProvider Services => engine.Services;
    public CancellationToken CancellationToken => cancellationToken;
    public bool IsTriggerOfRun => instance.Options.TriggerActivityId == execution.Node.Id && execution.Parent == instance.Root;

    public ValueTask<object?> GetInputAsync(string name)
    {
        var input = execution.Node.Input(name);
        return ValueTask.FromResult(input is null ? null : engine.Evaluate(input, this));
    }

    public JsonNode? GetRawInput(string name) => execution.Node.RawInput(name);

    public ValueTask<object?> EvaluateAsync(string expressionType, string? expression) =>
        ValueTask.FromResult(engine.Evaluate(expressionType, expression is null ? null : JsonValue.Create(expression), this));

    /// <summary>
    /// The instance's variables; inside a BulkDispatchWorkflows child port also <c>ChildInstanceId</c>, the variable Elsa
    /// declares for the port's run (docs/adr/0194), which hides a workflow variable of that name there.
    /// </summary>
    public IEnumerable<string> VariableNames => PortChildInstanceId() is null ? instance.Variables.Keys
        : instance.Variables.Keys.Append(Activities.BulkDispatchWorkflows.ChildInstanceIdVariable).Distinct(StringComparer.Ordinal);

    public object? GetVariable(string name) =>
        name == Activities.BulkDispatchWorkflows.ChildInstanceIdVariable && PortChildInstanceId() is { } child ? child
            : instance.Variables.GetValueOrDefault(name);

    /// <summary>The child's instance id when this activity runs inside a child port; null elsewhere.</summary>
    private object? PortChildInstanceId() =>
        Activities.BulkDispatchWorkflows.ChildResultFor(execution, "WorkflowInstanceId") is { Found: true } child
            ? child.Value ?? ""
            : null;

    public void SetVariable(string name, object? value)
    {
        if (name == Activities.BulkDispatchWorkflows.ChildInstanceIdVariable && PortChildInstanceId() is not null)
        {
            // Elsa's port variable names the child the port runs for; a port that could change it would lose that child.
            throw new InvalidOperationException(
                $"'{name}' is the instance id of the child this port runs for and cannot be set; use another variable.");
        }
        if (instance.VariableTypes.TryGetValue(name, out var typeName) && ValueConverter.TypeOf(typeName) is var type
            && type != typeof(object) && value is not null)
        {
            value = ValueConverter.Convert(value, type);
        }
        instance.Variables[name] = ValueConverter.ToStateValue(value);
    }

    public IEnumerable<string> InputNames => instance.Definition.InputNames;
    public string WorkflowDefinitionId => instance.Definition.DefinitionId;
    public string WorkflowDefinitionVersionId => (string?)instance.Definition.Json["id"] ?? "";
    public int WorkflowDefinitionVersion => instance.Definition.Version;

    public string? CorrelationId
    {
        get => instance.CorrelationId;
        set => instance.CorrelationId = value;
    }

    public string? WorkflowInstanceName
    {
        get => instance.Name;
        set => instance.Name = value;
    }

    /// <summary>Elsa's getOutputFrom: the activity by id or else by name; without an output name its "Result".</summary>
    public object? GetOutputFrom(string activityIdOrName, string? outputName)
    {
        if (!instance.ActivityOutputs.TryGetValue(activityIdOrName, out var outputs))
        {
            var named = instance.Definition.AllActivities().FirstOrDefault(a => (string?)a.Json["name"] == activityIdOrName);
            if (named is null || !instance.ActivityOutputs.TryGetValue(named.Id, out outputs))
            {
                return null;
            }
        }
        return outputs.GetValueOrDefault(outputName ?? "Result");
    }

    public object? LastResult => instance.LastResult;

    private string? NameOf(string activityId) =>
        (string?)instance.Definition.AllActivities().FirstOrDefault(a => a.Id == activityId)?.Json["name"];

    public IEnumerable<(string ActivityId, string ActivityName, string OutputName)> ActivityOutputs =>
        instance.ActivityOutputs.Count == 0
            ? []
            : instance.ActivityOutputs
                .Select(p => (Id: p.Key, Outputs: p.Value, Name: NameOf(p.Key)))
                .Where(p => p.Name is not null)
                .SelectMany(p => p.Outputs.Keys.Select(output => (p.Id, p.Name!, output)));

    /// <summary>
    /// Inside a BulkDispatchWorkflows child port, the child's result under Elsa's names (docs/adr/0194). Otherwise
    /// the workflow input of that name; when none has exactly that name, one that differs only in case (a node using a
    /// workflow as an activity writes its inputs in camel case, the workflow declares them as named, docs/adr/0185).
    /// </summary>
    public object? GetInput(string name)
    {
        if (Activities.BulkDispatchWorkflows.ChildResultFor(execution, name) is { Found: true } child)
        {
            return child.Value;
        }
        if (instance.Options.Input is not { } input)
        {
            return null;
        }
        if (input.TryGetValue(name, out var value))
        {
            return ValueConverter.ToStateValue(value);
        }
        var other = input.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        return other.Key is null ? null : ValueConverter.ToStateValue(other.Value);
    }

    /// <summary>The nearest enclosing ParallelForEach item.</summary>
    public object? CurrentValue => execution.Ancestors().Prepend(execution).FirstOrDefault(e => e.HasCurrentValue)?.CurrentValue;

    public void SetOutput(string name, object? value) => Outputs[name] = ValueConverter.ToStateValue(value);

    public void Journal(string message) =>
        instance.Journal.Add(new JournalEntry(engine.Time.GetUtcNow(), execution.Node.Id, execution.Node.Type, "Journal", message));

    public void WriteLine(string? text) => instance.Lines.Add(text ?? "");

    public void Complete(params string[] outcomes) => Outcomes = outcomes;

    /// <summary>
    /// Completes on exactly these outcomes, none included (Elsa's CompleteActivityWithOutcomesAsync): a script's
    /// <c>setOutcomes([])</c> or a child's Complete without outcomes follows no port, where <see cref="Complete"/> with no
    /// outcome means Done.
    /// </summary>
    public void CompleteWithExactly(IReadOnlyList<string> outcomes)
    {
        Outcomes = outcomes;
        ExactOutcomes = true;
    }

    public bool ExactOutcomes { get; private set; }

    /// <summary>Set by RunJavaScript while its script runs, so the script gets setOutcome/setOutcomes.</summary>
    public Action<IReadOnlyList<string>>? OutcomeSink { get; set; }

    /// <summary>Expression arguments of the evaluation in progress (BulkDispatchWorkflows' Item).</summary>
    public IReadOnlyDictionary<string, object?>? Arguments { get; set; }

    /// <summary>
    /// Evaluates an input the engine does not evaluate before the activity runs (Elsa's <c>AutoEvaluate = false</c>), with
    /// arguments a script reads as <c>args.name</c> or <c>getName()</c>. Null when the node does not set the input.
    /// </summary>
    public object? EvaluateInputWithArguments(string name, IReadOnlyDictionary<string, object?> arguments)
    {
        var input = execution.Node.Input(name);
        if (input is null)
        {
            return null;
        }
        Arguments = arguments;
        try
        {
            return engine.Evaluate(input, this);
        }
        finally
        {
            Arguments = null;
        }
    }

    public void CreateBookmark(BookmarkRequest bookmark) => (bookmarkRequests ??= []).Add(bookmark);

    public void Fault(string message, string? code = null, string? category = null) =>
        FaultRequest = new WorkflowFault(execution.Node.Id, message, code, category);

    public void PublishEvent(string eventName, string? correlationId, object? payload) =>
        instance.PublishedEvents.Add(new PublishedEvent(execution.Node.Id, eventName, correlationId, ValueConverter.ToStateValue(payload)));
}
