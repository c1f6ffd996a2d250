using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Features.ElsaApi;

/// <summary>The shapes of Elsa 3's definition model that the Studio reads, built from a stored version (docs/adr/0010).</summary>
internal static class ElsaDefinitionModel
{
    public const string ToolVersion = "3.8.0";

    internal static JsonObject SaveResponse(WorkflowDefinitionVersion version, bool alreadyPublished) => new()
    {
        ["workflowDefinition"] = Model(version),
        ["alreadyPublished"] = alreadyPublished,
        ["consumingWorkflowCount"] = 0,
    };

    internal static JsonObject Summary(WorkflowDefinitionVersion v)
    {
        var json = JsonNode.Parse(v.Json) as JsonObject;
        return new JsonObject
        {
            ["id"] = v.Id.ToString("N"),
            ["definitionId"] = v.DefinitionId,
            ["name"] = v.Name,
            ["description"] = json?["description"]?.DeepClone(),
            ["version"] = v.Version,
            ["toolVersion"] = json?["toolVersion"]?.DeepClone() ?? ToolVersion,
            ["isLatest"] = v.IsLatest,
            ["isPublished"] = v.IsPublished,
            ["isReadonly"] = false,
            ["isSystem"] = false,
            ["providerName"] = null,
            ["materializerName"] = "Json",
            ["createdAt"] = v.CreatedAt,
        };
    }

    /// <summary>The Elsa 3 definition model. The Studio edits only the latest version, and only when a publish link is present.</summary>
    internal static JsonObject Model(WorkflowDefinitionVersion v)
    {
        var json = JsonNode.Parse(v.Json) as JsonObject ?? [];
        var path = $"/workflow-definitions/{Uri.EscapeDataString(v.DefinitionId)}";
        var links = new JsonArray(
            Link($"/workflow-definitions/by-definition-id/{Uri.EscapeDataString(v.DefinitionId)}", "self", "GET"),
            Link($"{path}/execute", "execute", "POST"));
        if (v.IsLatest)
        {
            links.Add(Link($"{path}/publish", "publish", "POST"));
        }
        return new JsonObject
        {
            ["id"] = v.Id.ToString("N"),
            ["definitionId"] = v.DefinitionId,
            ["name"] = v.Name,
            ["description"] = json["description"]?.DeepClone(),
            ["createdAt"] = v.CreatedAt,
            ["version"] = v.Version,
            ["toolVersion"] = json["toolVersion"]?.DeepClone() ?? ToolVersion,
            ["isLatest"] = v.IsLatest,
            ["isPublished"] = v.IsPublished,
            ["isReadonly"] = false,
            ["isSystem"] = false,
            ["options"] = json["options"]?.DeepClone() ?? DefaultOptions(),
            ["variables"] = json["variables"]?.DeepClone() ?? new JsonArray(),
            ["inputs"] = json["inputs"]?.DeepClone() ?? new JsonArray(),
            ["outputs"] = json["outputs"]?.DeepClone() ?? new JsonArray(),
            ["outcomes"] = json["outcomes"]?.DeepClone() ?? new JsonArray(),
            ["customProperties"] = json["customProperties"]?.DeepClone() ?? new JsonObject(),
            ["providerName"] = null,
            ["materializerName"] = "Json",
            ["materializerContext"] = null,
            ["links"] = links,
            ["root"] = Labelled(json["root"]?.DeepClone()),
        };
    }

    private static JsonNode? Labelled(JsonNode? root)
    {
        DesignerLabels.FromTitles(root);
        return root;
    }

    internal static JsonObject DefaultOptions() => new()
    {
        ["activationStrategyType"] = null,
        ["usableAsActivity"] = false,
        ["autoUpdateConsumingWorkflows"] = false,
        ["activityCategory"] = null,
        ["incidentStrategyType"] = null,
        ["commitStrategyName"] = null,
    };

    internal static JsonObject Link(string href, string rel, string method) =>
        new() { ["href"] = href, ["rel"] = rel, ["method"] = method };

    internal static string ActivityLabel(JsonNode? node, string activityId)
    {
        static JsonObject? Find(JsonNode? n, string id)
        {
            if (n is JsonObject o)
            {
                if (JsonRead.Text(o["id"]) == id)
                {
                    return o;
                }
                foreach (var (_, child) in o)
                {
                    if (Find(child, id) is { } found)
                    {
                        return found;
                    }
                }
            }
            else if (n is JsonArray a)
            {
                foreach (var child in a)
                {
                    if (Find(child, id) is { } found)
                    {
                        return found;
                    }
                }
            }
            return null;
        }
        var activity = Find(node, activityId);
        var shown = JsonRead.Text((activity?["metadata"] as JsonObject)?["displayText"]) is { } display
            && !string.IsNullOrWhiteSpace(display)
            ? display.Trim()
            : JsonRead.Text(activity?["name"]);
        return shown is { Length: > 0 } ? $"{shown} ({activityId})" : activityId;
    }

    internal static string SafeFileName(string definitionId) =>
        new(definitionId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
