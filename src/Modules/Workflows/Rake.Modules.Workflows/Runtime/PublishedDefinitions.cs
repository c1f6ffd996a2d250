using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>
/// Parsed definitions of stored versions, kept so that a start or resume does not parse the same JSON again
/// (docs/adr/0192). An entry is used only when the stored text is the same text it was parsed from, so a version saved
/// again is parsed again; the engine only reads a definition, so one parsed tree serves every run at once. Every node of
/// the tree is read once before it is shared, so no lazy initialisation inside System.Text.Json happens on two threads.
/// </summary>
internal static class PublishedDefinitions
{
    /// <summary>Far more than the versions a Host runs in a day; the cache is emptied when full.</summary>
    private const int MaxEntries = 512;

    private static readonly ConcurrentDictionary<Guid, Entry> Cache = new();

    public static WorkflowDefinition Get(WorkflowDefinitionVersion version)
    {
        if (Cache.TryGetValue(version.Id, out var entry) && string.Equals(entry.Json, version.Json, StringComparison.Ordinal))
        {
            return entry.Definition;
        }
        var definition = WorkflowDefinition.Parse(version.Json);
        ReadAll(definition.Json);
        if (Cache.Count >= MaxEntries)
        {
            Cache.Clear();
        }
        Cache[version.Id] = new Entry(version.Json, definition);
        return definition;
    }

    private static void ReadAll(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    ReadAll(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ReadAll(item);
                }
                break;
            case JsonValue value:
                _ = value.GetValueKind();
                break;
        }
    }

    private sealed record Entry(string Json, WorkflowDefinition Definition);
}
