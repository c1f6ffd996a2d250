using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rake.Modules.Workflows.Runtime;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>Instances survive a restart of the Host, and the start-up import of workflow files reports what it refused.</summary>
public sealed class WorkflowDurabilityTests
{
    [Fact]
    public async Task A_restarted_host_resumes_waiting_instances_with_nothing_lost_or_run_twice()
    {
        await using var database = await TestDatabase.CreateAsync();
        var eventName = $"restart-{Guid.NewGuid():N}";
        string eventInstanceId, taskInstanceId;
        await using (var first = await RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString))
        {
            using var admin = await first.ClientFor("kainuu-regionadmin");
            await PublishAsync(admin, "kainuu", WaitForEvent("restart-event", eventName));
            await PublishAsync(admin, "kainuu", Sequence("restart-task",
                Activity("before", "Elsa.WriteLine", ("text", "before")),
                Activity("review", "Rake.Tests.AssignTask", ("role", "SteeringGroupMember"), ("title", "Decide")),
                Activity("after", "Elsa.WriteLine", ("text", "after"))));
            eventInstanceId = (await StartAsync(admin, "kainuu", "restart-event"))["id"]!.GetValue<string>();
            taskInstanceId = (await StartAsync(admin, "kainuu", "restart-task"))["id"]!.GetValue<string>();
        }

        await using (var second = await RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString))
        {
            using var admin = await second.ClientFor("kainuu-regionadmin");
            using var steering = await second.ClientFor("kainuu-steeringgroupmember");
            Assert.Equal("Suspended", (await InstanceAsync(admin, "kainuu", eventInstanceId))["subStatus"]!.GetValue<string>());

            Assert.Equal(1, await RaiseAsync(admin, "kainuu", eventName));
            Assert.Equal(0, await RaiseAsync(admin, "kainuu", eventName));
            var task = (await steering.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-tasks"))!
                .Single(t => (string)t!["payload"]!["title"]! == "Decide")!;
            var completed = await steering.PostAsJsonAsync($"{Base("kainuu")}/workflow-tasks/{task["id"]}/complete",
                new { outcome = "Approved" });
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);

            var eventInstance = await InstanceAsync(admin, "kainuu", eventInstanceId);
            Assert.Equal("Finished", eventInstance["subStatus"]!.GetValue<string>());
            AssertEachActivityRanOnce(eventInstance, "start", "before", "wait", "after", "end");
            var taskInstance = await InstanceAsync(admin, "kainuu", taskInstanceId);
            Assert.Equal("Finished", taskInstance["subStatus"]!.GetValue<string>());
            AssertEachActivityRanOnce(taskInstance, "start", "before", "review", "after", "end");
        }
    }

    [Fact]
    public async Task Two_concurrent_resumes_of_one_bookmark_run_it_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = await RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString);
        using var admin = await host.ClientFor("kainuu-regionadmin");
        await PublishAsync(admin, "kainuu", WaitForEvent("concurrent", "concurrent-go"));
        var instance = await StartAsync(admin, "kainuu", "concurrent");
        var bookmarkId = Guid.Parse(instance["bookmarks"]!.AsArray().Single()!["id"]!.GetValue<string>());

        async Task<ResumeOutcome> ResumeAsync()
        {
            await using var scope = host.RegionScope("kainuu");
            return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
                .ResumeAsync(bookmarkId, null, "test", CancellationToken.None);
        }
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(ResumeAsync)));

        Assert.Equal(1, outcomes.Count(o => o == ResumeOutcome.Resumed));
        Assert.Equal(3, outcomes.Count(o => o == ResumeOutcome.AlreadyCompleted));
        var finished = await InstanceAsync(admin, "kainuu", instance["id"]!.GetValue<string>());
        Assert.Equal("Finished", finished["subStatus"]!.GetValue<string>());
        AssertEachActivityRanOnce(finished, "start", "before", "wait", "after", "end");
    }

    [Fact]
    public async Task Workflow_files_are_imported_per_region_and_bad_ones_are_reported_with_their_reason()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rake-workflows", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "kainuu"));
        Directory.CreateDirectory(Path.Combine(folder, "kymenlaakso"));
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "kainuu", "good.json"),
                WaitForEvent("imported-good", "imported-go").ToJsonString());
            await File.WriteAllTextAsync(Path.Combine(folder, "kainuu", "unknown-activity.json"),
                Sequence("imported-bad", Activity("mystery", "Rake.Tests.NoSuchActivity")).ToJsonString());
            await File.WriteAllTextAsync(Path.Combine(folder, "kainuu", "malformed.json"), "{ \"root\": ");
            await File.WriteAllTextAsync(Path.Combine(folder, "kymenlaakso", "other.json"),
                WaitForEvent("imported-other", "x").ToJsonString());

            await using var database = await TestDatabase.CreateAsync();
            void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder b) => b.Configuration[DefinitionImporter.PathKey] = folder;
            await using (var host = await RakeTestHost.StartAsync(configure: Configure,
                existingConnectionString: database.ConnectionString))
            {
                using var admin = await host.ClientFor("kainuu-regionadmin");
                var report = (await admin.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-definitions/import-report"))!;
                JsonNode Entry(string file) => report.Single(e => (string)e!["path"]! == file)!;
                Assert.Equal("Loaded", (string)Entry("good.json")["status"]!);
                Assert.Equal("Rejected", (string)Entry("unknown-activity.json")["status"]!);
                Assert.Contains(Entry("unknown-activity.json")["reasons"]!.AsArray(),
                    r => ((string)r!).Contains("mystery") && ((string)r!).Contains("Rake.Tests.NoSuchActivity"));
                Assert.Equal("Rejected", (string)Entry("malformed.json")["status"]!);
                Assert.Contains("malformed", (string)Entry("malformed.json")["reasons"]![0]!);
                var serviceReport = host.Services.GetRequiredService<WorkflowImportReport>();
                Assert.Contains(serviceReport.For("kainuu"),
                    e => e.Path.EndsWith("unknown-activity.json", StringComparison.Ordinal) && e.Status == ImportStatus.Rejected);

                var definitions = (await admin.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-definitions"))!;
                Assert.Contains(definitions, d => (string)d!["definitionId"]! == "imported-good" && (int)d["publishedVersion"]! == 1);
                Assert.DoesNotContain(definitions, d => (string)d!["definitionId"]! is "imported-bad" or "imported-other");
                Assert.Equal("Suspended", (await StartAsync(admin, "kainuu", "imported-good"))["subStatus"]!.GetValue<string>());
            }

            // A restart with one file changed publishes a new version of that file only.
            await File.WriteAllTextAsync(Path.Combine(folder, "kymenlaakso", "other.json"),
                WaitForEvent("imported-other", "y").ToJsonString());
            await using (var host = await RakeTestHost.StartAsync(configure: Configure,
                existingConnectionString: database.ConnectionString))
            {
                using var kainuu = await host.ClientFor("kainuu-regionadmin");
                var report = (await kainuu.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-definitions/import-report"))!;
                Assert.Equal("Unchanged", (string)report.Single(e => (string)e!["path"]! == "good.json")!["status"]!);
                using var kymenlaakso = await host.ClientFor("kymenlaakso-regionadmin");
                var other = (await kymenlaakso.GetFromJsonAsync<JsonObject>($"{Base("kymenlaakso")}/workflow-definitions/imported-other"))!;
                Assert.Equal(2, other["version"]!.GetValue<int>());
                Assert.True(other["isPublished"]!.GetValue<bool>());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static void AssertEachActivityRanOnce(JsonObject instance, params string[] activityIds)
    {
        var journal = Journal(instance);
        foreach (var id in activityIds)
        {
            Assert.True(journal.Count(e => e == $"{id}:Started") == 1,
                $"{id} started {journal.Count(e => e == $"{id}:Started")} times: {string.Join(", ", journal)}");
            Assert.True(journal.Count(e => e == $"{id}:Completed") == 1,
                $"{id} completed {journal.Count(e => e == $"{id}:Completed")} times: {string.Join(", ", journal)}");
        }
    }

    /// <summary>A database the test owns across several Host lifetimes: a SQLite file, or a PostgreSQL database when the suite runs
    /// there.</summary>
    internal sealed class TestDatabase : IAsyncDisposable
    {
        private readonly string? folder;

        private TestDatabase(string connectionString, string? folder)
        {
            ConnectionString = connectionString;
            this.folder = folder;
        }

        public string ConnectionString { get; }

        public static Task<TestDatabase> CreateAsync()
        {
            if (RakeTestHost.UsePostgres)
            {
                var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("RAKE_TEST_POSTGRES"))
                {
                    Database = $"rake_test_{Guid.NewGuid():N}"
                };
                return Task.FromResult(new TestDatabase(server.ConnectionString, null));
            }
            var folder = Path.Combine(Path.GetTempPath(), "rake-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return Task.FromResult(new TestDatabase($"Data Source={Path.Combine(folder, "rake.db")}", folder));
        }

        public async ValueTask DisposeAsync()
        {
            if (folder is null)
            {
                NpgsqlConnection.ClearAllPools();
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                var name = builder.Database;
                builder.Database = "postgres";
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a temp folder left behind is harmless */ }
        }
    }
}
