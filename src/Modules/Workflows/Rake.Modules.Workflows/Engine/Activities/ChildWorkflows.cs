using System.Text.Json;
using System.Text.Json.Nodes;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

/// <summary>
/// What ExecuteWorkflow and DispatchWorkflow share. The activity only asks for the child and waits on a bookmark named
/// by the child's instance id; the host (the runtime, or <see cref="InMemoryWorkflowHost"/>) starts the child once the
/// parent's run is saved and resumes that bookmark with <see cref="Result"/> when the child's run ends, so a child that
/// waits keeps its parent waiting across a reload (docs/adr/0151).
/// </summary>
internal static class ChildWorkflows
{
    /// <summary>
    /// How deeply child workflows may nest. A workflow that executes itself with nothing to stop it would otherwise start
    /// instances without end; sixteen levels is far beyond any process here (the deepest region process has two).
    /// </summary>
    public const int MaxDepth = 16;

    /// <summary>The parent's input is handed to a child as Elsa does, under this key.</summary>
    public const string ParentInstanceIdKey = "ParentInstanceId";

    /// <summary>
    /// Asks for a child run and a bookmark to wait on: until the child is dispatched (fire and forget), ran until it
    /// finished or waits (<paramref name="resumeWhenIdle"/>), or finished. Nothing is asked (and a fault is recorded)
    /// when no definition is named or the nesting is too deep.
    /// </summary>
    public static string? Request(IActivityExecutionContext context, string? definitionId, JsonObject? input, string? correlationId,
        bool resumeOnDispatch, bool resumeWhenIdle, string? definitionVersionId = null, bool wait = true)
    {
        var engineContext = (ActivityContext)context;
        var instance = engineContext.Instance;
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            context.Fault($"Activity '{context.ActivityId}' ({context.ActivityType}): input 'workflowDefinitionId' names no workflow.");
            return null;
        }
        var lineage = (instance.Options.Lineage ?? []).Append(instance.Definition.DefinitionId).ToList();
        if (lineage.Count >= MaxDepth)
        {
            var chain = string.Join(" → ", lineage.TakeLast(4).Append(definitionId));
            context.Fault($"Activity '{context.ActivityId}' ({context.ActivityType}) would start workflow '{definitionId}' "
                + $"{lineage.Count} levels deep (… → {chain}): child workflows may nest at most {MaxDepth - 1} levels. "
                + "A workflow that executes itself needs a condition that stops it.", "ChildWorkflowDepth");
            return null;
        }
        var childId = Guid.NewGuid().ToString("N");
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in input ?? [])
        {
            values[name] = ValueConverter.ToStateValue(value);
        }
        values[ParentInstanceIdKey] = instance.Id;
        instance.ChildRequests.Add(new ChildWorkflowRequest(childId, definitionId, values, correlationId, resumeOnDispatch,
            definitionVersionId));
        if (wait)
        {
            context.CreateBookmark(new BookmarkRequest(BookmarkKind.ChildWorkflow, childId, Payload: new JsonObject
            {
                ["definitionId"] = definitionId,
                ["resumeWhenIdle"] = resumeWhenIdle,
            }));
        }
        return childId;
    }

    /// <summary>
    /// The value converter turns any JSON into text, so a JSON object or array written where the workflow definition id or
    /// correlation id belongs would publish and then look for a child named by that JSON: refused at publish instead.
    /// </summary>
    public static IEnumerable<string> Validate(IActivityDesign design)
    {
        foreach (var name in new[] { "workflowDefinitionId", "correlationId" })
        {
            if (design.GetExpressionType(name) is "Literal" or "Object"
                && design.GetRawInput(name)?["expression"]?["value"] is JsonObject or JsonArray)
            {
                yield return $"Activity '{design.ActivityId}': input '{name}' is not a valid String: it holds a JSON object or array.";
            }
        }
    }

    /// <summary>The parent's input, for a child that is given none (Elsa's ExecuteWorkflow passes it on).</summary>
    public static JsonObject? ParentInput(IActivityExecutionContext context)
    {
        var input = ((ActivityContext)context).Instance.Options.Input;
        if (input is null || input.Count == 0)
        {
            return null;
        }
        var json = new JsonObject();
        foreach (var (name, value) in input)
        {
            json[name] = ToNode(value);
        }
        return json;
    }

    /// <summary>What the host resumes the parent with: Elsa's ExecuteWorkflowResult, in camel case.</summary>
    public static JsonObject Result(WorkflowInstance child) => new()
    {
        ["workflowInstanceId"] = child.Id,
        ["status"] = child.Status.ToString(),
        ["subStatus"] = child.SubStatus.ToString(),
        ["output"] = Output(child.Output),
        ["correlationId"] = child.CorrelationId,
        ["fault"] = child.Fault?.Message,
        ["outcomes"] = child.CompleteOutcomes is { } outcomes ? new JsonArray([.. outcomes.Select(o => (JsonNode)o)]) : null,
    };

    /// <summary>
    /// What the host resumes the parent with for a child that start-up recovery faulted (its process stopped mid-run):
    /// <see cref="Result"/>'s shape, with the output and correlation id the child had last saved.
    /// </summary>
    public static JsonObject Faulted(string childInstanceId, JsonObject output, string? correlationId, string fault) => new()
    {
        ["workflowInstanceId"] = childInstanceId,
        ["status"] = nameof(WorkflowStatus.Finished),
        ["subStatus"] = nameof(WorkflowSubStatus.Faulted),
        ["output"] = output,
        ["correlationId"] = correlationId,
        ["fault"] = fault,
        ["outcomes"] = null,
    };

    /// <summary>What the host resumes the parent with when the region has no published version of the child.</summary>
    public static JsonObject NotFound(string definitionId) => new() { ["notFound"] = definitionId };

    /// <summary>What the host resumes a fire-and-forget dispatch with, once the child is found and before it runs.</summary>
    public static JsonObject Dispatched(string childInstanceId) => new() { ["dispatched"] = childInstanceId };

    /// <summary>Whether a waiting parent is resumed after the child's first run even when the child is still waiting.</summary>
    public static bool ResumesWhenIdle(object? bookmarkPayload) =>
        bookmarkPayload is JsonObject payload && payload["resumeWhenIdle"] is JsonValue value
        && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>The options a child starts with: its id, input, correlation id, parent and lineage.</summary>
    public static RunOptions OptionsFor(WorkflowInstance parent, ChildWorkflowRequest request) => new()
    {
        FlowchartMode = parent.Options.FlowchartMode,
        InstanceId = Guid.ParseExact(request.ChildInstanceId, "N"),
        Input = request.Input,
        CorrelationId = request.CorrelationId,
        ParentInstanceId = parent.Id,
        DefinitionVersionId = request.DefinitionVersionId,
        Lineage = [.. parent.Options.Lineage ?? [], parent.Definition.DefinitionId],
    };

    /// <summary>Completes a waiting child activity with what the host resumed it with, or faults when the child was not found.</summary>
    public static JsonObject? Resumed(IActivityExecutionContext context, object? input)
    {
        if (input is JsonObject result && result["notFound"] is JsonValue missing)
        {
            context.Fault($"Activity '{context.ActivityId}' ({context.ActivityType}): this region has no published workflow "
                + $"'{missing}' to run.", "ChildWorkflowNotFound");
            return null;
        }
        return input as JsonObject;
    }

    private static JsonObject Output(IReadOnlyDictionary<string, object?> output)
    {
        var json = new JsonObject();
        foreach (var (name, value) in output)
        {
            json[name] = ToNode(value);
        }
        return json;
    }

    internal static JsonNode? ToNode(object? value) => ValueConverter.ToStateValue(value) switch
    {
        null => null,
        JsonNode node => node,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        var other => JsonSerializer.SerializeToNode(other),
    };
}

/// <summary>
/// Elsa's ExecuteWorkflow (Elsa.Workflows.Runtime): runs a published workflow of the region as a child. Without
/// WaitForCompletion it completes once the child has run until it finished or waits; with it, once the child finished.
/// The result is Elsa's ExecuteWorkflowResult (workflowInstanceId, status, subStatus, output, correlationId).
/// </summary>
[Activity("Elsa.ExecuteWorkflow", Category = "Composition", DisplayName = "Execute workflow",
    Description = "Create a new workflow instance of the specified workflow and execute it.")]
internal sealed class ExecuteWorkflow : WorkflowActivity
{
    [Input(DisplayName = "Workflow definition", Description = "The definition ID of the workflow to execute.")]
    public string? WorkflowDefinitionId { get; set; }

    [Input(DisplayName = "Correlation ID", Description = "The correlation ID to associate the workflow with.")]
    public string? CorrelationId { get; set; }

    [Input(DisplayName = "Input", Description = "The input to send to the workflow.", UIHint = InputUIHints.JsonEditor)]
    public JsonObject? Input { get; set; }

    [Input(DisplayName = "Wait for completion", Description = "Wait for the child workflow to complete before completing this activity.",
        UIHint = InputUIHints.Checkbox)]
    public bool WaitForCompletion { get; set; }

    [Output(DisplayName = "Result", Description = "The child's instance id, status, sub-status, output and correlation id.")]
    public object? Result { get; set; }

    public override IEnumerable<string> Validate(IActivityDesign design) => ChildWorkflows.Validate(design);

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var input = Input is { Count: > 0 } ? Input : ChildWorkflows.ParentInput(context);
        ChildWorkflows.Request(context, WorkflowDefinitionId, input, CorrelationId ?? ((ActivityContext)context).CorrelationId,
            resumeOnDispatch: false, resumeWhenIdle: !WaitForCompletion);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        if (ChildWorkflows.Resumed(context, bookmark.Input) is { } result)
        {
            Result = result;
            context.Complete();
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Elsa's DispatchWorkflow (Elsa.Workflows.Runtime): starts a published workflow of the region once this run is saved.
/// Fire and forget, it completes as soon as the child is found, before the child runs (a child the region has not
/// published faults it, as in Elsa); with WaitForCompletion it waits until the child finished, and its result is the
/// child's output.
/// </summary>
[Activity("Elsa.DispatchWorkflow", Category = "Composition", DisplayName = "Dispatch workflow",
    Description = "Create a new workflow instance of the specified workflow and dispatch it for execution.")]
internal sealed class DispatchWorkflow : WorkflowActivity
{
    [Input(DisplayName = "Workflow definition", Description = "The definition ID of the workflow to dispatch.")]
    public string? WorkflowDefinitionId { get; set; }

    [Input(DisplayName = "Correlation ID", Description = "The correlation ID to associate the workflow with.")]
    public string? CorrelationId { get; set; }

    [Input(DisplayName = "Input", Description = "The input to send to the workflow.", UIHint = InputUIHints.JsonEditor)]
    public JsonObject? Input { get; set; }

    [Input(DisplayName = "Wait for completion",
        Description = "True to wait for the child workflow to complete before completing this activity, false to fire and forget.",
        UIHint = InputUIHints.Checkbox)]
    public bool WaitForCompletion { get; set; }

    [Output(DisplayName = "Result", Description = "The child's output, when waiting for completion.")]
    public object? Result { get; set; }

    public override IEnumerable<string> Validate(IActivityDesign design) => ChildWorkflows.Validate(design);

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ChildWorkflows.Request(context, WorkflowDefinitionId, Input, CorrelationId, resumeOnDispatch: !WaitForCompletion,
            resumeWhenIdle: false);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        if (ChildWorkflows.Resumed(context, bookmark.Input) is { } result)
        {
            // Dispatched without waiting: there is no output yet, as in Elsa.
            Result = result["dispatched"] is null ? result["output"]?.DeepClone() : null;
            context.Complete();
        }
        return ValueTask.CompletedTask;
    }
}
