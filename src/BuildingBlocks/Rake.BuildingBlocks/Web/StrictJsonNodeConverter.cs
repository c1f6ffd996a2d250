using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Rake.BuildingBlocks.Web;

/// <summary>
/// Reads request bodies bound as <see cref="JsonNode"/> (the workflow definitions) under the rules of
/// <see cref="StrictJson"/>. The framework's own reader for JSON trees ignores <c>AllowDuplicateProperties</c> and
/// throws an <see cref="ArgumentException"/> on a repeated key, which used to be a 500.
/// </summary>
internal sealed class StrictJsonNodeConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(JsonNode).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NodeConverter<>).MakeGenericType(typeToConvert))!;

    /// <summary>Refuses a repeated key or a forbidden character anywhere in the tree, naming where it is.</summary>
    internal static void Check(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var name = Text(() => property.Name, path);
                    var field = path.Length == 0 ? name : $"{path}.{name}";
                    if (!names.Add(name))
                    {
                        throw new JsonInputException("validation.json.duplicateKey", name) { Field = field };
                    }
                    Check(property.Value, field);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, $"{path}[{index++}]");
                }
                break;
            case JsonValueKind.String:
                Text(() => element.GetString()!, path);
                break;
        }
    }

    private static string Text(Func<string> read, string path)
    {
        var field = path.Length == 0 ? "body" : path;
        string text;
        try
        {
            text = read();
        }
        catch (InvalidOperationException)
        {
            // An escaped surrogate without its pair (\uD800) cannot become a .NET string at all.
            throw new JsonInputException("validation.unpairedSurrogate") { Field = field };
        }
        if (InputRules.FirstForbiddenCharacter(text) is var index and >= 0)
        {
            throw new JsonInputException("validation.forbiddenCharacter", InputRules.Describe(text, index), index + 1) { Field = field };
        }
        return text;
    }

    private sealed class NodeConverter<T> : JsonConverter<T>
        where T : JsonNode
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            Check(document.RootElement, "");
            return JsonNode.Parse(document.RootElement.GetRawText()) switch
            {
                null => null,
                T node => node,
                _ => throw new JsonException($"Expected a JSON {(typeof(T) == typeof(JsonArray) ? "array" : "object")}."),
            };
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => value.WriteTo(writer, options);
    }
}
