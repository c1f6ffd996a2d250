using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Rake.Host.Api;

/// <summary>
/// Names each schema in <c>/openapi/v1.json</c> after its module as well as its type (<c>Planning.PublicationRequest</c>),
/// because modules choose their type names independently and the framework's default, the bare type name, let two
/// modules' requests share one schema (docs/adr/0071). Two types that would still share a name fail the document
/// loudly instead of one silently describing the other.
/// </summary>
internal sealed class OpenApiSchemaIds
{
    private readonly ConcurrentDictionary<string, Type> owners = new(StringComparer.Ordinal);

    public string? Create(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (id is null)
        {
            return null;
        }
        if (ModuleOf(info.Type) is { } module)
        {
            id = $"{module}.{id}";
        }
        var owner = owners.GetOrAdd(id, info.Type);
        return owner == info.Type
            ? id
            : throw new InvalidOperationException(
                $"{owner.FullName} and {info.Type.FullName} would share the OpenAPI schema '{id}'; rename one.");
    }

    /// <summary>The module a type belongs to, or for a shared generic such as a page, the module of its item type.</summary>
    private static string? ModuleOf(Type type)
    {
        const string Prefix = "Rake.Modules.";
        if (type.Namespace is { } ns && ns.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var rest = ns[Prefix.Length..];
            var dot = rest.IndexOf('.');
            return dot < 0 ? rest : rest[..dot];
        }
        var element = type.IsArray ? type.GetElementType() : null;
        return (element is null ? type.GetGenericArguments() : [element]).Select(ModuleOf).FirstOrDefault(m => m is not null);
    }
}
