using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>Issue 15: Elsa 3's Sequence, If and ForEach written as Elsa JSON, published and run through the REST API, with a
/// bookmark inside the loop body resumed from the database; wrong inputs refused; the designer's descriptors.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class StructuredActivitiesApiTests(SharedHost fixture)
{
    private static JsonObject Script(string script, string typeName = "Boolean") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script } };

    /// <summary>Sequence[ ForEach(["a","b"]) { Sequence[ If(item == 'b') then WriteLine, Event ] }, WriteLine ] as the root.</summary>
    private static JsonObject Definition(string id, string eventName, JsonNode condition) => new()
    {
        ["definitionId"] = id,
        ["name"] = $"Structured {id}",
        ["root"] = new JsonObject
        {
            ["id"] = "root",
            ["type"] = "Elsa.Sequence",
            ["version"] = 1,
            ["activities"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "each",
                    ["type"] = "Elsa.ForEach",
                    ["version"] = 1,
                    ["items"] = new JsonObject
                    {
                        ["typeName"] = "Object",
                        ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = """["a","b"]""" },
                    },
                    ["body"] = new JsonObject
                    {
                        ["id"] = "body",
                        ["type"] = "Elsa.Sequence",
                        ["version"] = 1,
                        ["activities"] = new JsonArray
                        {
                            new JsonObject
                            {
                                ["id"] = "check",
                                ["type"] = "Elsa.If",
                                ["version"] = 1,
                                ["condition"] = condition,
                                ["then"] = Activity("isb", "Elsa.WriteLine", ("text", "b reached")),
                            },
                            Activity("wait", "Elsa.Event", ("eventName", eventName)),
                        },
                    },
                },
                Activity("done", "Elsa.WriteLine", ("text", "done")),
            },
        },
    };

    [Fact]
    public async Task A_sequence_with_if_and_for_each_runs_and_resumes_round_by_round_from_the_database()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        var id = $"structured-{Guid.NewGuid():N}"[..24];
        var eventName = $"approved-{Guid.NewGuid():N}";
        await PublishAsync(admin, "kainuu", Definition(id, eventName, Script("getCurrentValue() == 'b'")));

        var started = await StartAsync(admin, "kainuu", id);
        Assert.Equal("Suspended", started["subStatus"]!.GetValue<string>());
        var instanceId = started["id"]!.GetValue<string>();
        Assert.DoesNotContain("isb:Started", Journal(started));

        Assert.Equal(1, await RaiseAsync(admin, "kainuu", eventName));
        var second = await InstanceAsync(admin, "kainuu", instanceId);
        Assert.Equal("Suspended", second["subStatus"]!.GetValue<string>());
        Assert.Contains("isb:Completed", Journal(second));
        Assert.DoesNotContain("done:Started", Journal(second));

        Assert.Equal(1, await RaiseAsync(admin, "kainuu", eventName));
        var finished = await InstanceAsync(admin, "kainuu", instanceId);
        Assert.Equal("Finished", finished["subStatus"]!.GetValue<string>());
        var journal = Journal(finished);
        Assert.Equal(2, journal.Count(e => e == "wait:Completed"));
        Assert.Equal(2, journal.Count(e => e == "check:Completed"));
        Assert.Single(journal, e => e == "isb:Completed");
        Assert.Equal("done:Completed", journal[^2]);
        Assert.Equal("root:Completed", journal[^1]);
    }

    [Fact]
    public async Task A_wrong_input_type_inside_a_loop_is_a_problem_naming_the_activity_and_the_input()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        var id = $"structured-bad-{Guid.NewGuid():N}"[..24];
        var definition = Definition(id, "never", new JsonObject
        {
            ["typeName"] = "Boolean",
            ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = new JsonArray(1, 2) },
        });
        var saved = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", definition);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var problem = await Reports.ReadProblemAsync(await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{id}/publish", null),
            HttpStatusCode.BadRequest);

        var message = Assert.Single(problem["errors"]!["check"]!.AsArray())!.GetValue<string>();
        Assert.Contains("'check'", message);
        Assert.Contains("input 'condition'", message);
    }

    [Fact]
    public async Task The_designer_lists_the_structured_activities_with_their_inputs_and_embedded_ports()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        admin.DefaultRequestHeaders.Add("X-Tenant-Id", "kainuu");
        var items = (await admin.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();
        JsonObject Descriptor(string type) => items.Single(i => (string?)i!["typeName"] == type)!.AsObject();
        static List<string> Names(JsonNode? array, string? portType = null) => array!.AsArray()
            .Where(p => portType is null || (string?)p!["type"] == portType).Select(p => (string)p!["name"]!).ToList();

        var @if = Descriptor("Elsa.If");
        Assert.Equal(["Then", "Else"], Names(@if["ports"], "Embedded"));
        Assert.Equal(["Done"], Names(@if["ports"], "Flow"));
        Assert.Equal(["Condition"], Names(@if["inputs"]));
        Assert.Equal(["Start", "End", "Step", "OuterBoundInclusive"], Names(Descriptor("Elsa.For")["inputs"]));
        Assert.Equal(["Body"], Names(Descriptor("Elsa.ForEach")["ports"], "Embedded"));
        Assert.Contains("CurrentValue", Names(Descriptor("Elsa.ForEach")["outputs"]));
        Assert.True(Descriptor("Elsa.Break")["isTerminal"]!.GetValue<bool>());
        foreach (var type in new[] { "Elsa.Sequence", "Elsa.Switch", "Elsa.While", "Elsa.Complete", "Elsa.SetName", "Elsa.Correlate",
                     "Elsa.SetOutput", "Elsa.RunJavaScript" })
        {
            Assert.Equal("Action", (string?)Descriptor(type)["kind"]);
        }
    }
}
