using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Rake.Host.Tests;

/// <summary>The Elsa-compatible API under /elsa/api and the designer pages: shapes the Studio reads, the region gate, the bundle's
/// files.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class DesignerApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private async Task<HttpClient> ElsaClient(string user, string tenant)
    {
        var client = await Host.ClientFor(user);
        client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fi");
        return client;
    }

    [Fact]
    public async Task Activity_descriptors_come_from_the_activity_classes_with_dropdowns_ports_and_finnish_names()
    {
        using var admin = await ElsaClient("kainuu-regionadmin", "kainuu");
        var items = (await admin.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();
        var task = items.Single(i => (string?)i!["typeName"] == "Rake.Workflows.HumanTask")!;
        Assert.Equal("Henkilön tehtävä", (string?)task["displayName"]);
        Assert.Equal("Rake", (string?)task["category"]);
        Assert.Equal("Action", (string?)task["kind"]);
        var role = task["inputs"]!.AsArray().Single(i => (string?)i!["name"] == "Role")!;
        Assert.Equal("dropdown", (string?)role["uiHint"]);
        Assert.Equal("Rooli", (string?)role["displayName"]);
        var options = role["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray();
        Assert.Contains(options, o => (string?)o!["value"] == "Communications" && (string?)o["text"] == "Viestintä");
        Assert.Equal(8, options.Count);
        Assert.Equal("singleline", (string?)task["inputs"]!.AsArray().Single(i => (string?)i!["name"] == "Title")!["uiHint"]);
        Assert.Contains(task["outputs"]!.AsArray(), o => (string?)o!["name"] == "Outcome");
        Assert.Equal("Done", (string?)task["ports"]![0]!["name"]);
        // Another module's activity reaches the toolbox without designer-side work.
        Assert.Contains(items, i => (string?)i!["typeName"] == "Rake.Reporting.CompilePeriodSummary");
        var decision = items.Single(i => (string?)i!["typeName"] == "Elsa.FlowDecision")!;
        Assert.Equal(["True", "False"], decision["ports"]!.AsArray().Select(p => (string)p!["name"]!).Order().Reverse());
        Assert.True((bool)items.Single(i => (string?)i!["typeName"] == "Elsa.Start")!["isStart"]!);

        var expressions = (await admin.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/expression-descriptors"))!["items"]!.AsArray();
        Assert.Contains(expressions, e => (string?)e!["type"] == "JavaScript");
        foreach (var path in new[] { "descriptors/storage-drivers", "descriptors/workflow-activation-strategies",
                     "descriptors/log-persistence-strategies",
                     "descriptors/incident-strategies", "descriptors/commit-strategies/workflows", "features/installed" })
        {
            var list = await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/{path}");
            Assert.NotNull(list!["items"]);
        }
    }

    /// <summary>The values of one dropdown input of an activity, as the Studio reads them from its uiSpecifications.</summary>
    private static List<(string Value, string Text)> DropdownOf(JsonArray items, string typeName, string input)
    {
        var descriptor = items.Single(i => (string?)i!["typeName"] == typeName)!["inputs"]!.AsArray()
            .Single(i => (string?)i!["name"] == input)!;
        Assert.Equal("dropdown", (string?)descriptor["uiHint"]);
        return descriptor["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray()
            .Select(o => ((string)o!["value"]!, (string)o["text"]!)).ToList();
    }

    [Fact]
    public async Task Body_and_distribution_list_dropdowns_offer_the_regions_own_data_and_keep_the_values_its_files_use()
    {
        using var kainuu = await ElsaClient("kainuu-regionadmin", "kainuu");
        using var kymenlaakso = await ElsaClient("kymenlaakso-regionadmin", "kymenlaakso");
        var kainuuItems = (await kainuu.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();
        var kymenItems = (await kymenlaakso.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();

        // Bodies: the kinds the region has (the value its workflow files store), then its bodies by name.
        var kainuuBodies = DropdownOf(kainuuItems, "Rake.WorkingGroup.ScheduleMeeting", "Body");
        Assert.Contains(("WorkingGroup", "Työryhmä (alueen ensimmäinen)"), kainuuBodies);
        Assert.Contains(kainuuBodies, o => o.Value == "RAKE-työryhmä");
        Assert.DoesNotContain(kainuuBodies, o => o.Value.StartsWith("Rakenteellisen sosiaalityön", StringComparison.Ordinal));
        var kymenBodies = DropdownOf(kymenItems, "Rake.WorkingGroup.DecideOnCompilation", "Body");
        Assert.Contains(kymenBodies, o => o.Value == "SteeringGroup");
        Assert.Contains(kymenBodies, o => o.Value == "WorkingGroup");
        Assert.Contains(kymenBodies, o => o.Value == "Rakenteellisen sosiaalityön johtoryhmä");
        Assert.DoesNotContain(kymenBodies, o => o.Value == "RAKE-työryhmä");
        Assert.Equal(kymenBodies, DropdownOf(kymenItems, "Rake.WorkingGroup.AddAgendaItem", "Body"));

        // Distribution lists by name, which is what SendToDistributionList stores and looks up.
        var kainuuLists = DropdownOf(kainuuItems, "Rake.Communications.SendToDistributionList", "List");
        var kymenLists = DropdownOf(kymenItems, "Rake.Communications.SendToDistributionList", "List");
        Assert.Contains(("RAKE-työryhmä", "RAKE-työryhmä"), kainuuLists);
        Assert.DoesNotContain(kainuuLists, o => o.Value == "Sosiaalipalvelujen esihenkilöt");
        Assert.Contains(kymenLists, o => o.Value == "Sosiaalipalvelujen esihenkilöt");
        Assert.DoesNotContain(kymenLists, o => o.Value == "RAKE-työryhmä");

        // Every body and list value the region's own workflow files store is one the dropdown offers.
        var routing = await kymenlaakso.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions/by-definition-id/kymenlaakso-half-year-routing?versionOptions=Published");
        var stored = routing!["root"]!["activities"]!.AsArray()
            .SelectMany(a => new[] { ((string?)a!["type"], a["body"], kymenBodies), ((string?)a["type"], a["list"], kymenLists) })
            .Where(x => x.Item1 is { } type && type.StartsWith("Rake.", StringComparison.Ordinal)
                && type != "Rake.Communications.Publish" && x.Item2 is not null)
            .ToList();
        Assert.NotEmpty(stored);
        foreach (var (_, input, offered) in stored)
        {
            Assert.Contains(offered, o => o.Value == (string?)input!["expression"]!["value"]);
        }
    }

    [Fact]
    public async Task Category_and_service_area_dropdowns_offer_the_regions_active_terms_and_publish_refuses_another_code()
    {
        using var kainuu = await ElsaClient("kainuu-regionadmin", "kainuu");
        using var kymenlaakso = await ElsaClient("kymenlaakso-regionadmin", "kymenlaakso");
        var code = $"area-{Guid.NewGuid():N}"[..16];
        var created = await kainuu.PostAsJsonAsync("/api/v1/regions/kainuu/taxonomy",
            new { kind = "ServiceArea", code, nameFi = "Testialue", nameSv = "Testområde", nameEn = "Test area" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var termId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        try
        {
            var kainuuItems = (await kainuu.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();
            var kymenItems = (await kymenlaakso.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();

            // Stored: the code; shown: the name in the designer's language; an empty choice first for "all reports".
            var areas = DropdownOf(kainuuItems, "Rake.Reporting.CompilePeriodSummary", "ServiceArea");
            Assert.Equal(("", "(kaikki)"), areas[0]);
            Assert.Contains((code, "Testialue"), areas);
            Assert.Contains(("families", "Lapsiperheiden palvelut"), areas);
            Assert.DoesNotContain(DropdownOf(kymenItems, "Rake.Reporting.CompilePeriodSummary", "ServiceArea"), o => o.Value == code);
            Assert.Contains(("housing", "Asuminen"), DropdownOf(kainuuItems, "Rake.Reporting.CompilePeriodSummary", "Category"));
            var descriptor = kainuuItems.Single(i => (string?)i!["typeName"] == "Rake.Reporting.CompilePeriodSummary")!["inputs"]!
                .AsArray().Single(i => (string?)i!["name"] == "ServiceArea")!;
            Assert.Equal("Palvelualue", (string?)descriptor["displayName"]);

            using var swedish = await Host.ClientFor("kainuu-regionadmin");
            swedish.DefaultRequestHeaders.Add("X-Tenant-Id", "kainuu");
            swedish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
            var svItems = (await swedish.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();
            Assert.Contains((code, "Testområde"), DropdownOf(svItems, "Rake.Reporting.CompilePeriodSummary", "ServiceArea"));
            Assert.Contains(("housing", "Boende"), DropdownOf(svItems, "Rake.Reporting.CompilePeriodSummary", "Category"));

            // Publishing kainuu's code in kymenlaakso is refused naming the activity and the input; kainuu publishes it.
            var kymenId = $"areas-{Guid.NewGuid():N}"[..24];
            var refused = await kymenlaakso.PostAsJsonAsync("/elsa/api/workflow-definitions",
                new JsonObject { ["model"] = CompileModel(kymenId, code), ["publish"] = true });
            var problem = await Reports.ReadProblemAsync(refused, HttpStatusCode.BadRequest);
            var error = Assert.Single(problem["errors"]!["compile1"]!.AsArray().Select(m => (string)m!));
            Assert.StartsWith($"Activity 'Compile1' ('compile1'): input 'serviceArea' is '{code}', "
                + "which is not one of this region's values (", error, StringComparison.Ordinal);
            Assert.Contains("families", error, StringComparison.Ordinal);
            var refusedCategory = await kymenlaakso.PostAsJsonAsync("/elsa/api/workflow-definitions",
                new JsonObject { ["model"] = CompileModel(kymenId, "", category: "asuminen"), ["publish"] = true });
            problem = await Reports.ReadProblemAsync(refusedCategory, HttpStatusCode.BadRequest);
            Assert.Contains("input 'category' is 'asuminen'", (string)problem["errors"]!["compile1"]![0]!, StringComparison.Ordinal);

            var kainuuId = $"areas-{Guid.NewGuid():N}"[..24];
            var published = await kainuu.PostAsJsonAsync("/elsa/api/workflow-definitions",
                new JsonObject { ["model"] = CompileModel(kainuuId, code, category: "housing"), ["publish"] = true });
            Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        }
        finally
        {
            await kainuu.PutAsJsonAsync($"/api/v1/regions/kainuu/taxonomy/{termId}", new { nameFi = "Testialue", active = false });
        }
    }

    /// <summary>A designer model with one CompilePeriodSummary node (<c>compile1</c>) filtered by the given codes.</summary>
    private static JsonObject CompileModel(string definitionId, string serviceArea, string? category = null)
    {
        static JsonObject Literal(string value) => new()
        {
            ["typeName"] = "String",
            ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
        };
        var model = ElsaModel(definitionId, title: "x");
        var compile = new JsonObject
        {
            ["id"] = "compile1",
            ["nodeId"] = "Workflow1:flow1:compile1",
            ["name"] = "Compile1",
            ["type"] = "Rake.Reporting.CompilePeriodSummary",
            ["version"] = 1,
            ["period"] = Literal("previous year"),
            ["serviceArea"] = Literal(serviceArea),
        };
        if (category is not null)
        {
            compile["category"] = Literal(category);
        }
        var activities = model["root"]!["activities"]!.AsArray();
        activities.RemoveAt(1);
        activities.Add(compile);
        model["root"]!["connections"]![0]!["target"]!["activity"] = "compile1";
        return model;
    }

    [Fact]
    public async Task Only_the_regions_admins_reach_the_api_and_another_regions_definition_is_not_found()
    {
        using var kymenlaakso = await ElsaClient("kymenlaakso-regionadmin", "kymenlaakso");
        await Reports.ReadProblemAsync(
            await kymenlaakso.GetAsync("/elsa/api/workflow-definitions/by-definition-id/kainuu-annual-cycle?versionOptions=Latest"),
            HttpStatusCode.NotFound);
        var list = await kymenlaakso.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions?versionOptions=Latest&Page=0&PageSize=50");
        Assert.DoesNotContain(list!["items"]!.AsArray(),
            i => ((string?)i!["definitionId"])!.StartsWith("kainuu", StringComparison.Ordinal));
        Assert.Contains(list["items"]!.AsArray(), i => (string?)i!["definitionId"] == "kymenlaakso-half-year-routing");

        using var wrongTenant = await ElsaClient("kymenlaakso-regionadmin", "kainuu");
        await Reports.ReadProblemAsync(await wrongTenant.GetAsync("/elsa/api/workflow-definitions"), HttpStatusCode.Forbidden);
        using var professional = await ElsaClient("kainuu-professional", "kainuu");
        await Reports.ReadProblemAsync(await professional.GetAsync("/elsa/api/descriptors/activities"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.GetAsync("/elsa/api/workflow-definitions"), HttpStatusCode.Forbidden);
        using var noTenant = await Host.ClientFor("kainuu-regionadmin");
        await Reports.ReadProblemAsync(await noTenant.GetAsync("/elsa/api/workflow-definitions"), HttpStatusCode.BadRequest);
        using var anonymous = Host.Anonymous();
        anonymous.DefaultRequestHeaders.Add("X-Tenant-Id", "kainuu");
        await Reports.ReadProblemAsync(await anonymous.GetAsync("/elsa/api/workflow-definitions"), HttpStatusCode.Unauthorized);
        using var unknown = await ElsaClient("kainuu-regionadmin", "lappi");
        await Reports.ReadProblemAsync(await unknown.GetAsync("/elsa/api/workflow-definitions"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_definition_that_fails_validation_is_saved_as_draft_not_published_and_the_errors_name_the_activity()
    {
        using var admin = await ElsaClient("kainuu-regionadmin", "kainuu");
        var definitionId = $"designer-{Guid.NewGuid():N}"[..24];
        var model = ElsaModel(definitionId, title: null);
        var response = await admin.PostAsJsonAsync("/elsa/api/workflow-definitions",
            new JsonObject { ["model"] = model, ["publish"] = true });
        var problem = await Reports.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Task1 (task1): A human task needs a title.", problem["errors"]!["task1"]!.AsArray().Select(m => (string?)m));

        var latest = await admin.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");
        Assert.False((bool)latest!["isPublished"]!);
        Assert.True((bool)latest["isLatest"]!);
        Assert.Contains(latest["links"]!.AsArray(), l => (string?)l!["rel"] == "publish");
        await Reports.ReadProblemAsync(
            await admin.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published"),
            HttpStatusCode.NotFound);

        // Run before anything is published: the Studio is told it cannot start.
        var cannot = await admin.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new JsonObject());
        Assert.Equal("true", cannot.Headers.GetValues("x-elsa-workflow-cannot-start").Single());

        var fixedModel = ElsaModel(definitionId, title: "Kokoa työryhmä");
        var saved = await admin.PostAsJsonAsync("/elsa/api/workflow-definitions",
            new JsonObject { ["model"] = fixedModel, ["publish"] = true });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var published = (await saved.Content.ReadFromJsonAsync<JsonObject>())!["workflowDefinition"]!;
        Assert.True((bool)published["isPublished"]!);
        Assert.Equal(1, (int)published["version"]!);
        Assert.Equal("task1", (string?)published["root"]!["activities"]![1]!["id"]);

        // The Run button starts a test instance and names it in Rake's header, not Elsa's (which would navigate away).
        var run = await admin.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new JsonObject());
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.False(run.Headers.Contains("x-elsa-workflow-instance-id"));
        var instanceId = run.Headers.GetValues("x-rake-test-instance-id").Single();
        using var rakeAdmin = await Host.ClientFor("kainuu-regionadmin");
        var instance = await rakeAdmin.GetFromJsonAsync<JsonObject>($"/api/v1/regions/kainuu/workflow-instances/{instanceId}");
        Assert.Equal("Suspended", (string?)instance!["subStatus"]);
        Assert.Equal("Communications", (string?)instance["bookmarks"]![0]!["role"]);

        // Saving the published model again (the Studio does, after a publish) makes no version.
        var same = await admin.PostAsJsonAsync("/elsa/api/workflow-definitions",
            new JsonObject { ["model"] = ElsaModel(definitionId, title: "Kokoa työryhmä"), ["publish"] = false });
        var sameBody = await same.Content.ReadAsStringAsync();
        Assert.True(same.StatusCode == HttpStatusCode.OK, sameBody);
        Assert.Equal(1, (int)JsonNode.Parse(sameBody)!["workflowDefinition"]!["version"]!);
        Assert.True((bool)JsonNode.Parse(sameBody)!["workflowDefinition"]!["isPublished"]!);

        // Saving a change after publishing makes version 2 as a draft; the name stays unique within the region.
        var again = await admin.PostAsJsonAsync("/elsa/api/workflow-definitions",
            new JsonObject { ["model"] = ElsaModel(definitionId, title: "Kokoa työryhmä ja sovi päivä"), ["publish"] = false });
        var againBody = await again.Content.ReadAsStringAsync();
        Assert.True(again.StatusCode == HttpStatusCode.OK, againBody);
        Assert.Equal(2, (int)JsonNode.Parse(againBody)!["workflowDefinition"]!["version"]!);
        var unique = await admin.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/workflow-definitions/validation/is-name-unique?name=Suunnittelutesti%20{definitionId}");
        Assert.False((bool)unique!["isUnique"]!);
        unique = await admin.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/workflow-definitions/validation/is-name-unique?name=Suunnittelutesti%20{definitionId}" +
            $"&definitionId={definitionId}");
        Assert.True((bool)unique!["isUnique"]!);

        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["publish"] = true }),
            HttpStatusCode.BadRequest);
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync("/elsa/api/workflow-definitions",
            new JsonObject { ["model"] = new JsonObject { ["definitionId"] = "x" } }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Export_and_import_use_the_elsa_json_files_of_the_workflows_folder()
    {
        using var admin = await ElsaClient("kainuu-regionadmin", "kainuu");
        var export = await admin.GetAsync("/elsa/api/workflow-definitions/kainuu-annual-cycle/export?versionOptions=Published");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("kainuu-annual-cycle.json",
            export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName);
        var file = JsonNode.Parse(await export.Content.ReadAsStringAsync())!.AsObject();
        var original =
            JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "workflows", "kainuu", "annual-cycle.json")))!
                .AsObject();
        Assert.True(JsonNode.DeepEquals(original["root"], file["root"]));

        var copyId = $"imported-{Guid.NewGuid():N}"[..24];
        file["definitionId"] = copyId;
        var imported = await admin.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent(file.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var model = (await imported.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(copyId, (string?)model["definitionId"]);
        Assert.False((bool)model["isPublished"]!);
        await Reports.ReadProblemAsync(await admin.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        // The designer page's own export link (cookie users) gives the same file; another region's admin gets 404.
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-regionadmin");
        using var kainuuBearer = await Host.ClientFor("kainuu-regionadmin");
        var pageExport = await kainuuBearer.GetAsync($"/kainuu/designer/{copyId}/export");
        Assert.Equal(HttpStatusCode.OK, pageExport.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kymenlaakso.GetAsync($"/kymenlaakso/designer/{copyId}/export")).StatusCode);
    }

    [Fact]
    public async Task The_studio_bundle_is_served_compressed_with_the_right_types_and_the_pages_are_for_region_admins()
    {
        using var client = Host.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Get, "/kainuu/designer/_framework/blazor.webassembly.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);

        request = new HttpRequestMessage(HttpMethod.Get, "/kymenlaakso/designer/_framework/dotnet.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        response = await client.SendAsync(request);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());

        var bundle = Host.Services.GetRequiredService<Rake.Host.Designer.DesignerAssets>().BundleRoot!;
        var wasm = Path.GetFileName(Directory.GetFiles(Path.Combine(bundle, "_framework"), "Elsa.Api.Client.*.wasm").Single());
        response = await client.GetAsync($"/kainuu/designer/_framework/{wasm}");
        Assert.Equal("application/wasm", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        var icu = Path.GetFileName(Directory.GetFiles(Path.Combine(bundle, "_framework"), "icudt*.dat").First());
        Assert.Equal("application/octet-stream",
            (await client.GetAsync($"/kainuu/designer/_framework/{icu}")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kainuu/designer/_framework/..%2F..%2Fpackage.json")).StatusCode);

        using var professional = await Host.ClientFor("kainuu-professional");
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync("/kainuu/designer")).StatusCode);
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-regionadmin");
        Assert.Equal(HttpStatusCode.Forbidden, (await kymenlaakso.GetAsync("/kainuu/designer/kainuu-annual-cycle")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kymenlaakso.GetAsync("/kymenlaakso/designer/kainuu-annual-cycle")).StatusCode);
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var page = await admin.GetStringAsync("/kainuu/designer/kainuu-annual-cycle");
        Assert.Contains("<base href=\"/kainuu/designer/\"", page);
        Assert.Contains("tenant-id=\"kainuu\"", page);
        Assert.DoesNotContain("googleapis", page);
        Assert.DoesNotContain("https://", page.Replace(Host.BaseAddress.Replace("http://", "https://"), ""));
    }

    private static JsonObject ElsaModel(string definitionId, string? title)
    {
        var task = new JsonObject
        {
            ["id"] = "task1",
            ["nodeId"] = "Workflow1:flow1:task1",
            ["name"] = "Task1",
            ["type"] = "Rake.Workflows.HumanTask",
            ["version"] = 1,
            ["role"] = new JsonObject
            {
                ["typeName"] = "String",
                ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "Communications" }
            },
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 300, ["y"] = 200 } } },
        };
        if (title is not null)
        {
            task["title"] = new JsonObject
            {
                ["typeName"] = "String",
                ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = title }
            };
        }
        return new JsonObject
        {
            ["id"] = null,
            ["definitionId"] = definitionId,
            ["name"] = $"Suunnittelutesti {definitionId}",
            ["toolVersion"] = "3.8.0",
            ["variables"] = new JsonArray(),
            ["inputs"] = new JsonArray(),
            ["outputs"] = new JsonArray(),
            ["outcomes"] = new JsonArray(),
            ["customProperties"] = new JsonObject(),
            ["isReadonly"] = false,
            ["links"] = null,
            ["version"] = 1,
            ["isLatest"] = true,
            ["isPublished"] = false,
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["id"] = "flow1",
                ["nodeId"] = "Workflow1:flow1",
                ["name"] = "Flowchart1",
                ["activities"] = new JsonArray(
                    new JsonObject
                    {
                        ["id"] = "start1",
                        ["nodeId"] = "Workflow1:flow1:start1",
                        ["name"] = "Start1",
                        ["type"] = "Elsa.Start",
                        ["version"] = 1
                    },
                    task),
                ["connections"] = new JsonArray(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = "start1", ["port"] = "Done" },
                    ["target"] = new JsonObject { ["activity"] = "task1", ["port"] = "In" },
                    ["vertices"] = new JsonArray(),
                }),
            },
        };
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rake.Modular.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
