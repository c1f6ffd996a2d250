using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// Elsa's own integration tests of child workflows (ElsaCorpus, see its README): ExecuteWorkflow, and workflows used as
/// activities (WorkflowDefinitionActivities). Every workflow file of the folder is published, the entry's definition runs
/// until it ends, and what Elsa's test asserts is asserted.
/// </summary>
public sealed class ChildWorkflowConformanceTests
{
    private static readonly string[] Folders = ["ExecuteWorkflow", "WorkflowDefinitionActivities"];

    private static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "ElsaCorpus", name);

    private static IEnumerable<JsonObject> Expectations(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder(folder), "expected.json")))!.AsArray().OfType<JsonObject>();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Folders)
        {
            foreach (var expectation in Expectations(folder))
            {
                data.Add(folder, (string)expectation["source"]!);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Elsa_child_workflow_test_gives_the_result_elsa_asserts(string folder, string source)
    {
        var expectation = Expectations(folder).Single(e => (string?)e["source"] == source);
        var expect = (JsonObject)expectation["expect"]!;
        var host = new InMemoryWorkflowHost(TestEngine.Create());
        foreach (var file in Directory.GetFiles(Folder(folder), "*.json").Where(f => Path.GetFileName(f) != "expected.json"))
        {
            var definition = WorkflowDefinition.Parse(File.ReadAllBytes(file));
            var published = TestEngine.Publisher().Publish(definition);
            Assert.True(published.Succeeded, $"{file}: " + string.Join("; ", published.ValidationErrors.Select(e => e.Message)));
            host.Publish(definition);
        }

        var run = await RunUntilEndAsync(host, (string)expectation["run"]!);

        if ((string?)expect["status"] is { } status)
        {
            Assert.Equal(status, run.Status.ToString());
        }
        if ((string?)expect["subStatus"] is { } subStatus)
        {
            Assert.Equal(subStatus, run.SubStatus.ToString());
        }
        if (expect["lines"] is JsonArray lines)
        {
            Assert.Equal(lines.Select(l => (string)l!).ToList(), host.Lines);
        }
        foreach (var line in expect["linesContain"]?.AsArray() ?? [])
        {
            Assert.Contains((string)line!, host.Lines);
        }
        if (expect["child"] is JsonObject child)
        {
            var instance = Assert.Single(host.Instances.Values, i => i.Definition.DefinitionId == (string?)child["definitionId"]);
            if ((string?)child["correlationId"] is { } correlationId)
            {
                Assert.Equal(correlationId, instance.CorrelationId);
            }
            if ((bool?)child["parentInstanceIdIsTheRun"] == true)
            {
                Assert.Equal(run.Id, instance.Options.ParentInstanceId);
                Assert.Equal(run.Id, instance.Options.Input?["ParentInstanceId"]);
            }
        }
    }

    /// <summary>Elsa's RunWorkflowUntilEndAsync: resume every bookmark of every instance until the run ends or none is left.</summary>
    private static async Task<WorkflowInstance> RunUntilEndAsync(InMemoryWorkflowHost host, string definitionId)
    {
        var run = await host.StartAsync(definitionId);
        for (var round = 0; round < 100 && run.Status != WorkflowStatus.Finished; round++)
        {
            var waiting = host.Instances.Values
                .SelectMany(i => i.Bookmarks.Where(b => b.Kind != Rake.Workflows.Abstractions.BookmarkKind.ChildWorkflow)
                    .Select(b => (Instance: i, Bookmark: b)))
                .ToList();
            if (waiting.Count == 0)
            {
                break;
            }
            foreach (var (instance, bookmark) in waiting)
            {
                await host.ResumeAsync(instance, bookmark.Id, null);
            }
        }
        return run;
    }
}
