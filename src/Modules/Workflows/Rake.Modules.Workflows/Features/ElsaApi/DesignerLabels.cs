using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;

namespace Rake.Modules.Workflows.Features.ElsaApi;

/// <summary>
/// Canvas labels in the admin's words. Elsa Studio 3 labels a node with the activity's <c>metadata.displayText</c> and
/// otherwise with the type's display name, so an activity added in the Studio read "Henkilön tehtävä" however it was
/// titled. An activity with a literal <c>title</c> and no display text of its own shows its title, and keeps following it
/// while the admin has not written a different display text (docs/adr/0161).
/// </summary>
internal static class DesignerLabels
{
    private const string TitleInput = "title";

    /// <summary>Fills missing display texts from titles (the model the Studio loads).</summary>
    public static void FromTitles(JsonNode? root) => Apply(root, previous: null);

    /// <summary>On save: missing display texts come from titles, and a display text that still equals the previous version's
    /// title follows the title to its new wording.</summary>
    public static void FollowTitles(JsonNode? root, JsonNode? previousRoot)
    {
        var previous = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var activity in Activities(previousRoot))
        {
            previous.TryAdd(JsonRead.Text(activity["id"])!, activity);
        }
        Apply(root, previous);
    }

    private static void Apply(JsonNode? root, Dictionary<string, JsonObject>? previous)
    {
        foreach (var activity in Activities(root).ToList())
        {
            if (Title(activity) is not { } title)
            {
                continue;
            }
            var shown = DisplayText(activity);
            var followsOldTitle = previous is not null && shown is not null
                && previous.TryGetValue(JsonRead.Text(activity["id"])!, out var old) && Title(old) is { } oldTitle
                && shown == oldTitle && (DisplayText(old) ?? oldTitle) == oldTitle;
            if (shown is null || followsOldTitle)
            {
                if (activity["metadata"] is not JsonObject metadata)
                {
                    if (!JsonRead.IsNull(activity["metadata"]))
                    {
                        // Not ours to repair: validation names the wrong type.
                        continue;
                    }
                    metadata = [];
                    activity["metadata"] = metadata;
                }
                metadata["displayText"] = title;
            }
        }
    }

    private static string? Title(JsonObject activity) =>
        InputValue.From(activity[TitleInput]) is { ExpressionType: "Literal", Value: var value }
            && JsonRead.Text(value) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static string? DisplayText(JsonObject activity) =>
        JsonRead.Text((activity["metadata"] as JsonObject)?["displayText"]) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    /// <summary>Every activity object in the tree (an object with a text id and type; expressions have no id), depth-first.</summary>
    private static IEnumerable<JsonObject> Activities(JsonNode? node)
    {
        var stack = new Stack<JsonNode?>([node]);
        while (stack.TryPop(out var current))
        {
            switch (current)
            {
                case JsonObject o:
                    if (JsonRead.Text(o["id"]) is { Length: > 0 } && JsonRead.Text(o["type"]) is not null)
                    {
                        yield return o;
                    }
                    foreach (var (_, child) in o)
                    {
                        stack.Push(child);
                    }
                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        stack.Push(child);
                    }
                    break;
            }
        }
    }
}
