using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>
/// The operators' Prometheus endpoint (docs/adr/0075): off unless configured, refused without the scrape token, and once
/// allowed it shows the HTTP, workflow and outbox figures with the values the requests made.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests
{
    private const string Token = "scrape-token-for-tests-0123456789abcdef";

    [Fact]
    public async Task Metrics_are_not_served_unless_configured()
    {
        await using var host = await RakeTestHost.StartAsync();
        using var client = host.Anonymous();

        var response = await client.GetAsync("/metrics");

        // No endpoint is mapped, so the path falls through to the staff UI's own "page not found" page.
        var body = await response.Content.ReadAsStringAsync();
        Assert.NotEqual("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("# TYPE", body);
        Assert.DoesNotContain("http_server_request_duration", body);
    }

    [Fact]
    public async Task Metrics_are_refused_without_the_scrape_token_even_from_loopback()
    {
        await using var host = await StartWithMetricsAsync(token: Token, allowLoopback: false);
        using var client = host.Anonymous();

        var none = await client.GetAsync("/metrics");
        var problem = await Reports.ReadProblemAsync(none, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Bearer", problem["detail"]!.GetValue<string>());

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token[..^1] + "X");
        var refused = await client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("# TYPE", await refused.Content.ReadAsStringAsync());

        // A region user's own API token is not a scrape token.
        using var user = await host.ClientFor("kainuu-regionadmin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Loopback_callers_are_served_without_a_token_only_when_allowed()
    {
        await using var host = await StartWithMetricsAsync(token: null, allowLoopback: true);
        using var client = host.Anonymous();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_enabled_endpoint_that_nobody_may_read_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartWithMetricsAsync(token: null, allowLoopback: false));
        Assert.Contains("Observability:Metrics:ScrapeToken", error.Message);

        var shortToken = await Assert.ThrowsAsync<InvalidOperationException>(
            () => StartWithMetricsAsync(token: "short", allowLoopback: false));
        Assert.Contains("32 characters", shortToken.Message);
    }

    [Fact]
    public async Task With_the_token_the_metrics_count_requests_workflow_runs_and_outbox_deliveries()
    {
        await using var host = await StartWithMetricsAsync(token: Token, allowLoopback: false);
        using var scraper = host.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        const string submitRoute = "/api/v1/regions/{region}/social-reports";
        var before = await ScrapeAsync(scraper);

        using var professional = await host.ClientFor("kainuu-professional");
        await Reports.SubmitAsync(professional, "kainuu");
        await host.DeliverEventsAsync();

        using var admin = await host.ClientFor("kainuu-regionadmin");
        var waiting = $"metrics-wait-{Guid.NewGuid():N}"[..30];
        var eventName = $"go-{Guid.NewGuid():N}";
        await PublishAsync(admin, "kainuu", WaitForEvent(waiting, eventName));
        var faulting = $"metrics-fault-{Guid.NewGuid():N}"[..30];
        await PublishAsync(admin, "kainuu", Sequence(faulting, Activity("boom", "Elsa.Fault", ("message", "boom"))));
        await StartAsync(admin, "kainuu", waiting);
        await StartAsync(admin, "kainuu", faulting);
        Assert.Equal(1, await RaiseAsync(admin, "kainuu", eventName));

        var after = await ScrapeAsync(scraper);

        Assert.Equal(1, after.Sum("http_server_request_duration_seconds_count",
                ("http_route", submitRoute), ("http_request_method", "POST"), ("http_response_status_code", "201"))
            - before.Sum("http_server_request_duration_seconds_count",
                ("http_route", submitRoute), ("http_request_method", "POST"), ("http_response_status_code", "201")));

        var waitingRuns = ("rake_workflow_definition", waiting);
        var faultingRuns = ("rake_workflow_definition", faulting);
        var kainuu = ("rake_region", "kainuu");
        Assert.Equal(1, after.Sum("rake_workflow_instances_started_total", waitingRuns, kainuu));
        Assert.Equal(1, after.Sum("rake_workflow_instances_resumed_total", waitingRuns, kainuu));
        Assert.Equal(1, after.Sum("rake_workflow_instances_finished_total", waitingRuns, kainuu));
        Assert.Equal(0, after.Sum("rake_workflow_instances_faulted_total", waitingRuns));
        Assert.Equal(1, after.Sum("rake_workflow_instances_started_total", faultingRuns, kainuu));
        Assert.Equal(0, after.Sum("rake_workflow_instances_resumed_total", faultingRuns));
        Assert.Equal(1, after.Sum("rake_workflow_instances_faulted_total", faultingRuns, kainuu));

        // The waiting workflow wrote a line before and after the event: at least those two WriteLine activities were timed
        // (the region's own demo workflows may run some too).
        var writeLines = ("rake_workflow_activity_type", "Elsa.WriteLine");
        Assert.True(after.Sum("rake_workflow_activity_duration_seconds_count", writeLines)
            - before.Sum("rake_workflow_activity_duration_seconds_count", writeLines) >= 2, after.Text);

        // The submitted report's event left Reporting's outbox and nothing is waiting there any more.
        Assert.True(after.Sum("rake_outbox_delivered_total", ("rake_outbox_source", "reporting"))
            > before.Sum("rake_outbox_delivered_total", ("rake_outbox_source", "reporting")), after.Text);
        Assert.True(after.Has("rake_outbox_backlog", ("rake_outbox_source", "reporting")), after.Text);
        Assert.Equal(0, after.Sum("rake_outbox_backlog", ("rake_outbox_source", "reporting")));
    }

    private static Task<RakeTestHost> StartWithMetricsAsync(string? token, bool allowLoopback) =>
        RakeTestHost.StartAsync(configure: builder =>
        {
            builder.Configuration["Observability:Metrics:Enabled"] = "true";
            builder.Configuration["Observability:Metrics:ScrapeToken"] = token;
            builder.Configuration["Observability:Metrics:AllowLoopback"] = allowLoopback ? "true" : "false";
            // The exporter caches a scrape briefly; the test reads right after acting.
            builder.Services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
        });

    private static async Task<Scrape> ScrapeAsync(HttpClient scraper)
    {
        var response = await scraper.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return new Scrape(text);
    }

    /// <summary>The Prometheus text format, read sample by sample: <c>name{label="value",…} number</c>.</summary>
    private sealed class Scrape(string text)
    {
        private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> samples = Parse(text);

        public string Text => text;

        public double Sum(string name, params (string Label, string Value)[] labels) =>
            Matching(name, labels).Sum(s => s.Value);

        public bool Has(string name, params (string Label, string Value)[] labels) => Matching(name, labels).Any();

        private IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Matching(
            string name, (string Label, string Value)[] labels) =>
            samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

        private static List<(string, Dictionary<string, string>, double)> Parse(string text)
        {
            var parsed = new List<(string, Dictionary<string, string>, double)>();
            foreach (var line in text.Split('\n').Where(l => l.Length > 0 && l[0] != '#'))
            {
                var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                var brace = line.IndexOf('{');
                var nameEnd = brace >= 0 ? brace : line.IndexOf(' ');
                var rest = line[nameEnd..];
                if (brace >= 0)
                {
                    var i = 1;
                    while (rest[i] != '}')
                    {
                        var eq = rest.IndexOf('=', i);
                        var key = rest[i..eq];
                        var value = new System.Text.StringBuilder();
                        var j = eq + 2;
                        for (; rest[j] != '"'; j++)
                        {
                            if (rest[j] == '\\')
                            {
                                j++;
                            }
                            value.Append(rest[j]);
                        }
                        labels[key] = value.ToString();
                        i = rest[j + 1] == ',' ? j + 2 : j + 1;
                    }
                    rest = rest[(i + 1)..];
                }
                var number = rest.Trim().Split(' ')[0];
                parsed.Add((line[..nameEnd], labels, double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture)));
            }
            return parsed;
        }
    }
}

/// <summary>
/// Instruments are process-wide, so a host's scrape also counts what other hosts in the test process do; these tests
/// run alone to compare exact numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics (not in parallel)";
}
