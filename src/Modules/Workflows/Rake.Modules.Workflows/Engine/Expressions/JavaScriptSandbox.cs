using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Rake.Modules.Workflows.Engine.Expressions;

/// <summary>Limits of the JavaScript sandbox; the defaults suit one-line conditions and small computations.</summary>
internal sealed record JavaScriptOptions
{
    public int MaxScriptLength { get; init; } = 16 * 1024;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long past <see cref="Timeout"/> the caller waits for the evaluation thread before it reports a timeout
    /// anyway: only a built-in that ignores Jint's constraints could need it (none is known, see docs/adr/0007).
    /// </summary>
    public TimeSpan HardTimeoutGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Jint's per-function call depth; far below what <see cref="StackSize"/> holds, so it fires first.</summary>
    public int RecursionDepthLimit { get; init; } = 200;

    /// <summary>Statements per evaluation: a deterministic bound next to the clock.</summary>
    public int MaxStatements { get; init; } = 10_000_000;

    /// <summary>Bytes an evaluation may allocate (Jint counts the evaluation thread's allocations).</summary>
    public long MaxMemoryBytes { get; init; } = 64L * 1024 * 1024;

    public uint MaxArraySize { get; init; } = 1_000_000;
    public int MaxJsonParseDepth { get; init; } = 64;
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(500);
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>The stack of each evaluation thread: generous, and bounded so Jint's stack probe has a known floor.</summary>
    public int StackSize { get; init; } = 4 * 1024 * 1024;
}

/// <summary>
/// What a script can reach: the helpers Elsa generates, backed by the running workflow. Values are JSON-shaped. The
/// members with a body are the Elsa workflow-context functions; a scope that has no such data keeps the defaults.
/// </summary>
internal interface IJavaScriptScope
{
    IEnumerable<string> VariableNames { get; }
    object? GetVariable(string name);
    void SetVariable(string name, object? value);
    object? GetInput(string name);
    object? CurrentValue { get; }
    string WorkflowInstanceId { get; }

    /// <summary>
    /// The workflow inputs the definition declares (<c>inputs[].name</c>): Elsa makes a <c>get&lt;Name&gt;()</c> for each.
    /// </summary>
    IEnumerable<string> InputNames => [];
    string WorkflowDefinitionId => "";
    string WorkflowDefinitionVersionId => "";
    int WorkflowDefinitionVersion => 0;
    string? CorrelationId { get => null; set { } }
    string? WorkflowInstanceName { get => null; set { } }

    /// <summary>An output of an activity that ran before in this instance (Elsa's getOutputFrom); null when unknown.</summary>
    object? GetOutputFrom(string activityIdOrName, string? outputName) => null;

    /// <summary>
    /// Named activities that produced outputs in this run, with their output names: Elsa makes a
    /// <c>get&lt;Output&gt;From&lt;ActivityName&gt;()</c> for each.
    /// </summary>
    IEnumerable<(string ActivityId, string ActivityName, string OutputName)> ActivityOutputs => [];

    /// <summary>The output of the activity that completed last (Elsa's getLastResult).</summary>
    object? LastResult => null;

    /// <summary>
    /// Receives what <c>setOutcome</c>/<c>setOutcomes</c> choose. Only RunJavaScript's script has it (Elsa installs the two
    /// functions in that activity alone); null everywhere else, so the functions are not defined there.
    /// </summary>
    Action<IReadOnlyList<string>>? OutcomeSink => null;

    /// <summary>
    /// Elsa's expression arguments (BulkDispatchWorkflows passes the current <c>Item</c> to its correlation id function):
    /// a script reads them as <c>args.item</c> (names camel-cased, as Elsa does) or <c>getItem()</c>; null when none.
    /// </summary>
    IReadOnlyDictionary<string, object?>? Arguments => null;
}

/// <summary>
/// Runs admin-written JavaScript with Jint (the engine Elsa uses), isolated from .NET: CLR interop off, no string
/// compilation (<c>eval</c>, <c>Function</c>), only JSON-shaped values crossing the boundary, and every resource bounded
/// by Jint's own constraints: time, statements, allocated memory, recursion depth, array size, JSON nesting,
/// regular-expression match time, and the native stack (Jint's stack probe turns any deep native recursion into a
/// RangeError). Evaluations run on dedicated threads with a known stack (<see cref="JavaScriptWorkers"/>), so a stack
/// overflow cannot reach the thread pool. Each worker thread keeps one hardened engine (<see cref="SandboxEngine"/>):
/// its built-ins are frozen and its globals are restored to a snapshot after every evaluation, so nothing one script
/// leaves reaches the next, and an engine whose evaluation failed is dropped. See docs/adr/0007 and 0061.
/// </summary>
internal sealed class JavaScriptSandbox(JavaScriptOptions options)
{
    /// <summary>Prepared scripts are kept (per text, at most this many): parsing and analysis cost more than running.</summary>
    private const int MaxCachedScripts = 2048;

    private static readonly ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> PreparedScripts = new(StringComparer.Ordinal);

    private static readonly ScriptPreparationOptions Preparation = new()
    {
        // Elsa's JavaScript accepts 'return false;' at top level.
        ParsingOptions = new ScriptParsingOptions { AllowReturnOutsideFunction = true, Tolerant = false },
    };

    public JavaScriptOptions Options => options;

    public object? Evaluate(string script, IJavaScriptScope scope)
    {
        if (script.Length > options.MaxScriptLength)
        {
            throw new ScriptRejectedException($"The script is {script.Length} characters long; the limit is {options.MaxScriptLength}.");
        }
        var prepared = Prepare(script);
        using var cancel = new CancellationTokenSource();
        var workers = JavaScriptWorkers.For(options.StackSize);
        if (!workers.TryRun(started => Run(prepared, scope, started, cancel.Token), options.Timeout + options.HardTimeoutGrace,
            out var outcome))
        {
            cancel.Cancel();
            throw Timeout();
        }
        return outcome.Failure is { } failure ? throw failure : outcome.Value;
    }

    private ScriptTimeoutException Timeout() => new($"The script did not finish within {options.Timeout.TotalSeconds:0.###} s.");

    /// <summary>A prepared script holds no engine state: it is shared by every worker's engine.</summary>
    private static Prepared<Acornima.Ast.Script> Prepare(string script)
    {
        if (PreparedScripts.TryGetValue(script, out var prepared))
        {
            return prepared;
        }
        try
        {
            prepared = Jint.Engine.PrepareScript(script, options: Preparation);
        }
        catch (ScriptPreparationException ex)
        {
            throw new ScriptErrorException($"JavaScript syntax error: {ex.InnerException?.Message ?? ex.Message}");
        }
        if (PreparedScripts.Count >= MaxCachedScripts)
        {
            PreparedScripts.Clear();
        }
        return PreparedScripts.GetOrAdd(script, prepared);
    }

    /// <summary>Runs on an evaluation thread; returns the outcome as a value or an exception to rethrow on the caller.</summary>
    private Outcome Run(Prepared<Acornima.Ast.Script> script, IJavaScriptScope scope, Action started, CancellationToken cancel)
    {
        SandboxEngine? engine = null;
        try
        {
            engine = SandboxEngine.ForCurrentThread(options);
            started();
            var converted = engine.Evaluate(script, scope, cancel);
            engine.Reset();
            if (converted is string s && s.Length > options.MaxStringLength)
            {
                return new Outcome(null,
                    new ScriptRejectedException($"The script's result is longer than {options.MaxStringLength} characters."));
            }
            return new Outcome(converted, null);
        }
        catch (Exception ex)
        {
            // A failed evaluation may have stopped anywhere (a stack probe, a memory limit): its engine is not reused.
            SandboxEngine.Discard(options, engine);
            return new Outcome(null, Translate(ex));
        }
    }

    /// <summary>
    /// Jint's exceptions are not kept as inner exceptions: they hold JavaScript values, and through them the engine and
    /// everything the script built (a 500 MB string), for as long as the fault is referenced.
    /// </summary>
    private Exception Translate(Exception ex) => ex switch
    {
        ScriptRejectedException or ScriptTimeoutException or ScriptErrorException => ex,
        System.Text.RegularExpressions.RegexMatchTimeoutException => Error("a regular expression took too long."),
        System.TimeoutException or ExecutionCanceledException or OperationCanceledException => Timeout(),
        StatementsCountOverflowException => Error($"the script ran more than {options.MaxStatements:N0} statements."),
        MemoryLimitExceededException => Error($"the script used more than {options.MaxMemoryBytes / (1024 * 1024)} MB of memory."),
        RecursionDepthOverflowException => Error("the recursion limit was exceeded."),
        JavaScriptException js => Error(js.Message),
        ParseErrorException => new ScriptErrorException($"JavaScript syntax error: {ex.Message}"),
        InsufficientExecutionStackException => Error("the script nests too deeply."),
        OutOfMemoryException => Error("the script ran out of memory."),
        _ => Error(ex.Message),
    };

    private static ScriptErrorException Error(string message) => new($"JavaScript error: {message}");

    internal readonly record struct Outcome(object? Value, Exception? Failure);
}

/// <summary>A script refused before it runs (too large) or whose result is too large to keep.</summary>
internal sealed class ScriptRejectedException(string message) : Exception(message);

/// <summary>A script stopped because it ran out of time.</summary>
internal sealed class ScriptTimeoutException(string message) : Exception(message);

/// <summary>A script that failed as JavaScript (syntax or runtime error, or one of the sandbox's limits).</summary>
internal sealed class ScriptErrorException(string message, Exception? inner = null) : Exception(message, inner);
