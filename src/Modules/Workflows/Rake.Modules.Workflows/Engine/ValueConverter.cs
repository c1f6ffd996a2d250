using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rake.Modules.Workflows.Engine;

/// <summary>
/// Converts JSON-shaped values (string, number, bool, null, JsonNode) to an input's CLR type and back. Kept to the
/// types that JSON can carry, because workflow state must persist and designs come from JSON.
/// </summary>
internal static class ValueConverter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object? Convert(object? value, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null || (value is JsonValue jv && jv.GetValueKind() == JsonValueKind.Null))
        {
            return target.IsValueType && underlying is null ? Activator.CreateInstance(target) : null;
        }
        target = underlying ?? target;
        if (target == typeof(object))
        {
            return value;
        }
        if (target.IsInstanceOfType(value) && value is not JsonNode)
        {
            return value;
        }
        if (value is JsonNode node)
        {
            if (node is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
            {
                return Convert(scalar.GetValue<string>(), target);
            }
            if (target == typeof(string))
            {
                return node is JsonValue v ? v.ToString() : node.ToJsonString();
            }
            return node.Deserialize(target, Json);
        }
        if (value is string text)
        {
            return FromString(text, target);
        }
        if (target == typeof(string))
        {
            return System.Convert.ToString(value, CultureInfo.InvariantCulture);
        }
        if (target.IsEnum)
        {
            return Enum.ToObject(target, value);
        }
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        // Arrays and other shapes travel through JSON so a JS array can feed a string[] input.
        return JsonSerializer.SerializeToNode(value, Json).Deserialize(target, Json);
    }

    private static object? FromString(string text, Type target)
    {
        if (target == typeof(string))
        {
            return text;
        }
        if (target == typeof(bool))
        {
            return bool.Parse(text.Trim());
        }
        if (target.IsEnum)
        {
            return Enum.Parse(target, text.Trim(), ignoreCase: true);
        }
        if (target == typeof(TimeSpan))
        {
            return TimeSpan.Parse(text.Trim(), CultureInfo.InvariantCulture);
        }
        if (target == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture);
        }
        if (target == typeof(DateTime))
        {
            return DateTime.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }
        if (target == typeof(Guid))
        {
            return Guid.Parse(text.Trim());
        }
        if (target.IsPrimitive || target == typeof(decimal))
        {
            return System.Convert.ChangeType(text.Trim(), target, CultureInfo.InvariantCulture);
        }
        // Object expressions hold JSON text ('["One","Two"]').
        return JsonSerializer.Deserialize(text, target, Json);
    }

    /// <summary>Elsa's variable type names (Int32, String, Boolean...) to CLR types; unknown names stay untyped.</summary>
    public static Type TypeOf(string? typeName) => typeName switch
    {
        "Int32" or "int" => typeof(int),
        "Int64" or "long" => typeof(long),
        "Double" or "double" or "Single" or "float" => typeof(double),
        "Decimal" or "decimal" => typeof(decimal),
        "Boolean" or "bool" => typeof(bool),
        "String" or "string" => typeof(string),
        "TimeSpan" => typeof(TimeSpan),
        "DateTime" => typeof(DateTime),
        "DateTimeOffset" => typeof(DateTimeOffset),
        "String[]" => typeof(string[]),
        _ => typeof(object),
    };

    /// <summary>Normalises a value for storage in workflow state (variables, outputs): JSON-shaped only.</summary>
    public static object? ToStateValue(object? value) => value switch
    {
        null => null,
        string or bool or int or long or double or decimal => value,
        float f => (double)f,
        JsonNode n => n.DeepClone(),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ when value.GetType().IsPrimitive => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => JsonSerializer.SerializeToNode(value, Json),
    };
}
