using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Host.Observability;

/// <summary>
/// OpenTelemetry for the Host (docs/adr/0075): HTTP, the database (EF Core on SQLite, Npgsql on PostgreSQL), the
/// runtime, and Rake's own sources and meters, which all carry names starting <c>Rake.</c>.
/// </summary>
internal static class RakeObservability
{
    private const string RakeSources = "Rake.*";

    public static void AddRakeObservability(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>()
            ?? new ObservabilityOptions();
        Validate(options);
        builder.Services.AddSingleton(options);
        if (!options.CollectsMetrics && !options.CollectsTraces)
        {
            return;
        }
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("rake"));
        if (options.CollectsMetrics)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(RakeSources)
                    .AddAspNetCoreInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore")
                    .AddMeter("System.Runtime");
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    metrics.AddNpgsqlInstrumentation();
                }
                if (options.Metrics.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
                if (options.Otlp.IsConfigured)
                {
                    metrics.AddOtlpExporter(otlp => Configure(otlp, options.Otlp, "v1/metrics"));
                }
            });
        }
        if (options.CollectsTraces)
        {
            var scrapePath = options.Metrics.Path;
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(RakeSources)
                    // A scrape every few seconds would drown the traces people look for.
                    .AddAspNetCoreInstrumentation(http => http.Filter = context => !context.Request.Path.StartsWithSegments(scrapePath));
                // Npgsql traces its own commands; EF Core's spans would repeat them, so they are for SQLite only.
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    tracing.AddNpgsql();
                }
                else
                {
                    tracing.AddEntityFrameworkCoreInstrumentation();
                }
                if (options.Otlp.IsConfigured)
                {
                    tracing.AddOtlpExporter(otlp => Configure(otlp, options.Otlp, "v1/traces"));
                }
            });
        }
    }

    /// <summary>Maps the scrape endpoint behind its access check; when metrics are off there is no such endpoint.</summary>
    public static void MapRakeMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ObservabilityOptions>();
        if (!options.Metrics.Enabled)
        {
            return;
        }
        app.MapPrometheusScrapingEndpoint(options.Metrics.Path, meterProvider: null,
            configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccessCheck>(), optionsName: null);
    }

    private static void Validate(ObservabilityOptions options)
    {
        var metrics = options.Metrics;
        if (!metrics.Enabled)
        {
            return;
        }
        if (!metrics.Path.StartsWith('/') || metrics.Path.Length < 2)
        {
            throw new InvalidOperationException($"Observability:Metrics:Path '{metrics.Path}' must start with '/' and name a path.");
        }
        if (metrics.ScrapeToken is { } token && token.Length < MetricsEndpointOptions.MinimumTokenLength)
        {
            throw new InvalidOperationException(
                $"Observability:Metrics:ScrapeToken must be at least {MetricsEndpointOptions.MinimumTokenLength} characters long.");
        }
        // Refusing to start beats an endpoint that is on but refuses everyone (or, worse, is open by mistake).
        if (string.IsNullOrEmpty(metrics.ScrapeToken) && !metrics.AllowLoopback)
        {
            throw new InvalidOperationException(
                "Observability:Metrics:Enabled is true but nobody may read the metrics: set Observability:Metrics:ScrapeToken, "
                + "or Observability:Metrics:AllowLoopback for a scraper on the same machine.");
        }
    }

    private static void Configure(OtlpExporterOptions otlp, OtlpOptions options, string signalPath)
    {
        var http = string.Equals(options.Protocol, "HttpProtobuf", StringComparison.OrdinalIgnoreCase)
            || string.Equals(options.Protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase);
        otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var endpoint = options.Endpoint!.TrimEnd('/');
        // A programmatic endpoint is used as given, so over HTTP it must name the signal's path itself.
        otlp.Endpoint = new Uri(http ? $"{endpoint}/{signalPath}" : endpoint);
    }
}
