using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.Periods;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Benchmarks;

/// <summary>
/// Measurement 2: <see cref="PeriodSummaryHandler.SummarizeAsync"/> of a half-year over a generated data set, next to the
/// same counts and list written as raw SQL on the same open connection; both results are compared.
/// </summary>
internal static partial class SummaryBenchmark
{
    private const string Region = "kymenlaakso";

    public static async Task<bool> RunAsync(BenchOptions options, Report report)
    {
        // Kymenlaakso's demo setting is half-years from December (ReportingDemoData); the summary takes the period as given.
        var period = ReportingPeriod.Parse(PeriodScheme.HalfYears(12), options.PeriodId)
            ?? throw new ArgumentException($"--period must be a half-year such as 2025-H1 or 2025-H2, not '{options.PeriodId}'.");
        report.Section($"2. Period summary over {options.Reports:N0} reports ({options.Provider})");
        await using var database = await BenchDatabase.CreateFreshAsync(options, "summary");
        // Production environment: migrations only, no demo users (their password hashing would only cost time here).
        await using var app = await BenchHost.BuildAsync(database, "Production");
        await using var scope = app.Services.CreateAsyncScope();
        var requestContext = scope.ServiceProvider.GetRequiredService<RequestContext>();
        requestContext.SetRegion(new RegionId(Region));
        requestContext.SetUser(Guid.CreateVersion7(), "benchmark", [RegionRole.ResponsiblePerson]);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService<PeriodSummaryHandler>();
        // EF keeps a connection open by the caller for all its queries: EF and raw SQL run on this same connection.
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        var clock = Stopwatch.StartNew();
        var main = ReportGenerator.Generate(Region, options.Reports, options.Seed);
        var other = ReportGenerator.Generate("kainuu", options.Reports / 10, options.Seed + 1);
        var categoryRows = await ReportGenerator.InsertAsync(connection, database, [.. main, .. other]);
        if (!database.IsSqlite)
        {
            // What autovacuum would do soon after a bulk load; the SQLite app never runs ANALYZE, so neither does this.
            await using var analyze = BenchDatabase.Command(connection, "ANALYZE");
            await analyze.ExecuteNonQueryAsync();
        }
        report.Line($"Generated {main.Count:N0} kymenlaakso + {other.Count:N0} kainuu reports ({ReportGenerator.FirstDay:d.M.yyyy}-" +
                    $"{ReportGenerator.EndDay.AddDays(-1):d.M.yyyy}) with {categoryRows:N0} category rows in {clock.Elapsed.TotalSeconds:0.0} s; " +
                    $"{database.Where}, {await database.SizeBytesAsync() / 1024.0 / 1024.0:0} MB");

        var from = Helsinki.StartOf(period.From);
        var until = Helsinki.StartOf(period.To.AddDays(1));
        var inPeriod = main.Count(r => r.ReceivedAt >= from && r.ReceivedAt < until);
        report.Line($"Period {period.Id} = {period.From:d.M.yyyy}-{period.To:d.M.yyyy} (Helsinki time), region {Region}: " +
                    $"{inPeriod:N0} generated reports fall in it");
        var raw = new RawSummary(connection, database, Region, from, until);

        // Warm-up: query compilation, statement caches, page cache.
        var rawResult = await raw.RunAsync();
        PeriodSummaryDto ef;
        try
        {
            ef = await handler.SummarizeAsync(period, CancellationToken.None);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or DbException)
        {
            // A failed parameter write can leave EF's connection broken: the raw SQL carries on on a fresh one.
            await using var fresh = await database.OpenAsync();
            var rawOnly = new RawSummary(fresh, database, Region, from, until);
            var rawTimings = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                var begin = Stopwatch.GetTimestamp();
                rawResult = await rawOnly.RunAsync();
                rawTimings.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
            report.Line($"FAILED: PeriodSummaryHandler.SummarizeAsync threw {ex.GetType().Name}: {ex.Message}");
            report.Line($"Raw SQL alone: median {F(Median(rawTimings))} ms over {options.Runs} runs, {rawResult.Total:N0} reports, {rawResult.Phenomena.Count:N0} rows listed.");
            report.Line("Result check: MISMATCH (no EF result to compare)");
            return false;
        }
        var efTimes = new List<double>();
        var rawTimes = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            var start = Stopwatch.GetTimestamp();
            ef = await handler.SummarizeAsync(period, CancellationToken.None);
            efTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            start = Stopwatch.GetTimestamp();
            rawResult = await raw.RunAsync();
            rawTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var efMedian = Median(efTimes);
        var rawMedian = Median(rawTimes);

        // One more EF run with EF's diagnostic events on, for the time of each of its five queries.
        using var recorder = new EfCommandRecorder();
        recorder.Recording = true;
        // EF caches "nobody listens" for LoggingCacheTime (1 s by default) per context: let that run out first.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await handler.SummarizeAsync(period, CancellationToken.None);
        recorder.Recording = false;

        report.Line($"{options.Runs} timed runs after one warm-up, alternating; the same scope, DbContext and open connection");
        report.Table(
            ["Summary of " + period.Id, "Median ms", "Min ms", "Max ms", "Rows listed"],
            [
                ["PeriodSummaryHandler.SummarizeAsync (EF)", F(efMedian), F(efTimes.Min()), F(efTimes.Max()), ef.Phenomena.Count.ToString(Report.Culture)],
                ["Raw SQL, same 5 queries on the same connection", F(rawMedian), F(rawTimes.Min()), F(rawTimes.Max()), rawResult.Phenomena.Count.ToString(Report.Culture)],
            ]);
        report.Line($"EF / raw SQL: {efMedian / rawMedian:0.00}x");

        var efQueries = recorder.Commands;
        var breakdown = RawSummary.QueryNames.Select((name, i) => new[]
        {
            name,
            efQueries.Count == RawSummary.QueryNames.Length ? F(efQueries[i].Duration.TotalMilliseconds) : "?",
            F(raw.LastQueryMs[i]),
        }).ToList();
        report.Line("Per query (EF: one extra run timed by EF's own diagnostic events, execute + read; raw: the last timed run):");
        report.Table(["Query", "EF ms", "Raw ms"], breakdown);
        if (efQueries.Count == RawSummary.QueryNames.Length)
        {
            report.Line("EF's SQL for the category counts: " + Compact(efQueries[3].Sql));
            report.Line("Raw SQL for the category counts:  " + Compact(RawSummary.CategorySql(database)));
        }

        var checks = Compare(ef, rawResult).ToList();
        report.Line("");
        report.Line("Same result from EF and raw SQL:");
        foreach (var (name, ok, detail) in checks)
        {
            report.Line($"  {(ok ? "OK      " : "MISMATCH")} {name}: {detail}");
        }
        var allOk = checks.All(c => c.Ok);
        report.Line(allOk ? "Result check: OK" : "Result check: MISMATCH");
        // Period bounds: the generator knows which reports fall in the period in Helsinki time.
        var boundary = ef.TotalCount == inPeriod ? "OK" : "DIFFERENT";
        report.Line($"Period bounds: the summary's total {ef.TotalCount:N0} vs {inPeriod:N0} reports generated within {period.Id} in Helsinki time - {boundary}");
        if (database.IsSqlite && ef.TotalCount != inPeriod)
        {
            // SQLite compares the converter's longs: ((local clock ticks / 1000) << 11) | offset minutes. Reports are stored
            // in UTC, the bounds carry +02:00/+03:00, so the bounds act as if their Helsinki clock time were UTC.
            long Stored(DateTimeOffset value) => (long)database.Instant(value);
            var asStored = main.Count(r => Stored(r.ReceivedAt) >= Stored(from) && Stored(r.ReceivedAt) < Stored(until));
            var early = main.Count(r => r.ReceivedAt >= from && Stored(r.ReceivedAt) < Stored(from));
            var late = main.Count(r => r.ReceivedAt >= until && Stored(r.ReceivedAt) < Stored(until));
            report.Line($"      Comparing as SQLite does (DateTimeOffsetToBinaryConverter longs, whose order follows each value's clock time) " +
                        $"predicts {asStored:N0}: {early} reports of the first {from.Offset.TotalHours:0} h of {period.From:d.M.yyyy} (Helsinki) left out, " +
                        $"{late} of the first {until.Offset.TotalHours:0} h of {period.To.AddDays(1):d.M.yyyy} counted in.");
        }
        return allOk;
    }

    private static string F(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", Report.Culture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Compact(string sql) => Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static IEnumerable<(string Name, bool Ok, string Detail)> Compare(PeriodSummaryDto ef, RawSummaryResult raw)
    {
        yield return ("total", ef.TotalCount == raw.Total, $"EF {ef.TotalCount}, raw {raw.Total}");
        yield return Counts("by type", ef.ByType, raw.ByType);
        yield return Counts("by category", ef.ByCategory, raw.ByCategory);
        yield return Counts("by service area", ef.ByServiceArea, raw.ByServiceArea);
        yield return Counts("by municipality", ef.ByMunicipality, raw.ByMunicipality);
        var sameList = ef.Phenomena.Count == raw.Phenomena.Count
                       && ef.Phenomena.Zip(raw.Phenomena).All(p => p.First == p.Second);
        yield return ("phenomena list", sameList,
            $"EF {ef.Phenomena.Count} rows, raw {raw.Phenomena.Count} rows, {(sameList ? "identical in order and content" : "different")}");
    }

    private static (string, bool, string) Counts(string name, IReadOnlyList<CountDto> ef, IReadOnlyDictionary<string, int> raw)
    {
        var efCounts = ef.Where(c => c.Count > 0).ToDictionary(c => c.Key, c => c.Count);
        var ok = efCounts.Count == raw.Count && efCounts.All(kv => raw.TryGetValue(kv.Key, out var n) && n == kv.Value);
        var detail = string.Join(", ", ef.Select(c => $"{c.Key} {c.Count}" + (raw.GetValueOrDefault(c.Key) == c.Count ? "" : $" (raw {raw.GetValueOrDefault(c.Key)})")));
        return (name, ok, detail);
    }
}

internal sealed record RawSummaryResult(
    int Total, IReadOnlyDictionary<string, int> ByType, IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyDictionary<string, int> ByServiceArea, IReadOnlyDictionary<string, int> ByMunicipality, IReadOnlyList<PhenomenonDto> Phenomena);

/// <summary>The summary as one would write it by hand: four GROUP BYs (categories through a join) and the ordered list.</summary>
internal sealed class RawSummary(DbConnection connection, BenchDatabase database, string region, DateTimeOffset from, DateTimeOffset until)
{
    public static readonly string[] QueryNames = ["by type", "by service area", "by municipality", "by category", "phenomena list"];

    private const string InPeriod = "r.\"RegionCode\" = @region AND r.\"ReceivedAt\" >= @from AND r.\"ReceivedAt\" < @until";

    public double[] LastQueryMs { get; } = new double[QueryNames.Length];

    public static string CategorySql(BenchDatabase database) =>
        $"SELECT c.\"Code\", COUNT(*) FROM {database.Table("reporting", "ReportCategories")} c " +
        $"JOIN {database.Table("reporting", "SocialReports")} r ON r.\"Id\" = c.\"ReportId\" WHERE {InPeriod} GROUP BY c.\"Code\"";

    public async Task<RawSummaryResult> RunAsync()
    {
        var reports = database.Table("reporting", "SocialReports");
        var byType = await CountsAsync(0, $"SELECT r.\"PhenomenonType\", COUNT(*) FROM {reports} r WHERE {InPeriod} GROUP BY r.\"PhenomenonType\"");
        var byServiceArea = await CountsAsync(1, $"SELECT r.\"ServiceArea\", COUNT(*) FROM {reports} r WHERE {InPeriod} GROUP BY r.\"ServiceArea\"");
        var byMunicipality = await CountsAsync(2, $"SELECT r.\"Municipality\", COUNT(*) FROM {reports} r WHERE {InPeriod} GROUP BY r.\"Municipality\"");
        var byCategory = await CountsAsync(3, CategorySql(database));

        var start = Stopwatch.GetTimestamp();
        var phenomena = new List<PhenomenonDto>();
        await using (var list = Command(
                         $"SELECT r.\"Number\", r.\"ReceivedAt\", r.\"PhenomenonType\", r.\"Title\", r.\"Proposal\", r.\"ServiceArea\", r.\"Municipality\" " +
                         $"FROM {reports} r WHERE {InPeriod} ORDER BY r.\"Number\""))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                phenomena.Add(new PhenomenonDto(reader.GetInt32(0), database.ReadInstant(reader, 1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            }
        }
        LastQueryMs[4] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return new RawSummaryResult(byType.Values.Sum(), byType, byCategory, byServiceArea, byMunicipality, phenomena);
    }

    private DbCommand Command(string sql) =>
        BenchDatabase.Command(connection, sql, null,
            ("@region", region), ("@from", database.Instant(from)), ("@until", database.Instant(until)));

    private async Task<Dictionary<string, int>> CountsAsync(int index, string sql)
    {
        var start = Stopwatch.GetTimestamp();
        var counts = new Dictionary<string, int>();
        await using (var command = Command(sql))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                counts[reader.GetString(0)] = checked((int)reader.GetInt64(1));
            }
        }
        LastQueryMs[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return counts;
    }
}

/// <summary>
/// Listens to EF's DiagnosticSource events while <see cref="Recording"/> is on: each query's text, and its time as
/// CommandExecuted (executing; SQLite does an aggregate's work here) plus DataReaderDisposing (reading the rows). No Host change needed.
/// </summary>
internal sealed class EfCommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private readonly List<(Guid CommandId, string Sql, TimeSpan Duration)> commands = [];
    private volatile bool recording;

    public EfCommandRecorder() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public bool Recording
    {
        get => recording;
        set => recording = value;
    }

    public IReadOnlyList<(string Sql, TimeSpan Duration)> Commands
    {
        get
        {
            lock (commands)
            {
                return commands.Select(c => (c.Sql, c.Duration)).ToList();
            }
        }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(listener.Subscribe(this, name => recording &&
                    (name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.DataReaderDisposing.Name)));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!recording)
        {
            return;
        }
        lock (commands)
        {
            switch (value.Value)
            {
                case CommandExecutedEventData executed:
                    commands.Add((executed.CommandId, executed.Command.CommandText, executed.Duration));
                    break;
                case DataReaderDisposingEventData disposing:
                    var i = commands.FindLastIndex(c => c.CommandId == disposing.CommandId);
                    if (i >= 0)
                    {
                        commands[i] = commands[i] with { Duration = commands[i].Duration + disposing.Duration };
                    }
                    break;
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
        }
    }
}
