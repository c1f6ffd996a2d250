using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Tests;

/// <summary>What the engine keeps between runs instead of reading or building it again (docs/adr/0192).</summary>
public sealed class EngineCacheTests
{
    private const string Flow = """
        {"definitionId":"cache-test","name":"Cache test","version":1,
         "variables":[{"id":"count","name":"count","typeName":"Int32","value":"0"}],
         "root":{"id":"flow","type":"Elsa.Flowchart","version":1,"activities":[
           {"id":"start","type":"Elsa.Start","version":1},
           {"id":"set","type":"Elsa.SetVariable","version":1,"variable":{"id":"count","name":"count"},
            "value":{"typeName":"Object","expression":{"type":"JavaScript","value":"getVariable('count') + 1"}}},
           {"id":"decide","type":"Elsa.FlowDecision","version":1,
            "condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":"getVariable('count') == 1"}}},
           {"id":"wait","type":"Elsa.Event","version":1,"eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}}},
           {"id":"no","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"Literal","value":"no"}}},
           {"id":"end","type":"Elsa.End","version":1}],
          "connections":[
           {"source":{"activity":"start","port":"Done"},"target":{"activity":"set","port":"In"}},
           {"source":{"activity":"set","port":"Done"},"target":{"activity":"decide","port":"In"}},
           {"source":{"activity":"decide","port":"True"},"target":{"activity":"wait","port":"In"}},
           {"source":{"activity":"decide","port":"False"},"target":{"activity":"no","port":"In"}},
           {"source":{"activity":"wait","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """;

    [Fact]
    public void A_stored_version_is_parsed_once_and_again_when_its_text_changes()
    {
        var version = new WorkflowDefinitionVersion { Id = Guid.NewGuid(), DefinitionId = "cache-test", Version = 1, Json = Flow };

        var first = PublishedDefinitions.Get(version);
        Assert.Same(first, PublishedDefinitions.Get(version));

        var renamed = JsonNode.Parse(Flow)!;
        renamed["name"] = "Renamed";
        version.Json = renamed.ToJsonString();
        var second = PublishedDefinitions.Get(version);
        Assert.NotSame(first, second);
        Assert.Equal("Renamed", second.Name);

        // Another version with the same text is its own entry: an entry is never found by text alone.
        var other = new WorkflowDefinitionVersion { Id = Guid.NewGuid(), DefinitionId = "cache-test", Version = 2, Json = Flow };
        Assert.NotSame(first, PublishedDefinitions.Get(other));
    }

    [Fact]
    public void A_node_reads_its_descriptor_and_graph_once_and_a_graph_per_start()
    {
        var definition = WorkflowDefinition.Parse(Flow);
        var registry = ActivityRegistry.Default;
        var set = definition.AllActivities().Single(a => a.Id == "set");

        Assert.Null(set.CachedDescriptor);
        Assert.Equal("Elsa.SetVariable", registry.Find(set)!.TypeName);
        Assert.Same(registry, set.CachedDescriptor!.Registry);
        // The cache is per registry: one that has no such activity does not answer with another registry's descriptor.
        Assert.Null(new ActivityRegistry([]).Find(set));
        Assert.Equal("Elsa.SetVariable", registry.Find(set)!.TypeName);
        Assert.True(registry.Find(definition.Root)!.OwnsChildren);
        Assert.True(registry.Find(definition.AllActivities().Single(a => a.Id == "end"))!.IsTerminal);
        Assert.False(registry.Find(set)!.OwnsChildren);

        var fromStart = definition.Root.GraphFrom("start");
        Assert.Same(fromStart, definition.Root.GraphFrom("start"));
        var fromWait = definition.Root.GraphFrom("wait");
        Assert.Equal("wait", fromWait.Start);
        Assert.True(fromWait.IsDangling("set"));
        Assert.False(fromStart.IsDangling("set"));
    }

    [Fact]
    public void A_node_reads_an_input_once_and_again_when_the_property_is_replaced()
    {
        var definition = WorkflowDefinition.Parse(Flow);
        var wait = definition.AllActivities().Single(a => a.Id == "wait");

        var first = wait.Input("eventName")!;
        Assert.Same(first, wait.Input("eventName"));
        // The case-insensitive fallback finds the same JSON, kept under the name asked for.
        var otherCase = wait.Input("EventName")!;
        Assert.Same(first.Value, otherCase.Value);
        Assert.Same(otherCase, wait.Input("EventName"));
        Assert.Equal("go", first.StringValue);
        Assert.Null(wait.Input("missing"));

        wait.Json["eventName"] = JsonNode.Parse("""{"typeName":"String","expression":{"type":"Literal","value":"stop"}}""");
        var replaced = wait.Input("eventName")!;
        Assert.NotSame(first, replaced);
        Assert.Equal("stop", replaced.StringValue);
    }

    [Fact]
    public void The_graph_answers_per_activity_as_the_connection_list_does()
    {
        var definition = WorkflowDefinition.Parse(Flow);
        var graph = definition.Root.GraphFrom("start");
        var connections = definition.Root.Connections;

        foreach (var id in definition.Root.Activities.Select(a => a.Id).Append("unknown"))
        {
            Assert.Equal(connections.Where(c => c.Source == id), graph.Outbound(id));
            Assert.Equal(connections.Where(c => c.Target == id), graph.Inbound(id));
            Assert.Equal(connections.Where(c => c.Target == id && graph.IsForward(c)), graph.ForwardInbound(id));
        }
        Assert.False(graph.IsDangling("wait"));
        Assert.True(graph.IsDangling("unknown"));
        Assert.Same(definition.Root.Activities[3], definition.Root.FindChild("wait"));
        Assert.Null(definition.Root.FindChild("unknown"));

        // A connection restored from stored state is a different object: it must still count as the same key.
        var first = connections[0];
        var copy = new Connection(first.Source, first.SourcePort, first.Target, first.TargetPort);
        Assert.NotSame(first, copy);
        Assert.Equal(first, copy);
        Assert.Equal(first.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(first, new Connection(first.Source, "Other", first.Target, first.TargetPort));
        Assert.True(graph.IsForward(copy));
    }

    [Fact]
    public async Task Runs_sharing_one_parsed_definition_on_many_threads_keep_their_own_state()
    {
        var definition = WorkflowDefinition.Parse(Flow);
        var engine = TestEngine.Create();

        var runs = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            var instance = await engine.StartAsync(definition);
            Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
            await engine.ResumeAsync(instance, instance.Bookmarks.Single().Id, null);
            return instance;
        })));

        Assert.All(runs, instance =>
        {
            Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
            Assert.Equal(1, instance.Variables["count"]);
            Assert.Empty(instance.Lines);
        });
        Assert.Equal(64, runs.Select(r => r.Id).Distinct().Count());
    }
}
