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
    public async Task Cancelling_a_parent_cancels_its_children_and_theirs_and_instances_are_listed_by_correlation_id()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        using var studio = await Host.ClientFor("kainuu-regionadmin");
        studio.DefaultRequestHeaders.Add("X-Tenant-Id", "kainuu");
        using var other = await Host.ClientFor("kymenlaakso-regionadmin");
        var go = $"go-{Guid.NewGuid():N}";
        var grandchildId = NewId("grandchild");
        await PublishAsync(admin, "kainuu", WaitForEvent(grandchildId, go));
        var middleId = NewId("middle");
        await PublishAsync(admin, "kainuu", Sequence(middleId, Child("execute", "Elsa.ExecuteWorkflow", grandchildId, wait: true)));
        var topId = NewId("top");
        await PublishAsync(admin, "kainuu", Sequence(topId, Child("execute", "Elsa.ExecuteWorkflow", middleId, wait: true)));
        var single = $"case-{Guid.NewGuid():N}";
        var bulk = $"case-{Guid.NewGuid():N}";
        var first = (string)(await StartWithAsync(admin, "kainuu", new { definitionId = topId, correlationId = single }))["id"]!;
        var second = (string)(await StartWithAsync(admin, "kainuu", new { definitionId = topId, correlationId = bulk }))["id"]!;
        // The same correlation id in another region belongs to that region only.
        await PublishAsync(other, "kymenlaakso", WaitForEvent(grandchildId, go));
        await StartWithAsync(other, "kymenlaakso", new { definitionId = grandchildId, correlationId = single });

        // ExecuteWorkflow hands the parent's correlation id on: the whole family is listed by it, in its region only.
        async Task<JsonArray> Family(HttpClient client, string region, string correlationId) =>
            (await client.GetFromJsonAsync<JsonArray>($"{Base(region)}/workflow-instances?correlationId={correlationId}"))!;
        var family = await Family(admin, "kainuu", single);
        Assert.Equal(3, family.Count);
        Assert.All(family, i => Assert.Equal("Suspended", (string?)i!["subStatus"]));
        var middle = family.Single(i => (string?)i!["definitionId"] == middleId)!;
        Assert.Equal(first, (string?)middle["parentInstanceId"]);
        var listed = await studio.PostAsJsonAsync("/elsa/api/workflow-instances", new { page = 0, pageSize = 10, correlationId = single });
        var page = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!;
        Assert.Equal(3, (int)page["totalCount"]!);
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal(single, (string?)i!["correlationId"]));
        var tooLong = await admin.GetAsync($"{Base("kainuu")}/workflow-instances?correlationId={new string('x', 201)}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("200", await tooLong.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await studio.PostAsync($"/elsa/api/cancel/workflow-instances/{first}", null)).StatusCode);
        Assert.All(await Family(admin, "kainuu", single), i => Assert.Equal("Cancelled", (string?)i!["subStatus"]));
        var middleJournal = (await InstanceAsync(admin, "kainuu", (string)middle["id"]!))["journal"]!.AsArray();
        var withParent = $"Cancelled with its parent {Guid.Parse(first):N} by kainuu-regionadmin.";
        Assert.Contains(middleJournal, e => (string?)e!["message"] == withParent);

        var bulkCancel = await studio.PostAsJsonAsync("/elsa/api/bulk-actions/cancel/workflow-instances/by-id",
            new { ids = new[] { second } });
        Assert.Equal(1, (int)JsonNode.Parse(await bulkCancel.Content.ReadAsStringAsync())!["cancelled"]!);
        var bulkFamily = await Family(admin, "kainuu", bulk);
        Assert.Equal(3, bulkFamily.Count);
        Assert.All(bulkFamily, i => Assert.Equal("Cancelled", (string?)i!["subStatus"]));

        // Nothing cancelled waits any more, and no cancelled child resumed its parent; the other region's instance still waits.
        Assert.Equal(0, await RaiseAsync(admin, "kainuu", go));
        var top = await InstanceAsync(admin, "kainuu", first);
        Assert.DoesNotContain("execute:Completed", Journal(top));
        Assert.Equal("Suspended", (string?)Assert.Single(await Family(other, "kymenlaakso", single))!["subStatus"]);
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
    /// <summary>A workflow of the region usable as an activity: input <c>person</c>, output <c>greeting</c>.</summary>
    private static JsonObject UsableGreeter(string definitionId, string name, bool usable = true)
    {
        var definition = Sequence(definitionId, SetOutput("greet", "greeting", "'Hei ' + getInput('person')"));
        definition["name"] = name;
        definition["options"] = new JsonObject { ["usableAsActivity"] = usable, ["activityCategory"] = null };
        definition["inputs"] = new JsonArray(new JsonObject { ["name"] = "person", ["type"] = "String", ["displayName"] = "Henkilö" });
        definition["outputs"] = new JsonArray(new JsonObject { ["name"] = "greeting", ["type"] = "String" });
        return definition;
    }

    /// <summary>A node using <paramref name="usedId"/> as an activity, as the Studio writes it, its output bound to a variable.</summary>
    private static JsonObject UsingNode(string type, string usedId, string? versionId = null) => new()
    {
        ["id"] = "greeter",
        ["type"] = type,
        ["version"] = 1,
        ["workflowDefinitionId"] = usedId,
        ["workflowDefinitionVersionId"] = versionId,
        ["person"] = Expr("JavaScript", "getInput('who')", "String"),
        ["greeting"] = new JsonObject { ["typeName"] = "String", ["memoryReference"] = new JsonObject { ["id"] = "greeting" } },
    };

    private static JsonObject Using(string definitionId, JsonObject node)
    {
        var definition = Sequence(definitionId, node, SetOutput("relay", "fromChild", "getVariable('greeting')"));
        definition["variables"] = new JsonArray(new JsonObject { ["id"] = "greeting", ["name"] = "greeting", ["typeName"] = "String" });
        return definition;
    }

    private static async Task<JsonArray> DescriptorsAsync(HttpClient admin, string region)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/elsa/api/descriptors/activities");
        request.Headers.Add("X-Tenant-Id", region);
        var response = await admin.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
    }

    [Fact]
    public async Task A_workflow_usable_as_an_activity_is_offered_and_runs_in_its_region_only_with_its_inputs_and_outputs()
    {
        using var kainuu = await Host.ClientFor("kainuu-regionadmin");
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-regionadmin");
        var usedId = NewId("greeter");
        var name = $"greeter {Guid.NewGuid():N}";
        await PublishAsync(kainuu, "kainuu", UsableGreeter(usedId, name));

        var offered = (await DescriptorsAsync(kainuu, "kainuu")).Single(d => (string?)d!["displayName"] == name)!;
        var type = offered["typeName"]!.GetValue<string>();
        // Elsa's Pascal case: "greeter 3f…" → "Greeter3f…", "greeter c3…" → "GreeterC3…".
        Assert.Equal("Greeter" + char.ToUpperInvariant(name[8]) + name[9..], type);
        Assert.Equal("Workflows", offered["category"]!.GetValue<string>());
        Assert.Equal(["person"], offered["inputs"]!.AsArray().Select(i => (string)i!["name"]!).ToList());
        Assert.Equal(["greeting"], offered["outputs"]!.AsArray().Select(o => (string)o!["name"]!).ToList());
        Assert.Equal(usedId, offered["constructionProperties"]!["WorkflowDefinitionId"]!.GetValue<string>());
        Assert.DoesNotContain(await DescriptorsAsync(kainuu, "kainuu"),
            d => (string?)d!["typeName"] == "Rake.Workflows.WorkflowDefinitionActivity");
        Assert.DoesNotContain(await DescriptorsAsync(kymenlaakso, "kymenlaakso"), d => (string?)d!["displayName"] == name);

        // The Studio reads the option back as stored.
        using var model = new HttpRequestMessage(HttpMethod.Get, $"/elsa/api/workflow-definitions/by-definition-id/{usedId}");
        model.Headers.Add("X-Tenant-Id", "kainuu");
        var stored = (await (await kainuu.SendAsync(model)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(stored["options"]!["usableAsActivity"]!.GetValue<bool>());

        var parentId = NewId("uses-greeter");
        await PublishAsync(kainuu, "kainuu", Using(parentId, UsingNode(type,
            usedId, offered["constructionProperties"]!["WorkflowDefinitionVersionId"]!.GetValue<string>())));
        var parent = await StartWithAsync(kainuu, "kainuu", new { definitionId = parentId, input = new { who = "Aino" } });

        Assert.True(parent["subStatus"]!.GetValue<string>() == "Finished", parent.ToJsonString());
        Assert.Equal("Hei Aino", parent["output"]!["fromChild"]!.GetValue<string>());
        var child = Assert.Single(await InstancesOfAsync(kainuu, "kainuu", usedId))!;
        Assert.Equal(parent["id"]!.GetValue<string>(),
            (await InstanceAsync(kainuu, "kainuu", child["id"]!.GetValue<string>()))["parentInstanceId"]!.GetValue<string>());

        // Another region can neither publish nor run a definition that uses it.
        var outsider = NewId("outsider");
        var saved = await kymenlaakso.PostAsJsonAsync($"{Base("kymenlaakso")}/workflow-definitions",
            Using(outsider, UsingNode(type, usedId)));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var problem = await Reports.ReadProblemAsync(
            await kymenlaakso.PostAsync($"{Base("kymenlaakso")}/workflow-definitions/{outsider}/publish", null), HttpStatusCode.BadRequest);
        var message = Assert.Single(problem["errors"]!["greeter"]!.AsArray())!.GetValue<string>();
        Assert.Contains("'greeter'", message);
        Assert.Contains($"'{usedId}'", message);
        Assert.Single(await InstancesOfAsync(kainuu, "kainuu", usedId));
    }

    [Theory]
    [InlineData(false, "not usable as an activity")]
    [InlineData(null, "not a published workflow of this region")]
    public async Task Using_a_workflow_that_is_not_published_or_not_usable_is_a_problem_naming_the_activity(bool? usable, string why)
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var usedId = NewId("used");
        if (usable is { } flag)
        {
            await PublishAsync(admin, "kainuu", UsableGreeter(usedId, $"used {Guid.NewGuid():N}", flag));
        }
        var parentId = NewId("user");
        var saved = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", Using(parentId, UsingNode("Used", usedId)));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var problem = await Reports.ReadProblemAsync(
            await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{parentId}/publish", null), HttpStatusCode.BadRequest);

        var message = Assert.Single(problem["errors"]!["greeter"]!.AsArray())!.GetValue<string>();
        Assert.Contains("'greeter'", message);
        Assert.Contains(why, message);
    }

    [Fact]
    public async Task BulkDispatchWorkflows_starts_one_child_per_item_waits_for_all_and_refuses_too_many_items()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var childId = NewId("per-item");
        await PublishAsync(admin, "kainuu", Sequence(childId, SetOutput("echo", "item", "'got ' + getInput('Item')")));
        var parentId = NewId("bulk");
        var bulk = Activity("bulk", "Elsa.BulkDispatchWorkflows", ("workflowDefinitionId", childId));
        bulk["items"] = Expr("Literal", "[\"a\",\"b\",\"c\"]");
        await PublishAsync(admin, "kainuu", Sequence(parentId, bulk));

        var parent = await StartAsync(admin, "kainuu", parentId);

        Assert.True(parent["subStatus"]!.GetValue<string>() == "Finished", parent.ToJsonString());
        var children = await InstancesOfAsync(admin, "kainuu", childId);
        Assert.Equal(3, children.Count);
        var outputs = new List<string>();
        foreach (var child in children)
        {
            var full = await InstanceAsync(admin, "kainuu", child!["id"]!.GetValue<string>());
            Assert.Equal(parent["id"]!.GetValue<string>(), full["parentInstanceId"]!.GetValue<string>());
            outputs.Add(full["output"]!["item"]!.GetValue<string>());
        }
        Assert.Equal(["got a", "got b", "got c"], outputs.Order().ToList());
        var journal = (await InstanceAsync(admin, "kainuu", parent["id"]!.GetValue<string>()))["journal"]!.AsArray();
        var completed = Assert.Single(journal, e => (string?)e!["activityId"] == "bulk" && (string?)e["event"] == "Completed")!;
        Assert.Equal("Finished,Done", completed["message"]!.GetValue<string>());

        var tooMany = NewId("bulk-too-many");
        var flood = Activity("flood", "Elsa.BulkDispatchWorkflows", ("workflowDefinitionId", childId));
        flood["items"] = Expr("Literal", new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode?)i).ToArray()).ToJsonString());
        var saved = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", Sequence(tooMany, flood));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var problem = await Reports.ReadProblemAsync(
            await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{tooMany}/publish", null), HttpStatusCode.BadRequest);
        var message = Assert.Single(problem["errors"]!["flood"]!.AsArray())!.GetValue<string>();
        Assert.Contains("101 items", message);
        Assert.Contains("at most 100", message);
    }

    /// <summary>A flowchart of <paramref name="activities"/> with connections written as (source, port, target).</summary>
    private static JsonObject Flow(string definitionId, JsonObject[] activities,
        params (string Source, string Port, string Target)[] links) =>
        new()
        {
            ["definitionId"] = definitionId,
            ["name"] = $"Test {definitionId}",
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray([.. activities.Select(a => a.DeepClone())]),
                ["connections"] = new JsonArray([.. links.Select(l => (JsonNode)new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = l.Source, ["port"] = l.Port },
                    ["target"] = new JsonObject { ["activity"] = l.Target, ["port"] = "In" },
                })]),
            },
        };

    private static async Task<JsonObject> PublishRefusedAsync(HttpClient admin, string region, JsonObject definition)
    {
        var saved = await admin.PostAsJsonAsync($"{Base(region)}/workflow-definitions", definition);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        return await Reports.ReadProblemAsync(
            await admin.PostAsync($"{Base(region)}/workflow-definitions/{definition["definitionId"]}/publish", null),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RunJavaScript_chooses_its_port_with_setOutcome_and_a_connection_from_a_port_it_does_not_have_is_refused()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var script = Activity("decide", "Elsa.RunJavaScript", ("script", "setOutcome(getInput('decision')); return 'decided';"));
        script["possibleOutcomes"] = Expr("Object", "[\"Approve\",\"Reject\"]", "String[]");
        var id = NewId("set-outcome");
        await PublishAsync(admin, "kainuu", Flow(id,
            [script, SetOutput("approved", "path", "'approved'"), SetOutput("rejected", "path", "'rejected'")],
            ("decide", "Approve", "approved"), ("decide", "Reject", "rejected")));

        foreach (var (decision, path) in new[] { ("Reject", "rejected"), ("Approve", "approved") })
        {
            var run = await StartWithAsync(admin, "kainuu", new { definitionId = id, input = new { decision } });
            Assert.True(run["subStatus"]!.GetValue<string>() == "Finished", run.ToJsonString());
            Assert.Equal(path, run["output"]!["path"]!.GetValue<string>());
            var journal = (await InstanceAsync(admin, "kainuu", run["id"]!.GetValue<string>()))["journal"]!.AsArray();
            var completed = Assert.Single(journal, e => (string?)e!["activityId"] == "decide" && (string?)e["event"] == "Completed")!;
            Assert.Equal(decision, completed["message"]!.GetValue<string>());
        }

        var wrong = NewId("no-such-port");
        var problem = await PublishRefusedAsync(admin, "kainuu", Flow(wrong, [script, SetOutput("maybe", "path", "'maybe'")],
            ("decide", "Maybe", "maybe")));
        var message = Assert.Single(problem["errors"]!["decide"]!.AsArray())!.GetValue<string>();
        Assert.Contains("'decide'", message);
        Assert.Contains("'Maybe'", message);
    }

    [Fact]
    public async Task A_workflow_used_as_an_activity_offers_its_outcomes_as_ports_and_completes_on_its_Completes_outcome()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var usedId = NewId("checker");
        var name = $"checker {Guid.NewGuid():N}";
        var complete = Activity("complete", "Elsa.Complete");
        complete["outcomes"] = Expr("JavaScript", "getInput('ok') ? 'Success' : 'Failed'");
        var used = Flow(usedId, [complete]);
        used["name"] = name;
        used["options"] = new JsonObject { ["usableAsActivity"] = true };
        used["inputs"] = new JsonArray(new JsonObject { ["name"] = "ok", ["type"] = "Boolean" });
        used["outcomes"] = new JsonArray("Success", "Failed");
        await PublishAsync(admin, "kainuu", used);

        var offered = (await DescriptorsAsync(admin, "kainuu")).Single(d => (string?)d!["displayName"] == name)!;
        Assert.Equal(["Root:Embedded", "Success:Flow", "Failed:Flow"],
            offered["ports"]!.AsArray().Select(p => $"{p!["name"]}:{p["type"]}").ToList());
        var type = offered["typeName"]!.GetValue<string>();

        JsonObject Node(bool ok) => new()
        {
            ["id"] = "check",
            ["type"] = type,
            ["version"] = 1,
            ["workflowDefinitionId"] = usedId,
            ["ok"] = Expr("Literal", ok, "Boolean"),
        };
        foreach (var (ok, path) in new[] { (true, "success"), (false, "failed") })
        {
            var parentId = NewId("uses-checker");
            await PublishAsync(admin, "kainuu", Flow(parentId,
                [Node(ok), SetOutput("success", "path", "'success'"), SetOutput("failed", "path", "'failed'"),
                    SetOutput("done", "done", "'done'")],
                ("check", "Success", "success"), ("check", "Failed", "failed"), ("check", "Done", "done")));
            var run = await StartAsync(admin, "kainuu", parentId);
            Assert.True(run["subStatus"]!.GetValue<string>() == "Finished", run.ToJsonString());
            Assert.Equal(path, run["output"]!["path"]!.GetValue<string>());
            Assert.Null(run["output"]!["done"]);
        }

        var problem = await PublishRefusedAsync(admin, "kainuu", Flow(NewId("wrong-port"),
            [Node(true), SetOutput("maybe", "path", "'maybe'")], ("check", "Maybe", "maybe")));
        var message = Assert.Single(problem["errors"]!["check"]!.AsArray())!.GetValue<string>();
        Assert.Contains("'check'", message);
        Assert.Contains("no outcome port 'Maybe'", message);
        Assert.Contains("Done, Success, Failed", message);
    }

    [Fact]
    public async Task BulkDispatchWorkflows_computes_each_childs_correlation_id_and_runs_the_activity_in_its_child_port()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var childId = NewId("per-case");
        await PublishAsync(admin, "kainuu", Sequence(childId, SetOutput("echo", "item", "getInput('Item').id")));
        var bulk = Activity("bulk", "Elsa.BulkDispatchWorkflows", ("workflowDefinitionId", childId));
        bulk["items"] = Expr("Literal", "[{\"id\":\"a\"},{\"id\":\"b\"}]");
        bulk["correlationIdFunction"] = Expr("JavaScript", "'case-' + args.item.id", "String");
        var parentId = NewId("bulk-correlated");
        await PublishAsync(admin, "kainuu", Sequence(parentId, bulk));

        var parent = await StartAsync(admin, "kainuu", parentId);

        Assert.True(parent["subStatus"]!.GetValue<string>() == "Finished", parent.ToJsonString());
        var correlated = new List<string>();
        foreach (var child in await InstancesOfAsync(admin, "kainuu", childId))
        {
            var full = await InstanceAsync(admin, "kainuu", child!["id"]!.GetValue<string>());
            Assert.Equal("case-" + full["output"]!["item"]!.GetValue<string>(), full["correlationId"]!.GetValue<string>());
            correlated.Add(full["correlationId"]!.GetValue<string>());
        }
        Assert.Equal(["case-a", "case-b"], correlated.Order().ToList());

        var descriptor = (await DescriptorsAsync(admin, "kainuu")).Single(d => (string?)d!["typeName"] == "Elsa.BulkDispatchWorkflows")!;
        var function = descriptor["inputs"]!.AsArray().Single(i => (string?)i!["name"] == "CorrelationIdFunction")!;
        Assert.False(function["autoEvaluate"]!.GetValue<bool>());
        Assert.Contains(descriptor["inputs"]!.AsArray(), i => (string?)i!["name"] == "ChannelName");
        Assert.Equal(["ChildFinished:Embedded", "ChildFaulted:Embedded"], descriptor["ports"]!.AsArray()
            .Where(p => ((string?)p!["name"])!.StartsWith("Child", StringComparison.Ordinal))
            .Select(p => $"{p!["name"]}:{p["type"]}").ToList());

        // Elsa's child port runs inside the bulk dispatch with the child's result; the channel is accepted and said to do nothing.
        var withPort = Activity("bulk", "Elsa.BulkDispatchWorkflows", ("workflowDefinitionId", childId));
        withPort["items"] = Expr("Literal", "[{\"id\":\"z\"}]");
        withPort["channelName"] = Expr("Literal", "fast", "String");
        withPort["childFinished"] = SetOutput("seen", "fromChild",
            "getInput('WorkflowOutput').item + ' ' + getInput('WorkflowSubStatus')");
        var ported = NewId("bulk-port");
        await PublishAsync(admin, "kainuu", Sequence(ported, withPort));
        var run = await StartAsync(admin, "kainuu", ported);
        Assert.True(run["subStatus"]!.GetValue<string>() == "Finished", run.ToJsonString());
        Assert.Equal("z Finished", run["output"]!["fromChild"]!.GetValue<string>());
        var journal = (await InstanceAsync(admin, "kainuu", run["id"]!.GetValue<string>()))["journal"]!.AsArray();
        Assert.Contains(journal,
            e => (string?)e!["activityId"] == "bulk" && ((string?)e["message"] ?? "").Contains("'fast' has no effect"));

        // A wrong input inside the port is still refused at publish, naming that activity.
        var broken = Activity("bulk", "Elsa.BulkDispatchWorkflows", ("workflowDefinitionId", childId));
        broken["childFaulted"] = Activity("wrong", "Elsa.If");
        broken["childFaulted"]!["condition"] = Expr("Literal", "maybe", "Boolean");
        var problem = await PublishRefusedAsync(admin, "kainuu", Sequence(NewId("bulk-bad-port"), broken));
        Assert.NotNull(problem["errors"]!["wrong"]);
    }
}
