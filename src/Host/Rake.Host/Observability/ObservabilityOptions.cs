namespace Rake.Host.Observability;

/// <summary>Section <c>Observability</c>: what the Host measures and who may read it (docs/adr/0075).</summary>
internal sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    public MetricsEndpointOptions Metrics { get; set; } = new();

    public TracingOptions Tracing { get; set; } = new();

    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>Metrics are collected only when something reads them: the scrape endpoint or an OTLP collector.</summary>
    public bool CollectsMetrics => Metrics.Enabled || Otlp.IsConfigured;

    /// <summary>Spans cost an allocation per request and query, so they are made only when they go somewhere.</summary>
    public bool CollectsTraces => Tracing.Enabled || Otlp.IsConfigured;
}

/// <summary>
/// The Prometheus scrape endpoint. Off by default; when on, a request is served only if it carries the scrape token
/// (<c>Authorization: Bearer …</c>) or, with <see cref="AllowLoopback"/>, comes from the machine itself.
/// </summary>
internal sealed class MetricsEndpointOptions
{
    public bool Enabled { get; set; }

    public string Path { get; set; } = "/metrics";

    /// <summary>A shared secret the scraper sends as a bearer token; at least 32 characters.</summary>
    public string? ScrapeToken { get; set; }

    /// <summary>
    /// Serves loopback callers without a token. Leave it off behind a reverse proxy on the same machine: every request
    /// the proxy forwards comes from loopback.
    /// </summary>
    public bool AllowLoopback { get; set; }

    public const int MinimumTokenLength = 32;
}

internal sealed class TracingOptions
{
    /// <summary>Records spans even without an OTLP endpoint (for a debugger or an in-process exporter).</summary>
    public bool Enabled { get; set; }
}

/// <summary>An OpenTelemetry collector that receives traces and metrics; nothing is sent unless an endpoint is set.</summary>
internal sealed class OtlpOptions
{
    /// <summary>e.g. <c>http://collector:4317</c> (gRPC) or <c>http://collector:4318</c> (HTTP/protobuf).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public string Protocol { get; set; } = "Grpc";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
