using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Rake.BuildingBlocks.Privacy;

/// <summary>
/// Marks a free text of a request that other people read or that leaves the region. The request pipeline
/// (<see cref="Web.RequestChecks"/>) screens every marked text with <see cref="PiiGuard"/> before any handler runs: a
/// valid personal identity code is refused with 400 and nothing is stored (docs/adr/0090). On a string list every item
/// is screened. Put it on the positional parameter of a record (<c>[ScreenedText] string? Text</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ScreenedTextAttribute : Attribute;

/// <summary>
/// A request whose writer can confirm that heuristic findings (phone, e-mail, address, name near a date) identify no
/// one. Only such requests are held to those warnings; the identity-code refusal applies to every request
/// (docs/adr/0090).
/// </summary>
public interface IConfirmsIdentifyingDetails
{
    bool WarningsConfirmed { get; }
}

/// <summary>The free-text properties of a request type, found once by reflection and cached.</summary>
public static class ScreenedText
{
    private const int MaxDepth = 4;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<TextProperty>> Properties = new();

    /// <summary>One string (or string list) property reachable from a request type, and whether it is screened.</summary>
    /// <param name="Path">Property names from the request down, as declared (<c>Rows.TargetGroup</c>).</param>
    public sealed record TextProperty(string Path, bool Screened, bool IsList, IReadOnlyList<PropertyInfo> Chain);

    /// <summary>Every string and string-list property of <paramref name="type"/>, nested records and lists included.</summary>
    public static IReadOnlyList<TextProperty> Describe(Type type) => Properties.GetOrAdd(type, t => Collect(t, "", [], 0));

    /// <summary>True when the type has at least one screened text, so the pipeline must look at it.</summary>
    public static bool HasScreenedText(Type type) => Describe(type).Any(p => p.Screened);

    /// <summary>
    /// The screened texts a request carries, each with the field name a caller sends (<c>rows[2].targetGroup</c>).
    /// </summary>
    public static IReadOnlyList<(string Field, string? Text)> Read(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var texts = new List<(string Field, string? Text)>();
        var screened = Describe(request.GetType()).Where(p => p.Screened).ToList();
        if (screened.Count > 0)
        {
            Walk(request, request.GetType(), "", 0, texts);
        }
        return texts;
    }

    private static void Walk(object value, Type type, string prefix, int depth, List<(string Field, string? Text)> texts)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        foreach (var property in Readable(type))
        {
            var field = prefix + JsonName(property.Name);
            var propertyValue = property.GetValue(value);
            if (propertyValue is null)
            {
                continue;
            }
            if (property.PropertyType == typeof(string))
            {
                if (IsMarked(type, property))
                {
                    texts.Add((field, (string)propertyValue));
                }
            }
            else if (StringItems(property.PropertyType))
            {
                if (IsMarked(type, property))
                {
                    var i = 0;
                    foreach (var item in (IEnumerable)propertyValue)
                    {
                        texts.Add(($"{field}[{i++}]", item as string));
                    }
                }
            }
            else if (ItemType(property.PropertyType) is { } itemType)
            {
                var i = 0;
                foreach (var item in (IEnumerable)propertyValue)
                {
                    if (item is not null)
                    {
                        Walk(item, itemType, $"{field}[{i}].", depth + 1, texts);
                    }
                    i++;
                }
            }
            else if (IsRecordLike(property.PropertyType))
            {
                Walk(propertyValue, property.PropertyType, field + ".", depth + 1, texts);
            }
        }
    }

    private static List<TextProperty> Collect(Type type, string prefix, IReadOnlyList<PropertyInfo> chain, int depth)
    {
        var found = new List<TextProperty>();
        if (depth > MaxDepth)
        {
            return found;
        }
        foreach (var property in Readable(type))
        {
            var path = prefix + property.Name;
            IReadOnlyList<PropertyInfo> here = [.. chain, property];
            if (property.PropertyType == typeof(string) || StringItems(property.PropertyType))
            {
                found.Add(new TextProperty(path, IsMarked(type, property), property.PropertyType != typeof(string), here));
            }
            else if (ItemType(property.PropertyType) is { } itemType)
            {
                found.AddRange(Collect(itemType, path + "[].", here, depth + 1));
            }
            else if (IsRecordLike(property.PropertyType))
            {
                found.AddRange(Collect(property.PropertyType, path + ".", here, depth + 1));
            }
        }
        return found;
    }

    private static IEnumerable<PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");

    /// <summary>Marked on the property, or on the record's positional parameter of the same name.</summary>
    private static bool IsMarked(Type type, PropertyInfo property) =>
        property.IsDefined(typeof(ScreenedTextAttribute), inherit: true)
        || type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .Any(p => p.Name == property.Name && p.IsDefined(typeof(ScreenedTextAttribute), inherit: true));

    private static bool StringItems(Type type) => type != typeof(string) && ItemTypeOf(type) == typeof(string);

    /// <summary>The item type of a list of application records (not of strings, numbers or framework types).</summary>
    private static Type? ItemType(Type type) =>
        type != typeof(string) && ItemTypeOf(type) is { } item && IsRecordLike(item) ? item : null;

    private static Type? ItemTypeOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>A class of the application (not a framework type such as a JSON node, a string or a collection).</summary>
    private static bool IsRecordLike(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("Rake.", StringComparison.Ordinal) == true;

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>
/// Checks text that is already stored before it moves on (approved, published, mailed): it may predate the guard, or
/// have been written by a path that is not a request. A personal identity code stops it (docs/adr/0090).
/// </summary>
public static class StoredTextCheck
{
    /// <summary>Refuses with 422 and the fields that hold a code; the code itself is never echoed.</summary>
    public static void ThrowIfIdentityCode(Localization.TextCatalog texts, params (string Field, string? Text)[] fields)
    {
        var fieldsWithCode = fields.Where(f => PiiGuard.ContainsIdentityCode(f.Text)).Select(f => f.Field).Distinct().ToList();
        if (fieldsWithCode.Count > 0)
        {
            throw new Web.ValidationException(
                fieldsWithCode.ToDictionary(f => f, _ => new[] { texts["pii.storedIdentityCode"] }),
                texts["pii.storedIdentityCodeDetail"], 422, PiiGuard.IdentityCodeProblem);
        }
    }

    /// <summary>True when any of the texts holds a personal identity code.</summary>
    public static bool AnyIdentityCode(params string?[] texts) => texts.Any(PiiGuard.ContainsIdentityCode);
}
