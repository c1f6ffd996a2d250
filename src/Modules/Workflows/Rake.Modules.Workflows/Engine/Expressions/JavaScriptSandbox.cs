using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Jurassic;
using Jurassic.Library;

namespace Rake.Modules.Workflows.Engine.Expressions;

/// <summary>Limits of the JavaScript sandbox; the defaults suit one-line conditions and small computations.</summary>
internal sealed record JavaScriptOptions
{
    public int MaxScriptLength { get; init; } = 16 * 1024;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long past <see cref="Timeout"/> the watchdog waits for a script stuck inside a built-in (a huge
    /// <c>sort</c>) before it gives up on the thread and reports a timeout anyway.
    /// </summary>
    public TimeSpan HardTimeoutGrace { get; init; } = TimeSpan.FromSeconds(1);
    public int RecursionDepthLimit { get; init; } = 200;
    public int MaxStringLength { get; init; } = 1_000_000;
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
/// Runs admin-written JavaScript with Jurassic, isolated from .NET:
/// a fresh engine per evaluation (no state between scripts), CLR types not exposed (Jurassic's default, asserted),
/// <c>eval</c> and the <c>Function</c> constructor removed (they would run code the instrumenter never saw), only
/// JSON-shaped values crossing the boundary, a size limit, loop/function instrumentation checked against a deadline,
/// and a watchdog thread that abandons a script which still does not return. Jurassic itself has no file, network or
/// timer APIs (no <c>require</c>, <c>fetch</c>, <c>setTimeout</c>), and CLR access is the only way out.
/// </summary>
internal sealed class JavaScriptSandbox(JavaScriptOptions options)
{
    private const string Prelude = """
        (function (global) {
            var lock = function (obj, name) { Object.defineProperty(obj, name, { value: undefined, writable: false, configurable: false }); };
            lock(Object.getPrototypeOf(function () {}), 'constructor');
            lock(global, 'eval');
            lock(global, 'Function');
        })(this);
        """;

    /// <summary>Compiled scripts are kept (per text, at most this many): Jurassic compiles to IL, which costs far more than running.</summary>
    private const int MaxCachedScripts = 2048;

    private static readonly Lazy<CompiledScript> CompiledPrelude = new(() => CompiledScript.Compile(new StringScriptSource(Prelude)));
    private static readonly ConcurrentDictionary<string, CompiledEval> CompiledScripts = new(StringComparer.Ordinal);

    public JavaScriptOptions Options => options;

    /// <summary>
    /// A compiled script holds no state of its own: every evaluation still runs it on a new engine, so nothing one
    /// script leaves in its globals reaches another evaluation, instance or region.
    /// </summary>
    private static CompiledEval Compile(string script)
    {
        if (CompiledScripts.TryGetValue(script, out var compiled))
        {
            return compiled;
        }
        compiled = CompiledEval.Compile(new StringScriptSource(script));
        if (CompiledScripts.Count >= MaxCachedScripts)
        {
            CompiledScripts.Clear();
        }
        return CompiledScripts.GetOrAdd(script, compiled);
    }

    public object? Evaluate(string script, IJavaScriptScope scope)
    {
        if (script.Length > options.MaxScriptLength)
        {
            throw new ScriptRejectedException($"The script is {script.Length} characters long; the limit is {options.MaxScriptLength}.");
        }
        var (instrumented, hasTopLevelReturn) = JavaScriptInstrumenter.Instrument(script);
        if (hasTopLevelReturn)
        {
            // Elsa's JavaScript accepts 'return false;' at top level; a function wrapper gives it the same meaning.
            instrumented = "(function () {\n" + instrumented + "\n})()";
        }

        object? result = null;
        Exception? failure = null;
        var stopwatch = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                result = Run(instrumented, scope, stopwatch);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, maxStackSize: 16 * 1024 * 1024)
        {
            IsBackground = true,
            Name = "rake-javascript",
        };
        thread.Start();
        if (!thread.Join(options.Timeout + options.HardTimeoutGrace))
        {
            // The thread cannot be aborted on .NET; it is a background thread and its next tick throws.
            throw new ScriptTimeoutException($"The script did not finish within {options.Timeout.TotalSeconds:0.###} s.");
        }
        return failure switch
        {
            null => result,
            ScriptTimeoutException or ScriptRejectedException => throw failure,
            JavaScriptException js => throw new ScriptErrorException($"JavaScript error: {js.Message}", js),
            StackOverflowException or InvalidOperationException when failure.Message.Contains("recursion", StringComparison.OrdinalIgnoreCase) =>
                throw new ScriptErrorException("JavaScript error: the recursion limit was exceeded.", failure),
            _ => throw new ScriptErrorException($"JavaScript error: {failure.Message}", failure),
        };
    }

    private object? Run(string script, IJavaScriptScope scope, Stopwatch stopwatch)
    {
        var engine = new ScriptEngine
        {
            EnableExposedClrTypes = false,
            RecursionDepthLimit = options.RecursionDepthLimit,
        };
        var timeout = options.Timeout;
        engine.SetGlobalFunction(JavaScriptInstrumenter.TickFunction, new Func<bool>(() =>
        {
            if (stopwatch.Elapsed > timeout)
            {
                // A .NET exception, not a JavaScriptException: script try/catch cannot swallow it.
                throw new ScriptTimeoutException($"The script did not finish within {timeout.TotalSeconds:0.###} s.");
            }
            return true;
        }));
        CompiledPrelude.Value.Execute(engine);
        LockGlobal(engine, JavaScriptInstrumenter.TickFunction);

        engine.SetGlobalFunction("getVariable", new Func<string, object>(name => ToJs(engine, scope.GetVariable(name))));
        engine.SetGlobalFunction("setVariable", new Action<string, object>((name, value) => scope.SetVariable(name, FromJs(engine, value))));
        engine.SetGlobalFunction("getInput", new Func<string, object>(name => ToJs(engine, scope.GetInput(name))));
        engine.SetGlobalFunction("getCurrentValue", new Func<object>(() => ToJs(engine, scope.CurrentValue)));
        engine.SetGlobalFunction("getWorkflowInstanceId", new Func<string>(() => scope.WorkflowInstanceId));
        foreach (var name in scope.VariableNames.Where(IsIdentifier))
        {
            // Elsa generates get<Name>()/set<Name>(value) for every workflow variable.
            var variable = name;
            var pascal = char.ToUpperInvariant(variable[0]) + variable[1..];
            engine.SetGlobalFunction("get" + pascal, new Func<object>(() => ToJs(engine, scope.GetVariable(variable))));
            engine.SetGlobalFunction("set" + pascal, new Action<object>(value => scope.SetVariable(variable, FromJs(engine, value))));
        }

        var value = Compile(script).Evaluate(engine);
        var converted = FromJs(engine, value);
        if (converted is string s && s.Length > options.MaxStringLength)
        {
            throw new ScriptRejectedException($"The script's result is longer than {options.MaxStringLength} characters.");
        }
        return converted;
    }

    private static void LockGlobal(ScriptEngine engine, string name)
    {
        var global = engine.Global;
        var value = global.GetPropertyValue(name);
        global.DefineProperty(name, new PropertyDescriptor(value, PropertyAttributes.Sealed), throwOnError: true);
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
        && !name.StartsWith(JavaScriptInstrumenter.ReservedPrefix, StringComparison.Ordinal);

    /// <summary>JSON-shaped .NET value to JavaScript: scalars directly, structures through JSON.parse, never a CLR object.</summary>
    private static object ToJs(ScriptEngine engine, object? value) => value switch
    {
        null => Null.Value,
        string s => (object)s,
        bool b => (object)b,
        // JavaScript numbers are doubles; Jurassic's delegate bridge does not widen a boxed int.
        int n => (object)(double)n,
        long n => (object)(double)n,
        double d => (object)d,
        decimal m => (object)(double)m,
        JsonValue v => ToJs(engine, v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            System.Text.Json.JsonValueKind.Number => v.GetValue<double>(),
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            _ => null,
        }),
        JsonNode n => JSONObject.Parse(engine, n.ToJsonString()),
        _ => JSONObject.Parse(engine, System.Text.Json.JsonSerializer.Serialize(ValueConverter.ToStateValue(value))),
    };

    /// <summary>JavaScript value to a JSON-shaped .NET value.</summary>
    private static object? FromJs(ScriptEngine engine, object? value) => value switch
    {
        // Every arm is typed object: JsonNode converts implicitly from scalars and would otherwise become the result type.
        null or Undefined or Null => (object?)null,
        string s => (object)s,
        ConcatenatedString cs => (object)cs.ToString(),
        bool b => (object)b,
        int n => (object)n,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (object)(int)d,
        double d => (object)d,
        FunctionInstance => null,
        ObjectInstance o => JsonNode.Parse(JSONObject.Stringify(engine, o) as string ?? "null"),
        _ => (object)value.ToString()!,
    };
}
