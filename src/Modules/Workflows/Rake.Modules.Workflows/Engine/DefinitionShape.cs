using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rake.Modules.Workflows.Engine;

/// <summary>
/// Checks the JSON types of a definition's own structure before anything reads it: text where Elsa's model has text,
/// whole numbers for versions, objects and lists where it nests activities, connections and expressions. Elsa's
/// deserializer refuses these too; here each becomes a validation error naming the activity and the property instead of
/// an exception (docs/adr/0160). Input values are not checked here: a bare value is a literal, as in Elsa, and whether it
/// converts to the input's type is the publisher's check.
/// </summary>
internal static class DefinitionShape
{
    private static readonly string[] TextKeys = ["id", "type", "name", "nodeId"];
    private static readonly string[] ObjectKeys = ["metadata", "customProperties", "body", "then", "else", "default", "childFinished",
        "childFaulted"];
    private static readonly string[] BooleanKeys = ["canStartWorkflow", "runAsynchronously"];

    public static IEnumerable<ValidationError> Check(WorkflowDefinition definition, ActivityRegistry registry)
    {
        foreach (var key in new[] { "definitionId", "name", "description" })
        {
            if (!IsText(definition.Json[key]))
            {
                yield return new(null, $"The workflow's '{key}' must be text, not {Kind(definition.Json[key])}.");
            }
        }
        foreach (var key in new[] { "variables", "inputs", "outputs", "outcomes" })
        {
            var list = definition.Json[key];
            if (!JsonRead.IsNull(list) && list is not JsonArray)
            {
                yield return new(null, $"The workflow's '{key}' must be a list, not {Kind(list)}.");
            }
        }
        if (definition.Json["variables"] is JsonArray variables)
        {
            for (var i = 0; i < variables.Count; i++)
            {
                if (variables[i] is not JsonObject variable || JsonRead.Text(variable["name"] ?? variable["id"]) is null)
                {
                    yield return new(null, $"Workflow variable {i} must be an object with a text 'name'.");
                }
            }
        }
        foreach (var node in definition.AllActivities())
        {
            foreach (var error in CheckActivity(node, registry))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<ValidationError> CheckActivity(ActivityNode node, ActivityRegistry registry)
    {
        var json = node.Json;
        var id = node.Id.Length > 0 ? node.Id : null;
        ValidationError Error(string what) => new(id, $"Activity {node.Label}: {what}");

        if (JsonRead.Text(json["type"]) is null)
        {
            yield return Error($"'type' must be the activity type's name as text, not {Kind(json["type"])}.");
        }
        foreach (var key in TextKeys.Where(k => k != "type" && !IsText(json[k])))
        {
            yield return Error($"'{key}' must be text, not {Kind(json[key])}.");
        }
        if (json["version"] is { } version && !JsonRead.IsNull(version)
            && !(version is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out _)))
        {
            yield return Error($"'version' must be a whole number, not {Kind(version)}.");
        }
        foreach (var key in ObjectKeys.Where(k => !JsonRead.IsNull(json[k]) && json[k] is not JsonObject))
        {
            yield return Error($"'{key}' must be an object, not {Kind(json[key])}.");
        }
        foreach (var key in BooleanKeys)
        {
            if (!JsonRead.IsNull(json[key]) && json[key]!.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                yield return Error($"'{key}' must be true or false, not {Kind(json[key])}.");
            }
        }
        if (json["metadata"] is JsonObject metadata && !IsText(metadata["displayText"]))
        {
            yield return Error($"its display text (metadata.displayText) must be text, not {Kind(metadata["displayText"])}.");
        }
        foreach (var error in CheckList(json, "activities", Error).Concat(CheckConnections(json, Error)))
        {
            yield return error;
        }
        var descriptor = registry.Find(node);
        foreach (var input in descriptor?.Inputs ?? [])
        {
            if (node.RawInput(input.Name) is not JsonObject wrapped || !wrapped.ContainsKey("expression"))
            {
                continue;
            }
            var expression = wrapped["expression"];
            if (!JsonRead.IsNull(expression) && expression is not JsonObject)
            {
                yield return Error($"input '{input.Name}' has an expression that is {Kind(expression)}, not an object "
                    + "{type, value}.");
            }
            else if (expression is JsonObject e && !JsonRead.IsNull(e["type"]) && JsonRead.Text(e["type"]) is null)
            {
                yield return Error($"input '{input.Name}' has an expression type that is {Kind(e["type"])}, not text.");
            }
        }
    }

    private static IEnumerable<ValidationError> CheckList(JsonObject json, string key, Func<string, ValidationError> error)
    {
        var list = json[key];
        if (JsonRead.IsNull(list))
        {
            yield break;
        }
        if (list is not JsonArray items)
        {
            yield return error($"'{key}' must be a list, not {Kind(list)}.");
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject)
            {
                yield return error($"item {i} of '{key}' must be an object, not {Kind(items[i])}.");
            }
        }
    }

    private static IEnumerable<ValidationError> CheckConnections(JsonObject json, Func<string, ValidationError> error)
    {
        foreach (var problem in CheckList(json, "connections", error))
        {
            yield return problem;
        }
        if (json["connections"] is not JsonArray connections)
        {
            yield break;
        }
        for (var i = 0; i < connections.Count; i++)
        {
            if (connections[i] is not JsonObject connection)
            {
                continue;
            }
            var (source, target) = (connection["source"], connection["target"]);
            var valid = (source, target) switch
            {
                (JsonObject s, JsonObject t) => End(s) && End(t),
                (JsonValue, JsonValue) => JsonRead.Text(source) is not null && JsonRead.Text(target) is not null
                    && IsText(connection["sourcePort"]) && IsText(connection["targetPort"]),
                _ => false,
            };
            if (!valid)
            {
                yield return error($"connection {i} must have a source and a target, each {{activity, port}} with text values.");
            }
        }

        static bool End(JsonObject end) => JsonRead.Text(end["activity"]) is not null && IsText(end["port"]);
    }

    /// <summary>Text, or absent/null where the property is optional.</summary>
    private static bool IsText(JsonNode? node) => JsonRead.IsNull(node) || JsonRead.Text(node) is not null;

    private static string Kind(JsonNode? node) => node switch
    {
        null => "missing",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "text",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            JsonValueKind.Null => "null",
            _ => "a value",
        },
        _ => "a value",
    };
}
