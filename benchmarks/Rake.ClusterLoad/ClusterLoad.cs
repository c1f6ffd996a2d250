using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Rake.ClusterLoad;

/// <summary>
/// Load through the cluster's front (scripts/cluster.sh): N clients submit reports for T seconds while, optionally, one Host
/// is killed with kill -9 every K seconds and restarted. Then every acknowledged report is looked up in the database: none may
/// be missing, none stored twice, and numbers stay unique per region. A request whose answer the client never saw may or
/// may not be stored; it is counted, not judged.
/// </summary>
internal static class ClusterLoad
{
    private static readonly string[] Regions = ["kainuu", "kymenlaakso", "keski-suomi"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ClusterOptions.Parse(args);
        // Letters only: a run of digits in a title could look like a personal identity code to the PII guard.
        var run = "bench-" + new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var kill = options.KillEverySeconds > 0 ? $", kill -9 of one of {options.Hosts} Hosts every {options.KillEverySeconds} s" : "";
        var bare = options.Target == "bare";
        var target = bare ? BarePath : "/api/v1/regions/{region}/social-reports";
        Console.WriteLine($"Cluster load: {options.Clients} clients for {options.Seconds} s through {options.Url} to {target}{kill}; " +
                          $"run marker {run}");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2 })
        {
            BaseAddress = new Uri(options.Url),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var tokens = new Dictionary<string, string>();
        foreach (var region in Regions)
        {
            tokens[region] = await TokenAsync(http, $"{region}-professional");
        }

        string? ticks = null;
        if (!bare && options.TickSeconds > 0)
        {
            ticks = await ClusterChecks.StartTicksAsync(http, options.TickSeconds);
        }

        var outcomes = new ConcurrentBag<Outcome>();
        var stopwatch = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(options.Seconds);
        using var killing = new CancellationTokenSource();
        var killer = options.KillEverySeconds > 0 ? KillLoopAsync(options, stopwatch, end, killing.Token) : Task.FromResult(0);
        var clients = Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var region = Regions[client % Regions.Length];
            for (var seq = 0; stopwatch.Elapsed < end; seq++)
            {
                var marker = $"{run}-c{client}-s{seq}";
                using var request = new HttpRequestMessage(HttpMethod.Post, bare ? BarePath : $"/api/v1/regions/{region}/social-reports")
                {
                    Content = JsonContent.Create(Body(region, marker, bare)),
                };
                if (!bare)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[region]);
                }
                var started = stopwatch.Elapsed;
                try
                {
                    using var response = await http.SendAsync(request);
                    var took = (stopwatch.Elapsed - started).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var receipt = await response.Content.ReadFromJsonAsync<JsonObject>();
                        outcomes.Add(new Outcome(marker, region, Kind.Acknowledged, (int)response.StatusCode, took,
                            receipt!["id"]!.GetValue<Guid>(), receipt["number"]!.GetValue<int>()));
                    }
                    else if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
                    {
                        // nginx lost the Host mid-request: it may have committed before dying, so the outcome is unknown.
                        outcomes.Add(new Outcome(marker, region, Kind.Unknown, (int)response.StatusCode, took, null, null));
                    }
                    else
                    {
                        outcomes.Add(new Outcome(marker, region, Kind.Refused, (int)response.StatusCode, took, null, null));
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    outcomes.Add(new Outcome(marker, region, Kind.Unknown, 0, (stopwatch.Elapsed - started).TotalMilliseconds, null, null));
                }
            }
        })).ToList();
        await Task.WhenAll(clients);
        var elapsed = stopwatch.Elapsed;
        var loadEnded = DateTimeOffset.UtcNow;
        await killing.CancelAsync();
        var kills = await killer;

        var stored = await StoredAsync(options.Connection, run, bare);
        var ok = Print(outcomes.ToList(), stored, elapsed, kills, options, bare);
        if (!bare)
        {
            var acknowledged = outcomes.Where(o => o.Kind == Kind.Acknowledged).Select(o => o.Id!.Value).ToList();
            ok &= await ClusterChecks.PrintOutboxAsync(options.Connection, acknowledged, TimeSpan.FromSeconds(options.OutboxWaitSeconds));
        }
        if (ticks is not null)
        {
            // The Host that takes a dead one's occurrences over finds it dead after a check-in or two: give it that.
            var until = loadEnded - TimeSpan.FromSeconds(options.TickSeconds);
            var settle = until + TimeSpan.FromSeconds(30) - DateTimeOffset.UtcNow;
            if (settle > TimeSpan.Zero)
            {
                await Task.Delay(settle);
            }
            ok &= await ClusterChecks.PrintTicksAsync(options.Connection, ticks, options.TickSeconds, until);
            await ClusterChecks.StopTicksAsync(http, ticks);
        }
        Console.WriteLine(ok ? "OK: nothing lost, nothing done twice." : "FAILED: see the counts above.");
        return ok ? 0 : 1;
    }

    private const string BarePath = "/bench/bare-insert";

    private static bool Print(List<Outcome> outcomes, List<Stored> stored, TimeSpan elapsed, int kills, ClusterOptions options, bool bare)
    {
        var acknowledged = outcomes.Where(o => o.Kind == Kind.Acknowledged).ToList();
        var storedByMarker = stored.GroupBy(s => s.Marker).ToDictionary(g => g.Key, g => g.ToList());
        var lost = acknowledged.Count(a => !storedByMarker.TryGetValue(a.Marker, out var rows) || rows.All(r => r.Id != a.Id));
        var duplicated = storedByMarker.Values.Count(rows => rows.Count > 1);
        // The bare insert numbers per process, so only submissions' numbers must be unique per region.
        var numberClashes = bare ? 0 : stored.GroupBy(s => (s.Region, s.Number)).Count(g => g.Count() > 1);
        var unknown = outcomes.Where(o => o.Kind == Kind.Unknown).ToList();
        var unknownStored = unknown.Count(u => storedByMarker.ContainsKey(u.Marker));
        var refused = outcomes.Where(o => o.Kind == Kind.Refused).ToList();
        var refusedStored = refused.Count(r => storedByMarker.ContainsKey(r.Marker));
        var latencies = acknowledged.Select(a => a.Milliseconds).Order().ToArray();

        Console.WriteLine($"Requests: {outcomes.Count} in {elapsed.TotalSeconds:0.0} s " +
                          $"({outcomes.Count / elapsed.TotalSeconds:0} req/s); Hosts killed: {kills}");
        Console.WriteLine($"Acknowledged (201): {acknowledged.Count}, p50 {Percentile(latencies, 50):0.0} ms, " +
                          $"p99 {Percentile(latencies, 99):0.0} ms");
        var statuses = string.Join(", ", refused.GroupBy(r => r.Status).Select(g => $"{g.Key}: {g.Count()}"));
        Console.WriteLine($"Refused with an answer: {refused.Count} ({statuses}); stored anyway: {refusedStored}");
        var gateway = string.Join(", ", unknown.GroupBy(u => u.Status).Select(g => $"{(g.Key == 0 ? "none" : g.Key)}: {g.Count()}"));
        Console.WriteLine($"No answer from a Host (nginx 502/504, or the connection lost): {unknown.Count} ({gateway}); " +
                          $"of these stored: {unknownStored}");
        Console.WriteLine($"Stored with this run's marker: {stored.Count}");
        Console.WriteLine($"Lost (acknowledged, not stored): {lost}");
        Console.WriteLine($"Duplicated (one request stored twice): {duplicated}");
        Console.WriteLine($"Report numbers used twice in a region: {numberClashes}");
        var errorRate = outcomes.Count == 0 ? 0 : (refused.Count + unknown.Count) * 100.0 / outcomes.Count;
        Console.WriteLine($"Error rate (refused or unanswered): {errorRate:0.00} %");
        // One line for scripts/cluster-scaling.sh to collect.
        Console.WriteLine(FormattableString.Invariant($"RESULT target={(bare ? "bare" : "submit")} hosts={options.Hosts} ") +
                          FormattableString.Invariant($"clients={options.Clients} rps={acknowledged.Count / elapsed.TotalSeconds:0} ") +
                          FormattableString.Invariant($"p50={Percentile(latencies, 50):0.0} p99={Percentile(latencies, 99):0.0} ") +
                          FormattableString.Invariant($"errors={errorRate:0.00}"));
        return lost == 0 && duplicated == 0 && numberClashes == 0 && refusedStored == 0 && acknowledged.Count > 0;
    }

    private static async Task<int> KillLoopAsync(ClusterOptions options, Stopwatch stopwatch, TimeSpan end, CancellationToken cancel)
    {
        var kills = 0;
        var restarts = new List<Task>();
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(options.KillEverySeconds), cancel);
                if (stopwatch.Elapsed >= end)
                {
                    break;
                }
                var host = kills % options.Hosts + 1;
                await ClusterAsync(options, "kill", host);
                kills++;
                Console.WriteLine($"  {stopwatch.Elapsed.TotalSeconds:0.0} s: Host {host} killed with kill -9; restarting it");
                restarts.Add(ClusterAsync(options, "restart", host));
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
        await Task.WhenAll(restarts);
        return kills;
    }

    private static async Task ClusterAsync(ClusterOptions options, string command, int host)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { options.ClusterScript, command, host.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"  cluster.sh {command} {host} failed: {await output}{await error}");
        }
    }

    private static async Task<List<Stored>> StoredAsync(string connectionString, string run, bool bare)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var table = bare ? "bench.\"BareInserts\"" : "reporting.\"SocialReports\"";
        await using var command = new NpgsqlCommand(
            $"SELECT \"Id\", \"RegionCode\", \"Number\", \"Title\" FROM {table} WHERE \"Title\" LIKE @run", connection);
        command.Parameters.AddWithValue("run", $"{run}-%");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Stored>();
        while (await reader.ReadAsync())
        {
            var title = reader.GetString(3);
            rows.Add(new Stored(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), title.Split(' ')[0]));
        }
        return rows;
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Demo-2026!" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private static JsonObject Body(string region, string marker, bool bare)
    {
        var body = new JsonObject
        {
            ["phenomenonType"] = "Negative",
            ["title"] = $"{marker} asumisen tuen jonot pitenevät",
            ["description"] = "Asiakastyössä on toistuvasti havaittu, että nuorten aikuisten asumisen tuen hakemukset jäävät " +
                              "pitkiksi ajoiksi käsittelyyn, ja tilapäismajoitusta joudutaan käyttämään viikkojen ajan.",
            ["proposal"] = "Hakemusten käsittelyyn ehdotetaan yhteistä jonon seurantaa.",
            ["categories"] = new JsonArray("housing"),
            ["serviceArea"] = "adults",
            ["municipality"] = region switch { "kainuu" => "kajaani", "kymenlaakso" => "kotka", _ => "jyvaskyla" },
            ["targetGroup"] = "working-age",
            ["supervisor"] = $"{region}-supervisor",
            ["language"] = "fi",
        };
        if (bare)
        {
            // The bare insert has no region in its path; a submission refuses fields it does not know.
            body["region"] = region;
        }
        return body;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private enum Kind
    {
        Acknowledged,
        Refused,
        Unknown,
    }

    private sealed record Outcome(string Marker, string Region, Kind Kind, int Status, double Milliseconds, Guid? Id, int? Number);

    private sealed record Stored(Guid Id, string Region, int Number, string Marker);

    private sealed record ClusterOptions(string Url, int Clients, int Seconds, int KillEverySeconds, int Hosts, string ClusterScript,
        string Connection, string Target, int TickSeconds, int OutboxWaitSeconds)
    {
        public static ClusterOptions Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                values[args[i]] = args[i + 1];
            }
            var run = Environment.GetEnvironmentVariable("RAKE_CLUSTER_DIR") ?? "/tmp/rake-cluster";
            var connectionFile = Path.Combine(run, "connection");
            var connection = values.GetValueOrDefault("--connection")
                ?? (File.Exists(connectionFile) ? File.ReadAllText(connectionFile).Trim() : null)
                ?? throw new ArgumentException("--connection: the cluster's PostgreSQL database (or start it with scripts/cluster.sh)");
            int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new ClusterOptions(
                values.GetValueOrDefault("--url") ?? "http://127.0.0.1:8080",
                Int("--clients", 32),
                Int("--seconds", 60),
                Int("--kill-every", 0),
                Int("--hosts", File.Exists(Path.Combine(run, "hosts")) ? int.Parse(File.ReadAllText(Path.Combine(run, "hosts")).Trim(),
                    CultureInfo.InvariantCulture) : 3),
                values.GetValueOrDefault("--cluster-script") ?? FindClusterScript(),
                connection,
                values.GetValueOrDefault("--target") is "bare" ? "bare" : "submit",
                Int("--tick-seconds", 5),
                // A killed Host's claims wait out their 2-minute lease (docs/adr/0124) before another Host delivers them.
                Int("--outbox-wait", 200));
        }

        private static string FindClusterScript()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var script = Path.Combine(folder.FullName, "scripts", "cluster.sh");
                if (File.Exists(script))
                {
                    return script;
                }
            }
            return "scripts/cluster.sh";
        }
    }
}
