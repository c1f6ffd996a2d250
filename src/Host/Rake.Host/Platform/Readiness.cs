using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Modules;

namespace Rake.Host.Platform;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers, every context's migrations are
/// applied, the workflow scheduler runs and the Host is not stopping; docs/adr/0127). Both are anonymous and cheap, and
/// name only what is not ready, never an exception's text.
/// </summary>
internal static class Readiness
{
    public const string Tag = "ready";
    private const string DatabaseCheck = "database";

    public static IHealthChecksBuilder AddRakeReadiness(this IHealthChecksBuilder checks)
    {
        checks.Services.AddSingleton<MigrationsConfirmed>();
        return checks
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Tag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Tag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<StoppingHealthCheck>("host", tags: [Tag]);
    }

    public static void MapRakeHealth(this IEndpointRouteBuilder app)
    {
        // /health keeps answering as it always has: the database check only.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = r => !r.Tags.Contains(Tag) });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => r.Name == DatabaseCheck || r.Tags.Contains(Tag),
            ResponseWriter = WriteReadyAsync,
        });
    }

    private static async Task WriteReadyAsync(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (report.Status == HealthStatus.Healthy)
        {
            await http.Response.WriteAsJsonAsync(new { status = "Ready" });
            return;
        }
        var texts = http.RequestServices.GetRequiredService<TextCatalog>();
        var notReady = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => new NotReady(e.Key, e.Value.Exception is null ? e.Value.Description ?? "" : "failed"))
            .OrderBy(e => e.Check, StringComparer.Ordinal)
            .ToList();
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = texts["operations.notReady.title"],
            Detail = texts.Get("operations.notReady.detail", string.Join(", ", notReady.Select(n => n.Check))),
            Extensions = { ["notReady"] = notReady },
        };
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await http.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }

    internal sealed record NotReady(string Check, string Reason);
}

/// <summary>Migrations do not un-apply themselves, so a confirmed answer is reused for a minute instead of asked on every probe.</summary>
internal sealed class MigrationsConfirmed
{
    private static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(1);
    private long confirmedAt = long.MinValue;

    public bool IsFresh => confirmedAt != long.MinValue && Stopwatch.GetElapsedTime(Interlocked.Read(ref confirmedAt)) < ReuseFor;

    public void Confirm() => Interlocked.Exchange(ref confirmedAt, Stopwatch.GetTimestamp());
}

internal sealed class MigrationsHealthCheck(IServiceProvider services, IEnumerable<MigratableContext> contexts,
    MigrationsConfirmed confirmed) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (confirmed.IsFresh)
        {
            return HealthCheckResult.Healthy();
        }
        var pending = new List<string>();
        foreach (var type in contexts.Select(c => c.DbContextType).Prepend(typeof(PlatformDbContext)))
        {
            var db = (DbContext)services.GetRequiredService(type);
            try
            {
                if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                {
                    pending.Add(type.Name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"The migration history of {type.Name} could not be read.");
            }
        }
        if (pending.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Migrations are pending for {string.Join(", ", pending)}.");
        }
        confirmed.Confirm();
        return HealthCheckResult.Healthy();
    }
}

internal sealed class SchedulerHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Rake:Workflows:Scheduler=Off registers no Quartz at all: nothing to wait for.
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return HealthCheckResult.Healthy("The workflow scheduler is off.");
        }
        var scheduler = await factory.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The workflow scheduler has not started.");
    }
}

/// <summary>A stopping Host answers its in-flight requests but tells the balancer to send it nothing new.</summary>
internal sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The Host is shutting down.")
            : HealthCheckResult.Healthy());
}
