using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Activities;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// Issue 15: Elsa's ExecuteWorkflow and DispatchWorkflow (child workflows with inputs and outputs, waiting children,
/// the nesting guard) and an Event trigger's payload, in memory through <see cref="InMemoryWorkflowHost"/>.
/// </summary>
public sealed class ChildWorkflowTests
{
    private static int _ids;

    private static string NextId(string prefix) => $"{prefix}{Interlocked.Increment(ref _ids)}";

    private static JsonObject Expr(string type, JsonNode? value, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    private static JsonObject Activity(string type, params (string Name, JsonNode? Value)[] properties)
    {
        var activity = new JsonObject { ["id"] = NextId("a"), ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in properties)
        {
            activity[name] = value;
        }
        return activity;
    }

    private static JsonObject Sequence(params JsonObject[] activities) =>
        Activity("Elsa.Sequence", ("activities", new JsonArray(activities.Cast<JsonNode?>().ToArray())));

    private static JsonObject WriteJs(string script) => Activity("Elsa.WriteLine", ("text", Expr("JavaScript", script, "String")));

    private static JsonObject SetOutput(string name, string script) =>
        Activity("Elsa.SetOutput", ("outputName", Expr("Literal", name, "String")), ("outputValue", Expr("JavaScript", script)));

    private static JsonObject WaitFor(string eventName) =>
        Activity("Elsa.Event", ("eventName", Expr("Literal", eventName, "String")));

    /// <summary>A child activity whose result goes to the variable <c>r</c>.</summary>
    private static JsonObject Child(string type, string definitionId, bool wait, string? inputJson = null)
    {
        var activity = Activity(type,
            ("workflowDefinitionId", Expr("Literal", definitionId, "String")),
            ("waitForCompletion", Expr("Literal", wait, "Boolean")),
            ("result", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "r" } }));
        if (inputJson is not null)
        {
            activity["input"] = Expr("Object", inputJson);
        }
        return activity;
    }

    private static WorkflowDefinition Definition(string definitionId, JsonObject root) => WorkflowDefinition.Parse(new JsonObject
    {
        ["definitionId"] = definitionId,
        ["variables"] = new JsonArray { new JsonObject { ["id"] = "r", ["name"] = "r", ["typeName"] = "Object" } },
        ["root"] = root,
    }.ToJsonString());

    private static InMemoryWorkflowHost Host(params WorkflowDefinition[] definitions)
    {
        var host = new InMemoryWorkflowHost(TestEngine.Create());
        foreach (var definition in definitions)
        {
            var publish = TestEngine.Publisher().Publish(definition);
            Assert.True(publish.Succeeded, string.Join("; ", publish.ValidationErrors.Select(e => e.Message)));
            host.Publish(definition);
        }
        return host;
    }

    /// <summary>A child that greets the name it is given: output <c>greeting</c>.</summary>
    private static WorkflowDefinition Greeter(string id) =>
        Definition(id, Sequence(WriteJs("'child ' + getInput('name')"), SetOutput("greeting", "'Hei ' + getInput('name')")));

    [Fact]
    public async Task ExecuteWorkflow_runs_the_child_with_its_input_and_gives_the_childs_output_as_result()
    {
        var child = Greeter(NextId("greeter"));
        var parent = Definition(NextId("parent"), Sequence(
            Child("Elsa.ExecuteWorkflow", child.DefinitionId, wait: true, """{"name":"Aino"}"""),
            WriteJs("'parent got ' + getVariable('r').output.greeting")));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["parent got Hei Aino"], instance.Lines);
        var result = Assert.IsType<JsonObject>(instance.Variables["r"]);
        Assert.Equal("Finished", (string?)result["status"]);
        Assert.Equal("Hei Aino", (string?)result["output"]!["greeting"]);
        var childInstance = Assert.Single(host.ChildrenOf(instance));
        Assert.Equal((string?)result["workflowInstanceId"], childInstance.Id);
        Assert.Equal(["child Aino"], childInstance.Lines);
        Assert.Equal(instance.Id, childInstance.Options.Input!["ParentInstanceId"]);
    }

    [Fact]
    public async Task ExecuteWorkflow_without_input_passes_the_parents_input_and_correlation_id_on()
    {
        var child = Greeter(NextId("greeter"));
        var parent = Definition(NextId("parent"), Sequence(Child("Elsa.ExecuteWorkflow", child.DefinitionId, wait: false)));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId,
            new RunOptions { Input = new Dictionary<string, object?> { ["name"] = "Eero" }, CorrelationId = "case-7" });

        var childInstance = Assert.Single(host.ChildrenOf(instance));
        Assert.Equal("Hei Eero", childInstance.Output["greeting"]);
        Assert.Equal("case-7", childInstance.CorrelationId);
        Assert.Equal("case-7", (string?)((JsonObject)instance.Variables["r"]!)["correlationId"]);
    }

    [Fact]
    public async Task A_child_that_waits_keeps_a_waiting_parent_suspended_until_the_child_completes()
    {
        var child = Definition(NextId("waiting-child"), Sequence(WaitFor("approved"), SetOutput("answer", "'yes'")));
        var parent = Definition(NextId("parent"), Sequence(
            Child("Elsa.ExecuteWorkflow", child.DefinitionId, wait: true), WriteJs("'answer ' + getVariable('r').output.answer")));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);
        var childInstance = Assert.Single(host.ChildrenOf(instance));

        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
        Assert.Equal(WorkflowSubStatus.Suspended, childInstance.SubStatus);
        var waiting = Assert.Single(instance.Bookmarks);
        Assert.Equal(Rake.Workflows.Abstractions.BookmarkKind.ChildWorkflow, waiting.Kind);
        Assert.Equal(childInstance.Id, waiting.Name);

        await host.ResumeAsync(childInstance, Assert.Single(childInstance.Bookmarks).Id, null);

        Assert.Equal(WorkflowSubStatus.Finished, childInstance.SubStatus);
        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["answer yes"], instance.Lines);
    }

    [Fact]
    public async Task A_parent_waiting_on_a_child_resumes_after_a_save_and_reload()
    {
        var child = Definition(NextId("waiting-child"), Sequence(WaitFor("approved"), SetOutput("answer", "'yes'")));
        var parent = Definition(NextId("parent"), Sequence(Child("Elsa.ExecuteWorkflow", child.DefinitionId, wait: true)));
        var host = Host(child, parent);
        var instance = await host.StartAsync(parent.DefinitionId);
        var childInstance = Assert.Single(host.ChildrenOf(instance));

        // What the runtime does between two requests: the parent is stored and read back by another engine.
        var reloaded = InstanceStateSerializer.Deserialize(instance.Id, WorkflowDefinition.Parse(parent.ToJson()),
            InstanceStateSerializer.Serialize(instance), InstanceStateSerializer.SerializeJournal(instance), TestEngine.Create());
        host.Instances[instance.Id] = reloaded;
        var reloadedChild = InstanceStateSerializer.Deserialize(childInstance.Id, WorkflowDefinition.Parse(child.ToJson()),
            InstanceStateSerializer.Serialize(childInstance), InstanceStateSerializer.SerializeJournal(childInstance), TestEngine.Create());
        host.Instances[childInstance.Id] = reloadedChild;
        Assert.Equal(instance.Id, reloadedChild.Options.ParentInstanceId);
        Assert.Equal([parent.DefinitionId], reloadedChild.Options.Lineage);

        await host.ResumeAsync(reloadedChild, Assert.Single(reloadedChild.Bookmarks).Id, null);

        Assert.True(reloaded.SubStatus == WorkflowSubStatus.Finished, reloaded.Fault?.Message);
        Assert.Equal("yes", (string?)((JsonObject)reloaded.Variables["r"]!)["output"]!["answer"]);
    }

    [Fact]
    public async Task ExecuteWorkflow_without_waiting_completes_when_the_child_waits_and_reports_it_suspended()
    {
        var child = Definition(NextId("waiting-child"), Sequence(WaitFor("approved")));
        var parent = Definition(NextId("parent"), Sequence(Child("Elsa.ExecuteWorkflow", child.DefinitionId, wait: false)));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal("Suspended", (string?)((JsonObject)instance.Variables["r"]!)["subStatus"]);
        Assert.Equal(WorkflowSubStatus.Suspended, Assert.Single(host.ChildrenOf(instance)).SubStatus);
    }

    [Fact]
    public async Task A_workflow_that_executes_itself_faults_at_the_nesting_limit_with_a_clear_message()
    {
        var id = NextId("recursive");
        var recursive = Definition(id, Sequence(WriteJs("'level'"), Child("Elsa.ExecuteWorkflow", id, wait: true)));
        var host = Host(recursive);

        var top = await host.StartAsync(id);

        Assert.Equal(ChildWorkflows.MaxDepth, host.Instances.Count);
        var deepest = host.Instances.Values.Single(i => i.SubStatus == WorkflowSubStatus.Faulted);
        Assert.Contains("levels deep", deepest.Fault!.Message);
        Assert.Contains("executes itself", deepest.Fault.Message);
        Assert.Equal("ChildWorkflowDepth", deepest.Fault.Code);
        // The deepest parent completes with its child's Faulted result, and every level above it finishes in turn.
        var parentOfDeepest = host.Instances[deepest.Options.ParentInstanceId!];
        Assert.Equal("Faulted", (string?)((JsonObject)parentOfDeepest.Variables["r"]!)["subStatus"]);
        Assert.All(host.Instances.Values.Where(i => i != deepest), i => Assert.Equal(WorkflowSubStatus.Finished, i.SubStatus));
        Assert.Equal(ChildWorkflows.MaxDepth - 1, deepest.Options.Lineage!.Count);
        Assert.Null(top.Options.ParentInstanceId);
    }

    [Fact]
    public async Task A_child_the_region_has_not_published_faults_the_parent_naming_it()
    {
        var parent = Definition(NextId("parent"), Sequence(Child("Elsa.ExecuteWorkflow", "nowhere", wait: true)));
        var host = Host(parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains("'nowhere'", instance.Fault!.Message);
        Assert.Empty(host.ChildrenOf(instance));
    }

    [Fact]
    public async Task DispatchWorkflow_fires_and_forgets_or_waits_for_the_childs_output()
    {
        var child = Definition(NextId("waiting-child"), Sequence(WaitFor("approved"), SetOutput("answer", "'done'")));
        var forget = Definition(NextId("forget"), Sequence(Child("Elsa.DispatchWorkflow", child.DefinitionId, wait: false),
            WriteJs("'went on'")));
        var wait = Definition(NextId("wait"), Sequence(Child("Elsa.DispatchWorkflow", child.DefinitionId, wait: true),
            WriteJs("'got ' + getVariable('r').answer")));
        var host = Host(child, forget, wait);

        var fired = await host.StartAsync(forget.DefinitionId);
        Assert.Equal(WorkflowSubStatus.Finished, fired.SubStatus);
        Assert.Equal(["went on"], fired.Lines);
        Assert.Null(fired.Variables["r"]);
        Assert.Equal(WorkflowSubStatus.Suspended, Assert.Single(host.ChildrenOf(fired)).SubStatus);

        var waiting = await host.StartAsync(wait.DefinitionId);
        Assert.Equal(WorkflowSubStatus.Suspended, waiting.SubStatus);
        var childInstance = Assert.Single(host.ChildrenOf(waiting));
        await host.ResumeAsync(childInstance, Assert.Single(childInstance.Bookmarks).Id, null);
        Assert.True(waiting.SubStatus == WorkflowSubStatus.Finished, waiting.Fault?.Message);
        Assert.Equal(["got done"], waiting.Lines);
    }

    [Theory]
    [InlineData("Elsa.DispatchWorkflow", false)]
    [InlineData("Elsa.DispatchWorkflow", true)]
    [InlineData("Elsa.ExecuteWorkflow", false)]
    public async Task A_child_that_is_not_published_faults_the_parent_whether_it_waits_or_not(string type, bool wait)
    {
        var parent = Definition(NextId("parent"), Sequence(Child(type, "missing-child", wait), WriteJs("'never'")));
        var host = Host(parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Equal("ChildWorkflowNotFound", instance.Fault!.Code);
        Assert.Empty(instance.Lines);
    }

    [Theory]
    [InlineData("Elsa.ExecuteWorkflow", "waitForCompletion", "\"maybe\"")]
    [InlineData("Elsa.ExecuteWorkflow", "input", "\"[1, 2]\"")]
    [InlineData("Elsa.DispatchWorkflow", "waitForCompletion", "{\"a\": 1}")]
    [InlineData("Elsa.DispatchWorkflow", "input", "\"not json\"")]
    [InlineData("Elsa.ExecuteWorkflow", "workflowDefinitionId", "{\"id\": 1}")]
    [InlineData("Elsa.DispatchWorkflow", "correlationId", "[\"a\"]")]
    public void Publishing_a_wrong_input_type_names_the_activity_and_the_input(string type, string input, string literalJson)
    {
        var activity = Child(type, "child", wait: false);
        activity[input] = Expr(input == "input" ? "Object" : "Literal", JsonNode.Parse(literalJson));
        var definition = Definition(NextId("bad"), Sequence(activity));

        var result = TestEngine.Publisher().Publish(definition);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal((string)activity["id"]!, error.ActivityId);
        Assert.Contains($"input '{input}'", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_event_trigger_that_starts_a_run_gives_the_events_payload_as_its_result()
    {
        var trigger = WaitFor("report-received");
        trigger["canStartWorkflow"] = true;
        trigger["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "r" } };
        var definition = Definition(NextId("triggered"), Sequence(trigger, WriteJs("'about ' + getVariable('r').topic")));
        var publish = TestEngine.Publisher().Publish(definition);
        var request = Assert.Single(publish.Triggers);
        Assert.Equal(Rake.Workflows.Abstractions.BookmarkKind.Event, request.Kind);
        Assert.Equal("report-received", request.Name);

        var payload = new JsonObject { ["topic"] = "housing" };
        var instance = await TestEngine.Create().StartAsync(definition, new RunOptions
        {
            TriggerActivityId = (string)trigger["id"]!,
            Input = new Dictionary<string, object?> { [Event.PayloadInputKey] = payload },
        });

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["about housing"], instance.Lines);
    }
    /// <summary>A BulkDispatchWorkflows activity over literal items, its outcome written as a line by the next activity.</summary>
    private static JsonObject Bulk(string definitionId, JsonArray items, bool wait) => Activity("Elsa.BulkDispatchWorkflows",
        ("workflowDefinitionId", Expr("Literal", definitionId, "String")),
        ("items", Expr("Literal", items.ToJsonString())),
        ("waitForCompletion", Expr("Literal", wait, "Boolean")));

    [Fact]
    public async Task BulkDispatchWorkflows_starts_a_child_per_item_with_the_item_as_input_and_waits_until_all_finished()
    {
        var child = Definition(NextId("item"), Sequence(WaitFor("go"), WriteJs("'item ' + getInput('Item')")));
        var bulk = Bulk(child.DefinitionId, ["a", "b"], wait: true);
        var parent = Definition(NextId("bulk"), Sequence(bulk, WriteJs("'all done'")));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
        var children = host.ChildrenOf(instance).ToList();
        Assert.Equal(["a", "b"], children.Select(c => c.Options.Input!["Item"]?.ToString()).ToList());
        await host.ResumeAsync(children[0], children[0].Bookmarks.Single().Id, null);
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
        Assert.Empty(instance.Lines);
        await host.ResumeAsync(children[1], children[1].Bookmarks.Single().Id, null);

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["item a", "item b", "all done"], host.Lines);
        Assert.Contains(instance.Journal,
            e => e.ActivityId == (string?)bulk["id"] && e.Event == "Completed" && e.Message == "Finished,Done");
    }

    [Fact]
    public async Task BulkDispatchWorkflows_runs_its_child_ports_per_child_with_the_childs_result_and_completes_after_them()
    {
        // A child that faults on the item "bad", after its output is set.
        var child = Definition(NextId("item"), Sequence(WaitFor("go"), SetOutput("echo", "'got ' + getInput('Item')"),
            WriteJs("if (getInput('Item') === 'bad') { throw new Error('bad item'); } 'item ' + getInput('Item')")));
        var bulk = Bulk(child.DefinitionId, ["a", "bad"], wait: true);
        // The ChildFinished port waits itself, so the bulk dispatch must wait for it too, also across a reload.
        bulk["childFinished"] = Sequence(WaitFor("ack"),
            WriteJs("'finished ' + getInput('WorkflowOutput').echo + ' ' + getInput('WorkflowSubStatus')"));
        bulk["childFaulted"] = WriteJs("'faulted ' + getCurrentValue().WorkflowOutput.echo + ' ' + getInput('WorkflowStatus') "
            + "+ ' ' + getInput('WorkflowInstanceId') + ': ' + getInput('WorkflowFault')");
        var parent = Definition(NextId("bulk"), Sequence(bulk, WriteJs("'all done'")));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);
        var children = host.ChildrenOf(instance).ToList();
        await host.ResumeAsync(children[1], children[1].Bookmarks.Single().Id, null);

        Assert.Equal(WorkflowSubStatus.Faulted, children[1].SubStatus);
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
        var faulted = Assert.Single(instance.Lines);
        Assert.StartsWith($"faulted got bad Finished {children[1].Id}: ", faulted);
        Assert.Contains("bad item", faulted);

        await host.ResumeAsync(children[0], children[0].Bookmarks.Single().Id, null);
        Assert.Equal(WorkflowSubStatus.Finished, children[0].SubStatus);
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
        var reloaded = InstanceStateSerializer.Deserialize(instance.Id, WorkflowDefinition.Parse(parent.ToJson()),
            InstanceStateSerializer.Serialize(instance), InstanceStateSerializer.SerializeJournal(instance), TestEngine.Create());
        host.Instances[instance.Id] = reloaded;
        var ack = Assert.Single(reloaded.Bookmarks);
        Assert.Equal(Rake.Workflows.Abstractions.BookmarkKind.Event, ack.Kind);

        await host.ResumeAsync(reloaded, ack.Id, null);

        Assert.True(reloaded.SubStatus == WorkflowSubStatus.Finished, reloaded.Fault?.Message);
        Assert.Equal(["finished got a Finished", "all done"], reloaded.Lines.Skip(1).ToList());
        Assert.Contains(reloaded.Journal,
            e => e.ActivityId == (string?)bulk["id"] && e.Event == "Completed" && e.Message == "Finished,Done");
    }

    [Fact]
    public async Task BulkDispatchWorkflows_ports_read_the_childs_id_as_Elsas_variable_ChildInstanceId_which_only_they_have()
    {
        var child = Definition(NextId("item"), Sequence(WriteJs("if (getInput('Item') === 'bad') { throw new Error('bad'); } 'ok'")));
        var bulk = Bulk(child.DefinitionId, ["a", "bad"], wait: true);
        bulk["childFinished"] = WriteJs("'finished ' + getChildInstanceId() + ' ' + variables.ChildInstanceId + ' '"
            + " + getVariable('ChildInstanceId') + ' ' + Object.keys(variables).includes('ChildInstanceId')");
        bulk["childFaulted"] = WriteJs("'faulted ' + (getChildInstanceId() === getInput('WorkflowInstanceId'))");
        var parent = Definition(NextId("bulk"), Sequence(bulk,
            WriteJs("'after ' + typeof getChildInstanceId + ' ' + (variables.ChildInstanceId === undefined)")));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        var finished = host.ChildrenOf(instance).Single(c => c.SubStatus == WorkflowSubStatus.Finished).Id;
        Assert.Equal(WorkflowSubStatus.Faulted, host.ChildrenOf(instance).Single(c => c.Id != finished).SubStatus);
        Assert.Equal(["after undefined true", "faulted true", $"finished {finished} {finished} {finished} true"],
            instance.Lines.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task BulkDispatchWorkflows_port_that_sets_ChildInstanceId_faults_saying_it_names_the_child()
    {
        var child = Definition(NextId("item"), Sequence(WriteJs("'ok'")));
        var bulk = Bulk(child.DefinitionId, ["a"], wait: true);
        bulk["childFinished"] = WriteJs("setChildInstanceId('other'); 'never'");
        var parent = Definition(NextId("bulk"), Sequence(bulk));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains("'ChildInstanceId' is the instance id of the child this port runs for and cannot be set", instance.Fault!.Message,
            StringComparison.Ordinal);
        Assert.Empty(instance.Lines);
    }

    [Fact]
    public async Task BulkDispatchWorkflows_without_a_port_for_the_childs_end_completes_as_before_and_ignores_the_channel()
    {
        var child = Definition(NextId("item"), Sequence(WriteJs("'item ' + getInput('Item')")));
        var bulk = Bulk(child.DefinitionId, ["x"], wait: true);
        bulk["childFaulted"] = WriteJs("'never: the child finished'");
        bulk["channelName"] = Expr("Literal", "low-priority", "String");
        var parent = Definition(NextId("bulk"), Sequence(bulk, WriteJs("'all done'")));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["all done"], instance.Lines);
        Assert.Contains(instance.Journal, e => e.ActivityId == (string?)bulk["id"] && e.Event == "Journal"
            && e.Message == "Channel 'low-priority' has no effect: Rake has one dispatcher.");
    }

    [Fact]
    public async Task BulkDispatchWorkflows_without_waiting_completes_on_Done_before_the_children_run()
    {
        var child = Definition(NextId("item"), Sequence(WriteJs("'item ' + getInput('Item')")));
        var bulk = Bulk(child.DefinitionId, [1, 2, 3], wait: false);
        var parent = Definition(NextId("bulk"), Sequence(bulk, WriteJs("'parent done'")));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["parent done", "item 1", "item 2", "item 3"], host.Lines);
        Assert.Contains(instance.Journal, e => e.ActivityId == (string?)bulk["id"] && e.Event == "Completed" && e.Message == "Done");
    }

    [Fact]
    public async Task BulkDispatchWorkflows_faults_when_a_script_gives_more_items_than_the_cap()
    {
        var child = Definition(NextId("item"), Sequence(WriteJs("'never'")));
        var bulk = Activity("Elsa.BulkDispatchWorkflows",
            ("workflowDefinitionId", Expr("Literal", child.DefinitionId, "String")),
            ("items", Expr("JavaScript", $"Array.from({{length: {BulkDispatchWorkflows.MaxItems + 1}}}, (_, i) => i)")));
        var parent = Definition(NextId("bulk"), Sequence(bulk));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Equal("BulkDispatchTooManyItems", instance.Fault!.Code);
        Assert.Empty(host.ChildrenOf(instance));
    }

    [Fact]
    public async Task A_workflow_used_as_an_activity_gets_the_nodes_inputs_and_gives_its_outputs_to_bound_variables()
    {
        // "name" is the activity's own name in Elsa's node shape, so the input is called "person".
        var child = Definition(NextId("greeter"),
            Sequence(WriteJs("'child ' + getInput('person')"), SetOutput("greeting", "'Hei ' + getInput('person')")));
        var node = new JsonObject
        {
            ["id"] = NextId("a"),
            ["type"] = "Greeter",
            ["version"] = 3,
            ["workflowDefinitionId"] = child.DefinitionId,
            ["person"] = Expr("Literal", "Aino", "String"),
            ["greeting"] = new JsonObject { ["typeName"] = "String", ["memoryReference"] = new JsonObject { ["id"] = "r" } },
        };
        var parent = Definition(NextId("parent"), Sequence(node, WriteJs("'parent got ' + getVariable('r')")));
        var host = Host(child, parent);

        var instance = await host.StartAsync(parent.DefinitionId);

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["child Aino", "parent got Hei Aino"], host.Lines);
        Assert.Equal("Hei Aino", instance.ActivityOutputs[(string)node["id"]!]["greeting"]?.ToString());
    }
}
