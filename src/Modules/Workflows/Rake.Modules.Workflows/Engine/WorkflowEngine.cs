using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine.Activities;
using Rake.Modules.Workflows.Engine.Expressions;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine;

/// <summary>
/// An activity that schedules activities of its own: the engine tells it when one of them completed or was cancelled.
/// Containers start that way; BulkDispatchWorkflows runs as a plain activity and schedules its child ports on a resume.
/// </summary>
internal interface IChildOwnerActivity
{
    void OnChildCompleted(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child,
        IReadOnlyList<string> outcomes);

    void OnChildCanceled(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self, ActivityExecution child);
}

/// <summary>
/// A child owner that keeps nothing in its own fields (its state lives on its execution), so one instance can hear of every
/// child's end, on any thread, instead of a new one per completion.
/// </summary>
internal interface IStatelessChildOwner : IChildOwnerActivity;

/// <summary>A container activity (flowchart, FlowNode, ParallelForEach): the engine starts it and tells it about its children.</summary>
internal interface IContainerActivity : IChildOwnerActivity
{
    void Start(WorkflowEngine engine, WorkflowInstance instance, ActivityExecution self);
}

/// <summary>Activities that end their flowchart at once (Elsa's ITerminalNode: End, Finish).</summary>
internal interface ITerminalActivity;

/// <summary>Elsa's FlowJoin: before running it cancels the still-running ancestors in its flowchart.</summary>
internal interface IJoinActivity;

/// <summary>
/// Runs workflow instances in memory with Elsa's scheduling model: a FIFO queue of work items, each executed to
/// completion, a bookmark or a fault; containers decide what runs next when a child completes.
/// </summary>
internal sealed class WorkflowEngine(ActivityRegistry registry, ExpressionEvaluator evaluator, TimeProvider time,
    IServiceProvider? services = null)
{
    private long _nextId;

    public ActivityRegistry Registry => registry;
    public TimeProvider Time => time;

    /// <summary>The services activities see; an engine without a host (the conformance corpus) offers none.</summary>
    public IServiceProvider Services { get; } = services ?? NoServices.Instance;

    public async Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, RunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        var instance = new WorkflowInstance((options.InstanceId ?? Guid.NewGuid()).ToString("N"), definition, options);
        foreach (var variable in definition.Variables.Concat(VariablesOf(definition.Root)))
        {
            instance.VariableTypes[variable.Name] = variable.TypeName;
            instance.Variables[variable.Name] = InitialValue(variable);
        }
        instance.CorrelationId = options.CorrelationId;
        instance.SubStatus = WorkflowSubStatus.Executing;
        instance.Scheduler.AddLast(new WorkItem(definition.Root, Owner: null));
        await RunLoopAsync(instance, cancellationToken);
        return instance;
    }

    /// <summary>Resumes one bookmark with <paramref name="input"/>, then runs until the queue is empty.</summary>
    public async Task ResumeAsync(WorkflowInstance instance, string bookmarkId, object? input,
        CancellationToken cancellationToken = default)
    {
        var bookmark = instance.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)
            ?? throw new InvalidOperationException($"Bookmark '{bookmarkId}' is not pending on instance {instance.Id}.");
        instance.Bookmarks.Remove(bookmark);
        var execution = instance.FindExecution(bookmark.ActivityExecutionId);
        if (execution is null || execution.Status != ActivityStatus.Running)
        {
            return;
        }
        instance.Status = WorkflowStatus.Running;
        instance.SubStatus = WorkflowSubStatus.Executing;
        var descriptor = Describe(execution.Node);
        var context = new ActivityContext(this, instance, execution, cancellationToken);
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var activity = descriptor.Create();
            BindInputs(descriptor, activity, context);
            context.Activity = activity;
            await activity.ResumeAsync(context, new ResumedBookmark(bookmark.Id, bookmark.Kind, bookmark.Name, input));
            AfterActivity(instance, execution, context, descriptor);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FaultActivity(instance, execution, ex.Message, null, null);
        }
        finally
        {
            WorkflowTelemetry.ActivityRan(execution.Node.Type, startedAt);
        }
        await RunLoopAsync(instance, cancellationToken);
    }

    private async Task RunLoopAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        while (instance.Scheduler.First is { } first && instance.SubStatus is WorkflowSubStatus.Executing)
        {
            cancellationToken.ThrowIfCancellationRequested();
            instance.Scheduler.RemoveFirst();
            await ExecuteAsync(instance, first.Value, cancellationToken);
        }
        if (instance.SubStatus is WorkflowSubStatus.Executing)
        {
            if (instance.Root?.Status == ActivityStatus.Completed)
            {
                instance.Status = WorkflowStatus.Finished;
                instance.SubStatus = WorkflowSubStatus.Finished;
            }
            else if (instance.Bookmarks.Count > 0)
            {
                instance.SubStatus = WorkflowSubStatus.Suspended;
            }
            // Otherwise the run stalled with nothing to wait for (a starved Merge join); Elsa leaves it running too.
        }
    }

    private async Task ExecuteAsync(WorkflowInstance instance, WorkItem item, CancellationToken cancellationToken)
    {
        var execution = new ActivityExecution(NewId(), item.Node, item.Owner)
        {
            ViaBackwardConnection = item.ViaBackwardConnection,
            CurrentValue = item.CurrentValue,
            HasCurrentValue = item.HasCurrentValue,
        };
        if (item.Owner is null)
        {
            instance.Root = execution;
        }
        else
        {
            item.Owner.Children.Add(execution);
        }
        instance.Journal.Add(new JournalEntry(time.GetUtcNow(), execution.Node.Id, execution.Node.Type, "Started"));

        ActivityDescriptor descriptor;
        try
        {
            descriptor = Describe(item.Node);
        }
        catch (Exception ex)
        {
            FaultActivity(instance, execution, ex.Message, null, null);
            return;
        }
        var context = new ActivityContext(this, instance, execution, cancellationToken);
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var activity = descriptor.Create();
            if (activity is IJoinActivity && execution.Parent?.ContainerState is FlowchartState)
            {
                Flowchart.CancelInboundAncestors(this, instance, execution.Parent, execution.Node.Id);
            }
            if (activity is IContainerActivity container)
            {
                execution.ContainerState = null;
                context.Activity = activity;
                container.Start(this, instance, execution);
                return;
            }
            BindInputs(descriptor, activity, context);
            context.Activity = activity;
            await activity.ExecuteAsync(context);
            AfterActivity(instance, execution, context, descriptor);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            FaultActivity(instance, execution, ex.Message, null, null);
        }
        finally
        {
            WorkflowTelemetry.ActivityRan(execution.Node.Type, startedAt);
        }
    }

    private void AfterActivity(WorkflowInstance instance, ActivityExecution execution, ActivityContext context,
        ActivityDescriptor descriptor)
    {
        if (context.FaultRequest is { } fault)
        {
            FaultActivity(instance, execution, fault.Message, fault.Code, fault.Category);
            return;
        }
        foreach (var request in context.BookmarkRequests)
        {
            instance.Bookmarks.Add(new Bookmark(NewId(), execution.Id, execution.Node.Id, execution.Node.Type, request.Kind, request.Name,
                request.DueAt, request.Payload));
        }
        if (context.Outcomes is { } outcomes)
        {
            MapOutputs(instance, execution, context, descriptor);
            if (context.FinishWorkflow)
            {
                // Elsa's Finish: nothing else runs and nothing waits any more.
                instance.Scheduler.Clear();
                instance.Bookmarks.Clear();
                instance.Ending = true;
            }
            Complete(instance, execution, outcomes.Count == 0 && !context.ExactOutcomes ? [WorkflowActivity.DoneOutcome] : outcomes);
        }
    }

    /// <summary>Marks an execution completed and tells its container, which schedules what follows.</summary>
    public void Complete(WorkflowInstance instance, ActivityExecution execution, IReadOnlyList<string> outcomes)
    {
        if (execution.Status != ActivityStatus.Running)
        {
            return;
        }
        execution.Status = ActivityStatus.Completed;
        RemoveBookmarksOf(instance, execution);
        instance.Journal.Add(new JournalEntry(time.GetUtcNow(), execution.Node.Id, execution.Node.Type, "Completed",
            outcomes.Count == 1 ? outcomes[0] : string.Join(",", outcomes)));
        if (execution.Parent is { Status: ActivityStatus.Running } parent && Describe(parent.Node) is { OwnsChildren: true } described
            && described.ChildOwner() is { } container)
        {
            container.OnChildCompleted(this, instance, parent, execution, outcomes);
        }
    }

    /// <summary>Cancels a running execution and everything under it, including work it scheduled.</summary>
    public void Cancel(WorkflowInstance instance, ActivityExecution execution)
    {
        if (execution.Status != ActivityStatus.Running)
        {
            return;
        }
        foreach (var child in execution.Children.Where(c => c.Status == ActivityStatus.Running).ToList())
        {
            Cancel(instance, child);
        }
        RemoveScheduledWork(instance, execution);
        execution.Status = ActivityStatus.Canceled;
        RemoveBookmarksOf(instance, execution);
        instance.Journal.Add(new JournalEntry(time.GetUtcNow(), execution.Node.Id, execution.Node.Type, "Canceled"));
        if (execution.Parent is { Status: ActivityStatus.Running } parent && Describe(parent.Node) is { OwnsChildren: true } described
            && described.ChildOwner() is { } container)
        {
            container.OnChildCanceled(this, instance, parent, execution);
        }
    }

    /// <summary>
    /// Elsa's cancel of a whole instance: every running execution ends Canceled, nothing scheduled runs, no bookmark is left
    /// to resume it, and it finishes as Cancelled. <paramref name="note"/> (who cancelled) goes into the journal first, on the
    /// root, so the viewer shows it on the workflow's own record.
    /// </summary>
    public void CancelWorkflow(WorkflowInstance instance, string note)
    {
        if (instance.Root is { Status: ActivityStatus.Running } root)
        {
            instance.Journal.Add(new JournalEntry(time.GetUtcNow(), root.Node.Id, root.Node.Type, "Journal", note));
            CancelQuietly(instance, root);
        }
        instance.Scheduler.Clear();
        instance.Bookmarks.Clear();
        instance.Status = WorkflowStatus.Finished;
        instance.SubStatus = WorkflowSubStatus.Cancelled;
    }

    /// <summary>Completes a container early (a terminal node was reached): running children are cancelled first.</summary>
    public void CompleteContainer(WorkflowInstance instance, ActivityExecution container)
    {
        foreach (var child in container.Children.Where(c => c.Status == ActivityStatus.Running).ToList())
        {
            // Detach the callback: a cancelled child must not re-enter the container that is completing.
            CancelQuietly(instance, child);
        }
        RemoveScheduledWork(instance, container);
        Complete(instance, container, [WorkflowActivity.DoneOutcome]);
    }

    private void CancelQuietly(WorkflowInstance instance, ActivityExecution execution)
    {
        foreach (var child in execution.Children.Where(c => c.Status == ActivityStatus.Running).ToList())
        {
            CancelQuietly(instance, child);
        }
        RemoveScheduledWork(instance, execution);
        execution.Status = ActivityStatus.Canceled;
        instance.Bookmarks.RemoveAll(b => b.ActivityExecutionId == execution.Id);
        instance.Journal.Add(new JournalEntry(time.GetUtcNow(), execution.Node.Id, execution.Node.Type, "Canceled"));
    }

    private static void RemoveBookmarksOf(WorkflowInstance instance, ActivityExecution execution)
    {
        var bookmarks = instance.Bookmarks;
        for (var i = bookmarks.Count - 1; i >= 0; i--)
        {
            if (bookmarks[i].ActivityExecutionId == execution.Id)
            {
                bookmarks.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="owner"/> is <paramref name="execution"/> or one of its ancestors (no iterator: asked per step).
    /// </summary>
    private static bool IsOrIsUnder(ActivityExecution? execution, ActivityExecution owner)
    {
        for (var e = execution; e is not null; e = e.Parent)
        {
            if (e == owner)
            {
                return true;
            }
        }
        return false;
    }

    private static void RemoveScheduledWork(WorkflowInstance instance, ActivityExecution owner)
    {
        for (var node = instance.Scheduler.First; node is not null;)
        {
            var next = node.Next;
            if (IsOrIsUnder(node.Value.Owner, owner))
            {
                instance.Scheduler.Remove(node);
            }
            node = next;
        }
    }

    public void Schedule(WorkflowInstance instance, ActivityNode node, ActivityExecution owner, bool viaBackwardConnection = false) =>
        instance.Scheduler.AddLast(new WorkItem(node, owner, viaBackwardConnection, owner.CurrentValue, owner.HasCurrentValue));

    public void ScheduleWithValue(WorkflowInstance instance, ActivityNode node, ActivityExecution owner, object? currentValue) =>
        instance.Scheduler.AddLast(new WorkItem(node, owner, false, currentValue, true));

    public static bool HasScheduledWork(WorkflowInstance instance, ActivityExecution owner)
    {
        for (var node = instance.Scheduler.First; node is not null; node = node.Next)
        {
            if (IsOrIsUnder(node.Value.Owner, owner))
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsScheduled(WorkflowInstance instance, ActivityExecution owner, string activityId)
    {
        for (var node = instance.Scheduler.First; node is not null; node = node.Next)
        {
            if (node.Value.Owner == owner && node.Value.Node.Id == activityId)
            {
                return true;
            }
        }
        return false;
    }

    public void FaultActivity(WorkflowInstance instance, ActivityExecution execution, string message, string? code, string? category)
    {
        execution.Status = ActivityStatus.Faulted;
        instance.Journal.Add(new JournalEntry(time.GetUtcNow(), execution.Node.Id, execution.Node.Type, "Faulted", message));
        // Elsa's default incident strategy: the instance ends faulted and nothing else is scheduled.
        instance.Fault = new WorkflowFault(execution.Node.Id, message, code, category);
        instance.Status = WorkflowStatus.Finished;
        instance.SubStatus = WorkflowSubStatus.Faulted;
        instance.Scheduler.Clear();
    }

    public ActivityDescriptor Describe(ActivityNode node) =>
        registry.Find(node)
        ?? throw new InvalidOperationException($"Activity '{node.Id}' has unknown type '{node.Type}' version {node.Version}.");

    /// <summary>Evaluates an input of a node in the scope of an execution (for containers and joins that read inputs).</summary>
    public object? EvaluateInput(WorkflowInstance instance, ActivityExecution scope, ActivityNode node, string name)
    {
        var input = node.Input(name);
        return input is null ? null : evaluator.Evaluate(input, new ActivityContext(this, instance, scope, default));
    }

    public object? Evaluate(string expressionType, JsonNode? value, IJavaScriptScope scope) =>
        evaluator.Evaluate(expressionType, value, scope);

    public object? Evaluate(InputValue input, IJavaScriptScope scope) => evaluator.Evaluate(input, scope);

    private void BindInputs(ActivityDescriptor descriptor, WorkflowActivity activity, ActivityContext context)
    {
        foreach (var input in descriptor.Inputs)
        {
            var value = input.Attribute.AutoEvaluate ? context.Node.Input(input.Name) : null;
            if (value is null)
            {
                continue;
            }
            object? evaluated;
            try
            {
                evaluated = evaluator.Evaluate(value, context);
                input.Property.SetValue(activity, ValueConverter.Convert(evaluated, input.Property.PropertyType));
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or System.Text.Json.JsonException or OverflowException
                or ArgumentException)
            {
                throw new InvalidOperationException(
                    $"Input '{input.Name}' of activity '{context.Node.Id}' could not be converted to "
                    + $"{input.Property.PropertyType.Name}: {ex.Message}", ex);
            }
        }
    }

    /// <summary>
    /// Outputs bound in the definition (<c>"result": {memoryReference:{id}}</c>) go to the variable or workflow output
    /// of that id or name.
    /// </summary>
    private static void MapOutputs(WorkflowInstance instance, ActivityExecution execution, ActivityContext context,
        ActivityDescriptor descriptor)
    {
        if (descriptor.Outputs.Count == 0 && !context.HasOutputs)
        {
            // Most activities have no outputs: no register entry, nothing to bind (docs/adr/0195).
            return;
        }
        var values = context.HasOutputs
            ? new Dictionary<string, object?>(context.Outputs, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var output in descriptor.Outputs)
        {
            values[output.Name] = ValueConverter.ToStateValue(output.Property.GetValue(context.Activity));
        }
        if (values.Count > 0)
        {
            instance.ActivityOutputs[execution.Node.Id] = values;
            if (values.TryGetValue("Result", out var result))
            {
                instance.LastResult = result;
            }
        }
        foreach (var (name, value) in values)
        {
            AssignBoundOutput(instance, execution.Node, name, value);
        }
    }

    /// <summary>Writes an output to the variable or workflow output the definition binds it to, if it binds it at all.</summary>
    public static void AssignBoundOutput(WorkflowInstance instance, ActivityNode node, string name, object? value)
    {
        if (node.RawInput(name)?["memoryReference"]?["id"] is JsonValue reference
            && reference.GetValueKind() == System.Text.Json.JsonValueKind.String && reference.GetValue<string>() is { } target)
        {
            var variable = instance.Definition.Variables.FirstOrDefault(v => v.Id == target || v.Name == target);
            if (variable is not null)
            {
                instance.Variables[variable.Name] = value;
            }
            else
            {
                instance.Output[target] = value;
            }
        }
    }

    private static IEnumerable<VariableDefinition> VariablesOf(ActivityNode root) =>
        root.Json["variables"] is JsonArray array ? array.OfType<JsonObject>().Select(VariableDefinition.From) : [];

    private static object? InitialValue(VariableDefinition variable)
    {
        if (variable.Value is null)
        {
            return null;
        }
        var type = ValueConverter.TypeOf(variable.TypeName);
        try
        {
            return ValueConverter.ToStateValue(ValueConverter.Convert(variable.Value, type));
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidCastException)
        {
            return ValueConverter.ToStateValue(variable.Value);
        }
    }

    public string NewId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Moves the id counter past <paramref name="lastUsed"/>, so an instance restored from storage gets no ids it
    /// already holds (the counter restarts with each process).
    /// </summary>
    public void ReserveIdsUpTo(long lastUsed)
    {
        long current;
        while ((current = Interlocked.Read(ref _nextId)) < lastUsed
            && Interlocked.CompareExchange(ref _nextId, lastUsed, current) != current)
        {
        }
    }
}

/// <summary>The service provider of an engine that runs without a host: every lookup answers null.</summary>
internal sealed class NoServices : IServiceProvider
{
    public static readonly NoServices Instance = new();

    public object? GetService(Type serviceType) => null;
}
