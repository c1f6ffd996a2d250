using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Rake.BuildingBlocks.Persistence;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>
/// Workflow timers on Quartz 4 with its persistent (ADO) job store in the Host's database: every due time of a Time
/// bookmark or a start trigger becomes a one-shot Quartz trigger of <see cref="WorkflowDueJob"/>, which resumes and
/// starts whatever is due (<see cref="WorkflowTimers"/>). On PostgreSQL the store is clustered, so two Hosts on one
/// database fire each Quartz trigger on one of them; Quartz refuses clustering on SQLite, where one Host runs.
/// A repeating sweep trigger catches what a crash between a workflow's save and its scheduling left unscheduled.
/// </summary>
internal static class WorkflowScheduling
{
    /// <summary><c>Quartz</c> (default) or <c>Off</c> (tests that move a clock by hand and fire timers themselves).</summary>
    public const string ModeKey = "Rake:Workflows:Scheduler";

    public const string SweepSecondsKey = "Rake:Workflows:SweepSeconds";

    /// <summary>How often each Host of a PostgreSQL cluster checks in with Quartz (seconds, default 5; docs/adr/0154).</summary>
    public const string CheckinSecondsKey = "Rake:Workflows:ClusterCheckinSeconds";

    public const string SchedulerName = "rake-workflows";

    public static readonly JobKey DueJob = new("workflow-due", "rake");

    public static readonly TriggerKey SweepTrigger = new("workflow-sweep", "rake");

    public static bool IsOn(IConfiguration configuration) =>
        !string.Equals(configuration[ModeKey], "Off", StringComparison.OrdinalIgnoreCase);

    public static void AddWorkflowScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsOn(configuration))
        {
            return;
        }
        services.AddSingleton<WorkflowDueSignal>();
        services.AddSingleton<WorkflowDueInterceptor>();
        // Singleton like the context's options it adds to (docs/adr/0193); the interceptor is a singleton too.
        services.ConfigureDbContext<WorkflowsDbContext>((sp, options) =>
            options.AddInterceptors(sp.GetRequiredService<WorkflowDueInterceptor>()), ServiceLifetime.Singleton);
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var sweep = TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue<double?>(SweepSecondsKey) ?? 300));
        services.AddSingleton(new SweepInterval(sweep));
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(options =>
            {
                options.InstanceName = SchedulerName;
                // Unique per process (and per Host in a test process): the cluster tells its nodes apart by it.
                var id = $"{Guid.NewGuid():N}-{Environment.ProcessId}-{Environment.MachineName}";
                options.InstanceId = id.Length <= 100 ? id : id[..100];
            });
            quartz.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    // A Host that died is found after its check-in interval and the grace after it, and what it had
                    // acquired or was running is taken over then (docs/adr/0154): short, because a check-in is one row.
                    var checkin = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue<double?>(CheckinSecondsKey) ?? 5));
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = checkin;
                        cluster.CheckinMisfireThreshold = checkin;
                    });
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
                // Quartz's tables sit with the module's own: workflows.qrtz_* on PostgreSQL, workflows_qrtz_* on SQLite.
                store.ConfigureStore(options => options.TablePrefix = database.Provider == DatabaseProvider.Postgres
                    ? $"{WorkflowsDbContext.SchemaName}.qrtz_"
                    : $"{WorkflowsDbContext.SchemaName}_qrtz_");
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<WorkflowDueScheduler>();
    }

    /// <summary>One Quartz trigger per due second: several bookmarks due at once share it.</summary>
    public static TriggerKey DueTriggerKey(DateTimeOffset dueAt) =>
        new($"due-{Ceiling(dueAt):yyyyMMddTHHmmss}", "rake");

    public static DateTimeOffset Ceiling(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        var remainder = ticks % TimeSpan.TicksPerSecond;
        return new DateTimeOffset(remainder == 0 ? ticks : ticks - remainder + TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}

internal sealed record SweepInterval(TimeSpan Value);

/// <summary>
/// Collects the due times of a <see cref="WorkflowsDbContext"/> save (new or moved Time bookmarks and start triggers)
/// and hands them to the scheduler once the save has committed; a failed save hands over nothing.
/// </summary>
internal sealed class WorkflowDueInterceptor(WorkflowDueSignal signal) : SaveChangesInterceptor
{
    private const string TimeKind = nameof(Rake.Workflows.Abstractions.BookmarkKind.Time);
    private readonly ConditionalWeakTable<DbContext, List<DateTimeOffset>> pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var due = context.ChangeTracker.Entries<WorkflowBookmarkRecord>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified
                    && e.Entity is { Kind: TimeKind, CompletedAt: null, DueAt: not null })
                .Select(e => e.Entity.DueAt!.Value)
                .Concat(context.ChangeTracker.Entries<WorkflowTriggerRecord>()
                    .Where(e => e.State is EntityState.Added or EntityState.Modified)
                    .Select(e => e.Entity.NextFireAt))
                .ToList();
            pending.AddOrUpdate(context, due);
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var due))
        {
            pending.Remove(context);
            signal.Notify(due);
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            pending.Remove(context);
        }
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }
}

/// <summary>Due times saved by <see cref="WorkflowsDbContext"/>, handed to the scheduler after each successful save.</summary>
internal sealed class WorkflowDueSignal
{
    private readonly Channel<DateTimeOffset> channel =
        Channel.CreateUnbounded<DateTimeOffset>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<DateTimeOffset> Reader => channel.Reader;

    public void Notify(IEnumerable<DateTimeOffset> dueTimes)
    {
        foreach (var due in dueTimes)
        {
            channel.Writer.TryWrite(due);
        }
    }
}

/// <summary>Resumes and starts what is due; one at a time across the cluster.</summary>
[DisallowConcurrentExecution]
internal sealed class WorkflowDueJob(WorkflowTimers timers, ILogger<WorkflowDueJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ran = await timers.FireDueAsync(cancellationToken);
        if (ran > 0)
        {
            logger.LogInformation("Workflow timers: {Count} due runs on {Trigger}.", ran, context.Trigger.Key);
        }
    }
}

/// <summary>Registers the due job and the sweep, then turns each saved due time into a persistent one-shot trigger.</summary>
internal sealed class WorkflowDueScheduler(ISchedulerFactory schedulers, WorkflowDueSignal signal, SweepInterval sweep,
    ILogger<WorkflowDueScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IScheduler scheduler;
        try
        {
            scheduler = await schedulers.GetScheduler(stoppingToken);
            // RequestRecovery: a run cut short by a Host's death is run again at once by the Host that takes over,
            // rather than at the next sweep; a second run is harmless (the revision checks of WorkflowTimers).
            var job = JobBuilder.Create<WorkflowDueJob>().WithIdentity(WorkflowScheduling.DueJob).StoreDurably().RequestRecovery(true)
                .Build();
            await scheduler.AddJob(job, new AddJobOptions { Replace = true }, stoppingToken);
            var sweepTrigger = TriggerBuilder.Create().WithIdentity(WorkflowScheduling.SweepTrigger).ForJob(WorkflowScheduling.DueJob)
                .StartNow().WithSimpleSchedule(s => s.WithInterval(sweep.Value).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)).Build();
            if (await scheduler.GetTrigger(WorkflowScheduling.SweepTrigger, stoppingToken) is null)
            {
                await TryScheduleAsync(scheduler, sweepTrigger, stoppingToken);
            }
            else
            {
                await scheduler.RescheduleJob(WorkflowScheduling.SweepTrigger, sweepTrigger, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        await foreach (var due in signal.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var key = WorkflowScheduling.DueTriggerKey(due);
                if (await scheduler.GetTrigger(key, stoppingToken) is not null)
                {
                    continue;
                }
                var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(WorkflowScheduling.DueJob)
                    .StartAt(WorkflowScheduling.Ceiling(due))
                    // Never held back as a misfire: a late one-shot fires as soon as any Host can, and WorkflowTimers then
                    // starts each occurrence that is due, once (docs/adr/0154).
                    .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires))
                    .Build();
                await TryScheduleAsync(scheduler, trigger, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The sweep trigger still finds it: nothing due is lost, it only runs later.
                logger.LogError(ex, "Scheduling the workflow timer due at {Due} failed; the sweep will run it.", due);
            }
        }
    }

    private static async Task TryScheduleAsync(IScheduler scheduler, ITrigger trigger, CancellationToken ct)
    {
        try
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another Host of the cluster scheduled the same due second.
        }
    }
}
