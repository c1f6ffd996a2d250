using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Tests;

/// <summary>
/// One delivery per message (docs/adr/0124): two dispatchers, each in a service provider of its own as in two Hosts, drain
/// one outbox on one database (SQLite, or PostgreSQL when RAKE_TEST_POSTGRES is set). The probe handler is deliberately
/// not idempotent, so a message delivered twice is counted twice.
/// </summary>
public sealed class OutboxClaimTests
{
    [Fact]
    public async Task Two_dispatchers_on_one_database_deliver_each_of_500_messages_exactly_once()
    {
        await using var database = await WorkflowDurabilityTests.TestDatabase.CreateAsync();
        var log = new ProbeLog();
        await using var first = await Node.StartAsync(database.ConnectionString, "first", log, TimeProvider.System);
        await using var second = await Node.StartAsync(database.ConnectionString, "second", log, TimeProvider.System);
        var ids = await first.PublishAsync(500);

        var delivered = await Task.WhenAll(first.DrainAsync(), second.DrainAsync());

        Assert.Equal(500, delivered.Sum());
        Assert.All(ids, id => Assert.Equal(1, log.TimesHandled(id)));
        Assert.Equal(500, log.Total);
        Assert.True(delivered.All(d => d > 0), $"Both dispatchers should have taken a share: {string.Join(" + ", delivered)}");
        var rows = await first.MessagesAsync();
        Assert.All(rows, m => Assert.NotNull(m.ProcessedAt));
        Assert.All(rows, m => Assert.Equal(log.HandledBy(m.Id) == "first" ? first.DispatcherId : second.DispatcherId, m.ClaimedBy));
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_dispatcher_is_taken_over_once_it_has_run_out_and_not_before()
    {
        await using var database = await WorkflowDurabilityTests.TestDatabase.CreateAsync();
        var log = new ProbeLog();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var dying = await Node.StartAsync(database.ConnectionString, "dying", log, clock, hangs: true);
        await using var survivor = await Node.StartAsync(database.ConnectionString, "survivor", log, clock);
        var ids = await dying.PublishAsync(20);

        // The first dispatcher claims the batch and dies inside its first handler: it never writes anything again.
        var abandoned = dying.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        await log.FirstHangReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(await survivor.MessagesAsync(), m => Assert.Equal(dying.DispatcherId, m.ClaimedBy));

        Assert.Equal(0, await survivor.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        clock.Advance(OutboxDispatcher.LeaseDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await survivor.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(20, await survivor.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.All(ids, id => Assert.Equal(1, log.TimesHandled(id)));
        Assert.All(ids, id => Assert.Equal("survivor", log.HandledBy(id)));
        Assert.All(await survivor.MessagesAsync(), m =>
        {
            Assert.NotNull(m.ProcessedAt);
            Assert.Equal(survivor.DispatcherId, m.ClaimedBy);
        });

        // Should the hung dispatcher wake up, its outcomes find the claims gone and change nothing.
        log.Release.TrySetResult();
        Assert.Equal(0, await abandoned.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.All(ids, id => Assert.Equal("survivor", log.HandledBy(id)));
    }

    [Fact]
    public async Task A_dispatcher_that_dies_part_way_through_its_batch_leaves_only_the_unhandled_messages_to_the_next()
    {
        await using var database = await WorkflowDurabilityTests.TestDatabase.CreateAsync();
        var log = new ProbeLog();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var dying = await Node.StartAsync(database.ConnectionString, "dying", log, clock, hangs: true, hangAfter: 5);
        await using var survivor = await Node.StartAsync(database.ConnectionString, "survivor", log, clock);
        var ids = await dying.PublishAsync(20);

        // The first dispatcher handles five messages of its batch and dies inside the sixth, as a Host killed with
        // SIGKILL mid-batch: the five it handled are already marked delivered.
        var abandoned = dying.Dispatcher.DispatchPendingAsync(CancellationToken.None);
        await log.FirstHangReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(5, (await survivor.MessagesAsync()).Count(m => m.ProcessedAt is not null));

        clock.Advance(OutboxDispatcher.LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(15, await survivor.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.All(ids, id => Assert.Equal(1, log.TimesHandled(id)));
        Assert.Equal(5, log.HandledByNode("dying"));
        Assert.All(await survivor.MessagesAsync(), m => Assert.NotNull(m.ProcessedAt));

        // Should the hung dispatcher wake up, it finds the rest of its batch taken over and handles none of it again.
        log.Release.TrySetResult();
        Assert.Equal(5, await abandoned.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.All(ids, id => Assert.Equal(1, log.TimesHandled(id)));
    }

    [Fact]
    public async Task A_slow_batch_that_outlasts_its_lease_keeps_it_and_no_other_dispatcher_delivers_it_again()
    {
        await using var database = await WorkflowDurabilityTests.TestDatabase.CreateAsync();
        var log = new ProbeLog();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var work = TimeSpan.FromSeconds(10);
        await using var slow = await Node.StartAsync(database.ConnectionString, "slow", log, clock, work: work);
        await using var other = await Node.StartAsync(database.ConnectionString, "other", log, clock);
        var ids = await slow.PublishAsync(30);
        Assert.True(ids.Count * work > OutboxDispatcher.LeaseDuration * 2, "the batch must outlast the lease more than once");

        // After each message the slow dispatcher handles (10 s of the fake clock), the other one tries to claim: with the
        // lease as first claimed it would take the rest of the batch after 2 minutes and both would deliver it.
        var takenByOther = 0;
        log.AfterEach = async () => takenByOther += await other.Dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(30, await slow.Dispatcher.DispatchPendingAsync(CancellationToken.None));

        Assert.Equal(0, takenByOther);
        Assert.All(ids, id => Assert.Equal("slow", log.HandledBy(id)));
        Assert.All(await slow.MessagesAsync(), m =>
        {
            Assert.NotNull(m.ProcessedAt);
            Assert.Equal(slow.DispatcherId, m.ClaimedBy);
        });
    }

    [Fact]
    public async Task A_dispatcher_that_is_stopped_gives_its_claims_back_at_once()
    {
        await using var database = await WorkflowDurabilityTests.TestDatabase.CreateAsync();
        var log = new ProbeLog();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var stopping = await Node.StartAsync(database.ConnectionString, "stopping", log, clock, hangs: true);
        await using var other = await Node.StartAsync(database.ConnectionString, "other", log, clock);
        var ids = await stopping.PublishAsync(20);

        using var stop = new CancellationTokenSource();
        var dispatching = stopping.Dispatcher.DispatchPendingAsync(stop.Token);
        await log.FirstHangReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatching);

        Assert.Equal(20, await other.Dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.All(ids, id => Assert.Equal("other", log.HandledBy(id)));
    }

    private sealed class Node : IAsyncDisposable
    {
        private readonly ServiceProvider services;

        private Node(ServiceProvider services) => this.services = services;

        public OutboxDispatcher Dispatcher => services.GetRequiredService<OutboxDispatcher>();
        public string DispatcherId => Dispatcher.DispatcherId;

        public static async Task<Node> StartAsync(string connectionString, string name, ProbeLog log, TimeProvider clock,
            bool hangs = false, TimeSpan? work = null, int hangAfter = 0)
        {
            IntegrationEventTypes.Register(typeof(ProbePinged));
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = RakeTestHost.UsePostgres ? "Postgres" : "Sqlite",
                ["Database:ConnectionString"] = connectionString,
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddRakeBuildingBlocks(configuration);
            services.AddSingleton(clock);
            services.AddModuleDbContext<ProbeDbContext>(ProbeDbContext.SchemaName);
            services.AddSingleton(log);
            services.AddSingleton(new NodeName(name, hangs ? hangAfter : null, work));
            services.AddScoped<IIntegrationEventHandler<ProbePinged>, ProbeHandler>();
            var node = new Node(services.BuildServiceProvider());
            await using var scope = node.services.CreateAsyncScope();
            // The first node creates the probe's tables; the second finds them.
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await db.Database.EnsureCreatedAsync();
            if (db.Database.IsSqlite())
            {
                // As the Host runs SQLite (DatabaseInitializer).
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            return node;
        }

        public async Task<List<Guid>> PublishAsync(int count)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId("kainuu"), "test");
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                var pinged = new ProbePinged(Guid.CreateVersion7(), new RegionId("kainuu"), clock.GetUtcNow().AddTicks(i));
                db.Publish(pinged);
                ids.Add(pinged.EventId);
            }
            await db.SaveChangesAsync();
            return ids;
        }

        /// <summary>Dispatches until nothing is left undelivered; returns what this node delivered.</summary>
        public async Task<int> DrainAsync()
        {
            var delivered = 0;
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline)
            {
                var round = await Dispatcher.DispatchPendingAsync(CancellationToken.None);
                delivered += round;
                if (round == 0)
                {
                    if ((await MessagesAsync()).All(m => m.ProcessedAt is not null))
                    {
                        return delivered;
                    }
                    await Task.Delay(20);
                }
            }
            throw new TimeoutException("The outbox was not drained within two minutes.");
        }

        public async Task<List<OutboxMessage>> MessagesAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        }

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    internal sealed record ProbePinged(Guid EventId, RegionId Region, DateTimeOffset OccurredAt) : IIntegrationEvent;

    /// <summary>A node's name; <paramref name="HangAfter"/>: it handles that many messages, then hangs in the next one.</summary>
    private sealed record NodeName(string Name, int? HangAfter, TimeSpan? Work);

    private sealed class ProbeLog
    {
        private readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> handled = new();

        public TaskCompletionSource FirstHangReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Lets a hung handler return, without doing its work, as a process frozen and thawed again would.</summary>
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Run by a slow node after each message it handled (while its batch is still claimed).</summary>
        public Func<Task>? AfterEach { get; set; }

        public int Total => handled.Values.Sum(q => q.Count);

        public void Handled(Guid id, string node) => handled.GetOrAdd(id, _ => new ConcurrentQueue<string>()).Enqueue(node);

        public int TimesHandled(Guid id) => handled.TryGetValue(id, out var nodes) ? nodes.Count : 0;

        public string? HandledBy(Guid id) => handled.TryGetValue(id, out var nodes) ? string.Join(",", nodes) : null;

        public int HandledByNode(string node) => handled.Values.Sum(nodes => nodes.Count(n => n == node));
    }

    private sealed class ProbeHandler(ProbeLog log, NodeName node, TimeProvider clock) : IIntegrationEventHandler<ProbePinged>
    {
        public async Task HandleAsync(ProbePinged integrationEvent, CancellationToken cancellationToken)
        {
            if (node.Work is { } work)
            {
                log.Handled(integrationEvent.EventId, node.Name);
                ((FakeTimeProvider)clock).Advance(work);
                await (log.AfterEach?.Invoke() ?? Task.CompletedTask);
                return;
            }
            if (node.HangAfter is { } hangAfter && log.HandledByNode(node.Name) >= hangAfter)
            {
                log.FirstHangReached.TrySetResult();
                await log.Release.Task.WaitAsync(cancellationToken);
                return;
            }
            // A moment of work, so the two dispatchers' batches overlap in time.
            await Task.Delay(1, cancellationToken);
            log.Handled(integrationEvent.EventId, node.Name);
        }
    }

    private sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options, IRequestContext requestContext, TimeProvider clock,
        OutboxSignal outboxSignal)
        : ModuleDbContext(options, requestContext, clock, outboxSignal)
    {
        public const string SchemaName = "outboxprobe";

        public override string Schema => SchemaName;

        protected override void ConfigureModule(ModelBuilder modelBuilder)
        {
        }
    }
}
