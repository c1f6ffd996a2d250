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

/// <summary>What a script can reach: the helpers Elsa generates, backed by the running workflow. Values are JSON-shaped.</summary>
internal interface IJavaScriptScope
{
    IEnumerable<string> VariableNames { get; }
    object? GetVariable(string name);
    void SetVariable(string name, object? value);
    object? GetInput(string name);
    object? CurrentValue { get; }
    string WorkflowInstanceId { get; }
}

/// <summary>
/// Runs admin-written JavaScript with Jint (the engine Elsa uses), isolated from .NET: a fresh engine per evaluation
/// (no state between scripts), CLR interop off, no string compilation (<c>eval</c>, <c>Function</c>), only JSON-shaped
/// values crossing the boundary, and every resource bounded by Jint's own constraints: time, statements, allocated
/// memory, recursion depth, array size, JSON nesting, regular-expression match time, and the native stack (Jint's stack
/// probe turns any deep native recursion into a RangeError). Evaluations run on dedicated threads with a known stack
/// (<see cref="JavaScriptWorkers"/>), so a stack overflow cannot reach the thread pool. See docs/adr/0007.
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
        using var cancel = new CancellationTokenSource(options.Timeout);
        if (!JavaScriptWorkers.For(options.StackSize).TryRun(() => Run(prepared, scope, cancel.Token), options.Timeout + options.HardTimeoutGrace, out var outcome))
        {
            cancel.Cancel();
            throw Timeout();
        }
        return outcome.Failure is { } failure ? throw failure : outcome.Value;
    }

    private ScriptTimeoutException Timeout() => new($"The script did not finish within {options.Timeout.TotalSeconds:0.###} s.");

    /// <summary>A prepared script holds no engine state: every evaluation still runs it on a new engine.</summary>
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
    private Outcome Run(Prepared<Acornima.Ast.Script> script, IJavaScriptScope scope, CancellationToken cancel)
    {
        try
        {
            var engine = new Jint.Engine(o =>
            {
                o.Strict(false);
                o.DisableStringCompilation();
                o.Interop.Enabled = false;
                o.TimeoutInterval(options.Timeout);
                // The token is not rewound per entry into the engine, so it also bounds promise jobs run after the script.
                o.CancellationToken(cancel);
                o.MaxStatements(options.MaxStatements);
                o.LimitMemory(options.MaxMemoryBytes);
                o.LimitRecursion(options.RecursionDepthLimit);
                o.MaxArraySize(options.MaxArraySize);
                o.RegexTimeoutInterval(options.RegexTimeout);
                o.Constraints.StackOverflowGuard = true;
                o.Constraints.PromiseTimeout = options.Timeout;
                o.Json.MaxParseDepth = options.MaxJsonParseDepth;
            });
            Harden(engine);
            DefineHelpers(engine, scope);
            var value = engine.Evaluate(script);
            var converted = FromJs(engine, value);
            if (converted is string s && s.Length > options.MaxStringLength)
            {
                return new Outcome(null, new ScriptRejectedException($"The script's result is longer than {options.MaxStringLength} characters."));
            }
            return new Outcome(converted, null);
        }
        catch (Exception ex)
        {
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

    /// <summary>
    /// Built-ins that allocate their whole result in one call, before any constraint is checked again: binary data is
    /// not for workflow expressions and is removed; repeat and padding refuse a result over the string limit.
    /// </summary>
    private void Harden(Jint.Engine engine)
    {
        string[] removed =
        [
            "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "WeakRef", "FinalizationRegistry",
            "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
            "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
        ];
        foreach (var name in removed)
        {
            engine.Global.Delete(name);
        }
        var stringPrototype = engine.Global.Get("String").AsObject().Get("prototype").AsObject();
        var rangeError = (Jint.Native.Error.ErrorConstructor)engine.Global.Get("RangeError");
        var maxLength = options.MaxStringLength;
        void Guard(string name, Func<JsValue, JsValue[], double> resultLength)
        {
            var original = stringPrototype.Get(name);
            if (original is not Function function)
            {
                return;
            }
            stringPrototype.DefineOwnProperty(name, new Jint.Runtime.Descriptors.PropertyDescriptor(new ClrFunction(engine, name, (self, args) =>
            {
                if (resultLength(self, args) > maxLength)
                {
                    throw new JavaScriptException(rangeError, $"Invalid string length (the limit is {maxLength} characters)");
                }
                return engine.Call(function, self, args);
            }, 1), writable: true, enumerable: false, configurable: true));
        }
        static double Number(JsValue[] args) => args.Length > 0 ? TypeConverter.ToNumber(args[0]) : 0;
        static double Length(JsValue self) => self.IsString() ? self.AsString().Length : 1;
        Guard("repeat", (self, args) => Length(self) * Number(args));
        Guard("padStart", (_, args) => Number(args));
        Guard("padEnd", (_, args) => Number(args));
    }

    private static void DefineHelpers(Jint.Engine engine, IJavaScriptScope scope)
    {
        void Define(string name, Func<JsValue[], JsValue> body) =>
            engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(args)));
        static string Arg(JsValue[] args, int i) => i < args.Length ? TypeConverter.ToString(args[i]) : "";

        Define("getVariable", args => ToJs(engine, scope.GetVariable(Arg(args, 0))));
        Define("setVariable", args =>
        {
            scope.SetVariable(Arg(args, 0), FromJs(engine, args.Length > 1 ? args[1] : JsValue.Undefined));
            return JsValue.Undefined;
        });
        Define("getInput", args => ToJs(engine, scope.GetInput(Arg(args, 0))));
        Define("getCurrentValue", _ => ToJs(engine, scope.CurrentValue));
        Define("getWorkflowInstanceId", _ => scope.WorkflowInstanceId);
        foreach (var name in scope.VariableNames.Where(IsIdentifier))
        {
            // Elsa generates get<Name>()/set<Name>(value) for every workflow variable.
            var variable = name;
            var pascal = char.ToUpperInvariant(variable[0]) + variable[1..];
            Define("get" + pascal, _ => ToJs(engine, scope.GetVariable(variable)));
            Define("set" + pascal, args =>
            {
                scope.SetVariable(variable, FromJs(engine, args.Length > 0 ? args[0] : JsValue.Undefined));
                return JsValue.Undefined;
            });
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>JSON-shaped .NET value to JavaScript: scalars directly, structures through JSON.parse, never a CLR object.</summary>
    private static JsValue ToJs(Jint.Engine engine, object? value) => value switch
    {
        null => JsValue.Null,
        string s => s,
        bool b => b ? JsBoolean.True : JsBoolean.False,
        int n => n,
        long n => n,
        double d => d,
        decimal m => (double)m,
        JsonValue v => ToJs(engine, v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            System.Text.Json.JsonValueKind.Number => v.GetValue<double>(),
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            _ => null,
        }),
        JsonNode n => new JsonParser(engine).Parse(n.ToJsonString()),
        _ => new JsonParser(engine).Parse(System.Text.Json.JsonSerializer.Serialize(ValueConverter.ToStateValue(value))),
    };

    /// <summary>JavaScript value to a JSON-shaped .NET value.</summary>
    private static object? FromJs(Jint.Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull() || value is Function)
        {
            return null;
        }
        if (value.IsString())
        {
            return value.AsString();
        }
        if (value.IsBoolean())
        {
            return value.AsBoolean();
        }
        if (value.IsNumber())
        {
            var d = value.AsNumber();
            return d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (object)(int)d : d;
        }
        if (value.IsObject())
        {
            // Serialised inside the engine, so a hostile toJSON or getter stays under the same constraints.
            var json = new JsonSerializer(engine).Serialize(value);
            return json.IsString() ? JsonNode.Parse(json.AsString()) : null;
        }
        return TypeConverter.ToString(value);
    }

    internal readonly record struct Outcome(object? Value, Exception? Failure);
}

/// <summary>A script refused before it runs (too large) or whose result is too large to keep.</summary>
internal sealed class ScriptRejectedException(string message) : Exception(message);

/// <summary>A script stopped because it ran out of time.</summary>
internal sealed class ScriptTimeoutException(string message) : Exception(message);

/// <summary>A script that failed as JavaScript (syntax or runtime error, or one of the sandbox's limits).</summary>
internal sealed class ScriptErrorException(string message, Exception? inner = null) : Exception(message, inner);
