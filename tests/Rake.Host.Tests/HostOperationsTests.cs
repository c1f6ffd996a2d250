using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using Rake.BuildingBlocks.Persistence;
using Rake.Host.Platform;
using TestDatabase = Rake.Host.Tests.WorkflowDurabilityTests.TestDatabase;

namespace Rake.Host.Tests;

/// <summary>
/// Running several Hosts (docs/adr/0126, 0127): liveness and readiness, a graceful stop that finishes what is in flight,
/// and the startup lock that makes a second Host wait while the first migrates.
/// </summary>
public sealed class HostOperationsTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_and_health_still_answers_as_before()
    {
        await using var host = await RakeTestHost.StartAsync();
        using var client = host.Anonymous();

        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await client.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("Ready", JsonNode.Parse(body)!["status"]!.GetValue<string>());
        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_answers_503_naming_a_pending_migration_and_a_scheduler_not_started_while_live_stays_200()
    {
        // The Host starts, but its workflow scheduler is left unstarted.
        await using var host = await RakeTestHost.StartAsync(configure: builder =>
            builder.Services.Configure<QuartzHostedServiceOptions>(options => options.AutoStart = false));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Forget the Platform's newest migration: to the readiness check the database now lacks it.
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var newest = (await platform.Database.GetAppliedMigrationsAsync()).Last();
            await platform.Database.ExecuteSqlRawAsync(platform.GetService<IHistoryRepository>().GetDeleteScript(newest));
        }
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");

        var ready = await client.GetAsync("/health/ready");

        var problem = await Reports.ReadProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Rake är ännu inte redo att ta emot förfrågningar", problem["title"]!.GetValue<string>());
        var notReady = problem["notReady"]!.AsArray().Select(n => n!["check"]!.GetValue<string>()).ToList();
        Assert.Equal(["migrations", "scheduler"], notReady);
        var reasons = string.Join(" ", problem["notReady"]!.AsArray().Select(n => n!["reason"]!.GetValue<string>()));
        Assert.Contains(nameof(PlatformDbContext), reasons);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_stopping_host_finishes_the_request_in_flight_and_refuses_new_connections()
    {
        var hold = new HeldRequests();
        await using var host = await RakeTestHost.StartAsync(configure: builder =>
        {
            builder.Configuration["Rake:ShutdownTimeoutSeconds"] = "30";
            builder.Services.AddSingleton<IStartupFilter>(hold);
        });
        using var client = host.Anonymous();
        var inFlight = client.GetAsync(HeldRequests.Path);
        await hold.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Quartz starts in the background once the Host has started; on a busy machine that can trail the first request.
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var waited = Stopwatch.StartNew();
        while (await scheduler.GetStatus() != SchedulerStatus.Running && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }
        Assert.Equal(SchedulerStatus.Running, await scheduler.GetStatus());

        // What SIGTERM does: the console lifetime asks the Host to stop.
        var stopwatch = Stopwatch.StartNew();
        var stopping = host.App.StopAsync();
        var refused = false;
        while (!refused && stopwatch.Elapsed < TimeSpan.FromSeconds(20))
        {
            using var fresh = host.Anonymous();
            fresh.Timeout = TimeSpan.FromSeconds(2);
            try
            {
                await fresh.GetAsync("/health/live");
                await Task.Delay(50);
            }
            catch (HttpRequestException)
            {
                refused = true;
            }
        }
        Assert.True(refused, "The stopping Host still accepted new connections after 20 s.");
        Assert.False(inFlight.IsCompleted, "The held request ended before it was let go.");
        Assert.False(stopping.IsCompleted, "The Host stopped without waiting for the request in flight.");

        hold.Release.SetResult();
        using var answer = await inFlight.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("finished", await answer.Content.ReadAsStringAsync());
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"The stop took {stopwatch.Elapsed}, the whole shutdown timeout.");
        Assert.True(scheduler.Status == SchedulerStatus.Shutdown, "The workflow scheduler was not shut down with the Host.");
    }

    [Fact]
    public async Task A_host_starting_while_another_holds_the_startup_lock_waits_then_finds_everything_applied()
    {
        await using var database = await TestDatabase.CreateAsync();
        var options = new DatabaseOptions
        {
            Provider = RakeTestHost.UsePostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
            ConnectionString = database.ConnectionString,
        };
        var held = await StartupLock.AcquireAsync(options, NullLogger.Instance, CancellationToken.None);
        var starting = RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.False(starting.IsCompleted, "The Host started while another held the startup lock.");
        }
        finally
        {
            await held.DisposeAsync();
        }
        await using var host = await starting.WaitAsync(TimeSpan.FromMinutes(3));
        using var client = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Two_hosts_starting_at_once_on_a_fresh_database_migrate_and_seed_once()
    {
        await using var database = await TestDatabase.CreateAsync();

        var starts = await Task.WhenAll(
            RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString),
            RakeTestHost.StartAsync(existingConnectionString: database.ConnectionString));

        try
        {
            foreach (var host in starts)
            {
                using var client = host.Anonymous();
                var ready = await client.GetAsync("/health/ready");
                Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
            }
            await using var scope = starts[0].Services.CreateAsyncScope();
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.Equal(DatabaseInitializer.DemoRegions.Order(), (await platform.Regions.Select(r => r.Code).ToListAsync()).Order());
            var professionals = await platform.Users.CountAsync(u => u.UserName == "kainuu-professional");
            Assert.Equal(1, professionals);
            var roles = await platform.RegionRoles.GroupBy(r => new { r.UserId, r.RegionCode, r.Role })
                .Select(g => g.Count()).ToListAsync();
            Assert.All(roles, count => Assert.Equal(1, count));
            // A report submitted through the second Host is seen by the first: one database, both ready.
            using var second = await starts[1].ClientFor("kainuu-professional");
            var (id, _, _) = await Reports.SubmitAsync(second, "kainuu");
            using var first = await starts[0].ClientFor("kainuu-professional");
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/api/v1/regions/kainuu/social-reports/{id}")).StatusCode);
        }
        finally
        {
            foreach (var host in starts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>A test-only endpoint, put in front of the pipeline, that answers only when the test lets it.</summary>
    private sealed class HeldRequests : IStartupFilter
    {
        public const string Path = "/test/held-request";

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, following) =>
            {
                if (http.Request.Path != Path)
                {
                    await following(http);
                    return;
                }
                Entered.TrySetResult();
                // Deliberately not the request's abort token: the point is that the stop waits for this.
                await Release.Task;
                await http.Response.WriteAsync("finished");
            });
            next(app);
        };
    }
}
