using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Tests;

/// <summary>Issue 15: Elsa 3's structured activities (Sequence, If, Switch, While, For, ForEach, Break) and the small ones
/// (Complete, SetName, Correlate, SetOutput, RunJavaScript), in memory and across a save and reload of the instance.</summary>
public sealed class StructuredActivityTests
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

    private static JsonObject Write(string text) => Activity("Elsa.WriteLine", ("text", Expr("Literal", text, "String")));

    private static JsonObject WriteJs(string script) => Activity("Elsa.WriteLine", ("text", Expr("JavaScript", script, "String")));

    private static JsonObject Sequence(params JsonObject[] activities) =>
        Activity("Elsa.Sequence", ("activities", new JsonArray(activities.Cast<JsonNode?>().ToArray())));

    private static JsonObject If(JsonObject condition, JsonObject? then, JsonObject? @else = null) =>
        Activity("Elsa.If", ("condition", condition), ("then", then), ("else", @else));

    private static JsonObject ForEach(string itemsJson, JsonObject body) =>
        Activity("Elsa.ForEach", ("items", Expr("Object", itemsJson)), ("body", body));

    private static JsonObject Break() => Activity("Elsa.Break");

    /// <summary>A definition whose root is <paramref name="root"/> with numeric variables <c>n</c> and <c>seen</c>.</summary>
    private static WorkflowDefinition Definition(JsonObject root) => WorkflowDefinition.Parse(new JsonObject
    {
        ["definitionId"] = NextId("def"),
        ["variables"] = new JsonArray
        {
            new JsonObject { ["id"] = "n", ["name"] = "n", ["typeName"] = "Int32", ["value"] = "0" },
            new JsonObject { ["id"] = "seen", ["name"] = "seen", ["typeName"] = "Object" },
        },
        ["root"] = root,
    }.ToJsonString());

    private static async Task<WorkflowInstance> RunAsync(JsonObject root)
    {
        var definition = Definition(root);
        var publish = TestEngine.Publisher().Publish(definition);
        Assert.True(publish.Succeeded, string.Join("; ", publish.ValidationErrors.Select(e => e.Message)));
        return await TestEngine.Create().StartAsync(definition);
    }

    private static JsonObject Increment() => Activity("Elsa.SetVariable",
        ("variable", new JsonObject { ["id"] = "n", ["name"] = "n" }), ("value", Expr("JavaScript", "getVariable('n') + 1")));

    [Fact]
    public async Task A_sequence_runs_its_activities_in_order_and_completes_the_workflow()
    {
        var instance = await RunAsync(Sequence(Write("one"), Write("two"), Write("three")));

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["one", "two", "three"], instance.Lines);
    }

    [Theory]
    [InlineData("JavaScript", "getVariable('n') == 0", "then")]
    [InlineData("JavaScript", "1 > 2", "else")]
    [InlineData("Literal", "true", "then")]
    [InlineData("Literal", "False", "else")]
    public async Task If_runs_then_or_else_by_its_condition(string type, string condition, string expected)
    {
        var instance = await RunAsync(Sequence(If(Expr(type, condition, "Boolean"), Write("then"), Write("else")), Write("after")));

        Assert.Equal([expected, "after"], instance.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task If_without_the_branch_it_takes_completes_and_its_result_is_the_condition()
    {
        var @if = If(Expr("Literal", false), Write("then"));
        var instance = await RunAsync(Sequence(@if, WriteJs("'result ' + getOutputFrom('" + @if["id"] + "')")));

        Assert.Equal(["result false"], instance.Lines);
    }

    [Fact]
    public async Task If_in_a_flowchart_continues_on_done()
    {
        var @if = If(Expr("Literal", true), Write("inside"));
        var after = Write("after");
        var root = Activity("Elsa.Flowchart",
            ("activities", new JsonArray(@if, after)),
            ("connections", new JsonArray(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = @if["id"]!.GetValue<string>(), ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = after["id"]!.GetValue<string>(), ["port"] = "In" },
            })));

        var instance = await RunAsync(root);

        Assert.Equal(["inside", "after"], instance.Lines);
    }

    [Fact]
    public async Task While_runs_its_body_until_the_condition_turns_false()
    {
        var loop = Activity("Elsa.While", ("condition", Expr("JavaScript", "getVariable('n') < 3", "Boolean")),
            ("body", Sequence(Increment(), WriteJs("'round ' + getVariable('n')"))));

        var instance = await RunAsync(Sequence(loop, Write("after")));

        Assert.Equal(["round 1", "round 2", "round 3", "after"], instance.Lines);
        Assert.Equal(3, instance.Variables["n"]);
    }

    [Theory]
    [InlineData(1, 5, 2, true, "1,3,5")]
    [InlineData(1, 5, 2, false, "1,3")]
    [InlineData(3, 1, -1, true, "3,2,1")]
    [InlineData(3, 1, -1, false, "3,2")]
    [InlineData(5, 1, 1, true, "")]
    public async Task For_counts_from_start_to_end_by_step(int start, int end, int step, bool inclusive, string expected)
    {
        var loop = Activity("Elsa.For",
            ("start", Expr("Literal", start.ToString(System.Globalization.CultureInfo.InvariantCulture), "Int32")),
            ("end", Expr("Literal", end, "Int32")),
            ("step", Expr("Literal", step, "Int32")),
            ("outerBoundInclusive", Expr("Literal", inclusive, "Boolean")),
            ("body", WriteJs("String(getCurrentValue())")));

        var instance = await RunAsync(loop);

        Assert.Equal(expected, string.Join(",", instance.Lines));
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task For_writes_its_current_value_to_the_bound_variable()
    {
        var loop = Activity("Elsa.For", ("start", Expr("Literal", 1)), ("end", Expr("Literal", 3)),
            ("currentValue", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "n" } }),
            ("body", WriteJs("'n=' + getVariable('n')")));

        var instance = await RunAsync(loop);

        Assert.Equal(["n=1", "n=2", "n=3"], instance.Lines);
    }

    [Fact]
    public async Task ForEach_runs_its_body_once_per_item_one_after_another()
    {
        var loop = ForEach("""["a", 2, true]""",
            Sequence(WriteJs("'first ' + getCurrentValue()"), WriteJs("'second ' + getCurrentValue()")));

        var instance = await RunAsync(Sequence(loop, Write("after")));

        Assert.Equal(["first a", "second a", "first 2", "second 2", "first true", "second true", "after"], instance.Lines);
    }

    [Fact]
    public async Task ForEach_takes_items_from_a_script_and_an_empty_list_runs_nothing()
    {
        var fromScript = Activity("Elsa.ForEach", ("items", Expr("JavaScript", "[10, 20].map(x => x + 1)")),
            ("body", WriteJs("String(getCurrentValue())")));
        var empty = ForEach("[]", Write("never"));

        var instance = await RunAsync(Sequence(fromScript, empty));

        Assert.Equal(["11", "21"], instance.Lines);
    }

    [Fact]
    public async Task Break_ends_the_loop_after_the_current_round()
    {
        var body = Sequence(If(Expr("JavaScript", "getCurrentValue() == 3", "Boolean"), Break()), WriteJs("String(getCurrentValue())"));

        var instance = await RunAsync(Sequence(ForEach("[1,2,3,4,5]", body), Write("after")));

        Assert.Equal(["1", "2", "after"], instance.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task Break_in_a_nested_loop_ends_only_the_inner_loop()
    {
        var inner = Activity("Elsa.For", ("start", Expr("Literal", 1)), ("end", Expr("Literal", 3)),
            ("body", Sequence(If(Expr("JavaScript", "getCurrentValue() == 2", "Boolean"), Break()),
                WriteJs("'inner ' + getCurrentValue()"))));
        var outer = ForEach("""["x","y"]""",
            Sequence(WriteJs("'outer ' + getCurrentValue()"), inner, WriteJs("'end ' + getCurrentValue()")));

        var instance = await RunAsync(outer);

        Assert.Equal(["outer x", "inner 1", "end x", "outer y", "inner 1", "end y"], instance.Lines);
    }

    [Fact]
    public async Task Break_inside_a_while_stops_an_otherwise_endless_loop()
    {
        var loop = Activity("Elsa.While", ("condition", Expr("Literal", true)),
            ("body", Sequence(Increment(), If(Expr("JavaScript", "getVariable('n') >= 4", "Boolean"), Break()), Write("round"))));

        var instance = await RunAsync(loop);

        Assert.Equal(3, instance.Lines.Count);
        Assert.Equal(4, instance.Variables["n"]);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
    }

    [Fact]
    public async Task A_loop_that_never_ends_faults_at_the_round_limit()
    {
        var loop = Activity("Elsa.While", ("condition", Expr("Literal", true)), ("body", Write("round")));

        var instance = await RunAsync(Sequence(loop, Write("never")));

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Equal(loop["id"]!.GetValue<string>(), instance.Fault!.ActivityId);
        Assert.Contains("100000 rounds", instance.Fault.Message);
        Assert.Equal(100_000, instance.Lines.Count);
    }

    /// <summary>Elsa's BreakTests.Break_ExitsWhileLoop (BreakWhileWorkflow), transcribed to JSON; Elsa asserts these lines.</summary>
    [Fact]
    public async Task Elsa_break_exits_while_loop()
    {
        var loop = Activity("Elsa.While", ("condition", Expr("Literal", true, "Boolean")),
            ("body", Sequence(Increment(), If(Expr("JavaScript", "getVariable('n') == 3", "Boolean"), Break()),
                WriteJs("String(getVariable('n'))"))));

        var instance = await RunAsync(Sequence(Write("Start"), loop, Write("End")));

        Assert.Equal(["Start", "1", "2", "End"], instance.Lines);
    }

    /// <summary>Elsa's BreakTests.Break_ExitsOnlyImmediateLoopInNestedForEach (NestedForEachWithBreakWorkflow), transcribed:
    /// the current values bound to variables, as Elsa's workflow binds them.</summary>
    [Fact]
    public async Task Elsa_break_exits_only_the_immediate_loop_in_nested_for_each()
    {
        static JsonObject Bound(string variable) =>
            new() { ["typeName"] = "String", ["memoryReference"] = new JsonObject { ["id"] = variable } };
        var inner = Activity("Elsa.ForEach", ("items", Expr("Object", """["Classes","Functions","Modules"]""")),
            ("currentValue", Bound("seen")),
            ("body", Sequence(If(Expr("JavaScript", "getVariable('seen') == 'Functions'", "Boolean"), Break()),
                Activity("Elsa.WriteLine", ("text", Expr("Variable", "seen", "String"))))));
        var outer = Activity("Elsa.ForEach", ("items", Expr("Object", """["C#","Rust","Go"]""")),
            ("currentValue", Bound("n")),
            ("body", Sequence(Activity("Elsa.WriteLine", ("text", Expr("Variable", "n", "String"))), inner)));

        var instance = await RunAsync(outer);

        Assert.Equal(["C#", "Classes", "Rust", "Classes", "Go", "Classes"], instance.Lines);
    }

    private static JsonObject Case(string label, JsonNode? condition, JsonObject activity) => new()
    {
        ["label"] = label,
        ["condition"] = condition is JsonObject o ? o : new JsonObject { ["type"] = "JavaScript", ["value"] = condition },
        ["activity"] = activity,
    };

    [Theory]
    [InlineData("MatchFirst", "getVariable('n') == 0", "first")]
    [InlineData("MatchAny", "getVariable('n') == 0", "first,second")]
    [InlineData("MatchFirst", "false", "default")]
    public async Task Switch_runs_the_matching_cases_or_the_default(string mode, string condition, string expected)
    {
        var @switch = Activity("Elsa.Switch", ("mode", Expr("Literal", mode, "SwitchMode")),
            ("cases", new JsonArray(
                Case("First", condition, Write("first")),
                Case("Never", new JsonObject { ["type"] = "Literal", ["value"] = false }, Write("never")),
                Case("Second", new JsonObject { ["type"] = "Literal", ["value"] = condition != "false" }, Write("second")))),
            ("default", Write("default")));

        var instance = await RunAsync(Sequence(@switch, Write("after")));

        Assert.Equal(expected + ",after", string.Join(",", instance.Lines));
    }

    [Fact]
    public async Task Complete_inside_a_loop_ends_the_whole_workflow()
    {
        var body = Sequence(WriteJs("String(getCurrentValue())"), If(Expr("JavaScript", "getCurrentValue() == 2", "Boolean"),
            Activity("Elsa.Complete", ("outcomes", Expr("Object", """["Approved"]""")))));

        var instance = await RunAsync(Sequence(ForEach("[1,2,3]", body), Write("never")));

        Assert.Equal(["1", "2"], instance.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Contains(instance.Journal, e => e.ActivityType == "Elsa.Complete" && e.Message == "Approved");
    }

    [Fact]
    public async Task SetName_Correlate_SetOutput_and_RunJavaScript_do_what_Elsa_does()
    {
        var script = Activity("Elsa.RunJavaScript", ("script", Expr("Literal", "const x = [1, 2, 3]; return x.length * 2;", "String")),
            ("result", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "seen" } }));
        var instance = await RunAsync(Sequence(
            Activity("Elsa.SetName", ("value", Expr("Literal", "Toukokuun kokous", "String"))),
            Activity("Elsa.Correlate", ("correlationId", Expr("JavaScript", "'case-' + (40 + 2)", "String"))),
            script,
            Activity("Elsa.SetOutput", ("outputName", Expr("Literal", "Total", "String")),
                ("outputValue", Expr("JavaScript", "getVariable('seen') + 1"))),
            WriteJs("getWorkflowInstanceName() + ' ' + getCorrelationId() + ' ' + getLastResult()")));

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal("Toukokuun kokous", instance.Name);
        Assert.Equal("case-42", instance.CorrelationId);
        Assert.Equal(6, Convert.ToInt32(instance.Variables["seen"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(7, Convert.ToInt32(instance.Output["Total"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["Toukokuun kokous case-42 6"], instance.Lines);
    }

    [Fact]
    public async Task A_script_error_in_RunJavaScript_faults_the_activity()
    {
        var script = Activity("Elsa.RunJavaScript", ("script", Expr("Literal", "throw new Error('nope')", "String")));

        var instance = await RunAsync(Sequence(script, Write("never")));

        Assert.Equal(WorkflowSubStatus.Faulted, instance.SubStatus);
        Assert.Equal(script["id"]!.GetValue<string>(), instance.Fault!.ActivityId);
        Assert.Empty(instance.Lines);
    }

    /// <summary>Saves and reloads the instance as the runtime does between a suspension and a resume (a restart).</summary>
    private static WorkflowInstance Reload(WorkflowInstance instance, out WorkflowEngine engine)
    {
        engine = TestEngine.Create();
        var state = InstanceStateSerializer.Serialize(instance);
        var journal = InstanceStateSerializer.SerializeJournal(instance);
        var definition = WorkflowDefinition.Parse(instance.Definition.ToJson());
        return InstanceStateSerializer.Deserialize(instance.Id, definition, state, journal, engine);
    }

    [Fact]
    public async Task A_bookmark_inside_a_loop_body_resumes_round_by_round_after_each_reload()
    {
        var wait = Activity("Elsa.Event", ("eventName", Expr("Literal", "approved", "String")));
        var body = Sequence(WriteJs("'before ' + getCurrentValue()"),
            If(Expr("JavaScript", "getCurrentValue() == 'c'", "Boolean"), Break()), wait, WriteJs("'after ' + getCurrentValue()"));
        var root = Sequence(Activity("Elsa.For", ("start", Expr("Literal", 1)), ("end", Expr("Literal", 2)),
            ("body", ForEach("""["a","b","c","d"]""", body))), Write("done"));
        var definition = Definition(root);
        Assert.True(TestEngine.Publisher().Publish(definition).Succeeded);

        var instance = await TestEngine.Create().StartAsync(definition);
        var resumes = 0;
        while (instance.SubStatus == WorkflowSubStatus.Suspended)
        {
            var bookmark = Assert.Single(instance.Bookmarks);
            instance = Reload(instance, out var engine);
            await engine.ResumeAsync(instance, bookmark.Id, null);
            resumes++;
        }

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(4, resumes);
        string[] round = ["before a", "after a", "before b", "after b", "before c"];
        Assert.Equal([.. round, .. round, "done"], instance.Lines);
    }

    [Fact]
    public async Task A_bookmark_in_a_switch_case_and_in_a_while_body_resumes_after_a_reload()
    {
        var @switch = Activity("Elsa.Switch", ("cases", new JsonArray(Case("Wait", "getVariable('n') < 2",
            Activity("Elsa.Event", ("eventName", Expr("Literal", "go", "String")))))));
        var loop = Activity("Elsa.While", ("condition", Expr("JavaScript", "getVariable('n') < 3", "Boolean")),
            ("body", Sequence(@switch, Increment(), WriteJs("'n=' + getVariable('n')"))));
        var definition = Definition(loop);
        var instance = await TestEngine.Create().StartAsync(definition);

        for (var i = 0; i < 2; i++)
        {
            Assert.True(instance.SubStatus == WorkflowSubStatus.Suspended, $"round {i}: {instance.SubStatus} {instance.Fault?.Message}");
            var bookmark = Assert.Single(instance.Bookmarks);
            instance = Reload(instance, out var engine);
            await engine.ResumeAsync(instance, bookmark.Id, null);
        }

        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal(["n=1", "n=2", "n=3"], instance.Lines);
    }

    [Theory]
    [InlineData("Elsa.If", "condition", "\"maybe\"", "Boolean")]
    [InlineData("Elsa.For", "start", "\"one\"", "Int32")]
    [InlineData("Elsa.For", "step", "1.5", "Int32")]
    [InlineData("Elsa.ForEach", "items", "\"not a list\"", "JsonArray")]
    [InlineData("Elsa.While", "condition", "{\"a\":1}", "Boolean")]
    [InlineData("Elsa.Switch", "mode", "\"MatchSome\"", "SwitchMode")]
    public void A_wrong_input_type_is_refused_naming_the_activity_and_the_input(string type, string input, string literal, string typeName)
    {
        var activity = Activity(type, (input, new JsonObject
        {
            ["typeName"] = "Object",
            ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = JsonNode.Parse(literal) },
        }));
        activity["name"] = "Broken";

        var result = TestEngine.Publisher().Publish(Definition(Sequence(activity)));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(activity["id"]!.GetValue<string>(), error.ActivityId);
        Assert.Contains($"'Broken' ('{activity["id"]}'): input '{input}' is not a valid {typeName}", error.Message);
    }

    [Fact]
    public void Malformed_switch_cases_and_a_script_given_as_an_expression_are_refused()
    {
        var notList = Activity("Elsa.Switch", ("cases", "First"));
        var badCase = Activity("Elsa.Switch", ("cases", new JsonArray(new JsonObject { ["label"] = "x", ["condition"] = true })));
        var script = Activity("Elsa.RunJavaScript", ("script", Expr("JavaScript", "1 + 1", "String")));

        var result = TestEngine.Publisher().Publish(Definition(Sequence(notList, badCase, script)));

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.ValidationErrors.Count);
        Assert.Contains(result.ValidationErrors, e => e.ActivityId == notList["id"]!.GetValue<string>() && e.Message.Contains("'cases'"));
        Assert.Contains(result.ValidationErrors, e => e.ActivityId == badCase["id"]!.GetValue<string>() && e.Message.Contains("case 0"));
        Assert.Contains(result.ValidationErrors, e => e.ActivityId == script["id"]!.GetValue<string>() && e.Message.Contains("'script'"));
    }

    [Fact]
    public void Children_in_ports_are_validated_like_any_other_activity()
    {
        var result = TestEngine.Publisher().Publish(Definition(If(Expr("Literal", true), Activity("Elsa.Nope"),
            Activity("Elsa.Switch", ("cases", new JsonArray(Case("x", "true", Activity("Elsa.Missing"))))))));

        Assert.Equal(2, result.ValidationErrors.Count);
        Assert.All(result.ValidationErrors, e => Assert.Contains("unknown type", e.Message));
    }

    [Fact]
    public void The_structured_activities_are_registered_under_their_Elsa_names()
    {
        string[] names =
        [
            "Elsa.Sequence", "Elsa.If", "Elsa.Switch", "Elsa.While", "Elsa.For", "Elsa.ForEach", "Elsa.Break", "Elsa.Complete",
            "Elsa.SetName", "Elsa.Correlate", "Elsa.SetOutput", "Elsa.RunJavaScript",
        ];
        Assert.All(names, name => Assert.NotNull(ActivityRegistry.Default.Find(name, 1)));
        Assert.Equal(["start", "end", "step", "outerBoundInclusive"],
            ActivityRegistry.Default.Find("Elsa.For", 1)!.Inputs.Select(i => i.Name));
    }
}
