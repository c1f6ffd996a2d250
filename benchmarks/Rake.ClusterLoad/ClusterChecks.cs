using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;

namespace Rake.ClusterLoad;

/// <summary>
/// What the run must show beyond stored reports, read from the cluster's database: each report's outbox event handled
/// once (the Hosts' delivery log, written when Rake:Benchmark:Enabled is on) and its effect applied once (the supervisor's
/// notification), and each occurrence of a short cron started once (docs/adr/0154).
/// </summary>
internal static partial class ClusterChecks
{
    public const string TickRegion = "kainuu";

    /// <summary>Publishes a workflow in <see cref="TickRegion"/> that a cron starts every <paramref name="seconds"/> s.</summary>
    public static async Task<string> StartTicksAsync(HttpClient http, int seconds)
    {
        var definitionId = "bench-tick-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await AdminAsync(http);
        await PublishAsync(admin, Tick(definitionId, $"*/{seconds} * * * * *", startsWorkflow: true));
        return definitionId;
    }

    /// <summary>Publishes a version whose cron no longer starts anything: the cluster's database is left quiet.</summary>
    public static async Task StopTicksAsync(HttpClient http, string definitionId)
    {
        using var admin = await AdminAsync(http);
        await PublishAsync(admin, Tick(definitionId, "0 0 0 1 1 *", startsWorkflow: false));
    }

    /// <summary>Counts the instances each occurrence from the first one to <paramref name="until"/> started; prints them.</summary>
    public static async Task<bool> PrintTicksAsync(string connectionString, string definitionId, int seconds, DateTimeOffset until)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"State\" FROM workflows.\"Instances\" WHERE \"RegionCode\" = @region AND \"DefinitionId\" = @id", connection);
        command.Parameters.AddWithValue("region", TickRegion);
        command.Parameters.AddWithValue("id", definitionId);
        var fired = new List<DateTimeOffset>();
        var withoutState = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                // An instance whose Host died in its first run has no state to read the occurrence from.
                if (reader.IsDBNull(0) || string.IsNullOrWhiteSpace(reader.GetString(0)))
                {
                    withoutState++;
                    continue;
                }
                // The occurrence is the one string in the engine's typed state value that is an instant.
                var input = JsonNode.Parse(reader.GetString(0))?["input"]?["TriggeredFor"];
                var instant = Strings(input).FirstOrDefault(s => Instant().IsMatch(s));
                if (instant is not null)
                {
                    fired.Add(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));
                }
            }
        }
        if (fired.Count == 0)
        {
            Console.WriteLine("Timers: no occurrence fired at all.");
            return false;
        }
        var counts = fired.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        var expected = new List<DateTimeOffset>();
        for (var at = fired.Min(); at <= until; at = at.AddSeconds(seconds))
        {
            expected.Add(at);
        }
        var once = expected.Count(e => counts.GetValueOrDefault(e) == 1);
        var twice = expected.Count(e => counts.GetValueOrDefault(e) > 1);
        var never = expected.Count(e => counts.GetValueOrDefault(e) == 0);
        Console.WriteLine($"Timers (cron every {seconds} s in {TickRegion}, {expected.Count} occurrences up to the end of the load): " +
                          $"fired once {once}, twice or more {twice}, never {never}" +
                          (withoutState > 0 ? $"; {withoutState} instance(s) without a stored state (their Host died in the first run)" : ""));
        return twice == 0 && never == 0;
    }

    /// <summary>
    /// Waits until the outbox events of the stored reports are delivered (a killed Host's claims wait out their lease), then
    /// counts per event how often its handlers ran (delivery log) and how often its effect was stored (notification).
    /// </summary>
    public static async Task<bool> PrintOutboxAsync(string connectionString, IReadOnlyCollection<Guid> reportIds, TimeSpan wait)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var ids = reportIds.ToArray();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        Dictionary<Guid, (Guid Report, bool Processed)> messages;
        while (true)
        {
            messages = await MessagesAsync(connection, ids);
            var pending = messages.Values.Count(m => !m.Processed);
            if ((pending == 0 && messages.Count >= ids.Length) || waited.Elapsed > wait)
            {
                break;
            }
            Console.WriteLine($"  outbox: {pending} of {messages.Count} events not yet delivered; " +
                              $"waiting ({waited.Elapsed.TotalSeconds:0} s)");
            await Task.Delay(TimeSpan.FromSeconds(10));
        }
        var deliveries = await CountAsync(connection,
            "SELECT \"MessageId\", COUNT(*) FROM bench.\"OutboxDeliveries\" WHERE \"MessageId\" = ANY(@ids) GROUP BY 1",
            messages.Keys.ToArray());
        var effects = await CountAsync(connection,
            "SELECT \"ReportId\", COUNT(*) FROM reporting.\"Notifications\" " +
            "WHERE \"ReportId\" = ANY(@ids) AND \"Kind\" = 'received' GROUP BY 1",
            ids);
        var withoutEvent = ids.Length - messages.Values.Select(m => m.Report).Distinct().Count();
        var once = messages.Keys.Count(id => deliveries.GetValueOrDefault(id) == 1);
        var twice = messages.Keys.Count(id => deliveries.GetValueOrDefault(id) > 1);
        var never = messages.Keys.Count(id => deliveries.GetValueOrDefault(id) == 0);
        var appliedOnce = ids.Count(id => effects.GetValueOrDefault(id) == 1);
        var appliedTwice = ids.Count(id => effects.GetValueOrDefault(id) > 1);
        var notApplied = ids.Count(id => effects.GetValueOrDefault(id) == 0);
        Console.WriteLine($"Outbox events of the stored reports: {messages.Count} (reports with none: {withoutEvent}); " +
                          $"delivered once {once}, twice or more {twice}, never {never}");
        Console.WriteLine($"Their effect (the supervisor's notification): stored once {appliedOnce}, twice or more {appliedTwice}, " +
                          $"never {notApplied}");
        return withoutEvent == 0 && twice == 0 && never == 0 && appliedTwice == 0 && notApplied == 0;
    }

    private static async Task<Dictionary<Guid, (Guid Report, bool Processed)>> MessagesAsync(NpgsqlConnection connection, Guid[] reports)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT "Id", ("Payload"::jsonb ->> 'reportId')::uuid, "ProcessedAt" IS NOT NULL FROM reporting."OutboxMessages"
            WHERE "EventType" LIKE '%.SocialReportSubmitted' AND ("Payload"::jsonb ->> 'reportId')::uuid = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", reports);
        var messages = new Dictionary<Guid, (Guid, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            messages[reader.GetGuid(0)] = (reader.GetGuid(1), reader.GetBoolean(2));
        }
        return messages;
    }

    private static async Task<Dictionary<Guid, long>> CountAsync(NpgsqlConnection connection, string sql, Guid[] ids)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        var counts = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    private static async Task<HttpClient> AdminAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = $"{TickRegion}-regionadmin", password = "Demo-2026!" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        var admin = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return admin;
    }

    private static async Task PublishAsync(HttpClient admin, JsonObject definition)
    {
        var basePath = $"/api/v1/regions/{TickRegion}/workflow-definitions";
        (await admin.PostAsJsonAsync(basePath, definition)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{basePath}/{definition["definitionId"]}/publish", null)).EnsureSuccessStatusCode();
    }

    private static JsonObject Input(string value) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Tick(string definitionId, string cron, bool startsWorkflow) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = $"Benchmark {definitionId}",
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "cron", ["type"] = "Elsa.Cron", ["version"] = 1, ["cronExpression"] = Input(cron),
                    ["canStartWorkflow"] = startsWorkflow,
                },
                new JsonObject { ["id"] = "write", ["type"] = "Elsa.WriteLine", ["version"] = 1, ["text"] = Input("tick") },
            },
            ["connections"] = new JsonArray
            {
                new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = "cron", ["port"] = "Done" },
                    ["target"] = new JsonObject { ["activity"] = "write", ["port"] = "In" },
                },
            },
        },
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Instant();
}
