using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>A Host of its own with an adjustable clock and the timer service off, so each test fires triggers itself.</summary>
public sealed class TriggerHost : IAsyncLifetime
{
    // Starts at the real time so the rest of the Host behaves as usual; tests move it by hand.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public RakeTestHost Host { get; private set; } = null!;

    // The Host registers the system clock after the configure action runs, so the clock is swapped as the
    // container is built, when every registration is in.
    public async Task InitializeAsync() => Host = await RakeTestHost.StartAsync(configure: builder =>
    {
        builder.Configuration[WorkflowScheduling.ModeKey] = "Off";
        builder.Host.UseServiceProviderFactory(new ClockSwappingFactory(Clock));
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class WorkflowTriggerTests(TriggerHost fixture) : IClassFixture<TriggerHost>
{
    /// <summary>A definition started by a cron trigger ("at minute <paramref name="minute"/> of every hour", seconds first as
    /// Elsa).</summary>
    private static JsonObject CronStarted(string definitionId, int minute) =>
        WorkflowJson.CronStarted(definitionId, $"0 {minute} * * * *", Activity("write", "Elsa.WriteLine", ("text", "fired")));

    /// <summary>The next "minute <paramref name="minute"/> of an hour" strictly after <paramref name="after"/>, in UTC, worked out without
    /// the engine's parser.</summary>
    private static DateTimeOffset NextAtMinute(DateTimeOffset after, int minute)
    {
        var hour = new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, 0, 0, TimeSpan.Zero);
        var candidate = hour.AddMinutes(minute);
        return candidate > after ? candidate : candidate.AddHours(1);
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private async Task PublishAsync(string region, JsonObject json)
    {
        await using var scope = fixture.Host.RegionScope(region);
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        await store.SaveDraftAsync(WorkflowDefinition.Parse(json.ToJsonString()), CancellationToken.None);
        var outcome = await store.PublishAsync((string)json["definitionId"]!, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(" | ", outcome.Errors.Select(e => e.Message)));
    }

    private async Task<List<WorkflowTriggerRecord>> TriggersAsync(string region, string definitionId)
    {
        await using var scope = fixture.Host.RegionScope(region);
        return await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Triggers.AsNoTracking()
            .Where(t => t.DefinitionId == definitionId).ToListAsync();
    }

    private async Task<List<WorkflowInstanceRecord>> InstancesAsync(string region, string definitionId)
    {
        await using var scope = fixture.Host.RegionScope(region);
        return await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId).ToListAsync();
    }

    private WorkflowTimers Timers => fixture.Host.Services.GetRequiredService<WorkflowTimers>();

    [Fact]
    public async Task Publishing_a_cron_started_definition_stores_its_trigger_and_republishing_replaces_it()
    {
        var id = NewId("cron-pub");
        await PublishAsync("kainuu", CronStarted(id, 15));

        var first = Assert.Single(await TriggersAsync("kainuu", id));
        Assert.Equal("Elsa.Cron", first.Kind);
        Assert.Equal("cron", first.ActivityId);
        Assert.Equal("0 15 * * * *", first.CronExpression);
        Assert.Equal(1, first.DefinitionVersion);
        Assert.Equal(NextAtMinute(fixture.Clock.GetUtcNow(), 15), first.NextFireAt);

        await PublishAsync("kainuu", CronStarted(id, 45));

        var second = Assert.Single(await TriggersAsync("kainuu", id));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, second.DefinitionVersion);
        Assert.Equal("0 45 * * * *", second.CronExpression);
        Assert.Equal(NextAtMinute(fixture.Clock.GetUtcNow(), 45), second.NextFireAt);
    }

    [Fact]
    public async Task A_due_trigger_starts_one_instance_per_missed_occurrence_and_moves_to_its_next_occurrence()
    {
        var id = NewId("cron-fire");
        await PublishAsync("kainuu", CronStarted(id, 20));
        var due = Assert.Single(await TriggersAsync("kainuu", id)).NextFireAt;

        await Timers.FireDueAsync(CancellationToken.None);
        Assert.Empty(await InstancesAsync("kainuu", id));

        // Past the fire time by more than two hours: each of the three missed occurrences starts its own instance, once
        // (docs/adr/0154), and each instance is told which occurrence it is for.
        fixture.Clock.Advance(due - fixture.Clock.GetUtcNow() + TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await Timers.FireDueAsync(CancellationToken.None);

        var instances = await InstancesAsync("kainuu", id);
        Assert.All(instances, i => Assert.Equal("Finished", i.SubStatus));
        Assert.Equal(new[] { due, due.AddHours(1), due.AddHours(2) },
            instances.Select(i => TimerOccurrences.TriggeredFor(i.State)).Order().ToArray());
        var trigger = Assert.Single(await TriggersAsync("kainuu", id));
        Assert.Equal(NextAtMinute(fixture.Clock.GetUtcNow(), 20), trigger.NextFireAt);
        Assert.True(trigger.NextFireAt > fixture.Clock.GetUtcNow());

        await Timers.FireDueAsync(CancellationToken.None);
        Assert.Equal(3, (await InstancesAsync("kainuu", id)).Count);
    }

    [Fact]
    public async Task A_trigger_that_missed_more_occurrences_than_are_replayed_starts_only_the_latest_ones()
    {
        var id = NewId("cron-flood");
        await PublishAsync("kainuu", WorkflowJson.CronStarted(id, "0 * * * * *", Activity("write", "Elsa.WriteLine", ("text", "fired"))));
        var due = Assert.Single(await TriggersAsync("kainuu", id)).NextFireAt;

        // A per-minute cron and an outage of five hours: 300 occurrences missed, the newest ones replayed.
        fixture.Clock.Advance(due - fixture.Clock.GetUtcNow() + TimeSpan.FromHours(5) - TimeSpan.FromSeconds(30));
        await Timers.FireDueAsync(CancellationToken.None);

        var fired = (await InstancesAsync("kainuu", id)).Select(i => TimerOccurrences.TriggeredFor(i.State)).Order().ToList();
        Assert.InRange(fired.Count, WorkflowTimers.MaxCatchUpOccurrences - 1, WorkflowTimers.MaxCatchUpOccurrences + 1);
        Assert.Equal(fired.Count, fired.Distinct().Count());
        Assert.True(fired[^1] <= fixture.Clock.GetUtcNow() && fired[^1] > fixture.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        Assert.True(Assert.Single(await TriggersAsync("kainuu", id)).NextFireAt > fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Two_concurrent_rounds_start_one_instance_per_fire()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => NewId("cron-race")).ToList();
        foreach (var id in ids)
        {
            await PublishAsync("kymenlaakso", CronStarted(id, 10));
        }
        var due = (await TriggersAsync("kymenlaakso", ids[0])).Single().NextFireAt;
        fixture.Clock.Advance(due - fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        await Task.WhenAll(Task.Run(() => Timers.FireDueAsync(CancellationToken.None)),
            Task.Run(() => Timers.FireDueAsync(CancellationToken.None)));

        foreach (var id in ids)
        {
            Assert.Single(await InstancesAsync("kymenlaakso", id));
            Assert.True(Assert.Single(await TriggersAsync("kymenlaakso", id)).NextFireAt > fixture.Clock.GetUtcNow());
        }
    }

    [Fact]
    public async Task A_regions_trigger_starts_an_instance_in_that_region_only()
    {
        var id = NewId("cron-region");
        await PublishAsync("kainuu", CronStarted(id, 5));
        Assert.Empty(await TriggersAsync("kymenlaakso", id));
        var due = Assert.Single(await TriggersAsync("kainuu", id)).NextFireAt;
        fixture.Clock.Advance(due - fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        await Timers.FireDueAsync(CancellationToken.None);

        var instance = Assert.Single(await InstancesAsync("kainuu", id));
        Assert.Equal("kainuu", instance.RegionCode);
        Assert.Empty(await InstancesAsync("kymenlaakso", id));
    }
}

/// <summary>Puts the given clock in place of the Host's system clock once every registration is in.</summary>
internal sealed class ClockSwappingFactory(TimeProvider clock) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(clock);
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
        containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
}
