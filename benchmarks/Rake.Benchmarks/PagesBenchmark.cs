using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rake.Host.Platform;

namespace Rake.Benchmarks;

/// <summary>
/// Measurement 5: each main staff page loaded as the role that uses it, with the generated reports in the region, one
/// request at a time. The server time is the page endpoint's own time (a middleware just around it); the round trip
/// adds the sign-in cookie check, the other middleware and loopback HTTP (docs/adr/0135).
/// </summary>
internal static partial class PagesBenchmark
{
    private const string Region = "kymenlaakso";
    private const string Marker = "X-Bench-Id";

    private static readonly (string Page, string Path, string Role)[] Pages =
    [
        ("Inbox", "reports/inbox", "supervisor"),
        ("Own reports", "reports/mine", "professional"),
        ("All reports", "reports/all", "responsibleperson"),
        ("Summary", "reports/summary", "responsibleperson"),
        ("Meetings", "working-groups", "workinggroupmember"),
        ("Plan", "plan", "planner"),
        ("Publications", "communications/publications", "communications"),
        ("My tasks", "tasks", "professional"),
        ("People", "admin/people", "regionadmin"),
    ];

    public static async Task<bool> RunAsync(BenchOptions options, Report report)
    {
        report.Section($"5. Staff pages with {options.PageReports:N0} reports in {Region} ({options.Provider})");
        await using var database = await BenchDatabase.CreateFreshAsync(options, "pages");
        var started = Stopwatch.StartNew();
        // Demo: the demo users (one per role) and the demo data of every module, as a region would have.
        await using var app = await BenchHost.BuildAsync(database, "Demo");
        var serverTimes = new ConcurrentDictionary<string, double>();
        app.Use(async (HttpContext http, RequestDelegate next) =>
        {
            var begin = Stopwatch.GetTimestamp();
            await next(http);
            if (http.Request.Headers[Marker].ToString() is { Length: > 0 } id)
            {
                serverTimes[id] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            }
        });
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        report.Line($"Host up in {started.Elapsed.TotalSeconds:0.0} s at {address}; {database.Where}");

        var users = new Dictionary<string, Guid>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            foreach (var role in Pages.Select(p => p.Role).Distinct())
            {
                users[role] = (await manager.FindByNameAsync($"{Region}-{role}"))?.Id
                    ?? throw new InvalidOperationException($"No demo user {Region}-{role}: the Demo environment seeds them.");
            }
        }

        // Numbers far above the demo reports', so the region's unique report numbers never clash; the demo supervisor
        // receives every generated report and the demo professional wrote every tenth, so inbox and own list are full.
        var generated = ReportGenerator.Generate(Region, options.PageReports, options.Seed)
            .Select(r => r with { Number = r.Number + 1_000_000 }).ToList();
        await using (var connection = await database.OpenAsync())
        {
            await ReportGenerator.InsertAsync(connection, database, generated);
        }
        var reports = database.Table("reporting", "SocialReports");
        await database.ExecuteAsync(
            $"UPDATE {reports} SET \"SupervisorId\" = {Literal(database, users["supervisor"])}, " +
            $"\"SupervisorUserName\" = '{Region}-supervisor' WHERE \"Number\" > 1000000");
        await database.ExecuteAsync(
            $"UPDATE {reports} SET \"ReporterId\" = {Literal(database, users["professional"])}, " +
            $"\"ReporterUserName\" = '{Region}-professional' WHERE \"Number\" > 1000000 AND \"Number\" % 10 = 0");
        report.Line($"Generated {generated.Count:N0} reports; {await database.ScalarAsync($"SELECT COUNT(*) FROM {reports}"):N0} " +
                    $"stored in all regions; {database.Where}");

        var clients = new Dictionary<string, HttpClient>();
        try
        {
            foreach (var role in Pages.Select(p => p.Role).Distinct())
            {
                clients[role] = await SignInAsync(address, $"{Region}-{role}");
            }
            var rows = new List<string[]>();
            var ok = true;
            var sequence = 0;
            foreach (var (name, path, role) in Pages)
            {
                var server = new List<double>();
                var roundTrip = new List<double>();
                long bytes = 0;
                for (var i = 0; i < options.PageWarmup + options.PageLoads; i++)
                {
                    var id = (++sequence).ToString(Report.Culture);
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"/{Region}/{path}");
                    request.Headers.Add(Marker, id);
                    request.Headers.Accept.ParseAdd("text/html");
                    var begin = Stopwatch.GetTimestamp();
                    using var response = await clients[role].SendAsync(request);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        report.Line($"FAILED: {name} ({path}) as {role} answered {(int)response.StatusCode}");
                        ok = false;
                        break;
                    }
                    if (i < options.PageWarmup)
                    {
                        continue;
                    }
                    roundTrip.Add(elapsed);
                    server.Add(serverTimes.TryGetValue(id, out var s) ? s : double.NaN);
                    bytes = body.Length;
                }
                if (server.Count == 0)
                {
                    continue;
                }
                var p95 = Percentile(server, 95);
                rows.Add([name, $"/{Region}/{path}", role, F(Percentile(server, 50)), F(p95), F(server.Max()),
                    F(Percentile(roundTrip, 50)), F(Percentile(roundTrip, 95)), $"{bytes / 1024.0:0}", p95 <= 150 ? "yes" : "NO"]);
            }
            report.Line($"{options.PageLoads} loads per page after {options.PageWarmup} warm-up, one at a time, as the page's role; " +
                        "HttpClient in the same process over 127.0.0.1");
            report.Table(
                ["Page", "Path", "As", "Server p50 ms", "Server p95 ms", "Server max ms", "Round trip p50 ms", "Round trip p95 ms", "KB",
                    "p95 <= 150 ms"],
                rows);
            return ok;
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
            await app.StopAsync();
        }
    }

    private static string Literal(BenchDatabase database, Guid id) => database.IsSqlite ? $"'{database.Id(id)}'" : $"'{id}'::uuid";

    /// <summary>Signs in through the /login form as a browser does, and keeps the cookie in the client.</summary>
    private static async Task<HttpClient> SignInAsync(Uri address, string userName)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(100),
        };
        var html = await client.GetStringAsync("/login");
        var token = AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("/login has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = "Demo-2026!",
            ["__RequestVerificationToken"] = token,
        });
        var answer = await client.PostAsync("/login", form);
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)answer.StatusCode}.");
        }
        return client;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string F(double value) => value.ToString("0.0", Report.Culture);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
