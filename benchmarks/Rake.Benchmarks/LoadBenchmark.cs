using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Messaging;

namespace Rake.Benchmarks;

/// <summary>
/// Measurement 1: submissions through the whole Host (auth, region filter, validation, PII guard, EF, audit, outbox)
/// next to a bare endpoint of the same app that does one INSERT of a row of similar size.
/// </summary>
internal static class LoadBenchmark
{
    public const string Region = "kymenlaakso";
    public const string SubmitPath = $"/api/v1/regions/{Region}/social-reports";
    public const string BarePath = "/bench/bare-insert";

    public static async Task<bool> RunAsync(BenchOptions options, Report report)
    {
        report.Section($"1. Submission load ({options.Provider}, Host environment {options.Environment})");
        await using var database = await BenchDatabase.CreateFreshAsync(options, "load");
        if (database.IsSqlite && options.SqliteBusyTimeoutMs > 0)
        {
            database.SqliteBusyTimeoutMs = options.SqliteBusyTimeoutMs;
            report.Line($"EXPERIMENT: PRAGMA busy_timeout = {options.SqliteBusyTimeoutMs} on every connection (the Host itself does not set it)");
        }
        var dbErrors = new DbErrorCounter();
        var started = Stopwatch.StartNew();
        var profile = options.Profile ? new SqlProfile { Path = SubmitPath } : null;
        using var profileSubscription = profile?.Subscribe();
        await using var mail = await BenchMailSink.StartAsync();
        await using var app = await BenchHost.BuildAsync(database, options.Environment, dbErrors, builder =>
        {
            builder.Configuration["Communications:Smtp:Host"] = "127.0.0.1";
            builder.Configuration["Communications:Smtp:Port"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Configuration["Communications:Smtp:EnableSsl"] = "false";
            // The Demo data's own reports would be counted as submissions the run did not send (docs/adr/0172).
            builder.Configuration["Reporting:DemoReports"] = "false";
            if (profile is not null)
            {
                builder.Services.AddSingleton(profile.StartupFilter());
            }
        });
        var bare = new BareInsert(database);
        await database.ExecuteAsync(bare.CreateTableSql);
        app.MapPost(BarePath, bare.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.Single();
        var uri = new Uri(address);
        if (!IPAddress.IsLoopback(IPAddress.Parse(uri.Host)))
        {
            throw new InvalidOperationException($"The Host listens on {address}; the benchmark only sends to the loopback address.");
        }
        report.Line($"Host up in {started.Elapsed.TotalSeconds:0.0} s at {address}; {database.Where}");

        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = options.Concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = false,
        })
        {
            BaseAddress = uri,
            Timeout = TimeSpan.FromSeconds(100),
        };
        var token = await TokenAsync(http, $"{Region}-professional");

        var submit = new Target("POST " + SubmitPath, SubmitPath, token);
        var bareTarget = new Target("POST " + BarePath + " (one INSERT)", BarePath, null);
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        // Warm-up (JIT, pools, caches), then an empty outbox so the measured runs start from the same state.
        var warmups = new[]
        {
            await FireAsync(http, submit, options.Warmup, options.Concurrency, 0),
            await FireAsync(http, bareTarget, options.Warmup, options.Concurrency, 0),
        };
        await DrainOutboxAsync(database, dispatcher);
        dbErrors.Reset();

        var bareCost = CostMeter.Start();
        var bareResult = await FireAsync(http, bareTarget, options.Requests, options.Concurrency, options.Warmup);
        bareCost.Stop();
        // For a profiler attached from outside (README *Benchmarks*): the phase it should sample starts now.
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] submissions with {options.Concurrency} in flight: start");
        var submitCost = CostMeter.Start();
        var submitResult = await FireAsync(http, submit, options.Requests, options.Concurrency, options.Warmup);
        var clashes = dbErrors.UniqueViolations;
        var otherDbErrors = dbErrors.OtherErrors;
        var backlog = await PendingOutboxAsync(database);
        var drain = await DrainOutboxAsync(database, dispatcher);
        submitCost.Stop();
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] submissions with {options.Concurrency} in flight: done");

        // The same, one request at a time: no clashes between requests (the outbox dispatcher still runs after each submission).
        var sequential = new List<LoadResult>();
        var extraSent = 0;
        if (options.Sequential > 0)
        {
            sequential.Add(await FireAsync(http, bareTarget, options.Sequential, 1, options.Warmup + options.Requests));
            sequential.Add(await FireAsync(http, submit, options.Sequential, 1, options.Warmup + options.Requests));
            await DrainOutboxAsync(database, dispatcher);
        }
        if (profile is not null && options.Sequential > 0)
        {
            profile.Start();
            var profiled = await FireAsync(http, submit, options.Sequential, 1, options.Warmup + options.Requests + options.Sequential);
            profile.Stop();
            await DrainOutboxAsync(database, dispatcher);
            extraSent = options.Sequential;
            profile.Print(report);
            report.Line($"(the profiled submissions took {profiled.Percentile(50):0.0} ms p50 at the client)");
        }

        var reports = database.Table("reporting", "SocialReports");
        var stored = await database.ScalarAsync($"SELECT COUNT(*) FROM {reports} WHERE \"RegionCode\" = '{Region}'");
        var distinctNumbers = await database.ScalarAsync($"SELECT COUNT(DISTINCT \"Number\") FROM {reports} WHERE \"RegionCode\" = '{Region}'");
        var maxNumber = await database.ScalarAsync($"SELECT COALESCE(MAX(\"Number\"), 0) FROM {reports} WHERE \"RegionCode\" = '{Region}'");
        var failedEvents = await database.ScalarAsync($"SELECT COUNT(*) FROM {database.Table("reporting", "OutboxMessages")} WHERE \"LastError\" IS NOT NULL");
        await app.StopAsync();

        report.Line($"{options.Requests} measured requests per endpoint with {options.Concurrency} in flight after {options.Warmup} warm-up" +
                    (options.Sequential > 0 ? $", then {options.Sequential} one at a time" : "") +
                    "; HttpClient in the same process over 127.0.0.1 (client and server share the cores)");
        report.Table(
            ["Endpoint", "In flight", "Requests", "Errors", "Req/s", "p50 ms", "p90 ms", "p99 ms", "Max ms"],
            [submitResult.Row(), bareResult.Row(), .. sequential.AsEnumerable().Reverse().Select(r => r.Row())]);
        report.Line($"Bare insert vs submission with {options.Concurrency} in flight: {bareResult.RequestsPerSecond / submitResult.RequestsPerSecond:0.0}x the requests/s; " +
                    $"the submission's p50 is {submitResult.Percentile(50) / bareResult.Percentile(50):0.0}x and its p99 {submitResult.Percentile(99) / bareResult.Percentile(99):0.0}x the bare insert's");
        if (sequential.Count == 2)
        {
            report.Line($"One at a time: a submission takes {sequential[1].Percentile(50):0.0} ms (p50), the bare insert {sequential[0].Percentile(50):0.0} ms");
        }
        report.Line($"Report-number clashes retried by SubmitReportHandler during the {options.Concurrency}-in-flight run (unique index violations): {clashes}; " +
                    $"other failed SaveChanges: {otherDbErrors}" + (dbErrors.FirstOther is { } first ? $" (first: {Shorten(first)})" : ""));
        report.Line($"Notice mails accepted by the benchmark's SMTP server: {mail.Accepted}");
        report.Line($"GC: {(GCSettings.IsServerGC ? "Server" : "Workstation")}, latency mode {GCSettings.LatencyMode}; " +
                    $"{Environment.ProcessorCount} processors");
        report.Line($"Per bare insert ({options.Concurrency} in flight): {bareCost.Describe(options.Requests)}");
        report.Line($"Per submission ({options.Concurrency} in flight, its outbox backlog delivered): {submitCost.Describe(options.Requests)}");
        report.Line($"Outbox backlog when that run ended: {backlog} events; delivered in {drain.TotalSeconds:0.00} s; events that failed delivery: {failedEvents}");
        var sent = (long)options.Warmup + options.Requests + options.Sequential + extraSent;
        var numbersOk = distinctNumbers == stored && maxNumber == stored;
        report.Line($"Stored kymenlaakso reports: {stored} of {sent} sent" + (stored == sent ? "" : $" ({sent - stored} missing)") +
                    $"; numbers 1..{maxNumber} without gaps or duplicates: {(numbersOk ? "OK" : "MISMATCH")}");
        numbersOk &= stored == sent;
        var all = warmups.Select(r => (Run: "warm-up", Result: r))
            .Concat(new[] { submitResult, bareResult }.Concat(sequential).Select(r => (Run: "measured", Result: r)))
            .ToList();
        foreach (var (run, result) in all.Where(r => r.Result.Errors > 0))
        {
            report.Line($"{result.Errors} errors of {result.Target.Name}, {run}, {result.Concurrency} in flight; first: {result.FirstError}");
        }
        if (dbErrors.Unhandled > 0)
        {
            report.Line($"The Host logged {dbErrors.Unhandled} unhandled errors (500) after the warm-up; the first: {Shorten(dbErrors.FirstUnhandled ?? "")}");
        }
        var ok = all.All(r => r.Result.Errors == 0) && numbersOk;
        report.Line(ok
            ? $"Errors: 0 of {all.Sum(r => r.Result.Latencies.Length)} requests (warm-up included) - OK"
            : $"ERRORS: {all.Sum(r => r.Result.Errors)} of {all.Sum(r => r.Result.Latencies.Length)} requests (warm-up included) - see above");
        return ok;
    }

    private static string Shorten(string text)
    {
        var line = string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 300 ? line[..300] + "..." : line;
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Demo-2026!" });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed with {(int)response.StatusCode}: {body}. Is the Host in demo mode (--environment Demo or Development)?");
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Sends <paramref name="count"/> requests with <paramref name="concurrency"/> workers; every request is timed on its own.</summary>
    private static async Task<LoadResult> FireAsync(HttpClient http, Target target, int count, int concurrency, int numberOffset)
    {
        var latencies = new double[count];
        var next = -1;
        var errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(concurrency, Math.Max(count, 1))).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count)
                {
                    return;
                }
                using var request = new HttpRequestMessage(HttpMethod.Post, target.Path)
                {
                    Content = new ByteArrayContent(Payload.Json(numberOffset + i)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                };
                if (target.Token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
                }
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode} {Shorten(body)}", null);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, ex.Message, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        return new LoadResult(target, concurrency, latencies, errors, firstError, clock.Elapsed);
    }

    private static async Task<long> PendingOutboxAsync(BenchDatabase database)
    {
        var tables = new List<string>();
        await using (var connection = database.CreateConnection())
        {
            await connection.OpenAsync();
            await using var list = BenchDatabase.Command(connection, database.IsSqlite
                ? "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_OutboxMessages' ESCAPE '\\'"
                : "SELECT table_schema || '.\"OutboxMessages\"' FROM information_schema.tables WHERE table_name = 'OutboxMessages'");
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        long pending = 0;
        foreach (var table in tables)
        {
            pending += await database.ScalarAsync(
                $"SELECT COUNT(*) FROM {table} WHERE \"ProcessedAt\" IS NULL AND \"Attempts\" < {OutboxDispatcher.MaxAttempts}");
        }
        return pending;
    }

    /// <summary>Delivers the outbox backlog now (the background loop would wait up to 5 s between batches of 100).</summary>
    private static async Task<TimeSpan> DrainOutboxAsync(BenchDatabase database, OutboxDispatcher dispatcher)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var delivered = await dispatcher.DispatchPendingAsync(CancellationToken.None);
            if (delivered == 0 && await PendingOutboxAsync(database) == 0)
            {
                break;
            }
        }
        return clock.Elapsed;
    }

    private sealed record Target(string Name, string Path, string? Token);

    private sealed record LoadResult(Target Target, int Concurrency, double[] Latencies, int Errors, string? FirstError, TimeSpan Elapsed)
    {
        private readonly double[] sorted = Latencies.Order().ToArray();

        public double RequestsPerSecond => Latencies.Length / Elapsed.TotalSeconds;

        /// <summary>Nearest-rank percentile.</summary>
        public double Percentile(double p) =>
            sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

        public string[] Row() =>
        [
            Target.Name, Concurrency.ToString(Report.Culture), Latencies.Length.ToString(Report.Culture), Errors.ToString(Report.Culture),
            RequestsPerSecond.ToString("0", Report.Culture), Percentile(50).ToString("0.0", Report.Culture),
            Percentile(90).ToString("0.0", Report.Culture), Percentile(99).ToString("0.0", Report.Culture),
            (sorted.Length == 0 ? 0 : sorted[^1]).ToString("0.0", Report.Culture),
        ];
    }
}

/// <summary>
/// CPU time of the whole process (client, Host, background workers) and bytes allocated on every thread across a phase,
/// for a cost per request that does not count time spent waiting.
/// </summary>
internal sealed class CostMeter
{
    private readonly TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
    private readonly int[] collectionsAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan pausedAtStart = GC.GetTotalPauseDuration();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan cpu;
    private long allocated;
    private int[] collections = [];
    private TimeSpan paused;

    public static CostMeter Start() => new();

    public void Stop()
    {
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
        collections = [.. Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsAtStart[g])];
        paused = GC.GetTotalPauseDuration() - pausedAtStart;
    }

    public string Describe(int requests) =>
        $"{cpu.TotalMicroseconds / requests:0} µs CPU, {allocated / 1024.0 / requests:0.0} KiB allocated; " +
        $"over {clock.Elapsed.TotalSeconds:0.0} s: CPU {cpu.TotalSeconds / clock.Elapsed.TotalSeconds:0.00} cores, " +
        $"GCs gen0/1/2 {collections[0]}/{collections[1]}/{collections[2]}, GC pauses {paused.TotalMilliseconds:0} ms";
}

/// <summary>The submission body; the same bytes go to both endpoints. Text that the PII guard passes without warnings.</summary>
internal static class Payload
{
    public static byte[] Json(int i) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        phenomenonType = (i % 3) switch { 0 => "Negative", 1 => "Positive", _ => "Other" },
        title = $"Kuormitustesti {i}: asumisen tuen jonot pitenevät",
        description = "Asiakastyössä on toistuvasti havaittu, että nuorten aikuisten asumisen tuen hakemukset jäävät pitkiksi ajoiksi " +
                      "käsittelyyn. Tilapäismajoitusta joudutaan käyttämään viikkojen ajan, ja samalla muu tuki viivästyy. Ilmiö koskee " +
                      "erityisesti itsenäistyviä nuoria, joiden tukiverkosto on ohut, ja se näkyy myös aikuissosiaalityön vastaanotoilla.",
        proposal = "Hakemusten käsittelyyn ehdotetaan yhteistä jonon seurantaa ja selkeää vastuuhenkilöä kiireellisille tilanteille.",
        triedAlready = "Yhteistyöpalaverit asumisneuvonnan kanssa.",
        categories = (i % 4) switch { 0 => new[] { "housing" }, 1 => ["housing", "income"], 2 => ["services"], _ => ["housing", "signals", "needs"] },
        serviceArea = "adults",
        municipality = (i % 2) == 0 ? "kotka" : "kouvola",
        targetGroup = "children-youth",
        supervisor = "kymenlaakso-supervisor",
        language = "fi",
    });
}

/// <summary>The comparison endpoint: no auth, no validation, no EF; one parameterised INSERT on a pooled connection.</summary>
internal sealed class BareInsert(BenchDatabase database)
{
    private int number;

    public string Table => database.IsSqlite ? "\"bench_BareInserts\"" : "bench.\"BareInserts\"";

    public string CreateTableSql
    {
        get
        {
            var (id, text, integer, instant) = database.IsSqlite
                ? ("TEXT", "TEXT", "INTEGER", "INTEGER")
                : ("uuid", "varchar(8000)", "integer", "timestamptz");
            return (database.IsSqlite ? "" : "CREATE SCHEMA IF NOT EXISTS bench; ") +
                   $"""
                    CREATE TABLE {Table} (
                        "Id" {id} NOT NULL PRIMARY KEY, "RegionCode" {text} NOT NULL, "Number" {integer} NOT NULL, "ReceivedAt" {instant} NOT NULL,
                        "ReporterUserName" {text} NOT NULL, "PhenomenonType" {text} NOT NULL, "Title" {text} NOT NULL, "Description" {text} NOT NULL,
                        "Proposal" {text} NOT NULL, "TriedAlready" {text} NULL, "Categories" {text} NOT NULL, "ServiceArea" {text} NOT NULL,
                        "Municipality" {text} NOT NULL, "TargetGroup" {text} NOT NULL, "SupervisorUserName" {text} NOT NULL, "Language" {text} NOT NULL,
                        "Status" {text} NOT NULL)
                    """;
        }
    }

    public async Task<IResult> HandleAsync(BarePayload body, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var n = Interlocked.Increment(ref number);
        await using var connection = await database.OpenAsync(ct);
        await using var command = BenchDatabase.Command(connection,
            $"""
             INSERT INTO {Table} ("Id", "RegionCode", "Number", "ReceivedAt", "ReporterUserName", "PhenomenonType", "Title", "Description",
                 "Proposal", "TriedAlready", "Categories", "ServiceArea", "Municipality", "TargetGroup", "SupervisorUserName", "Language", "Status")
             VALUES (@id, @region, @number, @at, @reporter, @type, @title, @description, @proposal, @tried, @categories, @area, @municipality,
                 @group, @supervisor, @language, 'Received')
             """,
            null,
            ("@id", database.Id(id)), ("@region", LoadBenchmark.Region), ("@number", n), ("@at", database.Instant(DateTimeOffset.UtcNow)),
            ("@reporter", "bench"), ("@type", body.PhenomenonType ?? ""), ("@title", body.Title ?? ""), ("@description", body.Description ?? ""),
            ("@proposal", body.Proposal ?? ""), ("@tried", body.TriedAlready), ("@categories", string.Join(",", body.Categories ?? [])),
            ("@area", body.ServiceArea ?? ""), ("@municipality", body.Municipality ?? ""), ("@group", body.TargetGroup ?? ""),
            ("@supervisor", body.Supervisor ?? ""), ("@language", body.Language ?? "fi"));
        await command.ExecuteNonQueryAsync(ct);
        return Results.Created($"{LoadBenchmark.BarePath}/{id}", new { id, number = n });
    }
}

internal sealed record BarePayload(
    string? PhenomenonType, string? Title, string? Description, string? Proposal, string? TriedAlready, IReadOnlyList<string>? Categories,
    string? ServiceArea, string? Municipality, string? TargetGroup, string? Supervisor, string? Language);
