using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>With tracing on (docs/adr/0075), one request leaves one trace: its HTTP span, the database and the workflow run.</summary>
[Collection(MetricsCollection.Name)]
public sealed class TracingTests
{
    [Fact]
    public async Task Starting_a_workflow_traces_the_request_its_queries_and_the_run_in_one_trace()
    {
        var spans = new List<Activity>();
        await using var host = await RakeTestHost.StartAsync(configure: builder =>
        {
            builder.Configuration["Observability:Tracing:Enabled"] = "true";
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        });
        using var admin = await host.ClientFor("kainuu-regionadmin");
        var id = $"traced-{Guid.NewGuid():N}"[..30];
        await PublishAsync(admin, "kainuu", Sequence(id, Activity("hello", "Elsa.WriteLine", ("text", "hello"))));

        await StartAsync(admin, "kainuu", id);

        var run = await WaitForAsync(spans,
            s => s.OperationName == "workflow start" && (string?)s.GetTagItem("rake.workflow.definition") == id);
        Assert.Equal("Rake.Workflows", run.Source.Name);
        var request = await WaitForAsync(spans, s => s.TraceId == run.TraceId && s.Kind == ActivityKind.Server);
        Assert.Equal("/api/v1/regions/{region}/workflow-instances", request.GetTagItem("http.route"));
        Assert.Equal(201, request.GetTagItem("http.response.status_code"));
        var database = host.IsPostgres ? "Npgsql" : "OpenTelemetry.Instrumentation.EntityFrameworkCore";
        await WaitForAsync(spans, s => s.TraceId == run.TraceId && s.Source.Name == database && s.Kind == ActivityKind.Client);
        // The run is a child of the request, not a trace of its own.
        Assert.NotEqual(default, run.ParentSpanId);
    }

    /// <summary>A server span ends just after its response is sent, so the test may read before it is exported.</summary>
    private static async Task<Activity> WaitForAsync(List<Activity> spans, Func<Activity, bool> match)
    {
        for (var i = 0; i < 50; i++)
        {
            // The exporter adds under its own lock; a copy is what can be read safely meanwhile.
            if (spans.ToArray().FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        var seen = spans.ToArray().Select(s => $"{s.Source.Name}:{s.OperationName}").Distinct();
        throw new Xunit.Sdk.XunitException("No such span among: " + string.Join(", ", seen));
    }
}
