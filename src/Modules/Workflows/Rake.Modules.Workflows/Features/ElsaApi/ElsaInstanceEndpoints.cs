using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rake.Modules.Workflows.Features.ElsaApi;

/// <summary>
/// The routes of Elsa 3's instance API that Elsa Studio 3.8.2's instance list and viewer call (its Elsa.Api.Client's
/// routes), inside the <c>/elsa/api</c> group and its region gate (docs/adr/0010, 0177).
/// </summary>
internal static class ElsaInstanceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var instances = api.MapGroup("").WithTags("Elsa Studio API");
        instances.MapPost("/workflow-instances", (JsonObject? body, ElsaInstancesHandler h, CancellationToken ct) => h.ListAsync(body, ct))
            .WithSummary("Elsa: the region's workflow instances, filtered and paged as the Studio's instance list asks.");
        instances.MapGet("/workflow-instances", (HttpRequest request, ElsaInstancesHandler h, CancellationToken ct) =>
                h.ListAsync(FromQuery(request.Query), ct))
            .WithSummary("Elsa: the region's workflow instances (the same filters as query parameters).");
        instances.MapGet("/workflow-instances/{id}", (string id, ElsaInstancesHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .WithSummary("Elsa: one instance with its workflow state (bookmarks, incidents, input and output).");
        instances.MapGet("/workflow-instances/{id}/execution-state", (string id, ElsaInstancesHandler h, CancellationToken ct) =>
                h.ExecutionStateAsync(id, ct))
            .WithSummary("Elsa: the instance's status, polled by the viewer while it runs.");
        instances.MapPost("/workflow-instances/{id}/journal", (
                string id, JsonObject? body, string? skip, string? take, ElsaInstancesHandler h, CancellationToken ct) =>
                h.JournalAsync(id, body, Number(skip), Number(take), ct))
            .WithSummary("Elsa: the instance's journal, filtered by activity, node, type or event, paged with skip and take.");
        instances.MapGet("/workflow-instances/{id}/journal", (
                string id, string? skip, string? take, ElsaInstancesHandler h, CancellationToken ct) =>
                h.JournalAsync(id, null, Number(skip), Number(take), ct))
            .WithSummary("Elsa: the instance's whole journal, paged with skip and take.");
        instances.MapDelete("/workflow-instances/{id}", async (string id, ElsaInstancesHandler h, CancellationToken ct) =>
            {
                await h.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .WithSummary("Elsa: deletes a finished instance (audited); a running one is 409.");
        foreach (var route in new[] { "/bulk-actions/delete/workflow-instances/by-id", "/bulk-actions/delete/workflow-instances" })
        {
            instances.MapPost(route, (JsonObject? body, ElsaInstancesHandler h, CancellationToken ct) => h.BulkDeleteAsync(body, ct))
                .WithSummary("Elsa: deletes the listed finished instances ({ids}); none is deleted when one of them is running (409).");
        }

        instances.MapPost("/cancel/workflow-instances/{id}", async (string id, ElsaInstancesHandler h, CancellationToken ct) =>
            {
                await h.CancelAsync(id, ct);
                return Results.Ok();
            })
            .WithSummary("Elsa: cancels a running or suspended instance: its tasks and timers close (audited); a finished one is 409.");
        foreach (var route in new[] { "/bulk-actions/cancel/workflow-instances/by-id", "/bulk-actions/cancel/workflow-instances" })
        {
            instances.MapPost(route, (JsonObject? body, ElsaInstancesHandler h, CancellationToken ct) => h.BulkCancelAsync(body, ct))
                .WithSummary("Elsa: cancels the listed instances that still run ({ids}); answers {cancelled} with how many did.");
        }

        var executions = api.MapGroup("").WithTags("Elsa Studio API");
        executions.MapPost("/activity-executions/report", (JsonObject? body, ElsaInstancesHandler h, CancellationToken ct) =>
                h.ReportAsync(body, ct))
            .WithSummary("Elsa: per activity node of an instance, how often it started and completed, and whether it waits or faulted.");
        executions.MapGet("/activity-executions/list", (
                string? workflowInstanceId, string? activityNodeId, ElsaInstancesHandler h, CancellationToken ct) =>
                h.ListExecutionsAsync(workflowInstanceId, activityNodeId, summaries: false, ct))
            .WithSummary("Elsa: the runs of one activity node of an instance, from its journal.");
        executions.MapGet("/activity-execution-summaries/list", (
                string? workflowInstanceId, string? activityNodeId, ElsaInstancesHandler h, CancellationToken ct) =>
                h.ListExecutionsAsync(workflowInstanceId, activityNodeId, summaries: true, ct))
            .WithSummary("Elsa: the runs of one activity node of an instance, in short.");
        executions.MapGet("/activity-executions/by-id", (string? id, ElsaInstancesHandler h, CancellationToken ct) =>
                h.GetExecutionAsync(id, ct))
            .WithSummary("Elsa: one activity run of an instance.");
    }

    private static int? Number(string? text) => text is null ? null : int.TryParse(text, out var n) ? n : -1;

    /// <summary>The GET form of the list: single values as text, repeated ones as lists.</summary>
    private static JsonObject FromQuery(IQueryCollection query)
    {
        var json = new JsonObject();
        foreach (var (key, values) in query)
        {
            json[key] = values.Count == 1 && !key.EndsWith('s')
                ? JsonValue.Create(values[0])
                : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
        return json;
    }
}
