using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;

namespace Rake.Modules.Workflows.Tests;

public sealed class DefinitionTests
{
    private static string Corpus(string file) => SharedCorpus.Workflow(file);

    [Fact]
    public void A_round_trip_keeps_designer_metadata_and_unknown_properties()
    {
        var original = JsonNode.Parse(File.ReadAllText(Corpus("joinbehaviors-fork-decision-join-waitall.json")))!;
        var definition = WorkflowDefinition.Parse(File.ReadAllBytes(Corpus("joinbehaviors-fork-decision-join-waitall.json")));

        var written = JsonNode.Parse(definition.ToJson())!;

        Assert.True(JsonNode.DeepEquals(original, written));
        Assert.NotNull(written["root"]!["activities"]![0]!["metadata"]!["designer"]!["position"]);
        Assert.Equal("https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json", (string?)written["$schema"]);
    }

    [Fact]
    public void Both_connection_formats_and_a_bom_are_read()
    {
        var old = WorkflowDefinition.Parse(File.ReadAllBytes(Corpus("flowchartcompletion-workflow1.json")));
        Assert.Equal("WriteLine1", old.Root.StartId);
        Assert.Contains(new Connection("WriteLine1", "Done", "WriteLine2", "In"), old.Root.Connections);

        var bom = WorkflowDefinition.Parse(File.ReadAllBytes(Corpus("importandpublish-timer-workflow.json")));
        Assert.Equal("d1d828033d9c2dcd", bom.DefinitionId);
        Assert.Single(bom.Root.Connections);
    }

    [Fact]
    public void Variables_are_parsed()
    {
        var definition = WorkflowDefinition.Parse(File.ReadAllBytes(Corpus("importandexecute-implicit-loop.json")));
        var variable = Assert.Single(definition.Variables);
        Assert.Equal(("Counter", "Int32"), (variable.Name, variable.TypeName));
    }

    [Fact]
    public void Malformed_json_is_reported()
    {
        var ex = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinition.Parse("{ \"root\": "));
        Assert.Contains("malformed", ex.Message);
    }
}
