using System.Text.Json.Nodes;
using Jint;
using Jint.Constraints;
using Jint.Native;
using Jint.Native.Error;
using Jint.Native.Function;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Rake.Modules.Workflows.Engine.Expressions;

/// <summary>
/// One hardened Jint engine, kept by one evaluation thread and reused for its evaluations (docs/adr/0061). Built once:
/// the dangerous built-ins removed, the Elsa helpers installed (they read the scope of the evaluation in progress),
/// every built-in object and prototype frozen, then the global object captured. Per evaluation: the deadline is armed
/// for the whole evaluation (promise jobs included), the scope's own accessors are added, and afterwards the global
/// object is restored to the capture, which removes whatever the script declared or assigned. Frozen built-ins are
/// what makes that restore a boundary: the snapshot alone does not undo <c>Object.prototype.x = 1</c>.
/// </summary>
internal sealed class SandboxEngine
{
    /// <summary>An engine is rebuilt after this many evaluations, so caches nothing can see never grow without bound.</summary>
    private const int EvaluationsPerEngine = 10_000;

    [ThreadStatic]
    private static Dictionary<JavaScriptOptions, SandboxEngine>? engines;

    private readonly JavaScriptOptions options;
    private readonly Jint.Engine engine;
    private readonly OperationDeadlineConstraint deadline = new();
    private readonly GlobalSnapshot snapshot;
    private readonly HashSet<string> fixedGlobals;
    private IJavaScriptScope? scope;
    private ObjectInstance? variablesObject;
    private Dictionary<string, JsValue>? variablesRead;
    private int evaluations;
    private static int built;

    private SandboxEngine(JavaScriptOptions options)
    {
        this.options = options;
        engine = new Jint.Engine(o =>
        {
            o.Strict(false);
            o.DisableStringCompilation();
            o.Interop.Enabled = false;
            // One budget for the whole evaluation, promise jobs after the script included; armed per evaluation.
            o.Constraint(deadline);
            o.MaxStatements(options.MaxStatements);
            o.LimitMemory(options.MaxMemoryBytes);
            o.LimitRecursion(options.RecursionDepthLimit);
            o.MaxArraySize(options.MaxArraySize);
            o.RegexTimeoutInterval(options.RegexTimeout);
            o.Constraints.StackOverflowGuard = true;
            o.Constraints.PromiseTimeout = options.Timeout;
            o.Json.MaxParseDepth = options.MaxJsonParseDepth;
        });
        Harden();
        ElsaFunctions.Install(engine, this);
        Freeze();
        fixedGlobals = engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        snapshot = engine.Advanced.CaptureGlobalSnapshot();
        Interlocked.Increment(ref built);
    }

    /// <summary>Engines built so far in this process (a test checks that evaluations reuse them).</summary>
    public static int Built => Volatile.Read(ref built);

    public JavaScriptOptions Options => options;

    /// <summary>The scope of the evaluation in progress; helpers called outside one (never from a script) fail.</summary>
    public IJavaScriptScope Scope => scope ?? throw new InvalidOperationException("No JavaScript evaluation is in progress.");

    public Jint.Engine Engine => engine;

    public static SandboxEngine ForCurrentThread(JavaScriptOptions options)
    {
        engines ??= [];
        if (!engines.TryGetValue(options, out var found))
        {
            found = new SandboxEngine(options);
            engines[options] = found;
        }
        return found;
    }

    /// <summary>Drops this thread's engine for <paramref name="options"/>: the next evaluation builds a fresh one.</summary>
    public static void Discard(JavaScriptOptions options, SandboxEngine? engine)
    {
        if (engines is not null && engine is not null && engines.TryGetValue(options, out var found) && ReferenceEquals(found, engine))
        {
            engines.Remove(options);
        }
    }

    /// <summary>Runs <paramref name="script"/> for <paramref name="evaluationScope"/>; throws what Jint throws.</summary>
    public object? Evaluate(Prepared<Acornima.Ast.Script> script, IJavaScriptScope evaluationScope, CancellationToken cancel)
    {
        scope = evaluationScope;
        deadline.Begin(options.Timeout, cancel);
        try
        {
            DefineScopeAccessors(evaluationScope);
            var value = engine.Evaluate(script);
            var result = FromJs(engine, value);
            WriteBackVariables();
            return result;
        }
        finally
        {
            deadline.End();
            scope = null;
            variablesObject = null;
            variablesRead = null;
        }
    }

    /// <summary>
    /// Returns the globals to the capture; called after a successful evaluation only: a failed one discards the engine
    /// instead (<see cref="JavaScriptSandbox"/>), so a restore never runs over a half-unwound evaluation.
    /// </summary>
    public void Reset()
    {
        engine.Advanced.RestoreGlobalSnapshot(snapshot);
        if (++evaluations >= EvaluationsPerEngine)
        {
            Discard(options, this);
        }
    }

    /// <summary>
    /// Built-ins that allocate their whole result in one call, before any constraint is checked again: binary data is
    /// not for workflow expressions and is removed; repeat and padding refuse a result over the string limit.
    /// </summary>
    private void Harden()
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
        var maxLength = options.MaxStringLength;
        void Guard(string name, Func<JsValue, JsValue[], double> resultLength)
        {
            var original = stringPrototype.Get(name);
            if (original is not Function function)
            {
                return;
            }
            stringPrototype.DefineOwnProperty(name, new PropertyDescriptor(new ClrFunction(engine, name, (self, args) =>
            {
                if (resultLength(self, args) > maxLength)
                {
                    throw RangeError($"Invalid string length (the limit is {maxLength} characters)");
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

    public JavaScriptException RangeError(string message) => new((ErrorConstructor)engine.Global.Get("RangeError"), message);

    /// <summary>A helper's string result, refused (as a RangeError) over the string limit like repeat and padding.</summary>
    public JsValue LimitString(string text) =>
        text.Length > options.MaxStringLength
            ? throw RangeError($"Invalid string length (the limit is {options.MaxStringLength} characters)")
            : text;

    /// <summary>Bytes as a JavaScript array of numbers, within the array limit.</summary>
    public JsValue ByteArray(byte[] bytes)
    {
        if (bytes.Length > options.MaxArraySize)
        {
            throw RangeError($"Invalid array length (the limit is {options.MaxArraySize} elements)");
        }
        var items = new JsValue[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            items[i] = (int)bytes[i];
        }
        return new JsArray(engine, items);
    }

    public JavaScriptException TypeError(string message) => new((ErrorConstructor)engine.Global.Get("TypeError"), message);

    /// <summary>
    /// Elsa's per-scope globals: <c>get&lt;Name&gt;</c>/<c>set&lt;Name&gt;</c> per variable, <c>get&lt;Input&gt;</c> per
    /// declared workflow input, and the <c>variables</c> object. Each is built only if the script reads it; the restore
    /// after the evaluation removes them all.
    /// </summary>
    private void DefineScopeAccessors(IJavaScriptScope evaluationScope)
    {
        foreach (var name in evaluationScope.VariableNames)
        {
            if (!ElsaFunctions.IsAccessorName(name))
            {
                continue;
            }
            var pascal = ElsaFunctions.Pascalize(name);
            AddLazy("get" + pascal, name, static (self, variable) => self.Function("get", _ => self.ReadVariable(variable)));
            AddLazy("set" + pascal, name, static (self, variable) => self.Function("set", args =>
            {
                self.WriteVariable(variable, args.Length > 0 ? args[0] : JsValue.Undefined);
                return JsValue.Undefined;
            }));
        }
        foreach (var name in evaluationScope.InputNames)
        {
            if (ElsaFunctions.IsAccessorName(name))
            {
                // Elsa names the input accessor after the input as declared, without changing its case.
                AddLazy("get" + name, name,
                    static (self, input) => self.Function("get", _ => ToJs(self.engine, self.Scope.GetInput(input))));
            }
        }
        foreach (var (activityId, activityName, outputName) in evaluationScope.ActivityOutputs)
        {
            if (ElsaFunctions.IsAccessorName(activityName) && ElsaFunctions.IsAccessorName(outputName))
            {
                var accessor = "get" + ElsaFunctions.Pascalize(outputName) + "From" + ElsaFunctions.Pascalize(activityName);
                AddLazy(accessor, activityId + "\n" + outputName, static (self, key) => self.Function("get", _ =>
                {
                    var parts = key.Split('\n');
                    return ToJs(self.engine, self.Scope.GetOutputFrom(parts[0], parts[1]));
                }));
            }
        }
        AddLazy("variables", "", static (self, _) => self.CreateVariablesObject());
        if (evaluationScope.OutcomeSink is not null)
        {
            AddLazy("setOutcome", "", static (self, _) => self.Function("setOutcome", args =>
            {
                self.Scope.OutcomeSink?.Invoke([self.OutcomeName(args.Length > 0 ? args[0] : JsValue.Undefined, "setOutcome")]);
                return JsValue.Undefined;
            }));
            AddLazy("setOutcomes", "", static (self, _) => self.Function("setOutcomes", args =>
            {
                self.Scope.OutcomeSink?.Invoke(self.OutcomeNames(args.Length > 0 ? args[0] : JsValue.Undefined));
                return JsValue.Undefined;
            }));
        }
        if (evaluationScope.Arguments is { } arguments)
        {
            AddLazy("args", "", static (self, _) =>
            {
                var target = new JsObject(self.engine);
                foreach (var (name, value) in self.Scope.Arguments ?? new Dictionary<string, object?>())
                {
                    target.Set(char.ToLowerInvariant(name[0]) + name[1..], ToJs(self.engine, value));
                }
                return target;
            });
            foreach (var name in arguments.Keys.Where(ElsaFunctions.IsAccessorName))
            {
                AddLazy("get" + ElsaFunctions.Pascalize(name), name,
                    static (self, argument) => self.Function("get",
                        _ => ToJs(self.engine, self.Scope.Arguments?.GetValueOrDefault(argument))));
            }
        }
    }

    /// <summary>The most outcomes one script may choose, and the longest name: far beyond any port list a designer draws.</summary>
    internal const int MaxOutcomes = 100;

    internal const int MaxOutcomeLength = 256;

    /// <summary>An outcome name as Elsa's string binding reads it; null, undefined and over-long names are refused.</summary>
    private string OutcomeName(JsValue value, string function)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            throw TypeError($"{function} expects the name of an outcome, e.g. {function}('Approved').");
        }
        var name = TypeConverter.ToString(value);
        return name.Length > MaxOutcomeLength
            ? throw RangeError($"An outcome name may be at most {MaxOutcomeLength} characters long.")
            : name;
    }

    /// <summary>setOutcomes' argument: an array of names (Elsa binds a string[]); anything else is a TypeError.</summary>
    private List<string> OutcomeNames(JsValue value)
    {
        if (!value.IsArray())
        {
            throw TypeError("setOutcomes expects an array of outcome names, e.g. setOutcomes(['Approved', 'Notify']).");
        }
        var array = value.AsArray();
        var length = array.Length;
        if (length > MaxOutcomes)
        {
            throw RangeError($"setOutcomes accepts at most {MaxOutcomes} outcomes.");
        }
        var names = new List<string>((int)length);
        for (uint i = 0; i < length; i++)
        {
            names.Add(OutcomeName(array.Get(i), "setOutcomes"));
        }
        return names;
    }

    private void AddLazy(string name, string argument, Func<SandboxEngine, string, JsValue> factory)
    {
        // A name the sandbox already defines (a variable called "Variable") keeps the built-in helper, as a fixed global.
        if (fixedGlobals.Contains(name) || engine.Global.HasOwnProperty(name))
        {
            return;
        }
        engine.Advanced.AddLazyGlobal(name, (Self: this, Argument: argument, Factory: factory),
            static (_, state) => state.Factory(state.Self, state.Argument), PropertyFlag.NonEnumerable);
    }

    private ClrFunction Function(string name, Func<JsValue[], JsValue> body) => new(engine, name, (_, args) => body(args));

    public JsValue ReadVariable(string name)
    {
        if (variablesRead is not null && variablesRead.TryGetValue(name, out var seen))
        {
            return seen;
        }
        return ToJs(engine, Scope.GetVariable(name));
    }

    public void WriteVariable(string name, JsValue value)
    {
        variablesRead?.Remove(name);
        Scope.SetVariable(name, FromJs(engine, value));
    }

    /// <summary>
    /// Elsa's <c>variables</c> object: <c>variables.Name</c> reads and assigns a workflow variable. An object read
    /// through it is the same object on every read, and is written back after the script, so
    /// <c>variables.list.push(1)</c> persists as it does in Elsa; a property the script adds becomes a variable.
    /// </summary>
    private JsValue CreateVariablesObject()
    {
        var target = new JsObject(engine);
        variablesRead = new Dictionary<string, JsValue>(StringComparer.Ordinal);
        foreach (var name in Scope.VariableNames)
        {
            var variable = name;
            var getter = new ClrFunction(engine, "get " + variable, (_, _) =>
            {
                var value = ReadVariable(variable);
                if (value.IsObject())
                {
                    variablesRead![variable] = value;
                }
                return value;
            });
            var setter = new ClrFunction(engine, "set " + variable, (_, args) =>
            {
                var value = args.Length > 0 ? args[0] : JsValue.Undefined;
                WriteVariable(variable, value);
                if (value.IsObject())
                {
                    variablesRead![variable] = value;
                }
                return JsValue.Undefined;
            });
            target.DefineOwnProperty(variable, new GetSetPropertyDescriptor(getter, setter, enumerable: true, configurable: true));
        }
        variablesObject = target;
        return target;
    }

    private void WriteBackVariables()
    {
        if (variablesObject is null)
        {
            return;
        }
        foreach (var (name, value) in variablesRead!)
        {
            Scope.SetVariable(name, FromJs(engine, value));
        }
        foreach (var (key, descriptor) in variablesObject.GetOwnProperties())
        {
            if (descriptor.IsDataDescriptor() && key.IsString())
            {
                Scope.SetVariable(key.ToString(), FromJs(engine, descriptor.Value));
            }
        }
    }

    /// <summary>JSON-shaped .NET value to JavaScript: scalars directly, structures through JSON.parse, never a CLR object.</summary>
    public static JsValue ToJs(Jint.Engine engine, object? value) => value switch
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
            // A JsonValue made from an int (a restored state value) cannot be read as a double directly.
            System.Text.Json.JsonValueKind.Number => v.TryGetValue<double>(out var d) ? d
                : double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            _ => null,
        }),
        JsonNode n => new JsonParser(engine).Parse(n.ToJsonString()),
        _ => new JsonParser(engine).Parse(System.Text.Json.JsonSerializer.Serialize(ValueConverter.ToStateValue(value))),
    };

    /// <summary>JavaScript value to a JSON-shaped .NET value.</summary>
    public static object? FromJs(Jint.Engine engine, JsValue value)
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

    /// <summary>
    /// Freezes every built-in object a script can reach: the globals' values, their prototypes and accessors, and the
    /// intrinsics reachable only through an instance (iterator, generator and async prototypes), which
    /// <see cref="ProbesScript"/> creates. The global object itself stays open (top-level declarations live there) and
    /// is restored after each evaluation instead. The walk is done here rather than in script: interpreted, it took
    /// seconds on a loaded machine.
    /// </summary>
    private void Freeze()
    {
        engine.Execute(Prepared(OverridableScript));
        var queue = new Stack<JsValue>();
        queue.Push(engine.Global);
        var probes = engine.Evaluate(Prepared(ProbesScript)).AsObject();
        var count = (int)TypeConverter.ToNumber(probes.Get("length"));
        for (var i = 0; i < count; i++)
        {
            queue.Push(probes.Get(i));
        }
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        while (queue.TryPop(out var value))
        {
            if (value is not ObjectInstance target || !seen.Add(target))
            {
                continue;
            }
            queue.Push(target.Prototype ?? JsValue.Null);
            foreach (var (_, descriptor) in target.GetOwnProperties().ToList())
            {
                queue.Push(descriptor.Get ?? JsValue.Undefined);
                queue.Push(descriptor.Set ?? JsValue.Undefined);
                if (descriptor.IsDataDescriptor())
                {
                    queue.Push(descriptor.Value ?? JsValue.Undefined);
                }
            }
        }
        var freeze = engine.Global.Get("Object").AsObject().Get("freeze");
        foreach (var target in seen.Where(o => !ReferenceEquals(o, engine.Global)))
        {
            engine.Call(freeze, JsValue.Undefined, [target]);
        }
    }

    private static readonly Dictionary<string, Prepared<Acornima.Ast.Script>> HostScripts = [];

    private static Prepared<Acornima.Ast.Script> Prepared(string script)
    {
        lock (HostScripts)
        {
            if (!HostScripts.TryGetValue(script, out var prepared))
            {
                prepared = Jint.Engine.PrepareScript(script);
                HostScripts[script] = prepared;
            }
            return prepared;
        }
    }

    /// <summary>
    /// A frozen data property cannot be shadowed by assignment on an object that inherits it (the "override mistake"),
    /// so the properties scripts commonly assign on their own objects (an error's name and message, toString, valueOf)
    /// become accessors whose setter defines the property on the receiver, as SES does.
    /// </summary>
    private const string OverridableScript = """
        (function () {
          'use strict';
          const getOwn = Object.getOwnPropertyDescriptor, define = Object.defineProperty;
          function overridable(target, key) {
            const d = getOwn(target, key);
            if (d === undefined || !('value' in d)) return;
            const value = d.value;
            define(target, key, {
              configurable: false, enumerable: d.enumerable,
              get: function () { return value; },
              set: function (v) {
                if (this === target) throw new TypeError('Cannot assign to the built-in property ' + String(key));
                if (Object(this) !== this) return;
                define(this, key, { value: v, writable: true, enumerable: true, configurable: true });
              },
            });
          }
          for (const key of ['toString', 'valueOf', 'toLocaleString', 'constructor']) overridable(Object.prototype, key);
          for (const E of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError]) {
            for (const key of ['name', 'message', 'constructor']) overridable(E.prototype, key);
          }
        })();
        """;

    /// <summary>Instances whose prototypes are intrinsics no global names.</summary>
    private const string ProbesScript = """
        (function () {
          const probes = [[][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](),
            ''[Symbol.iterator](), /a/[Symbol.matchAll]('a'), function* () {}, (function* () {})(), async function () {},
            async function* () {}, (async function* () {})(), Promise.resolve(), (function () { return arguments; })()];
          try { probes.push([].values().map(function (x) { return x; })); } catch (e) { }
          try { probes.push(Iterator.from({ next: function () { return { done: true }; } })); } catch (e) { }
          try { const s = new Intl.Segmenter().segment(''); probes.push(s, s[Symbol.iterator]()); } catch (e) { }
          return probes;
        })()
        """;
}
