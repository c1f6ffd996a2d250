using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Rake.BuildingBlocks.Web;

/// <summary>
/// The JSON rules every request body is read with, for every endpoint at once (docs/adr/0070): no duplicate keys,
/// no properties the request type does not have (so one module's body sent to another's endpoint is refused, not read
/// as "every field empty"), and, checked on each Rake request object as soon as it is read, no null where the type says
/// there is always a value (also inside lists), no text with characters nothing downstream can hold, and no date
/// outside <see cref="InputRules.MinYear"/>–<see cref="InputRules.MaxYear"/>. A refusal is a <see cref="JsonException"/>,
/// which model binding turns into a 400 before any handler runs, so nothing is stored.
/// </summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new StrictJsonNodeConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Modify);
    }

    /// <summary>
    /// Parses JSON read by hand (a file upload, a raw body) under the same rules as a bound body.
    /// </summary>
    /// <exception cref="JsonException">Malformed JSON; a <see cref="JsonInputException"/> for a rule it breaks.</exception>
    public static System.Text.Json.Nodes.JsonNode? ParseNode(string json)
    {
        using var document = JsonDocument.Parse(json);
        StrictJsonNodeConverter.Check(document.RootElement, "");
        return System.Text.Json.Nodes.JsonNode.Parse(json);
    }

    private static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !IsRakeType(info.Type))
        {
            return;
        }
        info.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        var checks = info.Properties.Select(PropertyCheck.For).OfType<PropertyCheck>().ToArray();
        if (checks.Length == 0)
        {
            return;
        }
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var check in checks)
            {
                check.Run(value);
            }
        };
    }

    private static bool IsRakeType(Type type) => type.Assembly.GetName().Name?.StartsWith("Rake.", StringComparison.Ordinal) == true;

    /// <summary>What one property of a request type may hold, worked out once from its type and nullability.</summary>
    private sealed class PropertyCheck(JsonPropertyInfo property, bool required, ValueKind kind, ElementRule? elements)
    {
        private static readonly NullabilityInfoContext Nullability = new();

        public static PropertyCheck? For(JsonPropertyInfo property)
        {
            if (property.Get is null)
            {
                return null;
            }
            NullabilityInfo? nullability;
            // The context caches per member and is not thread-safe; type infos may be built on several threads.
            lock (Nullability)
            {
                nullability = property.AttributeProvider switch
                {
                    PropertyInfo p => Nullability.Create(p),
                    FieldInfo f => Nullability.Create(f),
                    _ => null,
                };
            }
            var required = !property.PropertyType.IsValueType && nullability?.ReadState == NullabilityState.NotNull;
            var kind = KindOf(property.PropertyType);
            var elements = kind == ValueKind.Other ? ElementRule.For(property.PropertyType, nullability) : null;
            return required || kind != ValueKind.Other || elements is not null
                ? new PropertyCheck(property, required, kind, elements)
                : null;
        }

        public void Run(object owner)
        {
            var value = property.Get!(owner);
            if (value is null)
            {
                if (required)
                {
                    throw new JsonInputException("validation.required") { Field = property.Name };
                }
                return;
            }
            CheckScalar(kind, value, property.Name);
            elements?.Run(value, property.Name);
        }
    }

    /// <summary>Rules for the items of a list (or the keys and values of a dictionary).</summary>
    private sealed class ElementRule(bool dictionary, bool itemRequired, ValueKind itemKind, ValueKind keyKind)
    {
        public static ElementRule? For(Type type, NullabilityInfo? nullability)
        {
            if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
            {
                return null;
            }
            if (DictionaryTypes(type) is { } kv)
            {
                var valueState = nullability?.GenericTypeArguments is { Length: 2 } args ? args[1].ReadState : NullabilityState.Unknown;
                var valueRequired = !kv.Value.IsValueType && valueState == NullabilityState.NotNull;
                return new ElementRule(true, valueRequired, KindOf(kv.Value), KindOf(kv.Key));
            }
            var itemType = type.IsArray ? type.GetElementType() : EnumerableItem(type);
            if (itemType is null)
            {
                return null;
            }
            var itemState = type.IsArray
                ? nullability?.ElementType?.ReadState
                : nullability?.GenericTypeArguments is { Length: 1 } only ? only[0].ReadState : null;
            var required = !itemType.IsValueType && itemState == NullabilityState.NotNull;
            var itemKind = KindOf(itemType);
            return required || itemKind != ValueKind.Other ? new ElementRule(false, required, itemKind, ValueKind.Other) : null;
        }

        public void Run(object collection, string field)
        {
            if (dictionary && collection is IDictionary)
            {
                foreach (DictionaryEntry entry in (IDictionary)collection)
                {
                    var name = $"{field}.{entry.Key}";
                    CheckScalar(keyKind, entry.Key, field);
                    CheckItem(entry.Value, name);
                }
                return;
            }
            var index = 0;
            foreach (var item in (IEnumerable)collection)
            {
                CheckItem(item, $"{field}[{index++}]");
            }
        }

        private void CheckItem(object? item, string field)
        {
            if (item is null)
            {
                if (itemRequired)
                {
                    throw new JsonInputException("validation.nullInList") { Field = field };
                }
                return;
            }
            CheckScalar(itemKind, item, field);
        }

        private static (Type Key, Type Value)? DictionaryTypes(Type type)
        {
            if (!typeof(IDictionary).IsAssignableFrom(type) && !type.IsInterface)
            {
                return null;
            }
            foreach (var candidate in type.GetInterfaces().Prepend(type))
            {
                if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() is var d
                    && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>) || d == typeof(Dictionary<,>)))
                {
                    var arguments = candidate.GetGenericArguments();
                    return (arguments[0], arguments[1]);
                }
            }
            return null;
        }

        private static Type? EnumerableItem(Type type) =>
            type.IsGenericType && type.GetGenericArguments().Length == 1
                ? type.GetGenericArguments()[0]
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                    ?.GetGenericArguments()[0];
    }

    private enum ValueKind
    {
        Other,
        Text,
        Date,
    }

    private static ValueKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? ValueKind.Text
            : type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) ? ValueKind.Date
            : ValueKind.Other;
    }

    private static void CheckScalar(ValueKind kind, object value, string field)
    {
        switch (kind)
        {
            case ValueKind.Text when value is string text && InputRules.FirstForbiddenCharacter(text) is var index and >= 0:
                throw new JsonInputException("validation.forbiddenCharacter", InputRules.Describe(text, index), index + 1)
                {
                    Field = field,
                };
            case ValueKind.Date when YearOf(value) is { } year && !InputRules.IsYearInRange(year):
                throw new JsonInputException("validation.dateRange", InputRules.MinYear, InputRules.MaxYear) { Field = field };
        }
    }

    private static int? YearOf(object value) => value switch
    {
        // The instant's own calendar year and its UTC year both count: either overflows when converted.
        DateTimeOffset o => o.Year < InputRules.MinYear || o.Year > InputRules.MaxYear ? o.Year : o.UtcDateTime.Year,
        DateTime d => d.Year,
        DateOnly d => d.Year,
        _ => null,
    };
}
