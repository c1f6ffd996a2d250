using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rake.Tests.Fuzzing;

/// <summary>One mutated definition: what was changed, in which activity (its id and display text, when it has them).</summary>
internal sealed record DefinitionMutation(string Source, string Change, string? ActivityId, string? ActivityText, string Json)
{
    public override string ToString() => $"{Source}: {Change}";
}

/// <summary>
/// Mutates Elsa 3 workflow definitions systematically: every input of every activity replaced with true, 1, {}, [], null and
/// a long string (whole, as its expression, as its expression's value and type); every structural property replaced the same
/// way and removed; an unknown property added; ports renamed; connections left dangling or closed into a cycle; and the whole
/// definition made huge or deeply nested. The long string and the few sampled choices come from a fixed seed, so a failure
/// names a mutation that comes back on the next run. Shared by the Workflows module tests and the Host's API test.
/// </summary>
internal static class DefinitionMutations
{
    public const int Seed = 15;

    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "canStartWorkflow", "runAsynchronously",
        "activities", "connections", "body", "then", "else", "default", "variables", "start", "source", "line",
        "applicationProperties",
    };

    private static readonly JsonSerializerOptions Writer = new() { MaxDepth = 4096 };

    /// <summary>The six replacement values; the long string is seeded.</summary>
    public static IReadOnlyList<(string Name, Func<JsonNode?> Make)> Values(Random random)
    {
        var longText = new string(Enumerable.Range(0, 5_000).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());
        return
        [
            ("true", () => JsonValue.Create(true)),
            ("1", () => JsonValue.Create(1)),
            ("{}", () => new JsonObject()),
            ("[]", () => new JsonArray()),
            ("null", () => null),
            ("a long string", () => JsonValue.Create(longText)),
        ];
    }

    public static IEnumerable<DefinitionMutation> Of(string source, JsonObject definition, Random random)
    {
        var values = Values(random);
        var activities = Activities(definition["root"]).ToList();
        for (var index = 0; index < activities.Count; index++)
        {
            var original = activities[index];
            var id = Text(original["id"]);
            // How a message can name the activity: its id, and its display text or else its name.
            var shown = Text((original["metadata"] as JsonObject)?["displayText"]) ?? Text(original["name"]);
            DefinitionMutation Make(string change, Action<JsonObject> edit, string? about = null)
            {
                var copy = (JsonObject)definition.DeepClone();
                edit(Activities(copy["root"]).ElementAt(index));
                // Without its id, the activity can only be named by its display text, name or type.
                var idGone = change.StartsWith("'id'", StringComparison.Ordinal);
                var named = about is null ? (id, idGone ? shown ?? Text(original["type"]) : shown) : (about, Shown(activities, about));
                return new(source, $"activity '{id}' ({Text(original["type"])}): {change}", named.Item1, named.Item2,
                    copy.ToJsonString(Writer));
            }
            foreach (var key in original.Select(p => p.Key).ToList())
            {
                var isInput = !Structural.Contains(key);
                if (isInput && original[key] is JsonObject input && input["expression"] is JsonObject)
                {
                    foreach (var (name, make) in values)
                    {
                        yield return Make($"input '{key}' expression value = {name}", a => a[key]!["expression"]!["value"] = make());
                        yield return Make($"input '{key}' expression = {name}", a => a[key]!["expression"] = make());
                        yield return Make($"input '{key}' expression type = {name}", a => a[key]!["expression"]!["type"] = make());
                    }
                }
                if (!isInput && key is "activities" or "connections" && original[key] is JsonArray { Count: > 0 })
                {
                    // Replacing a whole flowchart's content is covered by its items' own mutations; one sample is enough.
                    var (name, make) = values[random.Next(values.Count)];
                    yield return Make($"'{key}' = {name}", a => a[key] = make());
                    yield return Make($"'{key}' item 0 = {name}", a => a[key]![0] = make());
                    continue;
                }
                foreach (var (name, make) in values)
                {
                    yield return Make($"'{key}' = {name}", a => a[key] = make());
                }
                yield return Make($"'{key}' removed", a => a.Remove(key));
            }
            yield return Make("an unknown property", a => a["fuzzUnknown"] = new JsonObject { ["nested"] = new JsonArray(1, "two") });
            if (original["connections"] is JsonArray connections && connections.Count > 0)
            {
                var first = Text((original["activities"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["id"]) ?? "start";
                var last = Text((original["activities"] as JsonArray)?.OfType<JsonObject>().LastOrDefault()?["id"]) ?? "end";
                for (var c = 0; c < connections.Count; c++)
                {
                    var n = c;
                    // A wrong port is the fault of the activity at that end of the connection, and its message names that one.
                    yield return Make($"connection {n}: source port renamed", a => Port(a, n, "source", "FuzzNoSuchPort"),
                        EndOf(connections[n], "source"));
                    yield return Make($"connection {n}: target port renamed", a => Port(a, n, "target", "FuzzNoSuchPort"),
                        EndOf(connections[n], "target"));
                    yield return Make($"connection {n}: dangling target", a => End(a, n, "target", "fuzz-ghost"));
                }
                yield return Make($"a cycle from '{last}' back to '{first}'", a => ((JsonArray)a["connections"]!).Add(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = last, ["port"] = "Done" },
                    ["target"] = new JsonObject { ["activity"] = first, ["port"] = "In" },
                }));
            }
        }
        foreach (var change in Whole(source, definition))
        {
            yield return change;
        }
    }

    /// <summary>Huge and deeply nested definitions, written as text (deeper than a JSON writer's default depth).</summary>
    private static IEnumerable<DefinitionMutation> Whole(string source, JsonObject definition)
    {
        const string marker = "\"fuzzMarker\":0";
        var template = (JsonObject)definition.DeepClone();
        template["fuzzMarker"] = 0;
        var text = template.ToJsonString(Writer);
        foreach (var depth in new[] { 63, 65, 1_000, 100_000 })
        {
            var nested = new StringBuilder().Append('"').Append("fuzzNested\":").Append('[', depth).Append(']', depth).ToString();
            yield return new(source, $"an array nested {depth} deep", null, null, text.Replace(marker, nested, StringComparison.Ordinal));
        }
        var huge = (JsonObject)definition.DeepClone();
        if (huge["root"] is JsonObject root && root["activities"] is JsonArray activities && activities.Count > 0)
        {
            var template2 = activities.OfType<JsonObject>().First();
            for (var i = 0; i < 2_000; i++)
            {
                var copy = (JsonObject)template2.DeepClone();
                copy["id"] = $"fuzz-copy-{i}";
                activities.Add(copy);
            }
            yield return new(source, "2 000 more activities", null, null, huge.ToJsonString(Writer));
        }
        var sequence = new JsonObject { ["id"] = "fuzz-leaf", ["type"] = "Elsa.WriteLine", ["version"] = 1 };
        for (var i = 0; i < 60; i++)
        {
            sequence = new JsonObject
            {
                ["id"] = $"fuzz-seq-{i}",
                ["type"] = "Elsa.Sequence",
                ["version"] = 1,
                ["activities"] = new JsonArray(sequence),
            };
        }
        var deep = (JsonObject)definition.DeepClone();
        (deep["root"]?["activities"] as JsonArray)?.Add(sequence);
        // Deeper than a definition may nest: refused before any activity is read, so no activity to name.
        yield return new(source, "sequences nested 60 deep", null, null, deep.ToJsonString(Writer));
    }

    private static string? EndOf(JsonNode? connection, string end) =>
        connection?[end] is JsonObject e ? Text(e["activity"]) : Text(connection?[end]);

    private static string? Shown(List<JsonObject> activities, string id) =>
        activities.FirstOrDefault(a => Text(a["id"]) == id) is { } a
            ? Text((a["metadata"] as JsonObject)?["displayText"]) ?? Text(a["name"])
            : null;

    private static void Port(JsonObject flowchart, int index, string end, string port)
    {
        if (flowchart["connections"]![index] is JsonObject c)
        {
            if (c[end] is JsonObject e)
            {
                e["port"] = port;
            }
            else
            {
                c[end + "Port"] = port;
            }
        }
    }

    private static void End(JsonObject flowchart, int index, string end, string activity)
    {
        if (flowchart["connections"]![index] is JsonObject c)
        {
            if (c[end] is JsonObject e)
            {
                e["activity"] = activity;
            }
            else
            {
                c[end] = activity;
            }
        }
    }

    /// <summary>Activity objects (a text id and type; expressions have no id), in a stable depth-first order.</summary>
    public static IEnumerable<JsonObject> Activities(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (Text(o["id"]) is { Length: > 0 } && Text(o["type"]) is not null)
                {
                    yield return o;
                }
                foreach (var (_, child) in o)
                {
                    foreach (var found in Activities(child))
                    {
                        yield return found;
                    }
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var found in Activities(child))
                    {
                        yield return found;
                    }
                }
                break;
        }
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
