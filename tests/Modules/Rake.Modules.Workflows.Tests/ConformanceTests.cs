using System.Text.Json;
using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// Runs every file of the Elsa conformance corpus with the harness its upstream test uses and asserts what Elsa asserts.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly string Root = SharedCorpus.Root;

    /// <summary>Corpus cases the engine does not support, with the reason. Keyed by the expectation's <c>source</c>.</summary>
    private static readonly Dictionary<string, string> Skipped = new()
    {
        ["test/integration/Elsa.Workflows.IntegrationTests/Scenarios/WorkflowOutputMapping/Tests.cs#Test1"] =
            "Needs Elsa.RunCSharp: running admin-written C# would hand .NET to a workflow author, which the sandbox rules out.",
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        // Unsupported cases are left out of the run rather than passed without running; the README lists them.
        foreach (var element in Expectations().Where(e => !Skipped.ContainsKey((string)e["source"]!)))
        {
            data.Add((string)element["source"]!);
        }
        return data;
    }

    private static IEnumerable<JsonObject> Expectations() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "expected.json")))!.AsArray().OfType<JsonObject>();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corpus_file_gives_the_result_elsa_asserts(string source)
    {
        var expectation = Expectations().Single(e => (string?)e["source"] == source);
        var definition = WorkflowDefinition.Parse(File.ReadAllBytes(Path.Combine(Root, (string)expectation["file"]!)));
        var expect = (JsonObject)expectation["expect"]!;
        Assert.Equal((string?)expectation["definitionId"], definition.DefinitionId);

        switch ((string?)expectation["harness"])
        {
            case "publish":
            {
                var failOnErrors = (bool?)expectation["config"]?["failOnValidationErrors"] ?? true;
                var result = TestEngine.Publisher().Publish(definition, failOnErrors);
                var publish = expect["publish"]!;
                Assert.Equal((bool)publish["succeeded"]!, result.Succeeded);
                Assert.Equal(
                    publish["validationErrors"]!.AsArray().Select(e => (string)e!["message"]!).ToList(),
                    result.ValidationErrors.Select(e => e.Message).ToList());
                return;
            }
            case "run-until-end" or "rest-execute":
            {
                // The component tests publish through the server, and the import in the integration tests publishes too.
                var published = TestEngine.Publisher().Publish(definition);
                Assert.True(published.Succeeded, string.Join("; ", published.ValidationErrors.Select(e => e.Message)));
                var options = new RunOptions
                {
                    FlowchartMode = (string?)expectation["runOptions"] == "token-based flowchart"
                        ? FlowchartMode.TokenBased
                        : FlowchartMode.CounterBased,
                };
                var engine = TestEngine.Create();
                var instance = (string?)expectation["harness"] == "rest-execute"
                    ? await engine.StartAsync(definition, options)
                    : await TestEngine.RunUntilEndAsync(engine, definition, options);
                AssertRun(expect, instance);
                return;
            }
            default:
                Assert.Fail($"Unknown harness {(string?)expectation["harness"]}");
                return;
        }
    }

    private static void AssertRun(JsonObject expect, WorkflowInstance instance)
    {
        if (expect["lines"] is JsonArray lines)
        {
            Assert.Equal(lines.Select(l => (string)l!).ToList(), instance.Lines);
        }
        if ((string?)expect["status"] is { } status)
        {
            Assert.Equal(status, instance.Status.ToString());
        }
        if ((string?)expect["subStatus"] is { } subStatus)
        {
            Assert.Equal(subStatus, instance.SubStatus.ToString());
        }
        if (expect["activityCompletedCount"] is JsonObject counts)
        {
            foreach (var (activityId, count) in counts)
            {
                Assert.Equal((int)count!, instance.CompletedCount(activityId));
            }
        }
        if (expect["output"] is JsonObject output)
        {
            foreach (var (name, value) in output)
            {
                Assert.True(instance.Output.TryGetValue(name, out var actual), $"Output '{name}' is missing.");
                Assert.Equal(value?.ToJsonString(), JsonSerializer.Serialize(actual));
            }
        }
    }

    [Fact]
    public void Every_skip_names_a_corpus_case()
    {
        var sources = Expectations().Select(e => (string)e["source"]!).ToHashSet();
        Assert.All(Skipped.Keys, key => Assert.Contains(key, sources));
    }
}
