using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Rake.Modules.Reporting;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Expressions;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Tests;

/// <summary>The engine as the Host will build it: built-ins plus the activities the modules contribute.</summary>
internal static class RakeWorkflows
{
    public static readonly ActivityRegistry Registry = new([
        typeof(ActivityRegistry).Assembly, typeof(ReportingModule).Assembly,
        typeof(Rake.Modules.Communications.CommunicationsModule).Assembly,
        typeof(Rake.Modules.Planning.PlanningModule).Assembly, typeof(Rake.Modules.Competence.CompetenceModule).Assembly,
        typeof(Rake.Modules.WorkingGroup.WorkingGroupModule).Assembly]);

    public static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    /// <summary>
    /// An engine whose activities see <paramref name="services"/>; without them, as the engine alone, a module's activity
    /// faults on the first service it needs.
    /// </summary>
    public static WorkflowEngine Engine(TimeProvider time, IServiceProvider? services = null) =>
        new(Registry, new ExpressionEvaluator(new JavaScriptSandbox(new JavaScriptOptions())), time, services);

    public static WorkflowPublisher Publisher(TimeProvider time) => new(Registry, time);

    public static DateOnly HelsinkiDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Helsinki).DateTime);

    /// <summary>The repository's <c>workflows/</c> folder, found by walking up from the test binaries.</summary>
    public static string WorkflowsFolder { get; } = LocateWorkflows();

    public static WorkflowDefinition Load(string relativePath) =>
        WorkflowDefinition.Parse(File.ReadAllBytes(Path.Combine(WorkflowsFolder, relativePath)));

    private static string LocateWorkflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Rake.Modular.sln")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("The repository's workflows/ folder was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>What showed up during a simulation, on a Helsinki calendar day: a human task (role, title) or a compilation (period).</summary>
internal sealed record Appearance(DateOnly Day, string Kind, string Who, string What, string? Due = null, string Workflow = "")
{
    /// <summary>The day it is due: a task's due date, or the day it appeared.</summary>
    public DateOnly DueDay =>
        Due is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Day;

    public override string ToString() => $"{Day:yyyy-MM-dd} {Kind} {Who}: {What}";
}

/// <summary>
/// Runs published definitions over simulated time, as the Host's scheduler will: cron and StartAt triggers start
/// instances, Time bookmarks are resumed when due, and every human task is completed ("Done") by a person at its due
/// time (the end of its due day in Helsinki), or a day after it appeared when it has none.
/// The engine only creates bookmarks with due times; this loop is the scheduler. Each run gets a scope of the region's
/// modules (<see cref="ModuleServices"/>) acting as the region's system actor, as the Host's timers give it.
/// </summary>
internal sealed class YearSimulation : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock;
    private readonly WorkflowEngine _engine;
    private readonly List<ScheduledTrigger> _triggers = [];
    private readonly List<(DateTimeOffset At, WorkflowDefinition Definition)> _manualStarts = [];
    private readonly List<WorkflowInstance> _instances = [];
    private readonly HashSet<string> _seenBookmarks = [];
    private readonly Dictionary<string, DateTimeOffset> _taskCreated = [];
    private readonly Dictionary<string, int> _journalSeen = [];

    private readonly RunScope _runScope = new();
    private readonly string _region;

    private YearSimulation(FakeTimeProvider clock, string region, ModuleServices modules)
    {
        _clock = clock;
        _region = region;
        Modules = modules;
        _engine = RakeWorkflows.Engine(_clock, _runScope);
    }

    /// <summary>A simulation of <paramref name="region"/> from <paramref name="start"/>, its modules seeded at that moment.</summary>
    public static async Task<YearSimulation> CreateAsync(DateTimeOffset start, string region)
    {
        var clock = new FakeTimeProvider(start.ToUniversalTime());
        return new YearSimulation(clock, region, await ModuleServices.CreateAsync(clock, region));
    }

    /// <summary>The region's modules, to read what the activities stored.</summary>
    public ModuleServices Modules { get; }

    public ValueTask DisposeAsync() => Modules.DisposeAsync();

    /// <summary>What this simulation's runs stored in the region's modules, one sorted line per row.</summary>
    public Task<List<string>> StoredAsync() => StoredByWorkflows.ReadAsync(Modules, _region, [.. _instances.Select(i => i.Id)]);

    /// <summary>Runs <paramref name="run"/> in a scope of its own, as the Host runs each start and resume.</summary>
    private async Task InScopeAsync(Func<Task> run)
    {
        await using var scope = Modules.Scope(_region);
        _runScope.Current = scope.ServiceProvider;
        try
        {
            await run();
        }
        finally
        {
            _runScope.Current = null;
        }
    }

    public List<Appearance> Log { get; } = [];

    /// <summary>Every human task's payload as its inbox got it.</summary>
    public List<JsonObject> Payloads { get; } = [];

    /// <summary>The outcome a person chooses for a task (its payload); "Done" unless a test says otherwise.</summary>
    public Func<JsonObject, string> Decide { get; set; } = _ => WorkflowActivity.DoneOutcome;
    public IReadOnlyList<WorkflowInstance> Instances => _instances;

    private sealed class ScheduledTrigger(WorkflowDefinition definition, TriggerRequest request)
    {
        public WorkflowDefinition Definition { get; } = definition;
        public TriggerRequest Request { get; } = request;
        public DateTimeOffset? Next { get; set; }
    }

    /// <summary>Publishes the definition (it must validate) and registers its time triggers.</summary>
    public void Publish(WorkflowDefinition definition)
    {
        var result = RakeWorkflows.Publisher(_clock).Publish(definition);
        Assert.True(result.Succeeded, string.Join("; ", result.ValidationErrors.Select(e => $"{e.ActivityId}: {e.Message}")));
        foreach (var trigger in result.Triggers.Where(t => t.Kind == BookmarkKind.Time))
        {
            var scheduled = new ScheduledTrigger(definition, trigger);
            scheduled.Next = trigger.CronExpression is { } cron
                ? CronSchedule.Parse(cron).GetNextOccurrence(_clock.GetUtcNow())
                : trigger.DueAt;
            _triggers.Add(scheduled);
        }
    }

    /// <summary>A person starts the workflow by hand at <paramref name="at"/> (Kymenlaakso's phenomenon report).</summary>
    public void StartManually(WorkflowDefinition definition, DateTimeOffset at) => _manualStarts.Add((at, definition));

    public async Task RunUntilAsync(DateTimeOffset end)
    {
        for (var step = 0; step < 10_000; step++)
        {
            var next = NextAction();
            if (next is null || next.Value.At >= end)
            {
                MoveTo(end);
                return;
            }
            MoveTo(next.Value.At);
            await next.Value.Run();
        }
        throw new InvalidOperationException("The simulation did not settle in 10 000 steps.");
    }

    /// <summary>Time only moves forward: an action already overdue runs at the current time.</summary>
    private void MoveTo(DateTimeOffset at)
    {
        if (at > _clock.GetUtcNow())
        {
            _clock.SetUtcNow(at.ToUniversalTime());
        }
    }

    private (DateTimeOffset At, Func<Task> Run)? NextAction()
    {
        var candidates = new List<(DateTimeOffset At, int Order, Func<Task> Run)>();
        foreach (var trigger in _triggers.Where(t => t.Next is not null))
        {
            candidates.Add((trigger.Next!.Value, 0, () => FireAsync(trigger)));
        }
        foreach (var (at, definition) in _manualStarts)
        {
            candidates.Add((at, 0, async () =>
            {
                _manualStarts.Remove((at, definition));
                await StartAsync(definition, new RunOptions());
            }
            ));
        }
        foreach (var instance in _instances.Where(i => i.Status == WorkflowStatus.Running))
        {
            foreach (var bookmark in instance.Bookmarks)
            {
                var at = bookmark.Kind switch
                {
                    BookmarkKind.Time => bookmark.DueAt,
                    BookmarkKind.HumanTask => bookmark.DueAt ?? _taskCreated[bookmark.Id].AddDays(1),
                    _ => null,
                };
                if (at is { } due)
                {
                    object? input = bookmark.Kind == BookmarkKind.HumanTask
                        ? new JsonObject { ["outcome"] = Decide((JsonObject)bookmark.Payload!), ["completedBy"] = "simulation" }
                        : null;
                    candidates.Add((due, 1, async () =>
                    {
                        await InScopeAsync(() => _engine.ResumeAsync(instance, bookmark.Id, input));
                        Observe(instance);
                    }
                    ));
                }
            }
        }
        return candidates.Count == 0 ? null : candidates.OrderBy(c => c.At).ThenBy(c => c.Order).Select(c => ((DateTimeOffset,
            Func<Task>)?)(c.At, c.Run)).First();
    }

    private async Task FireAsync(ScheduledTrigger trigger)
    {
        var now = _clock.GetUtcNow();
        trigger.Next = trigger.Request.CronExpression is { } cron ? CronSchedule.Parse(cron).GetNextOccurrence(now) : null;
        await StartAsync(trigger.Definition, new RunOptions { TriggerActivityId = trigger.Request.ActivityId });
    }

    private async Task StartAsync(WorkflowDefinition definition, RunOptions options)
    {
        WorkflowInstance? instance = null;
        await InScopeAsync(async () => instance = await _engine.StartAsync(definition, options));
        _instances.Add(instance!);
        Observe(instance!);
    }

    private void Observe(WorkflowInstance instance)
    {
        if (instance.Fault is { } fault)
        {
            throw new InvalidOperationException($"{instance.Definition.DefinitionId} faulted at {fault.ActivityId}: {fault.Message}");
        }
        var now = _clock.GetUtcNow();
        var day = RakeWorkflows.HelsinkiDay(now);
        foreach (var bookmark in instance.Bookmarks
            .Where(b => b.Kind == BookmarkKind.HumanTask && _seenBookmarks.Add(instance.Id + "/" + b.Id)))
        {
            _taskCreated[bookmark.Id] = now;
            var payload = (JsonObject)bookmark.Payload!;
            Log.Add(new Appearance(day, "Task", (string)payload["role"]!, (string)payload["title"]!, (string?)payload["dueDate"],
                instance.Definition.DefinitionId));
            Payloads.Add(payload);
        }
        var seen = _journalSeen.GetValueOrDefault(instance.Id);
        foreach (var entry in instance.Journal.Skip(seen))
        {
            if (entry.Event == "Completed" && entry.ActivityType == "Rake.Reporting.CompilePeriodSummary")
            {
                var journal = instance.Journal.Last(e => e.ActivityId == entry.ActivityId && e.Event == "Journal"
                    && e.Message!.StartsWith("Period to compile", StringComparison.Ordinal));
                Log.Add(new Appearance(day, "Compilation", "", journal.Message!, Workflow: instance.Definition.DefinitionId));
            }
        }
        _journalSeen[instance.Id] = instance.Journal.Count;
    }

    /// <summary>
    /// Month (1–12) → what is due in it, sorted, for the given year: each task in the month of its due date, each
    /// compilation on the day it ran, each meeting and info session the runs stored on the day it is held.
    /// </summary>
    public async Task<SortedDictionary<int, string[]>> ByDueMonthAsync(int year)
    {
        var lines = Log.Where(a => a.DueDay.Year == year)
            .Select(a => (a.DueDay.Month, Line: a.Kind == "Task" ? $"{a.Who}: {a.What}" : $"Compilation: {a.What}"))
            .Concat(Held(await StoredAsync(), year));
        return new(lines.GroupBy(l => l.Month)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Line).Order(StringComparer.Ordinal).ToArray()));
    }

    /// <summary>
    /// The same year as the annual-cycle view names its steps ("Task: title", "Meeting: title", "InfoSession: title",
    /// "Compilation"), each once a month, for the runs of <paramref name="definitionIds"/>.
    /// </summary>
    public async Task<SortedDictionary<int, string[]>> StepsByMonthAsync(int year, params string[] definitionIds)
    {
        var lines = Log.Where(a => a.DueDay.Year == year && definitionIds.Contains(a.Workflow))
            .Select(a => (a.DueDay.Month, Line: a.Kind == "Task" ? $"Task: {a.What}" : "Compilation"))
            .Concat(Held(await StoredAsync(), year));
        return new(lines.GroupBy(l => l.Month).ToDictionary(g => g.Key,
            g => g.Select(l => l.Line).Distinct().Order(StringComparer.Ordinal).ToArray()));
    }

    /// <summary>The meetings ("Meeting: title") and info sessions ("InfoSession: title") stored, by the month they are held.</summary>
    internal static IEnumerable<(int Month, string Line)> Held(IEnumerable<string> stored, int year)
    {
        foreach (var line in stored)
        {
            var match = System.Text.RegularExpressions.Regex.Match(line,
                @"^(?:Meeting|Info session \w+) (\d{4})-(\d{2})-\d{2}: (.*)$");
            if (match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == year)
            {
                yield return (int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                    (line.StartsWith("Meeting", StringComparison.Ordinal) ? "Meeting: " : "InfoSession: ") + match.Groups[3].Value);
            }
        }
    }

    /// <summary>Month (1–12) → what appeared in it, sorted, for the given year.</summary>
    public SortedDictionary<int, string[]> ByMonth(int year) => new(
        Log.Where(a => a.Day.Year == year)
            .GroupBy(a => a.Day.Month)
            .ToDictionary(g => g.Key,
                g => g.Select(a => a.Kind == "Task" ? $"{a.Who}: {a.What}" : $"Compilation: {a.What}")
                    .Order(StringComparer.Ordinal).ToArray()));
}
