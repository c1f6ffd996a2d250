namespace Rake.Workflows.Abstractions;

/// <summary>
/// Base class of every activity. A fresh instance is created for each execution and its <see cref="InputAttribute"/>
/// properties are filled from the definition, so an activity may keep per-execution state in fields.
/// </summary>
public abstract class WorkflowActivity
{
    /// <summary>The default outbound port of an activity that declares no outcomes.</summary>
    public const string DoneOutcome = "Done";

    /// <summary>Runs the activity. It must end by completing, creating a bookmark, or faulting through the context.</summary>
    public abstract ValueTask ExecuteAsync(IActivityExecutionContext context);

    /// <summary>
    /// Called when a bookmark this activity created is resumed. The default completes on <c>Done</c>, which is what
    /// Elsa's Delay, Timer and Event do.
    /// </summary>
    public virtual ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Ports that depend on the design (FlowFork's branches). Null means the ports come from
    /// <see cref="OutcomeAttribute"/>s, or <c>Done</c> if there are none. Used at publish time to check connections.
    /// </summary>
    public virtual IEnumerable<string>? GetDynamicOutcomes(IActivityDesign design) => null;

    /// <summary>Checks the design at publish time; each message names the problem, the engine adds the activity.</summary>
    public virtual IEnumerable<string> Validate(IActivityDesign design) => [];

    /// <summary>
    /// Triggers this activity registers when the workflow is published with it as a start activity
    /// (<c>canStartWorkflow</c>). Timer-like activities return their due time; a scheduler acts on them later.
    /// </summary>
    public virtual IEnumerable<TriggerRequest> GetTriggers(IActivityDesign design, DateTimeOffset now) => [];
}

/// <summary>
/// What an activity can do while it runs. Values crossing this interface are JSON-shaped (string, number, bool,
/// null, <see cref="System.Text.Json.Nodes.JsonNode"/>), so workflow state can always be persisted.
/// </summary>
public interface IActivityExecutionContext
{
    string ActivityId { get; }
    string ActivityType { get; }
    string WorkflowInstanceId { get; }

    /// <summary>The clock of the engine (a fake one in tests, so a year can be simulated).</summary>
    TimeProvider Time { get; }

    /// <summary>
    /// The services of the run: a scope whose request context is the instance's region, so a module's activity can
    /// call its own module (or another module's contract) for that region only. Activities that change data must be
    /// idempotent per <see cref="WorkflowInstanceId"/> and <see cref="ActivityId"/>: a run may be retried.
    /// </summary>
    IServiceProvider Services { get; }

    CancellationToken CancellationToken { get; }

    /// <summary>True when this activity is the trigger that started the run (a Timer firing), so it should not wait again.</summary>
    bool IsTriggerOfRun { get; }

    /// <summary>Evaluates an input of the definition by its JSON name, whether or not it is a typed property.</summary>
    ValueTask<object?> GetInputAsync(string name);

    /// <summary>The input as written in the definition, for inputs that are not expressions (a variable reference).</summary>
    System.Text.Json.Nodes.JsonNode? GetRawInput(string name);

    /// <summary>Evaluates an expression of the given type (<c>Literal</c>, <c>Variable</c>, <c>Object</c>, <c>JavaScript</c>).</summary>
    ValueTask<object?> EvaluateAsync(string expressionType, string? expression);

    object? GetVariable(string name);

    void SetVariable(string name, object? value);

    void SetOutput(string name, object? value);

    /// <summary>Adds an entry to the instance's journal (what happened, readable by staff).</summary>
    void Journal(string message);

    /// <summary>Writes a line of text, which is what Elsa's WriteLine does; the engine keeps the lines of a run.</summary>
    void WriteLine(string? text);

    /// <summary>Completes the activity on the given ports; none means <c>Done</c>.</summary>
    void Complete(params string[] outcomes);

    /// <summary>Suspends the activity until the bookmark is resumed; the activity stays running meanwhile.</summary>
    void CreateBookmark(BookmarkRequest bookmark);

    void Fault(string message, string? code = null, string? category = null);

    /// <summary>Publishes a domain event by name; the host delivers it to waiting Event bookmarks and triggers.</summary>
    void PublishEvent(string eventName, string? correlationId, object? payload);
}

public enum BookmarkKind
{
    /// <summary>Waits for a named event (Elsa.Event).</summary>
    Event,

    /// <summary>Waits for a person to complete a task in their inbox.</summary>
    HumanTask,

    /// <summary>Waits until a time (Delay, Timer, Cron, StartAt).</summary>
    Time,

    /// <summary>Waits for a child workflow (ExecuteWorkflow, DispatchWorkflow); the name is the child's instance id.</summary>
    ChildWorkflow,

    /// <summary>Waits for an HTTP request to the region's workflow path (Elsa.HttpEndpoint); the name is the path.</summary>
    Http,
}

/// <summary>A wait an activity registers. <paramref name="Name"/> is the event name or task kind;
/// <paramref name="Payload"/> is JSON-shaped.</summary>
public sealed record BookmarkRequest(BookmarkKind Kind, string Name, DateTimeOffset? DueAt = null, object? Payload = null)
{
    public static BookmarkRequest ForEvent(string eventName) => new(BookmarkKind.Event, eventName);

    public static BookmarkRequest At(string name, DateTimeOffset dueAt) => new(BookmarkKind.Time, name, dueAt);

    public static BookmarkRequest ForHumanTask(string taskKind, object? payload, DateTimeOffset? dueAt = null) =>
        new(BookmarkKind.HumanTask, taskKind, dueAt, payload);
}

/// <summary>A bookmark being resumed, with the input it was resumed with.</summary>
public sealed record ResumedBookmark(string BookmarkId, BookmarkKind Kind, string Name, object? Input);

/// <summary>A trigger a published definition registers: something that starts a new instance.</summary>
public sealed record TriggerRequest(
    string ActivityId,
    BookmarkKind Kind,
    string Name,
    DateTimeOffset? DueAt = null,
    string? CronExpression = null,
    TimeSpan? Interval = null);

/// <summary>An activity as designed, seen at publish time: inputs are not evaluated, only constants can be read.</summary>
public interface IActivityDesign
{
    string ActivityId { get; }
    string? Name { get; }

    /// <summary>Reads an input whose expression is a constant (Literal or Object) and converts it; false otherwise.</summary>
    bool TryGetConstantInput<T>(string name, out T? value);

    /// <summary>The input's expression type (<c>Literal</c>, <c>JavaScript</c>...), or null when the input is absent.</summary>
    string? GetExpressionType(string name);

    System.Text.Json.Nodes.JsonNode? GetRawInput(string name);
}
