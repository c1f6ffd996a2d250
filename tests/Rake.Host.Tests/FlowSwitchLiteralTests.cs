using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>Issue 15: a FlowSwitch case whose condition is a literal boolean, as Elsa saves it, published and run through the REST
/// API.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class FlowSwitchLiteralTests(SharedHost fixture)
{
    [Fact]
    public async Task A_switch_with_literal_boolean_and_number_conditions_publishes_and_takes_the_true_case()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        var id = $"switch-literal-{Guid.NewGuid():N}"[..24];
        static JsonObject Case(string label, JsonNode value) => new()
        {
            ["label"] = label,
            ["condition"] = new JsonObject
            {
                ["typeName"] = "Boolean",
                ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
            },
        };
        static JsonObject Link(string from, string port, string to) => new()
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        };
        var flowSwitch = new JsonObject
        {
            ["id"] = "switch",
            ["type"] = "Elsa.FlowSwitch",
            ["version"] = 1,
            ["cases"] = new JsonArray { Case("Zero", 0), Case("No", false), Case("Yes", true), Case("One", 1.5) },
        };
        var definition = new JsonObject
        {
            ["definitionId"] = id,
            ["name"] = "Switch on literals",
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray
                {
                    Activity("start", "Elsa.Start"), flowSwitch,
                    Activity("yes", "Elsa.WriteLine", ("text", "yes")), Activity("other", "Elsa.WriteLine", ("text", "other")),
                },
                ["connections"] = new JsonArray
                {
                    Link("start", "Done", "switch"), Link("switch", "Yes", "yes"), Link("switch", "No", "other"),
                    Link("switch", "Zero", "other"), Link("switch", "Default", "other"),
                },
            },
        };

        var saved = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", definition);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var published = await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{id}/publish", null);
        Assert.True(published.IsSuccessStatusCode, $"{(int)published.StatusCode}: {await published.Content.ReadAsStringAsync()}");

        var instance = await StartAsync(admin, "kainuu", id);
        Assert.Equal("Finished", instance["subStatus"]!.GetValue<string>());
        var journal = Journal(instance);
        Assert.Contains("yes:Completed", journal);
        Assert.DoesNotContain("other:Started", journal);

        // The designer's save-and-publish route as well.
        using var studio = await fixture.Host.ClientFor("kainuu-regionadmin");
        studio.DefaultRequestHeaders.Add("X-Tenant-Id", "kainuu");
        var viaStudio = await studio.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = definition, publish = true });
        Assert.True((int)viaStudio.StatusCode < 500, $"{(int)viaStudio.StatusCode}: {await viaStudio.Content.ReadAsStringAsync()}");
    }
}
