using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>The Workflows REST API: definitions with versions, instances, events, human tasks, and region isolation.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task A_definition_round_trips_with_versions_and_designer_metadata()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var id = NewId("roundtrip");
        var definition = WaitForEvent(id, "roundtrip-event");
        await PublishAsync(admin, "kainuu", definition);

        // Saving the published content again (the Studio does, after a publish) makes no version.
        var same = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", definition);
        Assert.True(same.IsSuccessStatusCode, await same.Content.ReadAsStringAsync());
        var sameBody = (await same.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, sameBody["version"]!.GetValue<int>());
        Assert.True(sameBody["isPublished"]!.GetValue<bool>());

        // Saving a change after publishing makes a new draft; the published version stays as it was.
        var changed = (JsonObject)definition.DeepClone();
        changed["name"] = "Changed name";
        var draft = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", changed);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var draftBody = (await draft.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, draftBody["version"]!.GetValue<int>());
        Assert.False(draftBody["isPublished"]!.GetValue<bool>());

        var v1 = (await admin.GetFromJsonAsync<JsonObject>($"{Base("kainuu")}/workflow-definitions/{id}?version=1"))!;
        Assert.True(v1["isPublished"]!.GetValue<bool>());
        Assert.Equal($"Test {id}", v1["name"]!.GetValue<string>());
        Assert.Equal(10, v1["definition"]!["root"]!["metadata"]!["designer"]!["position"]!["x"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(definition["root"], v1["definition"]!["root"]));

        var latest = (await admin.GetFromJsonAsync<JsonObject>($"{Base("kainuu")}/workflow-definitions/{id}"))!;
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.Equal("Changed name", latest["name"]!.GetValue<string>());

        var list = (await admin.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-definitions"))!;
        var entry = list.Single(d => (string)d!["definitionId"]! == id)!;
        Assert.Equal(2, entry["latestVersion"]!.GetValue<int>());
        Assert.Equal(1, entry["publishedVersion"]!.GetValue<int>());

        await Reports.ReadProblemAsync(await admin.GetAsync($"{Base("kainuu")}/workflow-definitions/{id}?version=9"),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_an_invalid_definition_is_refused_with_each_error_naming_its_activity()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var id = NewId("invalid");
        var definition = Sequence(id, Activity("mystery", "Rake.Tests.DoesNotExist"), Activity("write", "Elsa.WriteLine", ("text", "x")));
        definition["root"]!["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "write", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "ghost", ["port"] = "In" },
        });
        // A draft may be incomplete.
        var saved = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", definition);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var problem = await Reports.ReadProblemAsync(await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{id}/publish", null),
            HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("mystery", errors["mystery"]![0]!.GetValue<string>());
        Assert.Contains("unknown type", errors["mystery"]![0]!.GetValue<string>());
        Assert.Contains("ghost", errors["ghost"]![0]!.GetValue<string>());

        var stored = (await admin.GetFromJsonAsync<JsonObject>($"{Base("kainuu")}/workflow-definitions/{id}"))!;
        Assert.False(stored["isPublished"]!.GetValue<bool>());
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-instances", new { definitionId = id }),
            HttpStatusCode.NotFound);

        // Malformed JSON and a definition without a root are refused even as drafts.
        using var malformed = new StringContent("{\"root\": {", System.Text.Encoding.UTF8, "application/json");
        await Reports.ReadProblemAsync(await admin.PostAsync($"{Base("kainuu")}/workflow-definitions", malformed),
            HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", new { name = "no root" }),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Managing_definitions_needs_the_region_admin_role()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        await Reports.ReadProblemAsync(await professional.GetAsync($"{Base("kainuu")}/workflow-definitions"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions",
            WaitForEvent(NewId("nope"), "x")), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_instance_waits_for_its_event_and_finishes_when_it_is_raised()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var id = NewId("event");
        var eventName = $"go-{Guid.NewGuid():N}";
        await PublishAsync(admin, "kainuu", WaitForEvent(id, eventName));

        var started = await StartAsync(admin, "kainuu", id);
        Assert.Equal("Suspended", started["subStatus"]!.GetValue<string>());
        var bookmark = started["bookmarks"]!.AsArray().Single()!;
        Assert.Equal("Event", bookmark["kind"]!.GetValue<string>());
        Assert.Equal(eventName, bookmark["name"]!.GetValue<string>());

        Assert.Equal(0, await RaiseAsync(admin, "kainuu", "some-other-event"));
        Assert.Equal(1, await RaiseAsync(admin, "kainuu", eventName));
        Assert.Equal(0, await RaiseAsync(admin, "kainuu", eventName));

        var finished = await InstanceAsync(admin, "kainuu", started["id"]!.GetValue<string>());
        Assert.Equal("Finished", finished["status"]!.GetValue<string>());
        Assert.Equal("Finished", finished["subStatus"]!.GetValue<string>());
        Assert.Empty(finished["bookmarks"]!.AsArray());
        var journal = Journal(finished);
        Assert.Equal(1, journal.Count(e => e == "after:Completed"));
        Assert.True(journal.IndexOf("wait:Completed") < journal.IndexOf("after:Started"));

        var listed = (await admin.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-instances?definitionId={id}"))!;
        Assert.Equal("Finished", listed.Single()!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_running_instance_stays_on_the_version_it_started_with()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var id = NewId("pinned");
        var eventName = $"pinned-{Guid.NewGuid():N}";
        await PublishAsync(admin, "kainuu", WaitForEvent(id, eventName));
        var first = await StartAsync(admin, "kainuu", id);

        // Version 2 drops the last WriteLine; the waiting instance must still run version 1's.
        var v2 = Sequence(id, Activity("before", "Elsa.WriteLine", ("text", "before")),
            Activity("wait", "Elsa.Event", ("eventName", eventName)));
        await PublishAsync(admin, "kainuu", v2);
        var second = await StartAsync(admin, "kainuu", id);
        Assert.Equal(1, first["definitionVersion"]!.GetValue<int>());
        Assert.Equal(2, second["definitionVersion"]!.GetValue<int>());

        Assert.Equal(2, await RaiseAsync(admin, "kainuu", eventName));
        Assert.Contains("after:Completed", Journal(await InstanceAsync(admin, "kainuu", first["id"]!.GetValue<string>())));
        Assert.DoesNotContain("after:Started", Journal(await InstanceAsync(admin, "kainuu", second["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_human_task_is_visible_only_to_its_role_and_completed_by_it()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        using var member = await Host.ClientFor("kainuu-workinggroupmember");
        using var professional = await Host.ClientFor("kainuu-professional");
        var id = NewId("task");
        var title = $"Comment the draft {Guid.NewGuid():N}";
        await PublishAsync(admin, "kainuu",
            Sequence(id, Activity("comment", "Rake.Tests.AssignTask", ("role", "WorkingGroupMember"), ("title", title))));
        var instance = await StartAsync(admin, "kainuu", id);

        var mine = (await member.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-tasks"))!;
        var task = mine.Single(t => (string?)t!["payload"]?["title"] == title)!;
        Assert.Equal("WorkingGroupMember", task["role"]!.GetValue<string>());
        var others = (await professional.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-tasks"))!;
        Assert.DoesNotContain(others, t => (string?)t!["payload"]?["title"] == title);

        var taskId = task["id"]!.GetValue<string>();
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{Base("kainuu")}/workflow-tasks/{taskId}/complete", new { }),
            HttpStatusCode.Forbidden);
        var done = await member.PostAsJsonAsync($"{Base("kainuu")}/workflow-tasks/{taskId}/complete",
            new { outcome = "Done", comment = "Looks good" });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{Base("kainuu")}/workflow-tasks/{taskId}/complete", new { }),
            HttpStatusCode.Conflict);

        var finished = await InstanceAsync(admin, "kainuu", instance["id"]!.GetValue<string>());
        Assert.Equal("Finished", finished["subStatus"]!.GetValue<string>());
        Assert.Contains(finished["journal"]!.AsArray(), e => e!["message"]?.GetValue<string>() == "completed by kainuu-workinggroupmember");
        var after = (await member.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-tasks"))!;
        Assert.DoesNotContain(after, t => (string?)t!["payload"]?["title"] == title);
    }

    [Fact]
    public async Task Another_region_sees_none_of_the_definitions_instances_tasks_or_events()
    {
        using var kainuu = await Host.ClientFor("kainuu-regionadmin");
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-regionadmin");
        var id = NewId("isolated");
        var eventName = $"isolated-{Guid.NewGuid():N}";
        await PublishAsync(kainuu, "kainuu", Sequence(id,
            Activity("task", "Rake.Tests.AssignTask", ("role", "RegionAdmin"), ("title", "isolated")),
            Activity("wait", "Elsa.Event", ("eventName", eventName))));
        var instance = await StartAsync(kainuu, "kainuu", id);
        var instanceId = instance["id"]!.GetValue<string>();
        var taskId = instance["bookmarks"]!.AsArray().Single()!["id"]!.GetValue<string>();

        await Reports.ReadProblemAsync(await kymenlaakso.GetAsync($"{Base("kymenlaakso")}/workflow-definitions/{id}"),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kymenlaakso.PostAsync($"{Base("kymenlaakso")}/workflow-definitions/{id}/publish", null),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kymenlaakso.GetAsync($"{Base("kymenlaakso")}/workflow-instances/{instanceId}"),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kymenlaakso.PostAsJsonAsync($"{Base("kymenlaakso")}/workflow-instances",
            new { definitionId = id }), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kymenlaakso.PostAsJsonAsync($"{Base("kymenlaakso")}/workflow-tasks/{taskId}/complete",
            new { }), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await kymenlaakso.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/workflow-tasks"))!,
            t => (string)t!["id"]! == taskId);
        Assert.DoesNotContain((await kymenlaakso.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/workflow-instances"))!,
            i => (string)i!["id"]! == instanceId);
        Assert.DoesNotContain((await kymenlaakso.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/workflow-definitions"))!,
            d => (string)d!["definitionId"]! == id);
        // The Kainuu admin's token does not open the Kymenlaakso routes either (no role there).
        await Reports.ReadProblemAsync(await kainuu.GetAsync($"{Base("kymenlaakso")}/workflow-instances/{instanceId}"),
            HttpStatusCode.Forbidden);

        // Kainuu's own admin still completes the task; an event raised in Kymenlaakso does not reach Kainuu.
        Assert.Equal(HttpStatusCode.NoContent,
            (await kainuu.PostAsJsonAsync($"{Base("kainuu")}/workflow-tasks/{taskId}/complete", new { })).StatusCode);
        Assert.Equal(0, await RaiseAsync(kymenlaakso, "kymenlaakso", eventName));
        Assert.Equal("Suspended", (await InstanceAsync(kainuu, "kainuu", instanceId))["subStatus"]!.GetValue<string>());
        Assert.Equal(1, await RaiseAsync(kainuu, "kainuu", eventName));
        Assert.Equal("Finished", (await InstanceAsync(kainuu, "kainuu", instanceId))["subStatus"]!.GetValue<string>());
    }
}

/// <summary>Events published by one workflow reach the region's waiting workflows.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowPublishedEventTests(SharedHost shared)
{
    [Fact]
    public async Task A_published_event_resumes_waiting_instances_of_the_same_region_only()
    {
        using var kainuu = await shared.Host.ClientFor("kainuu-regionadmin");
        using var kymenlaakso = await shared.Host.ClientFor("kymenlaakso-regionadmin");
        var eventName = $"published-{Guid.NewGuid():N}";
        var waiterId = $"waiter-{Guid.NewGuid():N}"[..20];
        var publisherId = $"publisher-{Guid.NewGuid():N}"[..20];
        await PublishAsync(kainuu, "kainuu", WaitForEvent(waiterId, eventName));
        await PublishAsync(kymenlaakso, "kymenlaakso", WaitForEvent(waiterId, eventName));
        await PublishAsync(kainuu, "kainuu", Sequence(publisherId, Activity("announce", "Elsa.PublishEvent", ("eventName", eventName))));
        var kainuuWaiter = await StartAsync(kainuu, "kainuu", waiterId);
        var kymenlaaksoWaiter = await StartAsync(kymenlaakso, "kymenlaakso", waiterId);

        var publisher = await StartAsync(kainuu, "kainuu", publisherId);

        Assert.Equal("Finished", publisher["subStatus"]!.GetValue<string>());
        Assert.Equal("Finished",
            (await InstanceAsync(kainuu, "kainuu", kainuuWaiter["id"]!.GetValue<string>()))["subStatus"]!.GetValue<string>());
        Assert.Equal("Suspended",
            (await InstanceAsync(kymenlaakso, "kymenlaakso", kymenlaaksoWaiter["id"]!.GetValue<string>()))["subStatus"]!
                .GetValue<string>());
    }
}

/// <summary>The module's own human task activity, end to end through the inbox API.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowHumanTaskTests(SharedHost shared)
{
    [Fact]
    public async Task A_Rake_human_task_appears_in_its_roles_inbox_with_a_due_date_and_completes_there()
    {
        using var admin = await shared.Host.ClientFor("kainuu-regionadmin");
        using var supervisor = await shared.Host.ClientFor("kainuu-supervisor");
        var id = $"humantask-{Guid.NewGuid():N}"[..24];
        var title = $"Review {Guid.NewGuid():N}";
        var task = Activity("review", "Rake.Workflows.HumanTask", ("role", "Supervisor"), ("title", title));
        task["dueInDays"] = new JsonObject
        {
            ["typeName"] = "Int32",
            ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "3" }
        };
        await PublishAsync(admin, "kainuu", Sequence(id, task));
        var instance = await StartAsync(admin, "kainuu", id);

        var inbox = (await supervisor.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-tasks"))!;
        var open = inbox.Single(t => (string?)t!["payload"]?["title"] == title)!;
        Assert.Equal("Supervisor", (string)open["role"]!);
        Assert.NotNull(open["dueAt"]);
        var done = await supervisor.PostAsJsonAsync($"{Base("kainuu")}/workflow-tasks/{open["id"]}/complete", new { comment = "ok" });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal("Finished",
            (await InstanceAsync(admin, "kainuu", instance["id"]!.GetValue<string>()))["subStatus"]!.GetValue<string>());
    }
}

/// <summary>Bad input to the workflow endpoints answers ProblemDetails that name the field.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowEndpointEdgeTests(SharedHost shared)
{
    [Fact]
    public async Task Bad_requests_name_what_is_wrong()
    {
        using var admin = await shared.Host.ClientFor("kainuu-regionadmin");
        using var professional = await shared.Host.ClientFor("kainuu-professional");
        var problem = await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-instances",
            new { input = new { } }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["definitionId"]);
        problem = await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-events", new { payload = 1 }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["name"]);
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-instances",
            new { definitionId = "never-saved" }), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await admin.GetAsync($"{Base("kainuu")}/workflow-instances/{Guid.NewGuid()}"),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/never-saved/publish", null),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-tasks/{Guid.NewGuid()}/complete", new { }),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{Base("kainuu")}/workflow-events", new { name = "x" }),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.GetAsync($"{Base("kainuu")}/workflow-instances"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await professional.GetAsync($"{Base("kainuu")}/workflow-tasks")).StatusCode);
    }
}

/// <summary>Time bookmarks come due and are resumed by the timer round in their own region.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowTimerTests(SharedHost shared)
{
    [Fact]
    public async Task A_due_delay_resumes_and_a_future_one_keeps_waiting()
    {
        using var admin = await shared.Host.ClientFor("kymenlaakso-regionadmin");
        var dueId = $"due-{Guid.NewGuid():N}"[..20];
        var laterId = $"later-{Guid.NewGuid():N}"[..20];
        await PublishAsync(admin, "kymenlaakso",
            Sequence(dueId, Activity("pause", "Elsa.Delay", ("timeSpan", "00:00:00")),
                Activity("after", "Elsa.WriteLine", ("text", "after"))));
        await PublishAsync(admin, "kymenlaakso", Sequence(laterId, Activity("pause", "Elsa.Delay", ("timeSpan", "01:00:00"))));
        var due = await StartAsync(admin, "kymenlaakso", dueId);
        var later = await StartAsync(admin, "kymenlaakso", laterId);
        Assert.Equal("Time", due["bookmarks"]!.AsArray().Single()!["kind"]!.GetValue<string>());

        await shared.Host.Services.GetRequiredService<Rake.Modules.Workflows.Runtime.WorkflowTimers>().FireDueAsync(CancellationToken.None);

        var finished = await InstanceAsync(admin, "kymenlaakso", due["id"]!.GetValue<string>());
        Assert.Equal("Finished", finished["subStatus"]!.GetValue<string>());
        Assert.Equal(1, Journal(finished).Count(e => e == "after:Completed"));
        Assert.Equal("Suspended",
            (await InstanceAsync(admin, "kymenlaakso", later["id"]!.GetValue<string>()))["subStatus"]!.GetValue<string>());
    }
}
