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
/// function is evaluated once per item with the item as the argument <c>Item</c>. While it waits, its embedded ports
/// ChildFinished and ChildFaulted run inside it for each child that finished or faulted, with the child's result under
/// Elsa's names; it completes when every child and every port run has (docs/adr/0194). <c>channelName</c> is accepted
/// and has no effect: Rake has one dispatcher.
/// </summary>
[Activity("Elsa.BulkDispatchWorkflows", Category = "Composition", DisplayName = "Bulk dispatch workflows",
    Description = "Create new workflow instances for each item in the data source and dispatch them for execution.")]
[Outcome("Finished")]
[Outcome("Canceled")]
[Outcome("Done")]
internal sealed class BulkDispatchWorkflows : WorkflowActivity, IChildOwnerActivity
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

    [Input(DisplayName = "Wait for completion",
        Description = "Wait for the dispatched workflows to complete before completing this activity.", UIHint = InputUIHints.Checkbox)]
    public bool WaitForCompletion { get; set; } = true;

    [Input(DisplayName = "Channel",
        Description = "Elsa's dispatcher channel. Rake has one dispatcher: the name is accepted and has no effect.")]
    public string? ChannelName { get; set; }

    /// <summary>The variable Elsa declares for a child port's run: the instance id of the child it runs for.</summary>
    public const string ChildInstanceIdVariable = "ChildInstanceId";

    /// <summary>The ports (as Elsa writes them in a definition) run for a child that finished or faulted.</summary>
    public const string ChildFinishedPort = "childFinished";
    public const string ChildFaultedPort = "childFaulted";

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
        if (!string.IsNullOrWhiteSpace(ChannelName))
        {
            context.Journal($"Channel '{ChannelName}' has no effect: Rake has one dispatcher.");
        }
        if (!WaitForCompletion || items.Count == 0)
        {
            context.Complete();
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        if (ChildWorkflows.Resumed(context, bookmark.Input) is not { } result)
        {
            return ValueTask.CompletedTask;
        }
        var engineContext = (ActivityContext)context;
        // As Elsa: ChildFinished for a child that finished normally, ChildFaulted for one that faulted, neither for a cancelled one.
        var port = JsonRead.Text(result["subStatus"]) switch
        {
            nameof(WorkflowSubStatus.Finished) => ChildFinishedPort,
            nameof(WorkflowSubStatus.Faulted) => ChildFaultedPort,
            _ => null,
        };
        if (port is not null && engineContext.Node.Port(port) is { } activity)
        {
            // Runs inside this activity, which completes when it has (OnChildCompleted).
            engineContext.Engine.ScheduleWithValue(engineContext.Instance, activity, engineContext.Execution, PortValue(result));
            return ValueTask.CompletedTask;
        }
        if (!Busy(engineContext.Instance, engineContext.Execution))
        {
            context.Complete("Finished", DoneOutcome);
        }
        return ValueTask.CompletedTask;
    }

    public void OnChildCompleted(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child,
        IReadOnlyList<string> outcomes) => CompleteWhenIdle(engine, instance, self);

    public void OnChildCanceled(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child) =>
        CompleteWhenIdle(engine, instance, self);

    private static void CompleteWhenIdle(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self)
    {
        if (!Busy(instance, self))
        {
            engine.Complete(instance, self, ["Finished", DoneOutcome]);
        }
    }

    /// <summary>A child it still waits for, or a port run still running or scheduled.</summary>
    private static bool Busy(WorkflowInstance instance, ActivityExecution self) =>
        instance.Bookmarks.Any(b => b.ActivityExecutionId == self.Id && b.Kind == BookmarkKind.ChildWorkflow)
        || self.Children.Any(c => c.Status == ActivityStatus.Running)
        || WorkflowEngine.HasScheduledWork(instance, self);

    /// <summary>What a port run reads of the child, under the names Elsa resumes the bulk dispatch with, and its fault.</summary>
    private static JsonObject PortValue(JsonObject result) => new()
    {
        ["WorkflowInstanceId"] = result["workflowInstanceId"]?.DeepClone(),
        ["WorkflowStatus"] = result["status"]?.DeepClone(),
        ["WorkflowSubStatus"] = result["subStatus"]?.DeepClone(),
        ["WorkflowOutput"] = result["output"]?.DeepClone() ?? new JsonObject(),
        ["WorkflowFault"] = result["fault"]?.DeepClone(),
    };

    /// <summary>
    /// Inside a child port, the child's result by name (Elsa resumes the bulk dispatch with it as input, so a port's script
    /// reads <c>getInput('WorkflowOutput')</c>); not found elsewhere or for another name.
    /// </summary>
    public static (bool Found, object? Value) ChildResultFor(ActivityExecution execution, string name)
    {
        var port = execution.Ancestors().Prepend(execution)
            .FirstOrDefault(e => e.Parent?.Node.Type == "Elsa.BulkDispatchWorkflows" && e.HasCurrentValue);
        if (port?.CurrentValue is not JsonObject value)
        {
            return (false, null);
        }
        var match = value.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        return match.Key is null ? (false, null) : (true, Structured.Item(match.Value));
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
