using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using Rake.Modules.Workflows.Runtime;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>
/// Workflow timers on Quartz's persistent job store: a due time is a Quartz trigger stored in the Host's database, it
/// survives a restart, and two Hosts on one PostgreSQL database (a Quartz cluster) run each timer once.
/// </summary>
public sealed class WorkflowSchedulerTests
{
    private static JsonObject DelayThenWrite(string definitionId, string delay) => Sequence(definitionId,
        Activity("before", "Elsa.WriteLine", ("text", "before")),
        Activity("wait", "Elsa.Delay", ("timeSpan", delay)),
        Activity("after", "Elsa.WriteLine", ("text", "after")));

    [Fact]
    public async Task Quartz_runs_on_its_persistent_store_in_the_hosts_database()
    {
        await using var host = await RakeTestHost.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var meta = await scheduler.GetMetadata();

        Assert.True(meta.JobStorePersistent, meta.JobStoreTypeName);
        Assert.Equal(RakeTestHost.UsePostgres, meta.JobStoreClustered);
        Assert.NotNull(await scheduler.GetTrigger(WorkflowScheduling.SweepTrigger));
    }

    [Fact]
    public async Task A_delay_due_while_the_host_was_down_is_kept_in_the_job_store_and_resumed_once_after_restart()
    {
        await using var database = await WorkflowDurabilityTests.TestDatabase.CreateAsync();
        string instanceId;
        string dueTrigger;
        await using (var first = await RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString))
        {
            using var admin = await first.ClientFor("kainuu-regionadmin");
            await PublishAsync(admin, "kainuu", DelayThenWrite("delay-restart", "00:00:03"));
            var started = await StartAsync(admin, "kainuu", "delay-restart");
            Assert.Equal("Suspended", started["subStatus"]!.GetValue<string>());
            instanceId = started["id"]!.GetValue<string>();
            var due = started["bookmarks"]!.AsArray().Single()!["dueAt"]!.GetValue<DateTimeOffset>();
            dueTrigger = WorkflowScheduling.DueTriggerKey(due).Name;
            await WaitUntilAsync(async () => await CountQuartzTriggersAsync(first, dueTrigger) == 1, TimeSpan.FromSeconds(20),
                "the due time to reach Quartz's store");
        }

        // The Host is down when the delay comes due; the trigger waits in the database.
        await Task.Delay(TimeSpan.FromSeconds(4));

        await using (var second = await RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString))
        {
            using var admin = await second.ClientFor("kainuu-regionadmin");
            var finished = await WaitForStatusAsync(admin, instanceId, "Finished", TimeSpan.FromSeconds(90));
            WorkflowDurabilityTests.AssertEachActivityRanOnce(finished, "start", "before", "wait", "after", "end");
            await WaitUntilAsync(async () => await CountQuartzTriggersAsync(second, dueTrigger) == 0, TimeSpan.FromSeconds(20),
                "the fired one-shot trigger to leave the store");
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_postgresql_database_run_each_timer_once()
    {
        if (!RakeTestHost.UsePostgres)
        {
            // Quartz refuses a clustered job store on SQLite: one Host per SQLite database (see ADR 0009).
            return;
        }
        await using var database = await WorkflowDurabilityTests.TestDatabase.CreateAsync();
        await using var first = await RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString);
        await using var second = await RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString);
        using var admin = await first.ClientFor("kainuu-regionadmin");
        await PublishAsync(admin, "kainuu", DelayThenWrite("delay-cluster", "00:00:03"));

        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await StartAsync(admin, "kainuu", "delay-cluster"))["id"]!.GetValue<string>());
        }

        foreach (var id in ids)
        {
            var finished = await WaitForStatusAsync(admin, id, "Finished", TimeSpan.FromSeconds(90));
            WorkflowDurabilityTests.AssertEachActivityRanOnce(finished, "start", "before", "wait", "after", "end");
        }
        var ids1 = await (await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetSchedulerInstanceId();
        var ids2 = await (await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetSchedulerInstanceId();
        Assert.NotEqual(ids1, ids2);
    }

    private static async Task<JsonObject> WaitForStatusAsync(HttpClient admin, string instanceId, string status, TimeSpan within)
    {
        JsonObject instance = await InstanceAsync(admin, "kainuu", instanceId);
        await WaitUntilAsync(async () =>
        {
            instance = await InstanceAsync(admin, "kainuu", instanceId);
            return instance["status"]!.GetValue<string>() == status;
        }, within, $"instance {instanceId} to be {status}");
        return instance;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {within.TotalSeconds:0} s for {what}.");
            await Task.Delay(250);
        }
    }

    /// <summary>Reads Quartz's own trigger table, so the test sees what is persisted, not what the scheduler holds in memory.</summary>
    private static async Task<long> CountQuartzTriggersAsync(RakeTestHost host, string triggerName)
    {
        await using DbConnection connection =
            host.IsPostgres ? new NpgsqlConnection(host.ConnectionString) : new SqliteConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = host.IsPostgres
            ? "SELECT COUNT(*) FROM workflows.qrtz_triggers WHERE trigger_name = @name"
            : "SELECT COUNT(*) FROM workflows_qrtz_TRIGGERS WHERE TRIGGER_NAME = @name";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@name";
        parameter.Value = triggerName;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
