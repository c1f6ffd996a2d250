using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>Copying another region's published workflow as a template (docs/adr/0112): who sees what, what the copy is,
/// and that nothing of the copying region reaches the region the template came from.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowTemplateTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task Only_other_regions_latest_published_versions_are_listed_by_name_and_region()
    {
        using var source = await Host.ClientFor("kymenlaakso-regionadmin");
        var published = NewId("tpl-pub");
        await PublishAsync(source, "kymenlaakso", WaitForEvent(published, "tpl-event"));
        var changed = WaitForEvent(published, "tpl-event");
        changed["name"] = $"Newer draft {published}";
        var newerDraft = await source.PostAsJsonAsync($"{Base("kymenlaakso")}/workflow-definitions", changed);
        Assert.Equal(HttpStatusCode.Created, newerDraft.StatusCode);
        var draftOnly = NewId("tpl-draft");
        Assert.Equal(HttpStatusCode.Created,
            (await source.PostAsJsonAsync($"{Base("kymenlaakso")}/workflow-definitions", WaitForEvent(draftOnly, "e"))).StatusCode);

        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var templates = (await admin.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-templates"))!;
        Assert.DoesNotContain(templates, t => t!["region"]!.GetValue<string>() == "kainuu");
        Assert.Contains(templates, t => t!["region"]!.GetValue<string>() == "keski-suomi");
        var listed = Assert.Single(templates, t => t!["name"]!.GetValue<string>() == $"Test {published}")!.AsObject();
        Assert.Equal(1, listed["version"]!.GetValue<int>());
        Assert.Equal("kymenlaakso", listed["region"]!.GetValue<string>());
        Assert.Equal("Kymenlaakson hyvinvointialue", listed["regionName"]!.GetValue<string>());
        // Only what the list promises: no definition, no creator, no id that names the source's definition.
        Assert.Equal(["templateId", "name", "region", "regionName", "version"], listed.Select(p => p.Key).ToArray());
        Assert.DoesNotContain(templates, t => t!["name"]!.GetValue<string>().Contains(draftOnly, StringComparison.Ordinal));
        Assert.DoesNotContain(templates, t => t!["name"]!.GetValue<string>() == $"Newer draft {published}");
    }

    [Fact]
    public async Task A_copy_is_a_new_draft_of_the_copying_region_and_the_source_region_sees_nothing_of_it()
    {
        using var source = await Host.ClientFor("kymenlaakso-regionadmin");
        var original = NewId("tpl-src");
        await PublishAsync(source, "kymenlaakso", WaitForEvent(original, "tpl-src-event"));
        var sourceDefinitionsBefore = await source.GetStringAsync($"{Base("kymenlaakso")}/workflow-definitions");
        var sourceAuditBefore = await AuditCountAsync("kymenlaakso");
        var sourceTemplatesBefore = await source.GetStringAsync($"{Base("kymenlaakso")}/workflow-templates");

        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var templateId = await TemplateIdAsync(admin, $"Test {original}");
        var response = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-templates/copies",
            new { templateId, name = "Kainuun versio" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var copy = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var copyId = copy["definitionId"]!.GetValue<string>();
        Assert.NotEqual(original, copyId);
        Assert.Equal("Kainuun versio", copy["name"]!.GetValue<string>());
        Assert.False(copy["isPublished"]!.GetValue<bool>());
        Assert.Equal(1, copy["version"]!.GetValue<int>());
        Assert.Equal("kainuu-regionadmin", copy["createdBy"]!.GetValue<string>());
        var json = copy["definition"]!.ToJsonString();
        Assert.DoesNotContain(original, json);
        Assert.DoesNotContain("kymenlaakso-regionadmin", json);
        // The flow itself is the template's.
        Assert.Contains("tpl-src-event", json);
        Assert.Equal(response.Headers.Location!.ToString(), $"{Base("kainuu")}/workflow-definitions/{copyId}?version=1");

        // The copying region has it; the source region's definitions, audit trail and template list are as they were.
        var own = (await admin.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-definitions"))!;
        Assert.Contains(own, d => d!["definitionId"]!.GetValue<string>() == copyId);
        Assert.Equal(sourceDefinitionsBefore, await source.GetStringAsync($"{Base("kymenlaakso")}/workflow-definitions"));
        Assert.Equal(sourceAuditBefore, await AuditCountAsync("kymenlaakso"));
        Assert.Equal(sourceTemplatesBefore, await source.GetStringAsync($"{Base("kymenlaakso")}/workflow-templates"));
        await Reports.ReadProblemAsync(await source.GetAsync($"{Base("kymenlaakso")}/workflow-definitions/{copyId}"),
            HttpStatusCode.NotFound);
        await using var scope = Host.RegionScope("kainuu");
        var audit = await scope.ServiceProvider.GetRequiredService<Rake.Modules.Workflows.Persistence.WorkflowsDbContext>().AuditEntries
            .AsNoTracking().Where(a => a.EntityType == "WorkflowDefinitionVersion" && a.Actor == "kainuu-regionadmin").CountAsync();
        Assert.True(audit >= 1);
    }

    [Fact]
    public async Task Bad_or_foreign_template_ids_names_with_a_code_and_other_roles_are_refused_with_nothing_stored()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var ownId = NewId("tpl-own");
        await PublishAsync(admin, "kainuu", WaitForEvent(ownId, "own-event"));
        using var other = await Host.ClientFor("kymenlaakso-regionadmin");
        var ownTemplate = await TemplateIdAsync(other, $"Test {ownId}");
        using var keski = await Host.ClientFor("keski-suomi-regionadmin");
        var foreign = NewId("tpl-foreign");
        await PublishAsync(keski, "keski-suomi", WaitForEvent(foreign, "e"));
        var templateId = await TemplateIdAsync(admin, $"Test {foreign}");
        var before = await admin.GetStringAsync($"{Base("kainuu")}/workflow-definitions");
        var copies = $"{Base("kainuu")}/workflow-templates/copies";

        var missing = await Reports.ReadProblemAsync(await admin.PostAsJsonAsync(copies, new { }), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["templateId"]);
        var unknown = await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync(copies, new { templateId = Guid.NewGuid() }), HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["templateId"]);

        // The region's own published definition is no template for itself.
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync(copies, new { templateId = ownTemplate }), HttpStatusCode.BadRequest);

        var code = await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync(copies, new { templateId, name = "Asiakas 131052-308T" }), HttpStatusCode.BadRequest);
        Assert.NotNull(code["errors"]!["name"]);
        await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync(copies, new { templateId, name = new string('n', 201) }), HttpStatusCode.BadRequest);
        Assert.Equal(before, await admin.GetStringAsync($"{Base("kainuu")}/workflow-definitions"));

        using var professional = await Host.ClientFor("kainuu-professional");
        await Reports.ReadProblemAsync(await professional.GetAsync($"{Base("kainuu")}/workflow-templates"), HttpStatusCode.Forbidden);
        var forbidden = await Reports.ReadProblemAsync(await professional.PostAsJsonAsync(copies, new { }), HttpStatusCode.Forbidden);
        Assert.Null(forbidden["errors"]);
        // A region where the caller has no role at all.
        await Reports.ReadProblemAsync(await other.GetAsync($"{Base("kainuu")}/workflow-templates"), HttpStatusCode.Forbidden);
    }

    private static async Task<Guid> TemplateIdAsync(HttpClient admin, string name)
    {
        foreach (var code in new[] { "kainuu", "kymenlaakso", "keski-suomi" })
        {
            var response = await admin.GetAsync($"{Base(code)}/workflow-templates");
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }
            var templates = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
            if (templates.FirstOrDefault(t => t!["name"]!.GetValue<string>() == name) is { } found)
            {
                return found["templateId"]!.GetValue<Guid>();
            }
        }
        throw new InvalidOperationException($"No template named {name}.");
    }

    private async Task<int> AuditCountAsync(string region)
    {
        await using var scope = Host.RegionScope(region);
        return await scope.ServiceProvider.GetRequiredService<Rake.Modules.Workflows.Persistence.WorkflowsDbContext>().AuditEntries
            .IgnoreQueryFilters().AsNoTracking().CountAsync(a => a.RegionCode == region);
    }
}
