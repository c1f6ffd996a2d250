using System.Diagnostics;
using Rake.Modules.Workflows.Engine.Expressions;

namespace Rake.Modules.Workflows.Tests;

public sealed class JavaScriptSandboxTests
{
    internal sealed class Scope : IJavaScriptScope
    {
        public Dictionary<string, object?> Variables { get; } = new() { ["Counter"] = 1 };
        public IEnumerable<string> VariableNames => Variables.Keys;
        public object? GetVariable(string name) => Variables.GetValueOrDefault(name);
        public void SetVariable(string name, object? value) => Variables[name] = value;
        public object? GetInput(string name) => name == "Applicant" ? new System.Text.Json.Nodes.JsonObject { ["name"] = "Aino" } : null;
        public object? CurrentValue => "Apple";
        public string WorkflowInstanceId => "instance-1";
    }

    // Behaviour is checked under the production limits: a short deadline would make a cold first evaluation on a busy
    // two-core machine look like a timeout. Only the endless scripts use the short deadline.
    internal static readonly JavaScriptSandbox Sandbox = new(new JavaScriptOptions());
    internal static readonly JavaScriptSandbox ShortDeadline = new(new JavaScriptOptions { Timeout = TimeSpan.FromMilliseconds(300) });

    private static object? Run(string script, Scope? scope = null) => Sandbox.Evaluate(script, scope ?? new Scope());

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("for (;;) {}")]
    [InlineData("do { } while (true)")]
    [InlineData("var a = [1]; for (var x of a) { a.push(x); }")]
    [InlineData("function f(n) { return f(n - 1) + f(n - 1); } f(100)")]
    [InlineData("try { while (true) {} } catch (e) { 'swallowed' }")]
    [InlineData("try { while (true) {} } finally { while (true) {} }")]
    public void An_endless_script_is_stopped(string script)
    {
        var started = Stopwatch.StartNew();
        var ex = Assert.ThrowsAny<Exception>(() => ShortDeadline.Evaluate(script, new Scope()));
        Assert.True(ex is ScriptTimeoutException or ScriptErrorException, ex.GetType().Name + ": " + ex.Message);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed}");
    }

    [Theory]
    [InlineData("typeof System")]
    [InlineData("typeof importNamespace")]
    [InlineData("typeof require")]
    [InlineData("typeof process")]
    [InlineData("typeof host")]
    [InlineData("typeof clr")]
    [InlineData("typeof getVariable.constructor.prototype.GetType")]
    public void Clr_and_host_are_not_reachable(string script) => Assert.Equal("undefined", Run(script));

    [Theory]
    [InlineData("eval('1 + 1')")]
    [InlineData("(0, eval)('1 + 1')")]
    [InlineData("Function('return 1')()")]
    [InlineData("new Function('return 1')()")]
    [InlineData("Object.getPrototypeOf(function(){}).constructor('return 1')()")]
    [InlineData("(async function () {}).constructor('return 1')")]
    [InlineData("(function* () {}).constructor('yield 1')")]
    [InlineData("setTimeout('1', 0)")]
    public void Code_built_at_run_time_cannot_run(string script) =>
        Assert.Throws<ScriptErrorException>(() => Run(script));

    /// <summary>
    /// Jurassic needed a hand-written instrumenter, and these scripts were written to hide a loop from it or to reach
    /// its tick function. With Jint the constraints live inside the interpreter, so each one is simply stopped.
    /// </summary>
    [Theory]
    [InlineData("var __rake_tick = function () { return true; }; while (__rake_tick()) {}")]
    [InlineData("if (1) /'/; while (true) {}")]
    [InlineData("var s = '\\u0027'; while (true) {}")]
    [InlineData("for (var k in {a: 1}) while (true) k;")]
    [InlineData("var f = () => { while (true); }; f()")]
    [InlineData("`${(() => { for (;;); })()}`")]
    public void Loops_the_old_instrumenter_could_miss_are_stopped_by_the_constraints(string script)
    {
        var ex = Assert.ThrowsAny<Exception>(() => ShortDeadline.Evaluate(script, new Scope()));
        Assert.True(ex is ScriptTimeoutException or ScriptErrorException, ex.GetType().Name + ": " + ex.Message);
    }

    [Fact]
    public void An_oversized_script_is_refused()
    {
        var script = "1 + " + new string(' ', 20_000) + "1";
        var ex = Assert.Throws<ScriptRejectedException>(() => Run(script));
        Assert.Contains("limit", ex.Message);
    }

    [Fact]
    public void A_syntax_error_is_a_script_error() =>
        Assert.Contains("syntax", Assert.Throws<ScriptErrorException>(() => Run("var = ;")).Message);

    [Fact]
    public void Elsa_helpers_read_and_write_variables()
    {
        var scope = new Scope();
        Assert.Equal(true, Run("setCounter(getCounter() + 1); getVariable('Counter') > 1", scope));
        Assert.Equal(2, scope.Variables["Counter"]);
        Run("setVariable('Result', { ok: true, list: [1, 2] })", scope);
        Assert.Equal("{\"ok\":true,\"list\":[1,2]}",
            Assert.IsAssignableFrom<System.Text.Json.Nodes.JsonNode>(scope.Variables["Result"]).ToJsonString());
        Assert.Equal(false, Run("return false;"));
        Assert.Equal("b", Run("var x = 0; if (x) return 'a'; return 'b';"));
        Assert.Equal("Current fruit: Apple", Run("`Current fruit: ${getCurrentValue()}`"));
        Assert.Equal("Aino", Run("getInput('Applicant').name"));
        Assert.Equal("instance-1", Run("getWorkflowInstanceId()"));
        Assert.Equal("[1,2,3]", Assert.IsAssignableFrom<System.Text.Json.Nodes.JsonNode>(Run("[1,2,3]")).ToJsonString());
    }

    [Fact]
    public void Modern_javascript_runs()
    {
        Assert.Equal(6, Run("[1, 2, 3].map(x => x * 2).filter(x => x > 2).length + 4"));
        Assert.Equal("none", Run("const a = { b: null }; a.b?.c ?? 'none'"));
        Assert.Equal(3, Run("const { x, y: [, z] } = { x: 1, y: [0, 2] }; x + z"));
        Assert.Equal("007", Run("String(7).padStart(3, '0')"));
        Assert.Equal("a-b", Run("let parts = ['a', 'b']; `${parts[0]}-${parts[1]}`"));
        Assert.Equal(3, Run("class C { #n = 3; get n() { return this.#n; } } new C().n"));
        Assert.Equal(10, Run("[...[1, 2], ...[3, 4]].reduce((s, v) => s + v, 0)"));
    }

    [Fact]
    public void Ordinary_loops_and_functions_still_work()
    {
        Assert.Equal(45, Run("var s = 0; for (var i = 0; i < 10; i++) { s += i; } s"));
        Assert.Equal(6, Run("var t = 0; for (var x of [1, 2, 3]) { t += x; } t"));
        Assert.Equal("a/b", Run("var r = /a\\/b/; 'a/b'.match(r)[0]"));
        Assert.Equal(3, Run("var n = 0; while (n < 3) n++; n"));
        Assert.Equal(120, Run("function f(n) { return n <= 1 ? 1 : n * f(n - 1); } f(5)"));
        Assert.Equal(2, Run("switch (1) { case 1: 2; break; default: 3; }"));
        Assert.Equal(55, Run("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(10)"));
    }

    [Fact]
    public void Nothing_one_evaluation_leaves_reaches_the_next()
    {
        Run("globalThis.leak = 1; var other = 2; Array.prototype.extra = 3; Object.prototype.polluted = 4; getVariable = null;");
        Assert.Equal("undefined", Run("typeof leak + ''"));
        Assert.Equal("undefined", Run("typeof other"));
        Assert.Equal("undefined", Run("typeof [].extra"));
        Assert.Equal("undefined", Run("typeof ({}).polluted"));
        Assert.Equal(1, Run("getVariable('Counter')"));
    }

    [Theory]
    [InlineData("var leak = 'secret'", "typeof leak", "undefined")]
    [InlineData("let leak = 'secret'", "typeof leak", "undefined")]
    [InlineData("const leak = 'secret'", "typeof leak", "undefined")]
    [InlineData("class leak {}", "typeof leak", "undefined")]
    [InlineData("function leak() { return 'secret'; }", "typeof leak", "undefined")]
    [InlineData("globalThis.leak = 'secret'", "typeof leak", "undefined")]
    [InlineData("Object.defineProperty(globalThis, 'leak', { value: 'secret', configurable: false })", "typeof leak", "undefined")]
    [InlineData("this.leak = 'secret'", "typeof globalThis.leak", "undefined")]
    [InlineData("Object.prototype.leak = 'secret'", "typeof ({}).leak", "undefined")]
    [InlineData("Array.prototype.leak = 'secret'", "typeof [].leak", "undefined")]
    [InlineData("Function.prototype.leak = 'secret'", "typeof (() => 1).leak", "undefined")]
    [InlineData("Math.leak = 'secret'", "typeof Math.leak", "undefined")]
    [InlineData("JSON.parse = function () { return 'secret'; }", "typeof JSON.parse('1')", "number")]
    [InlineData("getVariable.leak = 'secret'", "typeof getVariable.leak", "undefined")]
    [InlineData("Object.getPrototypeOf([][Symbol.iterator]()).leak = 'secret'", "typeof Object.getPrototypeOf([][Symbol.iterator]()).leak",
        "undefined")]
    [InlineData("Object.getPrototypeOf(function* () {}).leak = 'secret'", "typeof Object.getPrototypeOf(function* () {}).leak",
        "undefined")]
    [InlineData("Object.getPrototypeOf(async function () {}).leak = 'secret'", "typeof Object.getPrototypeOf(async function () {}).leak",
        "undefined")]
    [InlineData("Object.getPrototypeOf((function* () {})()).leak = 'secret'", "typeof Object.getPrototypeOf((function* () {})()).leak",
        "undefined")]
    [InlineData("Object.setPrototypeOf(globalThis, { leak: 'secret' })", "typeof leak", "undefined")]
    [InlineData("Array = function () { return 'secret'; }", "typeof Array()", "object")]
    [InlineData("delete globalThis.Math", "typeof Math", "object")]
    [InlineData("Symbol.prototype.leak = 'secret'", "typeof Symbol().leak", "undefined")]
    [InlineData("Promise.resolve().then(function () { globalThis.leak = 'secret'; })", "typeof leak", "undefined")]
    public void A_value_one_script_leaves_is_not_visible_to_the_next(string first, string second, string expected)
    {
        // Several rounds, so the second script runs on the engine the first one used (each worker keeps its engine).
        for (var round = 0; round < 3; round++)
        {
            Record.Exception(() => Run(first));
            Assert.Equal(expected, Run(second));
        }
        Assert.Equal(2, Run("let fresh = 1; fresh + 1"));
        Assert.Equal(2, Run("let fresh = 1; fresh + 1"));
    }

    [Fact]
    public void One_engine_serves_many_evaluations()
    {
        Run("1");
        var built = SandboxEngine.Built;
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(i + 1, Run($"var n = {i}; n + 1"));
        }
        // At most one engine per worker thread, not one per evaluation.
        Assert.True(SandboxEngine.Built - built <= JavaScriptWorkers.MaxWorkers,
            $"{SandboxEngine.Built - built} engines for 200 evaluations");
    }

    [Fact]
    public void A_region_s_values_never_reach_another_region_s_script()
    {
        // Region A's script sees its own variable and tries every place that outlives a script to leave it in.
        var regionA = new Scope { Variables = { ["Secret"] = "kainuu-only" } };
        const string stash = """
            var s = getSecret();
            globalThis.stash = s; this.stash2 = s; var stash3 = s;
            try { Object.prototype.stash = s; } catch (e) { }
            try { getVariable.stash = s; } catch (e) { }
            try { JSON.stash = s; } catch (e) { }
            try { Object.getPrototypeOf([][Symbol.iterator]()).stash = s; } catch (e) { }
            try { Symbol.for(s); } catch (e) { }
            setVariable('Copy', s);
            s
            """;
        var regionB = new Scope();
        const string look = """
            [typeof stash, typeof stash2, typeof stash3, typeof ({}).stash, typeof getVariable.stash, typeof JSON.stash,
             typeof Object.getPrototypeOf([][Symbol.iterator]()).stash, typeof getSecret, String(getVariable('Secret')),
             String(getVariable('Copy')), typeof variables.Secret].join(',')
            """;
        for (var round = 0; round < 5; round++)
        {
            Assert.Equal("kainuu-only", Sandbox.Evaluate(stash, regionA));
            Assert.Equal("undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,null,null,undefined",
                Sandbox.Evaluate(look, regionB));
        }
        Assert.Equal("kainuu-only", regionA.Variables["Copy"]);
        Assert.DoesNotContain("Copy", regionB.Variables.Keys);
    }

    [Fact]
    public void Scripts_may_still_give_their_own_objects_a_name_message_or_toString()
    {
        Assert.Equal("MyError: no",
            Run("class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } } String(new MyError('no'))"));
        Assert.Equal("mine", Run("var o = {}; o.toString = function () { return 'mine'; }; String(o)"));
        Assert.Equal("changed", Run("var e = new Error(); e.message = 'changed'; e.message"));
        Assert.Equal("Error", Run("new Error('x').name"));
        Assert.Throws<ScriptErrorException>(() => Run("'use strict'; Object.prototype.toString = null;"));
    }

    [Fact]
    public async Task A_literal_runs_no_javascript()
    {
        // A sandbox that refuses every script: a Literal condition, even one that reads like JavaScript, must not reach it.
        var refusing = new JavaScriptSandbox(new JavaScriptOptions { MaxScriptLength = 0 });
        var evaluator = new ExpressionEvaluator(refusing);
        var text = evaluator.Evaluate("Literal", System.Text.Json.Nodes.JsonValue.Create("getVariable('count') == 1"), new Scope());
        Assert.Equal("getVariable('count') == 1", text?.ToString());
        Assert.Equal(true, evaluator.Evaluate("Literal", System.Text.Json.Nodes.JsonValue.Create(true), new Scope()));
        Assert.Throws<ScriptRejectedException>(() => evaluator.Evaluate("JavaScript", System.Text.Json.Nodes.JsonValue.Create("1"),
            new Scope()));

        var engine = new Engine.WorkflowEngine(Engine.ActivityRegistry.Default, evaluator, TimeProvider.System);
        const string definition = """
            { "id": "literal-v1", "definitionId": "literal", "version": 1,
              "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
                "activities": [
                  { "id": "start", "type": "Elsa.Start", "version": 1 },
                  { "id": "decide", "type": "Elsa.FlowDecision", "version": 1,
                    "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": true } } },
                  { "id": "end", "type": "Elsa.End", "version": 1 } ],
                "connections": [
                  { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "decide", "port": "In" } },
                  { "source": { "activity": "decide", "port": "True" }, "target": { "activity": "end", "port": "In" } } ] } }
            """;
        var instance = await engine.StartAsync(Engine.WorkflowDefinition.Parse(definition));
        Assert.Equal(Engine.WorkflowStatus.Finished, instance.Status);
        Assert.Null(instance.Fault);
    }

    [Fact]
    public void Concurrent_evaluations_each_get_their_own_answer()
    {
        var results = new int[64];
        Parallel.For(0, results.Length, i =>
        {
            var scope = new Scope();
            scope.Variables["Counter"] = i;
            results[i] = (int)Sandbox.Evaluate("let v = getCounter(); for (let k = 0; k < 1000; k++) {} v * 2", scope)!;
        });
        Assert.Equal(Enumerable.Range(0, results.Length).Select(i => i * 2), results);
    }
}
