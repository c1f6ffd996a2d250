using System.Text.Json.Nodes;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

/// <summary>
/// Runs a node that uses another workflow of the region as an activity (Elsa's WorkflowDefinitionActivity: the node's type
/// is the definition's name and it names the definition by <c>workflowDefinitionId</c>). Elsa runs the used workflow inside
/// the parent; Rake runs it as a child instance through the ExecuteWorkflow path and waits until it finished
/// (docs/adr/0185): the node's other inputs are the child's input, the child's outputs become the node's outputs, which
/// the definition binds to variables as for any activity. A child that ended with Complete makes the node complete on
/// Complete's outcomes (the used workflow's declared <c>outcomes</c> are the node's ports), otherwise on Done
/// (docs/adr/0191). The pinned version (<c>workflowDefinitionVersionId</c>) runs while the region has it published;
/// otherwise the latest published version. Never offered in the toolbox as such:
/// each usable definition is offered under its own name.
/// </summary>
[Activity(TypeName, Category = "Workflows", DisplayName = "Workflow",
    Description = "Runs a published workflow of the region that is usable as an activity, with its inputs and outputs.")]
internal sealed class WorkflowDefinitionActivity : WorkflowActivity
{
    public const string TypeName = "Rake.Workflows.WorkflowDefinitionActivity";

    /// <summary>Node properties Elsa writes for the used definition, which are not inputs of the child.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "workflowDefinitionId", "workflowDefinitionVersionId", "latestAvailablePublishedVersion", "latestAvailablePublishedVersionId",
    };

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var node = ((ActivityContext)context).Node;
        var input = new JsonObject();
        foreach (var name in node.InputNames.Where(n => !Reserved.Contains(n)))
        {
            // Inputs are {typeName, expression}; an output bound to a variable is {typeName, memoryReference} and is skipped.
            if (node.RawInput(name) is JsonObject wrapped && wrapped["expression"] is JsonObject)
            {
                input[name] = ChildWorkflows.ToNode(await context.GetInputAsync(name));
            }
        }
        ChildWorkflows.Request(context, node.UsedWorkflowDefinitionId, input, ((ActivityContext)context).CorrelationId,
            resumeOnDispatch: false, resumeWhenIdle: false, definitionVersionId: node.UsedWorkflowDefinitionVersionId);
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        if (ChildWorkflows.Resumed(context, bookmark.Input) is not { } result)
        {
            return ValueTask.CompletedTask;
        }
        if (JsonRead.Text(result["subStatus"]) == nameof(WorkflowSubStatus.Faulted))
        {
            var definitionId = ((ActivityContext)context).Node.UsedWorkflowDefinitionId;
            context.Fault($"Activity '{context.ActivityId}' ({context.ActivityType}): workflow '{definitionId}' faulted: "
                + $"{JsonRead.Text(result["fault"]) ?? "no reason given"}", "ChildWorkflowFaulted");
            return ValueTask.CompletedTask;
        }
        if (result["output"] is JsonObject output)
        {
            foreach (var (name, value) in output)
            {
                context.SetOutput(name, value?.DeepClone());
            }
        }
        if (result["outcomes"] is JsonArray outcomes)
        {
            // The child ended with Complete: the node completes on its outcomes, as Elsa's composite does.
            ((ActivityContext)context).CompleteWithExactly([.. outcomes.Select(o => JsonRead.Text(o) ?? "")]);
        }
        else
        {
            context.Complete();
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Elsa's BulkDispatchWorkflows (Elsa.Workflows.Runtime): one child instance of a published workflow of the region for
/// each item, with the item under the input name <c>Item</c> (and the optional extra input). Fire and forget it completes
/// at once (<c>Done</c>); with WaitForCompletion (Elsa's default) it waits until every child finished and then completes
/// on <c>Finished</c> and <c>Done</c>. At most <see cref="MaxItems"/> items (docs/adr/0185). Elsa's correlation id
/// function is evaluated once per item with the item as the argument <c>Item</c>; its embedded ports ChildFinished and
/// ChildFaulted (an activity run inside this one per finished or faulted child) are refused at publish (docs/adr/0191).
/// </summary>
[Activity("Elsa.BulkDispatchWorkflows", Category = "Composition", DisplayName = "Bulk dispatch workflows",
    Description = "Create new workflow instances for each item in the data source and dispatch them for execution.")]
[Outcome("Finished")]
[Outcome("Canceled")]
[Outcome("Done")]
internal sealed class BulkDispatchWorkflows : WorkflowActivity
{
    /// <summary>How many children one activity may start: far above any region process, low enough that a script
    /// returning a huge list cannot flood the region with instances.</summary>
    public const int MaxItems = 100;

    [Input(DisplayName = "Workflow definition", Description = "The definition ID of the workflows to dispatch.")]
    public string? WorkflowDefinitionId { get; set; }

    [Input(DisplayName = "Items", Description = "The data source to use for dispatching the workflows: one workflow per item.",
        UIHint = InputUIHints.MultiLine)]
    public JsonArray? Items { get; set; }

    [Input(DisplayName = "Correlation ID Function",
        Description = "Evaluated for each item, which a script reads as args.item or getItem(): the correlation ID of that item's "
            + "workflow. Empty: the workflows get none.",
        AutoEvaluate = false)]
    public string? CorrelationIdFunction { get; set; }

    [Input(DisplayName = "Input",
        Description = "Additional input to send to the workflows being dispatched. The \"Item\" key is reserved and should not be used.",
        UIHint = InputUIHints.JsonEditor)]
    public JsonObject? Input { get; set; }

    /// <summary>Elsa's embedded ports: an activity run inside this one for each child that finished or faulted.</summary>
    private static readonly string[] ChildPorts = ["ChildFinished", "ChildFaulted"];

    [Input(DisplayName = "Wait for completion",
        Description = "Wait for the dispatched workflows to complete before completing this activity.", UIHint = InputUIHints.Checkbox)]
    public bool WaitForCompletion { get; set; } = true;

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        foreach (var error in ChildWorkflows.Validate(design))
        {
            yield return error;
        }
        if (design.GetExpressionType("items") is "Literal" or "Object" && design.TryGetConstantInput<JsonArray>("items", out var items)
            && items is { Count: > MaxItems })
        {
            yield return TooMany(design.ActivityId, items.Count);
        }
        if (design.GetExpressionType("correlationIdFunction") is "Literal" or "Object"
            && design.GetRawInput("correlationIdFunction")?["expression"]?["value"] is JsonObject or JsonArray)
        {
            yield return $"Activity '{design.ActivityId}': input 'correlationIdFunction' is not a valid String: it holds a JSON "
                + "object or array. Write an expression that gives each item's correlation id, e.g. JavaScript args.item.id.";
        }
        foreach (var port in ChildPorts)
        {
            if (design.GetRawInput(port) is JsonObject)
            {
                yield return $"Activity '{design.ActivityId}' (Elsa.BulkDispatchWorkflows): port '{port}' is not supported: Rake runs "
                    + "each dispatched workflow as its own instance and cannot run an activity inside this one for each child. "
                    + "Remove the activity from the port, and let the dispatched workflow do that work before it ends.";
            }
        }
    }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var items = Items ?? [];
        if (items.Count > MaxItems)
        {
            context.Fault(TooMany(context.ActivityId, items.Count), "BulkDispatchTooManyItems");
            return ValueTask.CompletedTask;
        }
        // Every correlation id first: a function that fails on the third item faults the activity before any child is asked for.
        var correlationIds = items.Select(item => CorrelationIdOf((ActivityContext)context, item)).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var input = (JsonObject?)Input?.DeepClone() ?? [];
            input["Item"] = item?.DeepClone();
            var childId = ChildWorkflows.Request(context, WorkflowDefinitionId, input, correlationIds[i], resumeOnDispatch: false,
                resumeWhenIdle: false, wait: WaitForCompletion);
            if (childId is null)
            {
                return ValueTask.CompletedTask;
            }
        }
        if (!WaitForCompletion || items.Count == 0)
        {
            context.Complete();
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        if (ChildWorkflows.Resumed(context, bookmark.Input) is null)
        {
            return ValueTask.CompletedTask;
        }
        var engineContext = (ActivityContext)context;
        var waiting = engineContext.Instance.Bookmarks.Any(b =>
            b.ActivityExecutionId == engineContext.Execution.Id && b.Kind == BookmarkKind.ChildWorkflow);
        if (!waiting)
        {
            context.Complete("Finished", DoneOutcome);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Elsa evaluates the function with the item as the argument <c>Item</c>; no function, no correlation id.</summary>
    private static string? CorrelationIdOf(ActivityContext context, JsonNode? item)
    {
        if (context.Node.Input("correlationIdFunction") is null)
        {
            return null;
        }
        var value = context.EvaluateInputWithArguments("correlationIdFunction",
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["Item"] = item?.DeepClone() });
        return ValueConverter.Convert(value, typeof(string)) is string text && !string.IsNullOrWhiteSpace(text) ? text : null;
    }

    private static string TooMany(string activityId, int count) =>
        $"Activity '{activityId}' (Elsa.BulkDispatchWorkflows): {count} items would start {count} workflows; one activity may "
        + $"start at most {MaxItems}. Split the items over several activities or pass fewer items.";
}
