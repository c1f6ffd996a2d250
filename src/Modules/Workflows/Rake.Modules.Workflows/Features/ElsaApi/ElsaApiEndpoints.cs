using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rake.BuildingBlocks.Web;

namespace Rake.Modules.Workflows.Features.ElsaApi;

/// <summary>
/// The subset of Elsa 3's REST API that Elsa Studio 3.8.2 calls, under <c>/elsa/api</c>. The Host puts a filter in
/// front that resolves the region from <c>X-Tenant-Id</c> (the Studio's <c>tenant-id</c> attribute); every endpoint
/// then acts in that region only, for its RegionAdmins only (docs/adr/0010).
/// </summary>
internal static class ElsaApiEndpoints
{
    /// <summary>Header carrying the test instance started by the Studio's Run button (the Elsa header would navigate away).</summary>
    public const string TestInstanceHeader = "x-rake-test-instance-id";

    public static void Map(IEndpointRouteBuilder elsaApi)
    {
        var api = elsaApi.MapGroup("").RequireRegionRoles(WorkflowRoles.Design);
        var definitions = api.MapGroup("/workflow-definitions").WithTags("Elsa Studio API");
        definitions.MapGet("", (HttpRequest request, ElsaDefinitionsHandler h, CancellationToken ct) =>
            h.ListAsync(request.Query["searchTerm"], Int(request.Query["page"]), Int(request.Query["pageSize"]),
                Values(request.Query, "ids"), Values(request.Query, "definitionIds"), ct))
            .WithSummary("Elsa: the region's definitions (latest version of each, or the versions named by ids), paged.");
        definitions.MapGet("/by-definition-id/{definitionId}", (
                string definitionId, string? versionOptions, ElsaDefinitionsHandler h, CancellationToken ct) =>
            h.GetAsync(definitionId, versionOptions, ct))
            .WithSummary("Elsa: one definition version (versionOptions Latest, Published, LatestOrPublished, Draft or a number).");
        definitions.MapGet("/by-id/{id}", (string id, ElsaDefinitionsHandler h, CancellationToken ct) => h.GetByVersionIdAsync(id, ct))
            .WithSummary("Elsa: one definition version by its version id.");
        definitions.MapGet("/{definitionId}/versions", (string definitionId, ElsaDefinitionsHandler h, CancellationToken ct) =>
            h.VersionsAsync(definitionId, ct))
            .WithSummary("Elsa: every version of a definition, newest first.");
        definitions.MapGet("/validation/is-name-unique", (
                string? name, string? definitionId, ElsaDefinitionsHandler h, CancellationToken ct) =>
            h.IsNameUniqueAsync(name, definitionId, ct))
            .WithSummary("Elsa: whether no other definition of the region has this name.");
        definitions.MapPost("", (JsonObject? body, ElsaDefinitionsHandler h, CancellationToken ct) => h.SaveAsync(body, ct))
            .WithSummary(
                "Elsa: save ({model, publish}); publishing validates and a failure is a 400 ProblemDetails whose errors the Studio lists.");
        definitions.MapPost("/{definitionId}/publish", (string definitionId, ElsaDefinitionsHandler h, CancellationToken ct) =>
            h.PublishAsync(definitionId, ct))
            .WithSummary("Elsa: validate and publish the latest version.");
        definitions.MapPost("/{definitionId}/retract", (string definitionId, ElsaDefinitionsHandler h, CancellationToken ct) =>
                h.RetractAsync(definitionId, ct))
            .WithSummary("Elsa: retract (unpublish): no new instances start; running ones go on; the latest version becomes a draft.");
        definitions.MapPost("/{definitionId}/execute", async (
                string definitionId, HttpResponse response, ElsaDefinitionsHandler h, CancellationToken ct) =>
            {
                var started = await h.ExecuteAsync(definitionId, ct);
                if (started is null)
                {
                    response.Headers["x-elsa-workflow-cannot-start"] = "true";
                    return Results.Ok(new JsonObject { ["cannotStart"] = true });
                }
                response.Headers[TestInstanceHeader] = started.Value.ToString();
                return Results.Ok(new JsonObject { ["workflowInstanceId"] = started.Value.ToString() });
            })
            .WithSummary(
                "Elsa Run button: starts a test instance of the latest published version; its id comes in x-rake-test-instance-id.");
        definitions.MapGet("/{definitionId}/export", async (
                string definitionId, string? versionOptions, ElsaDefinitionsHandler h, CancellationToken ct) =>
            {
                var (fileName, json) = await h.ExportAsync(definitionId, versionOptions, ct);
                return Rake.BuildingBlocks.Export.FileDownload.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", fileName);
            })
            .WithSummary("Elsa JSON file of a definition version, the same format as workflows/<region>/*.json.");
        definitions.MapPost("/import", async (HttpRequest request, ElsaDefinitionsHandler h, CancellationToken ct) =>
            {
                var json = await ReadImportAsync(request, ct);
                return await h.ImportAsync(json, ct);
            })
            .DisableAntiforgery()
            .WithSummary("Import an Elsa JSON file (JSON body or multipart field 'file') as a draft of the region's definition.");

        ElsaInstanceEndpoints.Map(api);

        var descriptors = api.MapGroup("/descriptors").WithTags("Elsa Studio API");
        descriptors.MapGet("/activities", (ElsaActivityDescriptors d, CancellationToken ct) => d.ListAsync(ct))
            .WithSummary("Elsa: activity descriptors generated from the activity classes.");
        descriptors.MapGet("/expression-descriptors", () => ElsaStaticDescriptors.Expressions())
            .WithSummary("Elsa: expression types the engine evaluates.");
        descriptors.MapGet("/storage-drivers", () => ElsaStaticDescriptors.StorageDrivers());
        descriptors.MapGet("/variables", () => ElsaStaticDescriptors.VariableTypes());
        descriptors.MapGet("/workflow-activation-strategies", () => ElsaStaticDescriptors.ActivationStrategies());
        descriptors.MapGet("/log-persistence-strategies", () => ElsaStaticDescriptors.LogPersistenceStrategies());
        descriptors.MapGet("/incident-strategies", () => ElsaStaticDescriptors.IncidentStrategies());
        descriptors.MapGet("/commit-strategies/workflows", () => ElsaStaticDescriptors.Empty());
        descriptors.MapGet("/commit-strategies/activities", () => ElsaStaticDescriptors.Empty());
        api.MapGet("/features/installed", () => ElsaStaticDescriptors.Empty()).WithTags("Elsa Studio API");
        api.MapGet("/package/version", () => new JsonObject { ["packageVersion"] = "3.8.2" }).WithTags("Elsa Studio API");
    }

    private static int? Int(string? text) => int.TryParse(text, out var n) ? n : null;

    /// <summary>A repeated query parameter (Refit's multi format) in any letter case.</summary>
    private static List<string> Values(IQueryCollection query, string name) =>
        query.Where(q => string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value).OfType<string>().Where(v => v.Length > 0).ToList();

    private static async Task<string> ReadImportAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                throw new BuildingBlocks.Web.ValidationException(
                    new Dictionary<string, string[]> { ["file"] = ["Choose an Elsa JSON file to import."] });
            }
            using var reader = new StreamReader(file.OpenReadStream());
            return await reader.ReadToEndAsync(ct);
        }
        using var body = new StreamReader(request.Body);
        return await body.ReadToEndAsync(ct);
    }
}

/// <summary>Fixed descriptor lists: the strategies and expression types this engine has, under Elsa's names.</summary>
internal static class ElsaStaticDescriptors
{
    public static JsonObject Empty() => List();

    public static JsonObject Expressions() => List(
        Expression("Literal", "Literal", browsable: true, null),
        Expression("Object", "Object", browsable: false, "json"),
        Expression("JavaScript", "JavaScript", browsable: true, "javascript"),
        Expression("Variable", "Variable", browsable: false, null),
        Expression("Input", "Input", browsable: false, null));

    public static JsonObject StorageDrivers() => List(
        new JsonObject
        {
            ["typeName"] = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
            ["displayName"] = "Workflow instance",
            ["priority"] = 0,
            ["deprecated"] = false,
        },
        new JsonObject
        {
            ["typeName"] = "Elsa.Workflows.MemoryStorageDriver, Elsa.Workflows.Core",
            ["displayName"] = "Memory",
            ["priority"] = 0,
            ["deprecated"] = false,
        });

    public static JsonObject VariableTypes() => List(
        new[] { "String", "Boolean", "Int32", "Int64", "Double", "Decimal", "DateTimeOffset", "TimeSpan", "Object", "JsonObject" }
            .Select(t => (JsonNode)new JsonObject
            {
                ["typeName"] = t,
                ["displayName"] = t,
                ["category"] = "Primitives",
                ["description"] = null,
            }).ToArray());

    public static JsonObject ActivationStrategies() => List(
        Strategy("Elsa.Workflows.Runtime.ActivationStrategies.AllowAlwaysStrategy", "Always", "Always allow a new instance."));

    public static JsonObject LogPersistenceStrategies() => List(
        Strategy("Elsa.Workflows.LogPersistence.Strategies.Include", "Include", "The journal keeps every entry."));

    public static JsonObject IncidentStrategies() => List(
        Strategy("Elsa.Workflows.IncidentStrategies.FaultStrategy", "Fault", "A fault stops the instance."));

    private static JsonObject Strategy(string typeName, string displayName, string description) =>
        new() { ["typeName"] = typeName, ["displayName"] = displayName, ["description"] = description };

    private static JsonObject Expression(string type, string displayName, bool browsable, string? monacoLanguage)
    {
        var properties = new JsonObject();
        if (monacoLanguage is not null)
        {
            properties["MonacoLanguage"] = monacoLanguage;
        }
        return new JsonObject
        {
            ["type"] = type,
            ["displayName"] = displayName,
            ["isSerializable"] = true,
            ["isBrowsable"] = browsable,
            ["properties"] = properties,
        };
    }

    private static JsonObject List(params JsonNode[] items) =>
        new() { ["items"] = new JsonArray(items), ["count"] = items.Length };
}
