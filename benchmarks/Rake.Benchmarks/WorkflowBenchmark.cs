using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Expressions;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Benchmarks;

/// <summary>
/// The workflow engine's figures (issue 3): instances per second of a 10-activity flowchart that waits once for an
/// event and is resumed, in memory and persisted through the runtime; time from process start to the first finished
/// run; and the latency of starting a workflow when the store already holds 100 000 finished instances and 100
/// versions, compared with an empty store.
/// </summary>
internal static class WorkflowBenchmark
{
    public const string ChildPart = "first-run-child";
    private const string Region = "kainuu";
    private const string DefinitionId = "bench-ten-activities";
    private const string EventName = "bench-go";

    public static async Task<bool> RunAsync(BenchOptions options, Report report)
    {
        report.Section("Workflows: 10-activity flowchart with one event bookmark (Start, 2 SetVariable, 4 WriteLine, JavaScript FlowDecision, Event, End)");
        var ok = true;

        var engine = new WorkflowEngineFactory(WorkflowEngineFactory.DiscoverRegistry(), new JavaScriptOptions(), TimeProvider.System).Create();
        Task<Measurement> InMemory(WorkflowDefinition definition) => MeasureAsync(options.WorkflowRuns, async () =>
        {
            var instance = await engine.StartAsync(definition, new RunOptions());
            var bookmark = instance.Bookmarks.Single();
            await engine.ResumeAsync(instance, bookmark.Id, null);
            return instance.Status == WorkflowStatus.Finished;
        });
        var memory = await InMemory(WorkflowDefinition.Parse(Json(version: 1)));
        var memoryLiteral = await InMemory(WorkflowDefinition.Parse(Json(version: 1, javaScript: false)));
        ok &= memory.Failures == 0 && memoryLiteral.Failures == 0;

        await using var database = await BenchDatabase.CreateFreshAsync(options, "workflows");
        Measurement persisted;
        // Disposed before the first-run children start: a Host that was built and not started keeps the database's startup
        // lock (docs/adr/0126), and a child building its Host on the same database would wait for it for ever.
        await using (var app = await BenchHost.BuildAsync(database, "Benchmark"))
        {
            await PublishVersionsAsync(app, 1);
            persisted = await MeasureAsync(options.WorkflowRuns, () => StartAndResumeAsync(app));
        }
        ok &= persisted.Failures == 0;

        report.Table(["run (start + resume until finished)", "runs", "instances/s", "p50 ms", "p99 ms", "failed"],
        [
            Row("in memory (engine only)", memory),
            Row("in memory, decision a Literal instead of JavaScript", memoryLiteral),
            Row($"persisted ({database.Provider}, runtime: load, run, save)", persisted),
        ]);

        var firstRuns = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var ms = await ChildFirstRunAsync(database);
            if (ms is null)
            {
                report.Line("Time to first execution after process start: FAILED (the child's output is on stderr).");
                ok = false;
                break;
            }
            firstRuns.Add(ms.Value);
        }
        if (firstRuns.Count > 0)
        {
            report.Line($"Time to first execution after process start (new process, Host build incl. migrations check, first start + resume finished): " +
                         $"{string.Join(", ", firstRuns.Select(Ms))} ms (median {Ms(Median(firstRuns))} ms).");
        }

        report.Line("");
        report.Line($"Start latency: {options.WorkflowRuns} starts (each runs to its bookmark and is saved), empty store vs a full store.");
        await using var emptyDb = await BenchDatabase.CreateFreshAsync(options, "wf-empty");
        await using var emptyApp = await BenchHost.BuildAsync(emptyDb, "Benchmark");
        await PublishVersionsAsync(emptyApp, 1);
        var empty = await MeasureAsync(options.WorkflowRuns, () => StartOnlyAsync(emptyApp));

        await using var fullDb = await BenchDatabase.CreateFreshAsync(options, "wf-full");
        await using var fullApp = await BenchHost.BuildAsync(fullDb, "Benchmark");
        var fill = Stopwatch.StartNew();
        await PublishVersionsAsync(fullApp, 100);
        await FillFinishedAsync(fullApp, options.FinishedInstances);
        fill.Stop();
        var full = await MeasureAsync(options.WorkflowRuns, () => StartOnlyAsync(fullApp));
        ok &= empty.Failures == 0 && full.Failures == 0;
        report.Table(["store", "starts", "p50 ms", "p99 ms", "mean ms", "failed"],
        [
            [$"empty (1 version, 0 instances)", Count(empty), Ms(empty.P50), Ms(empty.P99), Ms(empty.Mean), Count(empty.Failures)],
            [$"full (100 versions, {options.FinishedInstances:N0} finished instances)", Count(full), Ms(full.P50), Ms(full.P99), Ms(full.Mean), Count(full.Failures)],
        ]);
        report.Line($"Full store prepared in {fill.Elapsed.TotalSeconds:F1} s; p50 full/empty = {full.P50 / empty.P50:F2}x.");
        return ok;
    }

    /// <summary>The child process of the first-run measurement: prints the milliseconds since its own start.</summary>
    public static async Task<int> RunChildAsync(BenchOptions options)
    {
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var database = BenchDatabase.Existing(options);
        await using var app = await BenchHost.BuildAsync(database, "Benchmark");
        var finished = await StartAndResumeAsync(app);
        var ms = (DateTime.UtcNow - started).TotalMilliseconds;
        Console.WriteLine(FormattableString.Invariant($"first-run-ms={ms:F0}"));
        return finished ? 0 : 1;
    }

    /// <summary>How long one first-run child may take: its Host build and one run take seconds, even on a loaded machine.</summary>
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(3);

    private static async Task<double?> ChildFirstRunAsync(BenchDatabase database)
    {
        // Started as this process was: `dotnet Rake.Benchmarks.dll …` needs the assembly as its first argument, the apphost
        // that `dotnet run` starts must not get it (it would read the path as an option and run every part instead).
        var host = Environment.ProcessPath!;
        List<string> arguments = ["--part", ChildPart, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString];
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            arguments.Insert(0, typeof(WorkflowBenchmark).Assembly.Location);
        }
        var start = new ProcessStartInfo(host, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        // Both streams at once: a child that fills the stderr pipe while the parent waits for stdout to end would block both.
        var outputRead = process.StandardOutput.ReadToEndAsync();
        var errorRead = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(ChildTimeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Console.Error.WriteLine($"First-run child did not finish within {ChildTimeout.TotalSeconds:F0} s and was stopped. A Host "
                    + "that holds the database's startup lock (built and not started, docs/adr/0126) makes it wait. Its output: "
                    + $"{await errorRead}{await outputRead}");
                return null;
            }
        }
        var output = await outputRead;
        var error = await errorRead;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("first-run-ms=", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            Console.Error.WriteLine($"First-run child failed (exit {process.ExitCode}): {error}{output}");
            return null;
        }
        return double.Parse(line["first-run-ms=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> StartAndResumeAsync(WebApplication app)
    {
        await using var scope = RegionScope(app);
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var record = await runtime.StartAsync(DefinitionId, new RunOptions(), CancellationToken.None);
        if (record is null || record.SubStatus != nameof(WorkflowSubStatus.Suspended))
        {
            return false;
        }
        var resumed = await runtime.RaiseEventAsync(EventName, null, CancellationToken.None, record.Id);
        var status = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.AsNoTracking()
            .Where(i => i.Id == record.Id).Select(i => i.Status).SingleAsync();
        return resumed == 1 && status == nameof(WorkflowStatus.Finished);
    }

    private static async Task<bool> StartOnlyAsync(WebApplication app)
    {
        await using var scope = RegionScope(app);
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var record = await runtime.StartAsync(DefinitionId, new RunOptions(), CancellationToken.None);
        return record?.SubStatus == nameof(WorkflowSubStatus.Suspended);
    }

    private static AsyncServiceScope RegionScope(WebApplication app)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(Region), "benchmark");
        return scope;
    }

    /// <summary>Saves and publishes <paramref name="versions"/> versions; each differs in one WriteLine text.</summary>
    private static async Task PublishVersionsAsync(WebApplication app, int versions)
    {
        for (var v = 1; v <= versions; v++)
        {
            await using var scope = RegionScope(app);
            var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
            await store.SaveDraftAsync(WorkflowDefinition.Parse(Json(v)), CancellationToken.None);
            var outcome = await store.PublishAsync(DefinitionId, CancellationToken.None);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException("The benchmark definition did not publish: " + string.Join("; ", outcome.Errors.Select(e => e.Message)));
            }
        }
    }

    /// <summary>Copies one real finished run (its state and journal) into <paramref name="count"/> rows, spread over old versions and a year.</summary>
    private static async Task FillFinishedAsync(WebApplication app, int count)
    {
        if (!await StartAndResumeAsync(app))
        {
            throw new InvalidOperationException("The template run did not finish.");
        }
        WorkflowInstanceRecord template;
        await using (var scope = RegionScope(app))
        {
            template = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.AsNoTracking().SingleAsync();
        }
        var versions = await WithDbAsync(app, db => db.Definitions.AsNoTracking().Select(d => new { d.Id, d.Version }).ToListAsync());
        const int batch = 5000;
        for (var done = 0; done < count; done += batch)
        {
            await using var scope = RegionScope(app);
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var version = versions[i % versions.Count];
                var at = template.CreatedAt.AddMinutes(-(i % 525_600));
                db.Instances.Add(new WorkflowInstanceRecord
                {
                    Id = Guid.NewGuid(),
                    DefinitionId = DefinitionId,
                    DefinitionVersion = version.Version,
                    DefinitionVersionId = version.Id,
                    Status = template.Status,
                    SubStatus = template.SubStatus,
                    State = template.State,
                    Journal = template.Journal,
                    CreatedAt = at,
                    UpdatedAt = at,
                });
            }
            await db.SaveChangesAsync();
        }
    }

    private static async Task<T> WithDbAsync<T>(WebApplication app, Func<WorkflowsDbContext, Task<T>> query)
    {
        await using var scope = RegionScope(app);
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>());
    }

    private static async Task<Measurement> MeasureAsync(int runs, Func<Task<bool>> run)
    {
        for (var i = 0; i < Math.Min(50, runs); i++)
        {
            await run();
        }
        var times = new List<double>(runs);
        var failures = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var one = Stopwatch.StartNew();
            failures += await run() ? 0 : 1;
            times.Add(one.Elapsed.TotalMilliseconds);
        }
        total.Stop();
        times.Sort();
        return new Measurement(runs, runs / total.Elapsed.TotalSeconds, Percentile(times, 0.50), Percentile(times, 0.99), times.Average(), failures);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Median(List<double> values) => Percentile(values.Order().ToList(), 0.5);

    private static string[] Row(string name, Measurement m) => [name, Count(m), m.PerSecond.ToString("F0", Report.Culture), Ms(m.P50), Ms(m.P99), Count(m.Failures)];

    private static string Count(Measurement m) => Count(m.Runs);

    private static string Count(int n) => n.ToString("N0", Report.Culture);

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : "F0", Report.Culture);

    private sealed record Measurement(int Runs, double PerSecond, double P50, double P99, double Mean, int Failures);

    /// <summary>The benchmark's definition in Elsa 3 JSON: ten activities in a row, one of them waiting for an event.</summary>
    private static string Json(int version, bool javaScript = true)
    {
        static JsonObject Lit(string typeName, JsonNode? value, string type = "Literal") =>
            new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };
        static JsonObject Node(string id, string type, params (string Name, JsonNode Value)[] inputs)
        {
            var node = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
            foreach (var (name, value) in inputs)
            {
                node[name] = value;
            }
            return node;
        }
        var activities = new JsonArray
        {
            Node("start", "Elsa.Start"),
            Node("set1", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "count", ["name"] = "count" }), ("value", Lit("Object", 1))),
            Node("w1", "Elsa.WriteLine", ("text", Lit("String", $"version {version} begins"))),
            Node("w2", "Elsa.WriteLine", ("text", Lit("String", "count is set", "Literal"))),
            Node("decide", "Elsa.FlowDecision", ("condition", javaScript
                ? Lit("Boolean", "getVariable('count') == 1", "JavaScript")
                : Lit("Boolean", true))),
            Node("wait", "Elsa.Event", ("eventName", Lit("String", EventName))),
            Node("set2", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "count", ["name"] = "count" }), ("value", Lit("Object", 2))),
            Node("w3", "Elsa.WriteLine", ("text", Lit("String", "resumed"))),
            Node("w4", "Elsa.WriteLine", ("text", Lit("String", "ending"))),
            Node("end", "Elsa.End"),
        };
        string[][] chain =
        [
            ["start", "Done", "set1"], ["set1", "Done", "w1"], ["w1", "Done", "w2"], ["w2", "Done", "decide"],
            ["decide", "True", "wait"], ["wait", "Done", "set2"], ["set2", "Done", "w3"], ["w3", "Done", "w4"], ["w4", "Done", "end"],
        ];
        var connections = new JsonArray();
        foreach (var link in chain)
        {
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = link[0], ["port"] = link[1] },
                ["target"] = new JsonObject { ["activity"] = link[2], ["port"] = "In" },
            });
        }
        var json = new JsonObject
        {
            ["id"] = $"{DefinitionId}-v{version}",
            ["definitionId"] = DefinitionId,
            ["name"] = "Benchmark: ten activities",
            ["version"] = version,
            ["variables"] = new JsonArray { new JsonObject { ["id"] = "count", ["name"] = "count", ["typeName"] = "Int32", ["value"] = "0" } },
            ["root"] = new JsonObject { ["id"] = "flow", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["activities"] = activities, ["connections"] = connections },
        };
        return json.ToJsonString();
    }
}
