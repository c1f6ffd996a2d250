using System.Diagnostics;
using Rake.Modules.Workflows.Engine.Expressions;

namespace Rake.Modules.Workflows.Tests;

/// <summary>Alone in its collection: it measures this process's CPU time and heap, which other tests would disturb.</summary>
[CollectionDefinition(nameof(HostileScriptTests), DisableParallelization = true)]
public sealed class HostileScriptCollection;

/// <summary>
/// The scripts of issue 15 that took the Host down or kept a core or memory after their instance ended. Each must end
/// as a clean script fault, leave no thread burning CPU, give its memory back, and leave the sandbox usable.
/// </summary>
[Collection(nameof(HostileScriptTests))]
public sealed class HostileScriptTests
{
    private const string NestedArrays = "var a = []; for (var i = 0; i < 200000; i++) { a = [a]; }";

    public static TheoryData<string, string> Scripts => new()
    {
        { "getter calling itself", "var o = {}; Object.defineProperty(o, 'x', { get: function () { return this.x; } }); o.x" },
        { "setter calling itself", "var o = { set x(v) { this.x = v; } }; o.x = 1" },
        { "toString calling itself", "var o = { toString: function () { return '' + this; } }; String(o)" },
        { "valueOf calling itself", "var o = { valueOf: function () { return +this; } }; o * 2" },
        { "toJSON calling itself", "var o = { toJSON: function () { return JSON.stringify(this); } }; JSON.stringify(o)" },
        { "JSON.parse of 200 000 nested arrays", "JSON.parse('['.repeat(200000) + ']'.repeat(200000))" },
        { "String() of 200 000 nested arrays", NestedArrays + " String(a)" },
        { "JSON.stringify of 200 000 nested arrays", NestedArrays + " JSON.stringify(a)" },
        { "join of 200 000 nested arrays", NestedArrays + " a.join(',')" },
        { "200 000 nested arrays as the result", NestedArrays + " a" },
        { "deep recursion", "function f(n) { return f(n + 1) + 1; } f(0)" },
        { "recursion through new", "function F() { return new F(); } new F()" },
        { "recursion through a proxy", "var p = new Proxy({}, { get: function (t, k, r) { return r[k]; } }); p.x" },
        { "recursion through sort", "function s() { return [2, 1].sort(function () { return s(); }); } s()" },
        { "recursion through bound functions", "var f = function () { return g(); }; var g = f.bind(null); f()" },
        { "catastrophic regular expression", "/^(a+)+$/.test('a'.repeat(40) + 'b')" },
        { "catastrophic regular expression built at run time", "new RegExp('^(\\\\w+\\\\s?)*$').test('x'.repeat(5000) + '!')" },
        { "endless loop", "while (true) {}" },
        { "loop hidden from a lexer", "if (1) /'/; while (true) {}" },
        { "500 MB string", "'x'.repeat(500 * 1024 * 1024)" },
        { "doubling string", "var s = 'x'; while (true) { s += s; }" },
        { "growing array", "var a = []; while (true) { a.push('some text ' + a.length); }" },
        { "huge array", "new Array(1e9).fill(0)" },
        { "huge typed array", "new Uint8Array(1e9)" },
        { "promise chain", "function loop() { return Promise.resolve().then(loop); } loop(); 1" },
        { "async loop", "(async function () { while (true) { await null; } })(); 1" },
        { "microtasks that never end", "function spin() { queueMicrotask(spin); } spin(); 1" },
        { "generator without end", "function* g() { while (true) yield 1; } Array.from(g())" },
        { "eval", "eval('while (true) {}')" },
        { "Function constructor", "Function('while (true) {}')()" },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Ends_as_a_clean_fault_and_leaves_nothing_running(string name, string script)
    {
        var sandbox = new JavaScriptSandbox(new JavaScriptOptions { Timeout = TimeSpan.FromSeconds(1) });
        JavaScriptSandboxTests.Sandbox.Evaluate("1 + 1", new JavaScriptSandboxTests.Scope());
        var baseline = HeapAfterCollection();

        var started = Stopwatch.StartNew();
        var failure = Record.Exception(() => sandbox.Evaluate(script, new JavaScriptSandboxTests.Scope()));
        Assert.True(failure is ScriptErrorException or ScriptTimeoutException, $"{name}: {failure?.GetType().Name}: {failure?.Message}");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"{name} took {started.Elapsed}");
        failure = null;

        // The worker that ran the script is free again (it is not still inside some built-in)...
        var wait = Stopwatch.StartNew();
        while (JavaScriptWorkers.BusyWorkers > 0 && wait.Elapsed < TimeSpan.FromSeconds(2))
        {
            Thread.Sleep(10);
        }
        Assert.Equal(0, JavaScriptWorkers.BusyWorkers);

        // ...the memory is given back...
        var after = HeapAfterCollection();
        Assert.True(after - baseline < 48 * 1024 * 1024, $"{name}: the heap grew by {(after - baseline) / (1024 * 1024)} MB");

        // ...and no evaluation thread burns CPU (Linux names them in /proc, so they are measured exactly). The process as a
        // whole is not measured: the runtime's own threads (GC of a deep object graph, tiered JIT) and other tests' hosts
        // winding down legitimately use CPU then, which made such a check fail on a busy machine.
        var workersBefore = WorkerTicks();
        Thread.Sleep(1000);
        var workerTicks = WorkerTicks() - workersBefore;
        Assert.True(workerTicks <= 5, $"{name}: the JavaScript threads used {workerTicks} ticks of CPU in the second after the fault");

        Assert.Equal(4, sandbox.Evaluate("2 + 2", new JavaScriptSandboxTests.Scope()));
    }

    /// <summary>CPU clock ticks (1/100 s) used so far by the threads named rake-javascript; 0 where /proc is missing.</summary>
    private static long WorkerTicks()
    {
        var total = 0L;
        if (!Directory.Exists("/proc/self/task"))
        {
            return 0;
        }
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).Trim() != "rake-javascript")
                {
                    continue;
                }
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12],
                    System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended between listing and reading: it burns nothing.
            }
        }
        return total;
    }

    private static long HeapAfterCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
