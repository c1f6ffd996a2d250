using Rake.Modules.Workflows.Engine.Expressions;

namespace Rake.Modules.Workflows.Tests;

public sealed class JavaScriptSandboxTests
{
    private sealed class Scope : IJavaScriptScope
    {
        public Dictionary<string, object?> Variables { get; } = new() { ["Counter"] = 1 };
        public IEnumerable<string> VariableNames => Variables.Keys;
        public object? GetVariable(string name) => Variables.GetValueOrDefault(name);
        public void SetVariable(string name, object? value) => Variables[name] = value;
        public object? GetInput(string name) => null;
        public object? CurrentValue => "Apple";
        public string WorkflowInstanceId => "instance-1";
    }

    // Behaviour is checked under the production limits: a short deadline would make a cold first evaluation (Jurassic
    // compiling on a busy two-core machine) look like a timeout. Only the endless scripts use the short deadline.
    private static readonly JavaScriptSandbox Sandbox = new(new JavaScriptOptions());
    private static readonly JavaScriptSandbox ShortDeadline = new(new JavaScriptOptions { Timeout = TimeSpan.FromMilliseconds(300) });

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
        var started = DateTime.UtcNow;
        var ex = Assert.ThrowsAny<Exception>(() => ShortDeadline.Evaluate(script, new Scope()));
        Assert.True(ex is ScriptTimeoutException or ScriptErrorException, ex.GetType().Name + ": " + ex.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("typeof System")]
    [InlineData("typeof importNamespace")]
    [InlineData("typeof require")]
    [InlineData("typeof Function")]
    [InlineData("typeof (function () {}).constructor")]
    public void Clr_and_dynamic_code_are_not_reachable(string script) => Assert.Equal("undefined", Run(script));

    [Fact]
    public void Code_built_at_run_time_cannot_run()
    {
        Assert.Throws<ScriptErrorException>(() => Run("Object.getPrototypeOf(function(){}).constructor('return 1')()"));
        Assert.Throws<ScriptRejectedException>(() => Run("eval('while(true){}')"));
    }

    [Theory]
    [InlineData("var __rake_tick = function () { return true; }; while (__rake_tick()) {}")]
    [InlineData("var x = \\u005f_rake_tick;")]
    [InlineData("for (var k in {a: 1}) k;")]
    public void Scripts_that_could_dodge_the_watchdog_are_refused(string script) =>
        Assert.Throws<ScriptRejectedException>(() => Run(script));

    [Fact]
    public void An_oversized_script_is_refused()
    {
        var script = "1 + " + new string(' ', 20_000) + "1";
        var ex = Assert.Throws<ScriptRejectedException>(() => Run(script));
        Assert.Contains("limit", ex.Message);
    }

    [Fact]
    public void Elsa_helpers_read_and_write_variables()
    {
        var scope = new Scope();
        Assert.Equal(true, Run("setCounter(getCounter() + 1); getVariable('Counter') > 1", scope));
        Assert.Equal(2, scope.Variables["Counter"]);
        Assert.Equal(false, Run("return false;"));
        Assert.Equal("Current fruit: Apple", Run("`Current fruit: ${getCurrentValue()}`"));
        Assert.Equal("[1,2,3]", Assert.IsAssignableFrom<System.Text.Json.Nodes.JsonNode>(Run("[1,2,3]")).ToJsonString());
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
    }
}
