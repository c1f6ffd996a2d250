using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>
/// Issue 15 through the REST API and the database: Event triggers that start workflows (per region, with the payload as
/// input and the correlation id), ExecuteWorkflow with a child that waits across requests, DispatchWorkflow, the
/// nesting guard, workflow input and output, wrong input types refused, and the designer's descriptors.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class ChildWorkflowsApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    private static JsonObject Expr(string type, JsonNode? value, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    private static JsonObject SetOutput(string id, string name, string script)
    {
        var activity = Activity(id, "Elsa.SetOutput", ("outputName", name));
        activity["outputValue"] = Expr("JavaScript", script);
        return activity;
    }

    private static JsonObject Child(string id, string type, string definitionId, bool wait, string? inputJson = null)
    {
        var activity = Activity(id, type, ("workflowDefinitionId", definitionId));
        activity["waitForCompletion"] = Expr("Literal", wait, "Boolean");
        if (inputJson is not null)
        {
            activity["input"] = Expr("Object", inputJson);
        }
        return activity;
    }

    private static async Task<JsonObject> StartWithAsync(HttpClient admin, string region, object request)
    {
        var response = await admin.PostAsJsonAsync($"{Base(region)}/workflow-instances", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> RaiseWithAsync(HttpClient admin, string region, object request)
    {
        var response = await admin.PostAsJsonAsync($"{Base(region)}/workflow-events", request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonArray> InstancesOfAsync(HttpClient admin, string region, string definitionId) =>
        (await admin.GetFromJsonAsync<JsonArray>($"{Base(region)}/workflow-instances?definitionId={definitionId}"))!;

    [Fact]
    public async Task Raising_an_event_starts_each_workflow_it_triggers_in_that_region_only_with_payload_and_correlation_id()
    {
        using var kainuu = await Host.ClientFor("kainuu-regionadmin");
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-regionadmin");
        var eventName = $"received-{Guid.NewGuid():N}";
        var trigger = Activity("trigger", "Elsa.Event", ("eventName", eventName));
        trigger["canStartWorkflow"] = true;
        var kainuuId = NewId("triggered");
        await PublishAsync(kainuu, "kainuu", Sequence(kainuuId, trigger.DeepClone().AsObject(),
            SetOutput("out", "topic", "'topic ' + getInput('topic')")));
        var kymenlaaksoId = NewId("triggered");
        await PublishAsync(kymenlaakso, "kymenlaakso", Sequence(kymenlaaksoId, trigger.DeepClone().AsObject()));

        var raised = await RaiseWithAsync(kainuu, "kainuu",
            new { name = eventName, payload = new { topic = "housing" }, correlationId = "case-42" });

        var startedId = Assert.Single(raised["started"]!.AsArray())!.GetValue<string>();
        var started = await InstanceAsync(kainuu, "kainuu", startedId);
        Assert.Equal(kainuuId, started["definitionId"]!.GetValue<string>());
        Assert.Equal("Finished", started["subStatus"]!.GetValue<string>());
        Assert.Equal("case-42", started["correlationId"]!.GetValue<string>());
        Assert.Equal("topic housing", started["output"]!["topic"]!.GetValue<string>());
        Assert.Empty(await InstancesOfAsync(kymenlaakso, "kymenlaakso", kymenlaaksoId));

        // Each raise starts a new instance; the other region's raise starts only its own.
        Assert.Single((await RaiseWithAsync(kainuu, "kainuu", new { name = eventName }))["started"]!.AsArray());
        Assert.Equal(2, (await InstancesOfAsync(kainuu, "kainuu", kainuuId)).Count);
        Assert.Single((await RaiseWithAsync(kymenlaakso, "kymenlaakso", new { name = eventName }))["started"]!.AsArray());
        Assert.Equal(2, (await InstancesOfAsync(kainuu, "kainuu", kainuuId)).Count);
        Assert.Single(await InstancesOfAsync(kymenlaakso, "kymenlaakso", kymenlaaksoId));
    }

    [Fact]
    public async Task A_workflow_started_with_input_executes_a_child_that_waits_across_requests_and_gives_its_output()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var approved = $"approved-{Guid.NewGuid():N}";
        var childId = NewId("child");
        await PublishAsync(admin, "kainuu", Sequence(childId,
            Activity("wait", "Elsa.Event", ("eventName", approved)),
            SetOutput("answer", "answer", "'ok for ' + getInput('name')")));
        var parentId = NewId("parent");
        var execute = Child("execute", "Elsa.ExecuteWorkflow", childId, wait: true);
        execute["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "childResult" } };
        await PublishAsync(admin, "kainuu", Sequence(parentId, execute,
            SetOutput("relay", "fromChild", "getOutputFrom('execute').output.answer")));

        var started = await StartWithAsync(admin, "kainuu", new { definitionId = parentId, input = new { name = "Aino" } });

        Assert.Equal("Suspended", started["subStatus"]!.GetValue<string>());
        var waiting = Assert.Single(started["bookmarks"]!.AsArray())!;
        Assert.Equal("ChildWorkflow", waiting["kind"]!.GetValue<string>());
        var child = Assert.Single(await InstancesOfAsync(admin, "kainuu", childId))!;
        Assert.Equal(waiting["name"]!.GetValue<string>(), child["id"]!.GetValue<string>().Replace("-", ""));
        Assert.Equal("Suspended", child["subStatus"]!.GetValue<string>());

        Assert.Equal(1, await RaiseAsync(admin, "kainuu", approved));

        var childDone = await InstanceAsync(admin, "kainuu", child["id"]!.GetValue<string>());
        Assert.Equal("Finished", childDone["subStatus"]!.GetValue<string>());
        Assert.Equal(started["id"]!.GetValue<string>(), childDone["parentInstanceId"]!.GetValue<string>());
        var parent = await InstanceAsync(admin, "kainuu", started["id"]!.GetValue<string>());
        Assert.True(parent["subStatus"]!.GetValue<string>() == "Finished", parent.ToJsonString());
        Assert.Equal("ok for Aino", parent["output"]!["fromChild"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_child_is_found_in_the_parents_region_only_and_a_self_executing_workflow_faults_at_the_limit()
    {
        using var kainuu = await Host.ClientFor("kainuu-regionadmin");
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-regionadmin");
        var kainuuChild = NewId("only-kainuu");
        await PublishAsync(kainuu, "kainuu", Sequence(kainuuChild, Activity("w", "Elsa.WriteLine", ("text", "x"))));
        var outsider = NewId("outsider");
        await PublishAsync(kymenlaakso, "kymenlaakso", Sequence(outsider, Child("execute", "Elsa.ExecuteWorkflow", kainuuChild, true)));

        var refused = await StartAsync(kymenlaakso, "kymenlaakso", outsider);

        Assert.Equal("Faulted", refused["subStatus"]!.GetValue<string>());
        Assert.Contains($"'{kainuuChild}'", refused["fault"]!.GetValue<string>());
        Assert.Empty(await InstancesOfAsync(kainuu, "kainuu", kainuuChild));

        var recursive = NewId("recursive");
        await PublishAsync(kainuu, "kainuu", Sequence(recursive, Child("self", "Elsa.ExecuteWorkflow", recursive, true)));
        var top = await StartAsync(kainuu, "kainuu", recursive);
        var all = await InstancesOfAsync(kainuu, "kainuu", recursive);
        Assert.Equal(16, all.Count);
        var deepest = Assert.Single(all, i => (string?)i!["subStatus"] == "Faulted")!;
        Assert.Contains("executes itself", deepest["fault"]!.GetValue<string>());
        Assert.Equal("Finished", (await InstanceAsync(kainuu, "kainuu", top["id"]!.GetValue<string>()))["subStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task DispatchWorkflow_starts_the_child_after_the_parent_and_does_not_wait_for_it()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var never = $"never-{Guid.NewGuid():N}";
        var childId = NewId("dispatched");
        await PublishAsync(admin, "kainuu", Sequence(childId, Activity("wait", "Elsa.Event", ("eventName", never))));
        var parentId = NewId("dispatcher");
        await PublishAsync(admin, "kainuu", Sequence(parentId,
            Child("dispatch", "Elsa.DispatchWorkflow", childId, wait: false, """{"reason":"monthly"}""")));

        var parent = await StartWithAsync(admin, "kainuu", new { definitionId = parentId, correlationId = "batch-1" });

        Assert.Equal("Finished", parent["subStatus"]!.GetValue<string>());
        var child = Assert.Single(await InstancesOfAsync(admin, "kainuu", childId))!;
        Assert.Equal("Suspended", child["subStatus"]!.GetValue<string>());
        Assert.Equal(parent["id"]!.GetValue<string>(),
            (await InstanceAsync(admin, "kainuu", child["id"]!.GetValue<string>()))["parentInstanceId"]!.GetValue<string>());
        Assert.Equal("batch-1", parent["correlationId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Elsa.ExecuteWorkflow", "waitForCompletion", "Literal", "\"perhaps\"")]
    [InlineData("Elsa.DispatchWorkflow", "input", "Object", "\"[1,2,3]\"")]
    [InlineData("Elsa.ExecuteWorkflow", "workflowDefinitionId", "Literal", "{\"id\":1}")]
    public async Task A_wrong_input_type_is_a_problem_naming_the_activity_and_the_input(string type, string input, string expression,
        string valueJson)
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var id = NewId("wrong");
        var activity = Child("child", type, "somewhere", wait: false);
        activity[input] = Expr(expression, JsonNode.Parse(valueJson));
        var saved = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", Sequence(id, activity));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var problem = await Reports.ReadProblemAsync(await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{id}/publish", null),
            HttpStatusCode.BadRequest);

        var message = Assert.Single(problem["errors"]!["child"]!.AsArray())!.GetValue<string>();
        Assert.Contains("'child'", message);
        Assert.Contains($"input '{input}'", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_designer_lists_the_child_workflow_activities_with_elsas_inputs()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        admin.DefaultRequestHeaders.Add("X-Tenant-Id", "kainuu");
        var items = (await admin.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();

        foreach (var type in new[] { "Elsa.ExecuteWorkflow", "Elsa.DispatchWorkflow" })
        {
            var descriptor = items.Single(i => (string?)i!["typeName"] == type)!;
            Assert.Equal(["WorkflowDefinitionId", "CorrelationId", "Input", "WaitForCompletion"],
                descriptor["inputs"]!.AsArray().Select(i => (string)i!["name"]!).ToList());
            Assert.Contains("Result", descriptor["outputs"]!.AsArray().Select(o => (string)o!["name"]!));
        }
    }
}
