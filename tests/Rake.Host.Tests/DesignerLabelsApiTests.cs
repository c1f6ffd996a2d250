using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>Issue 15, "the designer in the admin's words": the definition the Studio loads labels each activity with its
/// display text, and an activity added in the Studio shows its title until the admin names it otherwise.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class DesignerLabelsApiTests(SharedHost shared)
{
    private async Task<HttpClient> Studio()
    {
        var client = await shared.Host.ClientFor("kainuu-regionadmin");
        client.DefaultRequestHeaders.Add("X-Tenant-Id", "kainuu");
        return client;
    }

    private static string? Label(JsonObject model, string activityId) =>
        (string?)model["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == activityId)!["metadata"]?["displayText"];

    [Fact]
    public async Task The_region_workflow_the_studio_loads_carries_each_activitys_display_text()
    {
        using var studio = await Studio();

        var model = (await studio.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions/by-definition-id/kainuu-annual-cycle?versionOptions=Latest"))!;

        Assert.Equal("RAKE-työryhmän kokous (toukokuu)", Label(model, "may-meeting"));
        Assert.Equal("Ajastus: toukokuun alku", Label(model, "may"));
        Assert.Equal("RAKE-työryhmän kokous (toukokuu) – kalenteriin", Label(model, "may-schedule"));
    }

    [Fact]
    public async Task An_activity_added_in_the_studio_shows_its_title_and_follows_it_until_the_admin_names_it()
    {
        using var studio = await Studio();
        var id = $"labels-{Guid.NewGuid():N}"[..24];
        var task = Activity("added", "Rake.Workflows.HumanTask", ("title", "Tiedota tulokset"), ("role", "Communications"));
        var definition = Sequence(id, task);
        definition["name"] = id;

        async Task<JsonObject> Save(JsonObject model)
        {
            var response = await studio.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = false });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await studio.GetFromJsonAsync<JsonObject>(
                $"/elsa/api/workflow-definitions/by-definition-id/{id}?versionOptions=Latest"))!;
        }

        var loaded = await Save(definition);
        Assert.Equal("Tiedota tulokset", Label(loaded, "added"));
        Assert.Null(Label(loaded, "start"));

        // The Studio sends back the label it was given; a new title takes it along.
        var edited = (JsonObject)loaded.DeepClone();
        var added = edited["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == "added")!;
        added["title"] = Literal("Tiedota kevään tulokset");
        loaded = await Save(edited);
        Assert.Equal("Tiedota kevään tulokset", Label(loaded, "added"));

        // A display text of the admin's own stays, whatever the title.
        edited = (JsonObject)loaded.DeepClone();
        added = edited["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == "added")!;
        added["metadata"]!["displayText"] = "Kevään tiedote";
        added["title"] = Literal("Tiedota syksyn tulokset");
        loaded = await Save(edited);
        Assert.Equal("Kevään tiedote", Label(loaded, "added"));
    }
}
