using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;
using static Rake.Modules.Workflows.Features.ElsaApi.ElsaDefinitionModel;

namespace Rake.Modules.Workflows.Features.ElsaApi;

/// <summary>
/// Elsa's workflow-definition endpoints over Rake's <see cref="DefinitionStore"/>: the same drafts, versions, validation
/// and publishing as Rake's own API, answered in the Elsa 3 model the Studio reads (docs/adr/0010).
/// </summary>
internal sealed class ElsaDefinitionsHandler(
    WorkflowsDbContext db, DefinitionStore store, WorkflowRuntime runtime, Rake.BuildingBlocks.Localization.TextCatalog texts)
{
    /// <summary>Properties of the Elsa model that describe the stored version, not the workflow; never stored in the
    /// definition JSON.</summary>
    private static readonly string[] ServerOwned =
        ["id", "links", "isLatest", "isPublished", "isReadonly", "createdAt", "providerName", "materializerName", "materializerContext"];

    public async Task<JsonObject> ListAsync(string? searchTerm, int? page, int? pageSize, IReadOnlyList<string> ids,
        IReadOnlyList<string> definitionIds, CancellationToken ct)
    {
        var query = db.Definitions.AsNoTracking();
        // The Studio's instance list asks for the versions its instances ran on, which need not be the latest.
        var versionIds = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        query = ids.Count > 0 ? query.Where(d => versionIds.Contains(d.Id)) : query.Where(d => d.IsLatest);
        if (definitionIds.Count > 0)
        {
            query = query.Where(d => definitionIds.Contains(d.DefinitionId));
        }
        if (!string.IsNullOrWhiteSpace(searchTerm))
        {
            var term = searchTerm.Trim();
            query = query.Where(d => d.Name.Contains(term) || d.DefinitionId.Contains(term));
        }
        var all = await query.OrderBy(d => d.Name).ThenBy(d => d.DefinitionId).ToListAsync(ct);
        var size = pageSize is > 0 and <= 500 ? pageSize.Value : 100;
        var number = page is >= 0 ? page.Value : 0;
        var items = new JsonArray(all.Skip(number * size).Take(size).Select(v => (JsonNode)Summary(v)).ToArray());
        return new JsonObject { ["items"] = items, ["totalCount"] = all.Count, ["page"] = number, ["pageSize"] = size };
    }

    public async Task<JsonObject> GetAsync(string definitionId, string? versionOptions, CancellationToken ct) =>
        Model(await FindAsync(definitionId, versionOptions, ct));

    public async Task<JsonObject> GetByVersionIdAsync(string id, CancellationToken ct)
    {
        var version = Guid.TryParse(id, out var guid)
            ? await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == guid, ct)
            : null;
        var model = Model(version ?? throw new NotFoundException($"No workflow definition version '{id}' in this region."));
        // The instance viewer reads this version and finds each activity's runs by Elsa node id.
        ElsaExecutionRecords.AddNodeIds(model["root"]);
        return model;
    }

    /// <summary>Elsa's retract: the definition stops starting instances; the answer is the draft that is now the latest.</summary>
    public async Task<JsonObject> RetractAsync(string definitionId, CancellationToken ct)
    {
        _ = await store.LatestAsync(definitionId, ct)
            ?? throw new NotFoundException($"No workflow definition '{definitionId}' in this region.");
        var latest = await store.RetractAsync(definitionId, ct)
            ?? throw new ValidationException(new Dictionary<string, string[]>
            {
                ["definitionId"] = [texts.Get("workflows.elsa.notPublished", definitionId)],
            });
        return Model(latest);
    }

    public async Task<JsonObject> VersionsAsync(string definitionId, CancellationToken ct)
    {
        var versions = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .ToListAsync(ct);
        if (versions.Count == 0)
        {
            throw new NotFoundException($"No workflow definition '{definitionId}' in this region.");
        }
        return new JsonObject
        {
            ["items"] = new JsonArray(versions.Select(v => (JsonNode)Summary(v)).ToArray()),
            ["totalCount"] = versions.Count,
        };
    }

    public async Task<JsonObject> IsNameUniqueAsync(string? name, string? definitionId, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        var taken = await db.Definitions.AsNoTracking()
            .AnyAsync(d => d.IsLatest && d.Name == trimmed && (definitionId == null || d.DefinitionId != definitionId), ct);
        return new JsonObject { ["isUnique"] = !taken };
    }

    /// <summary>Save as draft, then publish when asked; a definition that fails validation stays a draft and the answer is
    /// a 400 listing why.</summary>
    public async Task<JsonObject> SaveAsync(JsonObject? body, CancellationToken ct)
    {
        if (body?["model"] is not JsonObject model)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["model"] = ["Send {model, publish} with the Elsa workflow definition model."],
            });
        }
        var publish = body["publish"] is JsonValue p && p.TryGetValue<bool>(out var flag) && flag;
        var version = await SaveDraftAsync(model, ct);
        var alreadyPublished = version.IsPublished;
        if (publish)
        {
            version = await PublishOrThrowAsync(version.DefinitionId, ct);
        }
        return SaveResponse(version, alreadyPublished);
    }

    public async Task<JsonObject> PublishAsync(string definitionId, CancellationToken ct)
    {
        var latest = await store.LatestAsync(definitionId, ct)
            ?? throw new NotFoundException($"No workflow definition '{definitionId}' in this region.");
        var alreadyPublished = latest.IsPublished;
        return SaveResponse(await PublishOrThrowAsync(definitionId, ct), alreadyPublished);
    }

    /// <summary>The Run button: a test instance of the latest published version; null when nothing is published yet.</summary>
    public async Task<Guid?> ExecuteAsync(string definitionId, CancellationToken ct)
    {
        _ = await store.LatestAsync(definitionId, ct)
            ?? throw new NotFoundException($"No workflow definition '{definitionId}' in this region.");
        var started = await runtime.StartAsync(definitionId, new RunOptions(), ct);
        return started?.Id;
    }

    public async Task<(string FileName, string Json)> ExportAsync(string definitionId, string? versionOptions, CancellationToken ct)
    {
        var version = await FindAsync(definitionId, versionOptions, ct);
        var json = JsonNode.Parse(version.Json)!.AsObject();
        json["definitionId"] = version.DefinitionId;
        json["version"] = version.Version;
        json["isLatest"] = version.IsLatest;
        json["isPublished"] = version.IsPublished;
        var text = json.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return ($"{SafeFileName(version.DefinitionId)}.json", text);
    }

    /// <summary>An Elsa JSON file becomes a new draft of the region's definition with its definitionId; publish it like
    /// any draft.</summary>
    public async Task<JsonObject> ImportAsync(string text, CancellationToken ct)
    {
        JsonObject model;
        try
        {
            model = StrictJson.ParseNode(text.TrimStart('\uFEFF')) as JsonObject
                ?? throw new JsonException("The file is not a JSON object.");
        }
        catch (JsonException ex) when (ex is not JsonInputException)
        {
            throw new ValidationException(
                new Dictionary<string, string[]> { ["file"] = [$"Not an Elsa workflow JSON file: {ex.Message}"] });
        }
        if (model["model"] is JsonObject wrapped)
        {
            model = wrapped;
        }
        return Model(await SaveDraftAsync(model, ct));
    }

    private async Task<WorkflowDefinitionVersion> SaveDraftAsync(JsonObject model, CancellationToken ct)
    {
        var json = (JsonObject)model.DeepClone();
        var definitionId = json["definitionId"] is JsonValue idValue
            && idValue.TryGetValue<string>(out var given) && !string.IsNullOrWhiteSpace(given)
            ? given.Trim()
            : Guid.NewGuid().ToString("N");
        if (definitionId.Length > WorkflowDefinitionVersion.DefinitionIdMax)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["definitionId"] = [$"Use at most {WorkflowDefinitionVersion.DefinitionIdMax} characters."],
            });
        }
        foreach (var key in ServerOwned)
        {
            json.Remove(key);
        }
        json["definitionId"] = definitionId;
        json["toolVersion"] ??= ToolVersion;
        var previous = await store.LatestAsync(definitionId, ct);
        DesignerLabels.FollowTitles(json["root"], previous is null ? null : JsonNode.Parse(previous.Json)?["root"]);
        WorkflowDefinition definition;
        try
        {
            definition = WorkflowDefinition.Parse(json);
        }
        catch (WorkflowDefinitionFormatException ex)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["definition"] = [ex.Message] }, ex.Message);
        }
        try
        {
            return await store.SaveDraftAsync(definition, ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(
                $"Another version of '{definitionId}' was saved at the same moment. Load the latest version and save again.");
        }
    }

    private async Task<WorkflowDefinitionVersion> PublishOrThrowAsync(string definitionId, CancellationToken ct)
    {
        var outcome = await store.PublishAsync(definitionId, ct);
        if (outcome.Version is null)
        {
            throw new NotFoundException($"No workflow definition '{definitionId}' in this region.");
        }
        if (outcome.Errors.Count > 0)
        {
            var root = JsonNode.Parse(outcome.Version.Json)?["root"];
            // The Studio shows the messages only, so each one names its activity.
            var errors = outcome.Errors
                .GroupBy(e => e.ActivityId ?? "definition", StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => g.Select(e => e.ActivityId is { } id && !e.Message.Contains($"'{id}'", StringComparison.Ordinal)
                        ? $"{ActivityLabel(root, id)}: {e.Message}"
                        : e.Message).ToArray());
            throw new ValidationException(errors,
                $"Version {outcome.Version.Version} of '{definitionId}' was not published: {outcome.Errors.Count} problem(s). "
                + "It stays a draft.");
        }
        return outcome.Version;
    }

    private async Task<WorkflowDefinitionVersion> FindAsync(string definitionId, string? versionOptions, CancellationToken ct)
    {
        var query = db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        var options = (versionOptions ?? "Latest").Trim();
        query = options.ToLowerInvariant() switch
        {
            "published" or "latestandpublished" => query.Where(d => d.IsPublished),
            "draft" => query.Where(d => !d.IsPublished),
            "latestorpublished" or "latest" or "" or "all" or "allversions" => query,
            _ when int.TryParse(options, NumberStyles.None, CultureInfo.InvariantCulture, out var number) =>
                query.Where(d => d.Version == number),
            _ => throw new ValidationException(new Dictionary<string, string[]>
            {
                ["versionOptions"] = ["Use Latest, Published, LatestOrPublished, Draft or a version number."],
            }),
        };
        return await query.OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"No workflow definition '{definitionId}' in this region.");
    }
}
