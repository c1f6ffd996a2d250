using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Rake.Modules.Workflows.Runtime;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>Which occurrence a start trigger started an instance for (<see cref="WorkflowTimers.TriggeredForInput"/>).</summary>
internal static partial class TimerOccurrences
{
    public static DateTimeOffset TriggeredFor(string state)
    {
        // The value sits inside the engine's typed state value; its one string that is an instant is the occurrence.
        var input = JsonNode.Parse(state)!["input"]?[WorkflowTimers.TriggeredForInput];
        var instant = Strings(input).FirstOrDefault(s => Instant().IsMatch(s))
            ?? throw new InvalidOperationException($"The instance has no TriggeredFor input: {input?.ToJsonString()}");
        return DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
    }

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

/// <summary>
/// No tick lost (docs/adr/0154): two Host processes on one PostgreSQL database (a Quartz cluster), a cron every 3 s, and
/// the Host that has acquired the next occurrence killed with SIGKILL (as <c>kill -9</c>) before it comes due. Every
/// occurrence from the first to shortly before the end must have started exactly one instance: those due while the dead
/// Host held them too, fired late by the other Host once it found the dead one gone.
/// </summary>
public sealed class TimerTakeoverTests
{
    private const string Cron = "*/3 * * * * *";

    [Fact]
    public async Task Each_cron_occurrence_fires_once_when_the_host_holding_it_is_killed()
    {
        if (!RakeTestHost.UsePostgres)
        {
            // Quartz refuses a clustered store on SQLite: one Host per SQLite database (docs/adr/0009).
            return;
        }
        await using var database = await WorkflowDurabilityTests.TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            // Short check-ins so the takeover falls inside the test; the decision itself is the same at the default.
            [WorkflowScheduling.CheckinSecondsKey.Replace(":", "__", StringComparison.Ordinal)] = "2",
        };
        // The second waits for the first's start-up under the startup lock (docs/adr/0126): on two loaded cores that is minutes.
        var within = TimeSpan.FromMinutes(8);
        await using var first = await HostProcess.StartAsync("Postgres", database.ConnectionString, settings, within);
        await using var second = await HostProcess.StartAsync("Postgres", database.ConnectionString, settings, within);
        var hosts = new[] { first, second };
        var definitionId = $"tick-{Guid.NewGuid():N}"[..20];
        using (var admin = await AdminAsync(first))
        {
            await PublishAsync(admin, "kainuu", CronStarted(definitionId, Cron, Activity("write", "Elsa.WriteLine", ("text", "tick"))));
        }

        // Let both run a few occurrences, then kill whichever Host has acquired an occurrence still ahead.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var (victimPid, heldOccurrence) = await AcquiredAheadAsync(database.ConnectionString, TimeSpan.FromSeconds(60));
        var victim = hosts.Single(h => h.ProcessId == victimPid);
        await victim.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;

        await Task.Delay(TimeSpan.FromSeconds(40));
        var fired = await OccurrencesAsync(database.ConnectionString, definitionId);

        Assert.NotEmpty(fired);
        // Empty, or the assertion lists the occurrences fired more than once.
        Assert.Empty(fired.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key.ToString("O")));
        // From the first occurrence fired to 10 s before now, every occurrence of the cron must be there.
        var expected = new List<DateTimeOffset>();
        for (var at = fired.Min(); at <= DateTimeOffset.UtcNow - TimeSpan.FromSeconds(10); at = at.AddSeconds(3))
        {
            expected.Add(at);
        }
        // Empty, or the assertion lists the occurrences that never fired.
        Assert.Empty(expected.Except(fired).Select(m => m.ToString("O")));
        Assert.Contains(heldOccurrence, fired);
        Assert.Contains(expected, e => e > killedAt);
    }

    private static async Task<HttpClient> AdminAsync(HostProcess host)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.BaseAddress), Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "kainuu-regionadmin", password = RakeTestHost.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Reads Quartz's own table of acquired triggers for a due-second trigger at least a second ahead: which Host process
    /// holds it (its pid is part of the scheduler instance id) and which occurrence it is.
    /// </summary>
    private static async Task<(int Pid, DateTimeOffset Occurrence)> AcquiredAheadAsync(string connectionString, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand(
                "SELECT trigger_name, instance_name FROM workflows.qrtz_fired_triggers " +
                "WHERE state = 'ACQUIRED' AND trigger_name LIKE 'due-%'",
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var occurrence = DateTimeOffset.ParseExact(reader.GetString(0)["due-".Length..], "yyyyMMdd'T'HHmmss",
                    CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                if (occurrence > DateTimeOffset.UtcNow.AddSeconds(1))
                {
                    return (int.Parse(reader.GetString(1).Split('-')[1], CultureInfo.InvariantCulture), occurrence);
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("No Host acquired an occurrence ahead of time.");
    }

    private static async Task<List<DateTimeOffset>> OccurrencesAsync(string connectionString, string definitionId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"State\" FROM workflows.\"Instances\" WHERE \"DefinitionId\" = @id", connection);
        command.Parameters.AddWithValue("id", definitionId);
        var fired = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            fired.Add(TimerOccurrences.TriggeredFor(reader.GetString(0)));
        }
        return fired;
    }
}
