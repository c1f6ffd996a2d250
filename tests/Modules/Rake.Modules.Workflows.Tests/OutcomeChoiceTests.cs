using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Activities;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// Issue 15, docs/adr/0191: the ports an activity completes on when something other than the activity's own code chooses
/// them. RunJavaScript's script with setOutcome/setOutcomes (Elsa installs the two in that activity only), a workflow used
/// as an activity completing on the outcomes of the Complete that ended the child, and BulkDispatchWorkflows' correlation
/// id function and its embedded child ports.
/// </summary>
public sealed class OutcomeChoiceTests
{
    private static int _ids;

    private static string NextId(string prefix) => $"{prefix}{Interlocked.Increment(ref _ids)}";

    private static JsonObject Expr(string type, JsonNode? value, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    private static JsonObject Node(string id, string type, params (string Name, JsonNode? Value)[] properties)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in properties)
        {
            activity[name] = value;
        }
        return activity;
    }

    private static JsonObject Write(string id, string text) => Node(id, "Elsa.WriteLine", ("text", Expr("Literal", text, "String")));

    private static JsonObject Script(string id, string script, params string[] possibleOutcomes) => Node(id, "Elsa.RunJavaScript",
        ("script", Expr("Literal", script, "String")),
        ("possibleOutcomes", Expr("Object", new JsonArray([.. possibleOutcomes.Select(o => (JsonNode)o)]).ToJsonString(), "String[]")));

    /// <summary>A flowchart of <paramref name="activities"/> with connections written as (source, port, target).</summary>
    private static WorkflowDefinition Flowchart(string definitionId, JsonObject[] activities,
        params (string Source, string Port, string Target)[] connections) => WorkflowDefinition.Parse(new JsonObject
        {
            ["definitionId"] = definitionId,
            ["root"] = new JsonObject
            {
                ["id"] = "flow",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray([.. activities]),
                ["connections"] = new JsonArray([.. connections.Select(c => (JsonNode)new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = c.Source, ["port"] = c.Port },
                    ["target"] = new JsonObject { ["activity"] = c.Target, ["port"] = "In" },
                })]),
            },
        }.ToJsonString());

    /// <summary>A RunJavaScript with the ports Yes and No (and Done), each leading to a WriteLine of its name.</summary>
    private static WorkflowDefinition Branching(string script) => Flowchart(NextId("choose"),
        [Script("js", script, "Yes", "No"), Write("yes", "yes"), Write("no", "no"), Write("done", "done")],
        ("js", "Yes", "yes"), ("js", "No", "no"), ("js", "Done", "done"));

    private static async Task<WorkflowInstance> RunAsync(WorkflowDefinition definition, FlowchartMode mode = FlowchartMode.CounterBased)
    {
        var published = TestEngine.Publisher().Publish(definition);
        Assert.True(published.Succeeded, string.Join("; ", published.ValidationErrors.Select(e => e.Message)));
        return await TestEngine.Create().StartAsync(definition, new RunOptions { FlowchartMode = mode });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task setOutcome_in_RunJavaScript_chooses_the_port_the_activity_completes_on(bool tokenBased)
    {
        var instance = await RunAsync(Branching("setOutcome('No'); return 6 * 7;"),
            tokenBased ? FlowchartMode.TokenBased : FlowchartMode.CounterBased);

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["no"], instance.Lines);
        Assert.Contains(instance.Journal, e => e.ActivityId == "js" && e.Event == "Completed" && e.Message == "No");
        // What the script returns is still the activity's result.
        Assert.Equal(42d, Convert.ToDouble(instance.LastResult, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("setOutcomes(['Yes', 'No'])", new[] { "yes", "no" }, "Yes,No")]
    [InlineData("setOutcome('Yes'); setOutcome('No')", new[] { "no" }, "No")]
    [InlineData("setOutcomes(['No']); setOutcome('Yes')", new[] { "yes" }, "Yes")]
    [InlineData("return 1", new[] { "done" }, "Done")]
    [InlineData("setOutcome('Done')", new[] { "done" }, "Done")]
    [InlineData("if (false) setOutcome('Yes')", new[] { "done" }, "Done")]
    public async Task The_last_call_wins_several_ports_may_be_taken_and_no_call_completes_on_Done(string script, string[] lines,
        string journal)
    {
        var instance = await RunAsync(Branching(script));

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(lines, instance.Lines);
        Assert.Contains(instance.Journal, e => e.ActivityId == "js" && e.Event == "Completed" && e.Message == journal);
    }

    [Theory]
    [InlineData("setOutcome('Maybe')", "Maybe")]
    [InlineData("setOutcomes([])", "")]
    public async Task An_outcome_that_is_not_a_possible_one_is_not_refused_it_follows_no_connection_as_in_Elsa(string script,
        string journal)
    {
        var instance = await RunAsync(Branching(script));

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Empty(instance.Lines);
        Assert.Contains(instance.Journal, e => e.ActivityId == "js" && e.Event == "Completed" && e.Message == journal);
    }

    [Theory]
    [InlineData("setOutcome()", "setOutcome expects the name of an outcome")]
    [InlineData("setOutcome(null)", "setOutcome expects the name of an outcome")]
    [InlineData("setOutcomes('Yes')", "setOutcomes expects an array of outcome names")]
    [InlineData("setOutcomes(['Yes', undefined])", "setOutcomes expects the name of an outcome")]
    [InlineData("setOutcome('x'.repeat(300))", "at most 256 characters")]
    [InlineData("setOutcomes(Array.from({length: 101}, (_, i) => 'o' + i))", "at most 100 outcomes")]
    public async Task A_wrong_argument_faults_the_activity_saying_what_setOutcome_expects(string script, string message)
    {
        var instance = await RunAsync(Branching(script));

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Equal("js", instance.Fault!.ActivityId);
        Assert.Contains(message, instance.Fault.Message);
        Assert.Empty(instance.Lines);
    }

    [Fact]
    public async Task A_script_may_catch_the_error_and_choose_again()
    {
        var instance = await RunAsync(Branching("try { setOutcomes('Yes') } catch (e) { setOutcome('No') }"));

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["no"], instance.Lines);
    }

    [Fact]
    public async Task setOutcome_exists_in_RunJavaScript_only_not_in_other_expressions_before_or_after_it()
    {
        JsonObject Probe(string id) =>
            Node(id, "Elsa.WriteLine", ("text", Expr("JavaScript", "typeof setOutcome + ' ' + typeof setOutcomes", "String")));
        var definition = Flowchart(NextId("scope"),
            [Probe("before"), Script("js", "setOutcome('Yes'); return typeof setOutcomes;", "Yes"), Probe("after")],
            ("before", "Done", "js"), ("js", "Yes", "after"));

        var instance = await RunAsync(definition);

        Assert.True(instance.SubStatus == WorkflowSubStatus.Finished, instance.Fault?.Message);
        Assert.Equal(["undefined undefined", "undefined undefined"], instance.Lines);
        Assert.Equal("function", instance.LastResult);
    }

    [Fact]
    public async Task Calling_setOutcome_in_another_expression_faults_as_in_Elsa_where_it_is_not_defined()
    {
        var decision = Node("decide", "Elsa.FlowDecision",
            ("condition", Expr("JavaScript", "setOutcome('True'); return true;", "Boolean")));
        var instance = await RunAsync(Flowchart(NextId("elsewhere"), [decision, Write("t", "t")], ("decide", "True", "t")));

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Contains("setOutcome is not defined", instance.Fault!.Message);
    }

    // A workflow used as an activity.

    private static WorkflowDefinition Child(string definitionId, JsonNode? completeOutcomes, params string[] declared)
    {
        var flowchart = completeOutcomes is null
            ? Flowchart(definitionId, [Write("w", "child ran")])
            : Flowchart(definitionId, [Write("w", "child ran"), Node("complete", "Elsa.Complete", ("outcomes",
                    // The Studio writes a list of outcomes as an Object expression (Complete's default syntax), one as a Literal.
                    Expr(JsonRead.Text(completeOutcomes)?.StartsWith('[') == true ? "Object" : "Literal", completeOutcomes)))],
                ("w", "Done", "complete"));
        var definition = (JsonObject)JsonNode.Parse(flowchart.Json.ToJsonString())!;
        definition["outcomes"] = new JsonArray([.. declared.Select(o => (JsonNode)o)]);
        definition["options"] = new JsonObject { ["usableAsActivity"] = true };
        return WorkflowDefinition.Parse(definition.ToJsonString());
    }

    /// <summary>A parent whose node uses <paramref name="child"/>, with a WriteLine behind each of Success, Failed and Done.</summary>
    private static WorkflowDefinition Parent(WorkflowDefinition child) => Flowchart(NextId("parent"),
        [
            new JsonObject
            {
                ["id"] = "uses", ["type"] = "ChildWithOutcomes", ["version"] = 1, ["workflowDefinitionId"] = child.DefinitionId,
            },
            Write("success", "Success path taken"), Write("failed", "Failed path taken"), Write("done", "Done path taken"),
        ],
        ("uses", "Success", "success"), ("uses", "Failed", "failed"), ("uses", "Done", "done"));

    private static async Task<(InMemoryWorkflowHost Host, WorkflowInstance Parent)> RunParentAsync(WorkflowDefinition child)
    {
        var parent = Parent(child);
        var host = new InMemoryWorkflowHost(TestEngine.Create());
        foreach (var definition in new[] { child, parent })
        {
            var published = TestEngine.Publisher().Publish(definition);
            Assert.True(published.Succeeded, string.Join("; ", published.ValidationErrors.Select(e => e.Message)));
            host.Publish(definition);
        }
        return (host, await host.StartAsync(parent.DefinitionId));
    }

    [Theory]
    [InlineData("Failed", new[] { "child ran", "Failed path taken" }, "Failed")]
    [InlineData("[\"Success\",\"Failed\"]", new[] { "child ran", "Success path taken", "Failed path taken" }, "Success,Failed")]
    [InlineData(null, new[] { "child ran", "Done path taken" }, "Done")]
    public async Task A_workflow_used_as_an_activity_completes_on_the_outcomes_of_the_Complete_that_ended_it(string? outcomes,
        string[] lines, string journal)
    {
        var child = Child(NextId("child"), outcomes is null ? null : JsonValue.Create(outcomes), "Success", "Failed");

        var (host, parent) = await RunParentAsync(child);

        Assert.True(parent.SubStatus == WorkflowSubStatus.Finished, parent.Fault?.Message);
        Assert.Equal(lines, host.Lines);
        Assert.Contains(parent.Journal, e => e.ActivityId == "uses" && e.Event == "Completed" && e.Message == journal);
    }

    [Fact]
    public async Task A_Complete_without_outcomes_completes_the_node_on_Done_and_an_empty_list_on_no_port_as_in_Elsa()
    {
        var withoutOutcomes = Child(NextId("child"), null, "Success");
        var completeNode = (JsonObject)JsonNode.Parse(withoutOutcomes.Json.ToJsonString())!;
        var flow = completeNode["root"]!;
        flow["activities"]!.AsArray().Add(Node("complete", "Elsa.Complete"));
        flow["connections"] = new JsonArray(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "w", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "complete", ["port"] = "In" },
        });
        var (host, parent) = await RunParentAsync(WorkflowDefinition.Parse(completeNode.ToJsonString()));
        Assert.Equal(["child ran", "Done path taken"], host.Lines);
        Assert.True(parent.SubStatus == WorkflowSubStatus.Finished, parent.Fault?.Message);

        var (emptyHost, emptyParent) = await RunParentAsync(Child(NextId("child"), JsonValue.Create("[]"), "Success"));
        Assert.Equal(["child ran"], emptyHost.Lines);
        Assert.True(emptyParent.SubStatus == WorkflowSubStatus.Finished, emptyParent.Fault?.Message);
        Assert.Contains(emptyParent.Journal, e => e.ActivityId == "uses" && e.Event == "Completed" && e.Message == "");
    }

    [Fact]
    public async Task The_outcomes_of_the_Complete_are_saved_with_the_instance()
    {
        var definition = Child(NextId("child"), JsonValue.Create("Success"), "Success");
        var engine = TestEngine.Create();
        var instance = await engine.StartAsync(definition, new RunOptions());
        Assert.Equal(["Success"], instance.CompleteOutcomes);

        var restored = InstanceStateSerializer.Deserialize(instance.Id, definition, InstanceStateSerializer.Serialize(instance),
            InstanceStateSerializer.SerializeJournal(instance), engine);

        Assert.Equal(["Success"], restored.CompleteOutcomes);
        Assert.Equal(["Success"], ChildWorkflows.Result(restored)["outcomes"]!.AsArray().Select(o => (string)o!).ToList());
        Assert.Null(ChildWorkflows.Result(await engine.StartAsync(Child(NextId("plain"), null), new RunOptions()))["outcomes"]);
    }

    // BulkDispatchWorkflows.

    private static JsonObject Bulk(string childId, string items, JsonObject? correlationIdFunction) => Node("bulk",
        "Elsa.BulkDispatchWorkflows",
        ("workflowDefinitionId", Expr("Literal", childId, "String")),
        ("items", Expr("Literal", items)),
        ("waitForCompletion", Expr("Literal", false, "Boolean")),
        ("correlationIdFunction", correlationIdFunction));

    private static async Task<(InMemoryWorkflowHost Host, WorkflowInstance Parent)> BulkAsync(JsonObject? correlationIdFunction,
        string items = "[{\"id\":7},{\"id\":8}]")
    {
        var child = Flowchart(NextId("item"), [Write("w", "item")]);
        var parent = Flowchart(NextId("bulk"), [Bulk(child.DefinitionId, items, correlationIdFunction)]);
        var host = new InMemoryWorkflowHost(TestEngine.Create());
        foreach (var definition in new[] { child, parent })
        {
            var published = TestEngine.Publisher().Publish(definition);
            Assert.True(published.Succeeded, string.Join("; ", published.ValidationErrors.Select(e => e.Message)));
            host.Publish(definition);
        }
        return (host, await host.StartAsync(parent.DefinitionId));
    }

    [Theory]
    [InlineData("JavaScript", "'case-' + args.item.id", new[] { "case-7", "case-8" })]
    [InlineData("JavaScript", "'case-' + getItem().id", new[] { "case-7", "case-8" })]
    [InlineData("Literal", "batch", new[] { "batch", "batch" })]
    [InlineData("JavaScript", "''", new string?[] { null, null })]
    public async Task BulkDispatchWorkflows_gives_each_child_the_correlation_id_its_function_computes_from_the_item(string type,
        string expression, string?[] expected)
    {
        var (host, parent) = await BulkAsync(Expr(type, expression, "String"));

        Assert.True(parent.SubStatus == WorkflowSubStatus.Finished, parent.Fault?.Message);
        var children = host.ChildrenOf(parent).ToList();
        Assert.Equal(expected, children.Select(c => c.CorrelationId).ToList());
        Assert.Equal([7, 8], children.Select(c => (int)((JsonObject)c.Options.Input!["Item"]!)["id"]!).ToList());
    }

    [Fact]
    public async Task Without_a_correlation_id_function_the_children_get_none_and_args_is_not_defined_elsewhere()
    {
        var (host, parent) = await BulkAsync(null);
        Assert.True(parent.SubStatus == WorkflowSubStatus.Finished, parent.Fault?.Message);
        Assert.All(host.ChildrenOf(parent), c => Assert.Null(c.CorrelationId));

        var probe = Node("probe", "Elsa.WriteLine", ("text", Expr("JavaScript", "typeof args + ' ' + typeof getItem", "String")));
        var instance = await RunAsync(Flowchart(NextId("probe"), [probe]));
        Assert.Equal(["undefined undefined"], instance.Lines);
    }

    [Fact]
    public async Task A_correlation_id_function_that_fails_on_one_item_faults_the_activity_before_any_child_is_started()
    {
        var (host, parent) = await BulkAsync(
            Expr("JavaScript", "if (args.item.id === 9) throw new Error('no id'); return 'c' + args.item.id;"),
            "[{\"id\":7},{\"id\":9}]");

        Assert.Equal(WorkflowSubStatus.Faulted, parent.SubStatus);
        Assert.Equal("bulk", parent.Fault!.ActivityId);
        Assert.Contains("no id", parent.Fault.Message);
        Assert.Empty(host.ChildrenOf(parent));
    }

    [Theory]
    [InlineData("childFinished")]
    [InlineData("ChildFaulted")]
    public void A_BulkDispatchWorkflows_child_port_publishes_and_the_activity_in_it_is_validated_like_any_other(string property)
    {
        var bulk = Bulk("somewhere", "[1]", null);
        bulk[property] = Write("inside", "per child");
        Assert.True(TestEngine.Publisher().Publish(Flowchart(NextId("ports"), [bulk])).Succeeded);

        var wrong = Bulk("somewhere", "[1]", null);
        wrong[property] = Node("inside", "Elsa.If", ("condition", Expr("Literal", "maybe", "Boolean")));
        var refused = TestEngine.Publisher().Publish(Flowchart(NextId("wrong-port"), [wrong]));
        Assert.Contains(refused.ValidationErrors, e => e.ActivityId == "inside");

        var notAnActivity = Bulk("somewhere", "[1]", null);
        notAnActivity["childFaulted"] = "per child";
        var shape = TestEngine.Publisher().Publish(Flowchart(NextId("text-port"), [notAnActivity]));
        Assert.Contains(shape.ValidationErrors, e => e.ActivityId == "bulk" && e.Message.Contains("must be an object"));
    }

    [Fact]
    public void Empty_child_ports_as_the_Studio_saves_them_and_a_literal_object_as_correlation_id_function()
    {
        var bulk = Bulk("somewhere", "[1]", null);
        bulk["childFinished"] = null;
        bulk["childFaulted"] = null;
        Assert.True(TestEngine.Publisher().Publish(Flowchart(NextId("empty-ports"), [bulk])).Succeeded);

        var objectFunction = Bulk("somewhere", "[1]", Expr("Literal", new JsonObject { ["id"] = 1 }));
        var refused = TestEngine.Publisher().Publish(Flowchart(NextId("object"), [objectFunction]));
        Assert.Contains(refused.ValidationErrors, e => e.Message.Contains("'correlationIdFunction' is not a valid String"));
    }
}
