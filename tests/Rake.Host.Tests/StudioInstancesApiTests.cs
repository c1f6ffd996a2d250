using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Workflows.Persistence;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>
/// Issue 15: the Studio's instance list and viewer, delete, bulk delete, cancel, bulk cancel and retract, replayed as Elsa Studio 3.8.2's
/// Elsa.Api.Client sends them (its routes and bodies), against Rake's own instances; region-scoped and audited.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class StudioInstancesApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private async Task<HttpClient> StudioClient(string user, string tenant)
    {
        var client = await Host.ClientFor(user);
        client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        return client;
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>What the Studio's instance list posts (ListWorkflowInstancesRequest, camelCase, enums as names).</summary>
    private static JsonObject ListRequest(string definitionId) => new()
    {
        ["page"] = 0,
        ["pageSize"] = 10,
        ["definitionIds"] = new JsonArray(definitionId),
        ["statuses"] = new JsonArray(),
        ["subStatuses"] = new JsonArray(),
        ["searchTerm"] = null,
        ["hasIncidents"] = null,
        ["isSystem"] = false,
        ["orderBy"] = "Created",
        ["orderDirection"] = "Descending",
        ["timestampFilters"] = new JsonArray(),
    };

    private async Task<(string DefinitionId, string InstanceId)> WaitingInstanceAsync(HttpClient rakeAdmin, string region)
    {
        var definitionId = Unique("viewer");
        await PublishAsync(rakeAdmin, region, WaitForEvent(definitionId, $"{definitionId}-go"));
        var instance = await StartAsync(rakeAdmin, region, definitionId);
        return (definitionId, (string)instance["id"]!);
    }

    [Fact]
    public async Task The_instance_list_viewer_journal_and_report_answer_in_the_shapes_the_studio_reads()
    {
        using var rakeAdmin = await Host.ClientFor("kainuu-regionadmin");
        using var studio = await StudioClient("kainuu-regionadmin", "kainuu");
        var (definitionId, instanceId) = await WaitingInstanceAsync(rakeAdmin, "kainuu");

        var listed = await studio.PostAsJsonAsync("/elsa/api/workflow-instances", ListRequest(definitionId));
        var list = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(1, (int)list["totalCount"]!);
        var summary = list["items"]![0]!;
        Assert.Equal(instanceId, (string?)summary["id"]);
        Assert.Equal(definitionId, (string?)summary["definitionId"]);
        Assert.Equal(1, (int)summary["version"]!);
        Assert.Equal("Running", (string?)summary["status"]);
        Assert.Equal("Suspended", (string?)summary["subStatus"]);
        Assert.Null(summary["finishedAt"]);
        // The list then asks for the versions its rows ran on, by version id, and drops rows whose version is missing.
        var versionId = (string)summary["definitionVersionId"]!;
        var versions = await studio.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions?Ids={versionId}");
        Assert.Equal(versionId, (string?)versions!["items"]!.AsArray().Single()!["id"]);

        // The viewer: the instance, its definition version by id (with Elsa node ids), the journal and the canvas report.
        var instance = await studio.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}");
        Assert.Equal("Suspended", (string?)instance!["workflowState"]!["subStatus"]);
        Assert.Equal("wait", ((string?)instance["workflowState"]!["bookmarks"]![0]!["activityNodeId"])?.Split(':')[^1]);
        Assert.Equal(0, (int)instance["incidentCount"]!);
        var definition = await studio.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-id/{versionId}");
        var nodeIds = definition!["root"]!["activities"]!.AsArray().Select(a => (string)a!["nodeId"]!).ToList();
        Assert.Contains("Workflow1:flowchart:wait", nodeIds);

        var journal = await studio.PostAsJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal?skip=0&take=50", new JsonObject
        {
            ["filter"] = new JsonObject
            {
                ["activityNodeIds"] = new JsonArray(nodeIds.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                ["excludedActivityTypes"] = new JsonArray("Elsa.Workflow", "Elsa.Flowchart"),
            },
        });
        Assert.Equal(HttpStatusCode.OK, journal.StatusCode);
        var entries = JsonNode.Parse(await journal.Content.ReadAsStringAsync())!["items"]!.AsArray();
        Assert.Contains(entries, e => (string?)e!["activityId"] == "before" && (string?)e["eventName"] == "Completed"
            && (string?)e["nodeId"] == "Workflow1:flowchart:before");
        Assert.DoesNotContain(entries, e => (string?)e!["activityType"] == "Elsa.Flowchart");
        Assert.Equal(entries.Count, entries.Select(e => (long)e!["sequence"]!).Distinct().Count());
        var faultedOnly = await studio.PostAsJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal",
            new JsonObject { ["filter"] = new JsonObject { ["eventNames"] = new JsonArray("Faulted") } });
        Assert.Equal(0, (int)JsonNode.Parse(await faultedOnly.Content.ReadAsStringAsync())!["totalCount"]!);

        var report = await studio.PostAsJsonAsync("/elsa/api/activity-executions/report", new JsonObject
        {
            ["workflowInstanceId"] = instanceId,
            ["activityNodeIds"] = new JsonArray(nodeIds.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
        });
        var stats = JsonNode.Parse(await report.Content.ReadAsStringAsync())!["stats"]!.AsArray();
        var before = stats.Single(s => (string?)s!["activityId"] == "before")!;
        Assert.Equal(1, (int)before["completedCount"]!);
        Assert.False((bool)before["isBlocked"]!);
        var wait = stats.Single(s => (string?)s!["activityId"] == "wait")!;
        Assert.True((bool)wait["isBlocked"]!);
        Assert.Equal(1, (int)wait["uncompletedCount"]!);
        Assert.DoesNotContain(stats, s => (string?)s!["activityId"] == "after");

        var runs = await studio.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/activity-execution-summaries/list?workflowInstanceId={instanceId}&activityNodeId=Workflow1:flowchart:wait");
        var run = runs!["items"]!.AsArray().Single()!;
        Assert.Equal("Running", (string?)run["status"]);
        Assert.True((bool)run["hasBookmarks"]!);
        var record = await studio.GetFromJsonAsync<JsonObject>($"/elsa/api/activity-executions/by-id?id={run["id"]}");
        Assert.Equal("Elsa.Event", (string?)record!["activityType"]);
        Assert.Equal(instanceId, (string?)record["workflowInstanceId"]);

        var state = await studio.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}/execution-state");
        Assert.Equal("Running", (string?)state!["status"]);
        Assert.Equal("Suspended", (string?)state["workflowSubStatus"]);
    }

    [Fact]
    public async Task A_running_instance_is_not_deleted_a_finished_one_is_and_the_deletion_is_audited()
    {
        using var rakeAdmin = await Host.ClientFor("kainuu-regionadmin");
        using var studio = await StudioClient("kainuu-regionadmin", "kainuu");
        var (definitionId, instanceId) = await WaitingInstanceAsync(rakeAdmin, "kainuu");

        var refused = await Reports.ReadProblemAsync(await studio.DeleteAsync($"/elsa/api/workflow-instances/{instanceId}"),
            HttpStatusCode.Conflict);
        Assert.Contains(instanceId, (string?)refused["detail"], StringComparison.Ordinal);
        Assert.Equal("Suspended", (string?)(await InstanceAsync(rakeAdmin, "kainuu", instanceId))["subStatus"]);

        Assert.Equal(1, await RaiseAsync(rakeAdmin, "kainuu", $"{definitionId}-go"));
        var deleted = await studio.DeleteAsync($"/elsa/api/workflow-instances/{instanceId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Reports.ReadProblemAsync(await rakeAdmin.GetAsync($"{Base("kainuu")}/workflow-instances/{instanceId}"),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await studio.GetAsync($"/elsa/api/workflow-instances/{instanceId}"), HttpStatusCode.NotFound);

        await using var scope = Host.RegionScope("kainuu");
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == Guid.Parse(instanceId).ToString()).ToListAsync();
        Assert.Contains(audit, a => a.EntityType == "WorkflowInstanceRecord" && a.Action == "Deleted"
            && a.Actor == "kainuu-regionadmin");
        Assert.False(await db.Bookmarks.AnyAsync(b => b.InstanceId == Guid.Parse(instanceId)));
    }

    [Fact]
    public async Task Bulk_delete_refuses_the_whole_list_while_one_runs_then_deletes_the_finished_ones()
    {
        using var rakeAdmin = await Host.ClientFor("kainuu-regionadmin");
        using var studio = await StudioClient("kainuu-regionadmin", "kainuu");
        var (first, firstId) = await WaitingInstanceAsync(rakeAdmin, "kainuu");
        var (second, secondId) = await WaitingInstanceAsync(rakeAdmin, "kainuu");
        Assert.Equal(1, await RaiseAsync(rakeAdmin, "kainuu", $"{first}-go"));

        var body = new JsonObject { ["ids"] = new JsonArray(firstId, secondId) };
        await Reports.ReadProblemAsync(await studio.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-instances/by-id", body),
            HttpStatusCode.Conflict);
        Assert.Equal("Finished", (string?)(await InstanceAsync(rakeAdmin, "kainuu", firstId))["subStatus"]);

        Assert.Equal(1, await RaiseAsync(rakeAdmin, "kainuu", $"{second}-go"));
        var done = await studio.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-instances/by-id",
            new JsonObject { ["ids"] = new JsonArray(firstId, secondId, Guid.NewGuid().ToString()) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(2, (int)JsonNode.Parse(await done.Content.ReadAsStringAsync())!["deleted"]!);
        await Reports.ReadProblemAsync(await studio.GetAsync($"/elsa/api/workflow-instances/{secondId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_regions_admin_neither_sees_nor_deletes_an_instance_and_a_professional_is_refused()
    {
        using var rakeAdmin = await Host.ClientFor("kainuu-regionadmin");
        var (definitionId, instanceId) = await WaitingInstanceAsync(rakeAdmin, "kainuu");
        Assert.Equal(1, await RaiseAsync(rakeAdmin, "kainuu", $"{definitionId}-go"));

        using var other = await StudioClient("kymenlaakso-regionadmin", "kymenlaakso");
        var list = await other.PostAsJsonAsync("/elsa/api/workflow-instances", ListRequest(definitionId));
        Assert.Equal(0, (int)JsonNode.Parse(await list.Content.ReadAsStringAsync())!["totalCount"]!);
        await Reports.ReadProblemAsync(await other.GetAsync($"/elsa/api/workflow-instances/{instanceId}"), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await other.PostAsJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal", new JsonObject()),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await other.PostAsJsonAsync("/elsa/api/activity-executions/report",
            new JsonObject { ["workflowInstanceId"] = instanceId, ["activityNodeIds"] = new JsonArray() }), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await other.DeleteAsync($"/elsa/api/workflow-instances/{instanceId}"), HttpStatusCode.NotFound);
        var bulk = await other.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-instances",
            new JsonObject { ["ids"] = new JsonArray(instanceId) });
        Assert.Equal(0, (int)JsonNode.Parse(await bulk.Content.ReadAsStringAsync())!["deleted"]!);
        await Reports.ReadProblemAsync(await other.PostAsync($"/elsa/api/workflow-definitions/{definitionId}/retract", null),
            HttpStatusCode.NotFound);

        using var wrongTenant = await StudioClient("kymenlaakso-regionadmin", "kainuu");
        await Reports.ReadProblemAsync(await wrongTenant.DeleteAsync($"/elsa/api/workflow-instances/{instanceId}"),
            HttpStatusCode.Forbidden);
        using var professional = await StudioClient("kainuu-professional", "kainuu");
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync("/elsa/api/workflow-instances", ListRequest(definitionId)),
            HttpStatusCode.Forbidden);
        Assert.Equal("Finished", (string?)(await InstanceAsync(rakeAdmin, "kainuu", instanceId))["subStatus"]);
    }

    [Fact]
    public async Task Retract_stops_new_instances_lets_running_ones_finish_and_is_audited()
    {
        using var rakeAdmin = await Host.ClientFor("kainuu-regionadmin");
        using var studio = await StudioClient("kainuu-regionadmin", "kainuu");
        var (definitionId, instanceId) = await WaitingInstanceAsync(rakeAdmin, "kainuu");

        var retracted = await studio.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/retract", new JsonObject());
        var model = JsonNode.Parse(await retracted.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, retracted.StatusCode);
        Assert.False((bool)model["isPublished"]!);
        Assert.True((bool)model["isLatest"]!);
        Assert.Equal(2, (int)model["version"]!);
        Assert.Contains(model["links"]!.AsArray(), l => (string?)l!["rel"] == "publish");
        await Reports.ReadProblemAsync(
            await studio.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published"),
            HttpStatusCode.NotFound);

        // No new instance, by hand or by the Studio's Run button; the running one goes on with its version.
        await Reports.ReadProblemAsync(await rakeAdmin.PostAsJsonAsync($"{Base("kainuu")}/workflow-instances", new { definitionId }),
            HttpStatusCode.NotFound);
        var run = await studio.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new JsonObject());
        Assert.Equal("true", run.Headers.GetValues("x-elsa-workflow-cannot-start").Single());
        Assert.Equal(1, await RaiseAsync(rakeAdmin, "kainuu", $"{definitionId}-go"));
        var finished = await InstanceAsync(rakeAdmin, "kainuu", instanceId);
        Assert.Equal("Finished", (string?)finished["subStatus"]);
        Assert.Equal(1, (int)finished["definitionVersion"]!);
        Assert.Contains("after:Completed", Journal(finished));

        // Retracting twice is a 400 that says why; publishing the draft makes the definition start instances again.
        var again = await Reports.ReadProblemAsync(
            await studio.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/retract", new JsonObject()),
            HttpStatusCode.BadRequest);
        Assert.Contains(definitionId, again["errors"]!["definitionId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var republished = await studio.PostAsync($"/elsa/api/workflow-definitions/{definitionId}/publish", null);
        Assert.Equal(HttpStatusCode.OK, republished.StatusCode);
        Assert.Equal(2, (int)(await StartAsync(rakeAdmin, "kainuu", definitionId))["definitionVersion"]!);

        await using var scope = Host.RegionScope("kainuu");
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var v1 = await db.Definitions.AsNoTracking().SingleAsync(d => d.DefinitionId == definitionId && d.Version == 1);
        Assert.False(v1.IsPublished);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == v1.Id.ToString()).ToListAsync();
        Assert.Contains(audit, a => a.Action == "Modified" && a.ChangedProperties.Contains("IsPublished", StringComparison.Ordinal)
            && a.Actor == "kainuu-regionadmin");
    }

    /// <summary>A human task for the working group and, beside it in the flowchart, an hour's delay: one instance holds both.</summary>
    private static JsonObject TaskAndTimer(string definitionId, string title)
    {
        var definition = Sequence(definitionId,
            Activity("comment", "Rake.Tests.AssignTask", ("role", "WorkingGroupMember"), ("title", title)));
        var root = definition["root"]!;
        root["activities"]!.AsArray().Add(Activity("pause", "Elsa.Delay", ("timeSpan", "01:00:00")));
        root["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "start", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "pause", ["port"] = "In" },
        });
        return definition;
    }

    [Fact]
    public async Task Cancel_ends_a_suspended_instance_closes_its_task_and_timer_and_names_who_cancelled()
    {
        using var rakeAdmin = await Host.ClientFor("kainuu-regionadmin");
        using var member = await Host.ClientFor("kainuu-workinggroupmember");
        using var studio = await StudioClient("kainuu-regionadmin", "kainuu");
        var definitionId = Unique("cancel");
        var title = $"Kommentoi luonnos {Guid.NewGuid():N}";
        await PublishAsync(rakeAdmin, "kainuu", TaskAndTimer(definitionId, title));
        var instanceId = (string)(await StartAsync(rakeAdmin, "kainuu", definitionId))["id"]!;
        var id = Guid.Parse(instanceId);
        Assert.Equal("Suspended", (string?)(await InstanceAsync(rakeAdmin, "kainuu", instanceId))["subStatus"]);
        var task = (await member.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-tasks"))!
            .Single(t => (string?)t!["payload"]?["title"] == title)!;
        await using (var before = Host.RegionScope("kainuu"))
        {
            var kinds = await before.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Bookmarks.AsNoTracking()
                .Where(b => b.InstanceId == id && b.CompletedAt == null).Select(b => b.Kind).ToListAsync();
            Assert.Equal(["HumanTask", "Time"], kinds.Order());
        }

        // The Studio posts no body to Elsa's cancel route.
        var cancelled = await studio.PostAsync($"/elsa/api/cancel/workflow-instances/{instanceId}", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var viewed = (await studio.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}"))!;
        Assert.Equal("Finished", (string?)viewed["status"]);
        Assert.Equal("Cancelled", (string?)viewed["subStatus"]);
        var instance = await InstanceAsync(rakeAdmin, "kainuu", instanceId);
        Assert.Contains(instance["journal"]!.AsArray(), e => (string?)e!["message"] == "Cancelled by kainuu-regionadmin.");
        Assert.Contains("comment:Canceled", Journal(instance));
        Assert.Contains("pause:Canceled", Journal(instance));
        Assert.DoesNotContain((await member.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-tasks"))!,
            t => (string?)t!["payload"]?["title"] == title);
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{Base("kainuu")}/workflow-tasks/{task["id"]}/complete",
            new { outcome = "Done" }), HttpStatusCode.Conflict);

        await using (var after = Host.RegionScope("kainuu"))
        {
            var db = after.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == id).ToListAsync();
            Assert.Equal(2, bookmarks.Count);
            Assert.All(bookmarks, b => Assert.True(b.CompletedAt is not null && b.CompletedBy == "kainuu-regionadmin"));
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).ToListAsync();
            Assert.Contains(audit, a => a.EntityType == "WorkflowInstanceRecord" && a.Action == "Modified"
                && a.Actor == "kainuu-regionadmin" && a.ChangedProperties.Contains("SubStatus", StringComparison.Ordinal));
        }

        // Nothing is left to cancel: Elsa's answer would be a no-op; Rake says why, and the instance stays as it was.
        var again = await Reports.ReadProblemAsync(await studio.PostAsync($"/elsa/api/cancel/workflow-instances/{instanceId}", null),
            HttpStatusCode.Conflict);
        Assert.Contains(instanceId, (string?)again["detail"], StringComparison.Ordinal);
        Assert.Equal("Cancelled", (string?)(await InstanceAsync(rakeAdmin, "kainuu", instanceId))["subStatus"]);
    }

    [Fact]
    public async Task Bulk_cancel_cancels_the_regions_running_instances_only_and_another_regions_instance_is_not_found()
    {
        using var rakeAdmin = await Host.ClientFor("kainuu-regionadmin");
        using var studio = await StudioClient("kainuu-regionadmin", "kainuu");
        using var other = await StudioClient("kymenlaakso-regionadmin", "kymenlaakso");
        var (first, firstId) = await WaitingInstanceAsync(rakeAdmin, "kainuu");
        var (_, secondId) = await WaitingInstanceAsync(rakeAdmin, "kainuu");
        var (finished, finishedId) = await WaitingInstanceAsync(rakeAdmin, "kainuu");
        Assert.Equal(1, await RaiseAsync(rakeAdmin, "kainuu", $"{finished}-go"));

        await Reports.ReadProblemAsync(await other.PostAsync($"/elsa/api/cancel/workflow-instances/{firstId}", null),
            HttpStatusCode.NotFound);
        var foreign = await other.PostAsJsonAsync("/elsa/api/bulk-actions/cancel/workflow-instances/by-id",
            new JsonObject { ["ids"] = new JsonArray(firstId, secondId) });
        Assert.Equal(0, (int)JsonNode.Parse(await foreign.Content.ReadAsStringAsync())!["cancelled"]!);
        Assert.Equal("Suspended", (string?)(await InstanceAsync(rakeAdmin, "kainuu", firstId))["subStatus"]);

        var bulk = await studio.PostAsJsonAsync("/elsa/api/bulk-actions/cancel/workflow-instances/by-id",
            new JsonObject { ["ids"] = new JsonArray(firstId, secondId, finishedId, Guid.NewGuid().ToString(), "not-an-id") });
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal(2, (int)JsonNode.Parse(await bulk.Content.ReadAsStringAsync())!["cancelled"]!);
        Assert.Equal("Cancelled", (string?)(await InstanceAsync(rakeAdmin, "kainuu", firstId))["subStatus"]);
        Assert.Equal("Cancelled", (string?)(await InstanceAsync(rakeAdmin, "kainuu", secondId))["subStatus"]);
        Assert.Equal("Finished", (string?)(await InstanceAsync(rakeAdmin, "kainuu", finishedId))["subStatus"]);
        // The cancelled instance's event bookmark is gone: raising its event resumes nothing.
        Assert.Equal(0, await RaiseAsync(rakeAdmin, "kainuu", $"{first}-go"));

        await Reports.ReadProblemAsync(await studio.PostAsJsonAsync("/elsa/api/bulk-actions/cancel/workflow-instances",
            new JsonObject { ["ids"] = 5 }), HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await studio.PostAsync($"/elsa/api/cancel/workflow-instances/{Guid.NewGuid()}", null),
            HttpStatusCode.NotFound);
        using var professional = await StudioClient("kainuu-professional", "kainuu");
        await Reports.ReadProblemAsync(await professional.PostAsync($"/elsa/api/cancel/workflow-instances/{secondId}", null),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_studio_input_is_a_problem_answer_never_a_500()
    {
        using var studio = await StudioClient("kainuu-regionadmin", "kainuu");
        foreach (var body in new[]
                 {
                     new JsonObject { ["statuses"] = new JsonArray("Sleeping") },
                     new JsonObject { ["page"] = -1 },
                     new JsonObject { ["pageSize"] = "many" },
                     new JsonObject { ["definitionIds"] = new JsonArray(new JsonObject()) },
                     new JsonObject { ["hasIncidents"] = 3 },
                 })
        {
            await Reports.ReadProblemAsync(await studio.PostAsJsonAsync("/elsa/api/workflow-instances", body), HttpStatusCode.BadRequest);
        }
        var id = Guid.NewGuid();
        await Reports.ReadProblemAsync(await studio.PostAsJsonAsync($"/elsa/api/workflow-instances/{id}/journal?skip=-1", new JsonObject()),
            HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await studio.GetAsync("/elsa/api/workflow-instances/not-a-guid"), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await studio.GetAsync("/elsa/api/activity-executions/by-id"), HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await studio.GetAsync($"/elsa/api/activity-executions/by-id?id={id:N}-0"), HttpStatusCode.NotFound);
        var nothing = await studio.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-instances", new JsonObject { ["ids"] = "x" });
        Assert.Equal(0, (int)JsonNode.Parse(await nothing.Content.ReadAsStringAsync())!["deleted"]!);
        await Reports.ReadProblemAsync(await studio.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-instances",
            new JsonObject { ["ids"] = 5 }), HttpStatusCode.BadRequest);
    }
}
