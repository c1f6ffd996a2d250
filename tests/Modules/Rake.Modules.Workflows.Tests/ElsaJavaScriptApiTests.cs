using System.Text;
using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Expressions;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// Elsa 3's JavaScript functions, each checked against what Elsa's own tests assert (elsa-core
/// test/integration/Elsa.JavaScript.IntegrationTests, the JavaScriptFunctions scenario and the JavaScriptVariables
/// component tests). docs/elsa-javascript.md lists them all with Rake's status.
/// </summary>
public sealed class ElsaJavaScriptApiTests
{
    private sealed class ApiScope : IJavaScriptScope
    {
        public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal) { ["MyVar"] = 100, ["MyVariable"] = 42 };
        public Dictionary<string, object?> Inputs { get; } = new(StringComparer.Ordinal) { ["Amount"] = 250 };
        public Dictionary<string, Dictionary<string, object?>> Outputs { get; } = new(StringComparer.Ordinal);
        public IEnumerable<string> VariableNames => Variables.Keys;
        public object? GetVariable(string name) => Variables.GetValueOrDefault(name);
        public void SetVariable(string name, object? value) => Variables[name] = value;
        public object? GetInput(string name) => Inputs.GetValueOrDefault(name);
        public object? CurrentValue => null;
        public string WorkflowInstanceId => "instance-7";
        public IEnumerable<string> InputNames => ["Amount", "Missing"];
        public string WorkflowDefinitionId => "meeting-flow";
        public string WorkflowDefinitionVersionId => "meeting-flow-v3";
        public int WorkflowDefinitionVersion => 3;
        public string? CorrelationId { get; set; }
        public string? WorkflowInstanceName { get; set; }
        public object? GetOutputFrom(string activityIdOrName, string? outputName) =>
            Outputs.TryGetValue(activityIdOrName, out var outputs) ? outputs.GetValueOrDefault(outputName ?? "Result") : null;
        public object? LastResult => "last";
    }

    private static readonly JavaScriptSandbox Sandbox = new(new JavaScriptOptions());

    private static object? Run(string script, ApiScope? scope = null) => Sandbox.Evaluate(script, scope ?? new ApiScope());

    [Fact]
    public void Every_function_without_arguments_runs()
    {
        // Elsa's smoke test: every function that takes no argument, the result serialised with toJson.
        var json = Assert.IsType<string>(Run("""
            var results = {
              workflowDefId: getWorkflowDefinitionId(), workflowDefVersionId: getWorkflowDefinitionVersionId(),
              workflowDefVersion: getWorkflowDefinitionVersion(), workflowInstanceId: getWorkflowInstanceId(),
              correlationId: getCorrelationId(), workflowName: getWorkflowInstanceName(),
              newGuidValue: newGuid(), newGuidStringValue: newGuidString(), newShortGuidValue: newShortGuid(),
              getGuidStringValue: getGuidString(), getShortGuidValue: getShortGuid(),
              isNullOrWhiteSpaceEmpty: isNullOrWhiteSpace(''), isNullOrEmptyText: isNullOrEmpty('text'),
              toJsonValue: toJson({ key: 'value' }), stringToBase64Value: stringToBase64('test'),
              bytesToStringValue: bytesToString([72, 101, 108, 108, 111]), bytesToBase64Value: bytesToBase64([72, 101, 108, 108, 111]),
            };
            return toJson(results);
            """));
        var parsed = JsonNode.Parse(json)!;
        Assert.Equal("meeting-flow", (string?)parsed["workflowDefId"]);
        Assert.Equal("meeting-flow-v3", (string?)parsed["workflowDefVersionId"]);
        Assert.Equal(3, (int?)parsed["workflowDefVersion"]);
        Assert.Equal("instance-7", (string?)parsed["workflowInstanceId"]);
        Assert.Equal("Hello", (string?)parsed["bytesToStringValue"]);
        Assert.Equal("SGVsbG8=", (string?)parsed["bytesToBase64Value"]);
        Assert.Equal("dGVzdA==", (string?)parsed["stringToBase64Value"]);
        Assert.Equal("{\"key\":\"value\"}", (string?)parsed["toJsonValue"]);
    }

    [Fact]
    public void Guid_functions_return_valid_formats()
    {
        var result = Assert.IsAssignableFrom<JsonObject>(Run("""
            ({ guid: newGuid().toString(), guidString: newGuidString(), shortGuid: newShortGuid(),
               parsedGuid: parseGuid('12345678-1234-1234-1234-123456789ABC').toString(), old: getGuidString() })
            """));
        const string pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
        Assert.Matches(pattern, (string)result["guid"]!);
        Assert.Matches(pattern, (string)result["guidString"]!);
        Assert.Matches(pattern, (string)result["old"]!);
        Assert.InRange(((string)result["shortGuid"]!).Length, 19, 22);
        Assert.DoesNotMatch("[/+=]", (string)result["shortGuid"]!);
        Assert.Equal("12345678-1234-1234-1234-123456789abc", (string?)result["parsedGuid"]);
        Assert.NotEqual(Run("newGuid()"), Run("newGuid()"));
        Assert.Contains("not a GUID", Assert.Throws<ScriptErrorException>(() => Run("parseGuid('nope')")).Message);
        Assert.Equal("caught", Run("try { parseGuid('nope'); } catch (e) { 'caught' }"));
    }

    [Theory]
    [InlineData("var original = 'Hello, World!'; var base64 = stringToBase64(original); return stringFromBase64(base64) === original;")]
    [InlineData("var original = bytesFromString('Hello'); var decoded = bytesFromBase64(bytesToBase64(original)); "
        + "return bytesToString(decoded) === 'Hello';")]
    [InlineData("return stringFromBase64(stringToBase64('Äänestys ✓ 🗳')) === 'Äänestys ✓ 🗳';")]
    public void Encoding_functions_round_trip(string script) => Assert.Equal(true, Run(script));

    [Fact]
    public void Bytes_and_base64_match_dotnet()
    {
        const string data = "Hello World!";
        var bytes = Encoding.UTF8.GetBytes(data);
        var scope = new ApiScope { Variables = { ["Data"] = data, ["Encoded"] = Convert.ToBase64String(bytes) } };
        Assert.Equal(Convert.ToBase64String(bytes), Run("stringToBase64(getData())", scope));
        Assert.Equal(data, Run("stringFromBase64(getEncoded())", scope));
        Assert.Equal(JsonSerializerArray(bytes), Assert.IsAssignableFrom<JsonArray>(Run("bytesFromString(getData())",
            scope)).ToJsonString());
        Assert.Equal(JsonSerializerArray(bytes), Assert.IsAssignableFrom<JsonArray>(Run("bytesFromBase64(getEncoded())",
            scope)).ToJsonString());
        Assert.Equal(Convert.ToBase64String(bytes), Run("bytesToBase64(bytesFromString(getData()))", scope));
        Assert.Equal(data, Run("bytesToString(bytesFromString(getData()))", scope));
        Assert.Throws<ScriptErrorException>(() => Run("stringFromBase64('not base64!')"));
        Assert.Throws<ScriptErrorException>(() => Run("bytesToString([300])"));
        Assert.Throws<ScriptErrorException>(() => Run("bytesToString('text')"));
    }

    private static string JsonSerializerArray(byte[] bytes) => "[" + string.Join(",", bytes) + "]";

    [Theory]
    [InlineData("setVariable('MyVar', 200); return getVariable('MyVar');", 200, "MyVar")]
    [InlineData("setMyVariable(999); return getMyVariable();", 999, "MyVariable")]
    [InlineData("variables.MyVar = 300; return variables.MyVar;", 300, "MyVar")]
    [InlineData("setVariable('MyVar', 5); return variables.MyVar;", 5, "MyVar")]
    [InlineData("variables.MyVar = 6; return getMyVar();", 6, "MyVar")]
    public void Variable_setters_update_and_getters_read(string script, int expected, string variable)
    {
        var scope = new ApiScope();
        Assert.Equal(expected, Run(script, scope));
        Assert.Equal(expected, scope.Variables[variable]);
    }

    [Fact]
    public void The_variables_object_writes_back_objects_changed_in_place_and_new_names()
    {
        var scope = new ApiScope { Variables = { ["List"] = new JsonArray(1, 2) } };
        Assert.Equal(3, Run("variables.List.push(3); variables.Added = { ok: true }; variables.List.length", scope));
        Assert.Equal("[1,2,3]", Assert.IsAssignableFrom<JsonNode>(scope.Variables["List"]).ToJsonString());
        Assert.Equal("{\"ok\":true}", Assert.IsAssignableFrom<JsonNode>(scope.Variables["Added"]).ToJsonString());
        Assert.Equal("MyVar,MyVariable,List,Added", Run("Object.keys(variables).join(',')", scope));
    }

    [Fact]
    public void Workflow_input_accessors_exist_for_declared_inputs()
    {
        Assert.Equal(250, Run("getAmount()"));
        Assert.Null(Run("getMissing()"));
        Assert.Equal(250, Run("getInput('Amount')"));
        Assert.Equal("undefined", Run("typeof getUndeclared"));
    }

    [Theory]
    [InlineData("setCorrelationId('my-correlation-id'); return getCorrelationId();", "my-correlation-id")]
    [InlineData("setWorkflowInstanceName('My Custom Workflow Name'); return getWorkflowInstanceName();", "My Custom Workflow Name")]
    public void Workflow_mutators_update_the_instance(string script, string expected)
    {
        var scope = new ApiScope();
        Assert.Equal(expected, Run(script, scope));
        Assert.Equal(expected, scope.CorrelationId ?? scope.WorkflowInstanceName);
    }

    [Fact]
    public void String_utilities_follow_dotnet()
    {
        var result = Assert.IsAssignableFrom<JsonObject>(Run("""
            ({ a: isNullOrWhiteSpace(''), b: isNullOrWhiteSpace('   '), c: isNullOrWhiteSpace('text'),
               d: isNullOrEmpty(''), e: isNullOrEmpty('   '), f: isNullOrEmpty('text'),
               g: isNullOrEmpty(null), h: isNullOrWhiteSpace(undefined), i: isNullOrEmpty() })
            """));
        Assert.Equal("{\"a\":true,\"b\":true,\"c\":false,\"d\":true,\"e\":false,\"f\":false,\"g\":true,\"h\":true,\"i\":true}",
            result.ToJsonString());
    }

    [Fact]
    public void ToJson_serialises_objects_and_keeps_unicode()
    {
        var json = Assert.IsType<string>(Run("toJson({ name: 'Test', value: 42, nested: { inner: true } })"));
        Assert.Equal("{\"name\":\"Test\",\"value\":42,\"nested\":{\"inner\":true}}", json);
        const string text = "Hyvinvointialue ÅÄÖ åäö € ✓ 日本語 🙂";
        var scope = new ApiScope { Variables = { ["Payload"] = new JsonObject { ["Text"] = text } } };
        var serialized = Assert.IsType<string>(Run("toJson(getPayload())", scope));
        Assert.Equal(text, (string?)JsonNode.Parse(serialized)!["Text"]);
        Assert.Contains("ÅÄÖ", serialized); // letters are not escaped, as with Elsa's encoder
        Assert.Equal("null", Run("toJson(undefined)"));
        Assert.Equal("\"a\"", Run("toJson('a')"));
        Assert.Equal("\"\\u003Cb\\u003E\"", Run("toJson('<b>')"));
    }

    [Fact]
    public void Outputs_of_earlier_activities_and_the_last_result_are_readable()
    {
        var scope = new ApiScope();
        scope.Outputs["decide"] = new() { ["Result"] = true, ["Score"] = 7 };
        Assert.Equal(true, Run("getOutputFrom('decide')", scope));
        Assert.Equal(7, Run("getOutputFrom('decide', 'Score')", scope));
        Assert.Null(Run("getOutputFrom('unknown')", scope));
        Assert.Equal("last", Run("getLastResult()", scope));
    }

    /// <summary>Elsa's JavaScriptVariables component tests: three ways to set a variable, the value 42 kept by the run.</summary>
    [Theory]
    [InlineData("setMagicNumber(42)")]
    [InlineData("variables.MagicNumber = 42")]
    [InlineData("setVariable('MagicNumber', 42)")]
    public async Task A_variable_set_from_a_script_is_kept_by_the_workflow(string script)
    {
        var instance = await TestEngine.Create().StartAsync(WorkflowDefinition.Parse(Definition(script)));
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(42, instance.Variables["MagicNumber"]);
    }

    [Fact]
    public async Task The_workflow_context_functions_read_and_change_the_running_instance()
    {
        const string script = """
            setCorrelationId('case-' + getMagicNumber()); setWorkflowInstanceName('Meeting ' + getWorkflowDefinitionVersion());
            [getWorkflowDefinitionId(), getWorkflowDefinitionVersionId(), getWorkflowInstanceId().length > 0, getApplicant(),
             getOutputFrom('first'), getLastResult(), getResultFromWaitForGo(), getOutputFrom('WaitForGo')].join('|')
            """;
        var options = new RunOptions { Input = new Dictionary<string, object?> { ["Applicant"] = "Aino" } };
        var engine = TestEngine.Create();
        var instance = await engine.StartAsync(WorkflowDefinition.Parse(Definition(script, firstWaitsForEvent: true)), options);
        await engine.ResumeAsync(instance, instance.Bookmarks.Single().Id, "set by first");
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal("case-3", instance.CorrelationId);
        Assert.Equal("Meeting 2", instance.Name);
        Assert.Equal("js-api|js-api-v2|true|Aino|set by first|set by first|set by first|set by first", instance.Variables["Seen"]);
    }

    /// <summary>An activity "first", then a SetVariable of Seen to the script; "first" may be an Event (its result an output).</summary>
    private static string Definition(string script, bool firstWaitsForEvent = false)
    {
        var activities = new JsonArray
        {
            firstWaitsForEvent
                ? new JsonObject
                {
                    ["id"] = "first", ["name"] = "WaitForGo", ["type"] = "Elsa.Event", ["version"] = 1,
                    ["eventName"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal",
                        ["value"] = "go" } },
                }
                : new JsonObject
                {
                    ["id"] = "first", ["type"] = "Elsa.SetVariable", ["version"] = 1,
                    ["variable"] = new JsonObject { ["id"] = "Unused", ["name"] = "Unused" },
                    ["value"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal",
                        ["value"] = "x" } },
                },
            new JsonObject
            {
                ["id"] = "script", ["type"] = "Elsa.SetVariable", ["version"] = 1,
                ["variable"] = new JsonObject { ["id"] = "Seen", ["name"] = "Seen" },
                ["value"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "JavaScript",
                    ["value"] = script } },
            },
        };
        var json = new JsonObject
        {
            ["id"] = "js-api-v2",
            ["definitionId"] = "js-api",
            ["name"] = "JavaScript API",
            ["version"] = 2,
            ["inputs"] = new JsonArray { new JsonObject { ["name"] = "Applicant", ["type"] = "String" } },
            ["variables"] = new JsonArray
            {
                new JsonObject { ["id"] = "MagicNumber", ["name"] = "MagicNumber", ["typeName"] = "Int32", ["value"] = "3" },
                new JsonObject { ["id"] = "Seen", ["name"] = "Seen", ["typeName"] = "Object" },
                new JsonObject { ["id"] = "Unused", ["name"] = "Unused", ["typeName"] = "Object" },
            },
            ["root"] = new JsonObject
            {
                ["id"] = "flow",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = activities,
                ["connections"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["source"] = new JsonObject { ["activity"] = "first", ["port"] = "Done" },
                        ["target"] = new JsonObject { ["activity"] = "script", ["port"] = "In" },
                    },
                },
            },
        };
        return json.ToJsonString();
    }
}
