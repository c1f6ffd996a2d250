using System.Text.Json;

namespace Rake.BuildingBlocks.Web;

/// <summary>
/// A JSON request value the strict reader refuses. It is a <see cref="JsonException"/> so model binding treats it as
/// any malformed body (a 400); the Host words it from <see cref="TextKey"/> in the caller's language.
/// </summary>
public sealed class JsonInputException(string textKey, params object[] args) : JsonException(textKey)
{
    public string TextKey { get; } = textKey;

    public IReadOnlyList<object> Args { get; } = args;

    /// <summary>The field as the caller wrote it (<c>categories[0]</c>); null when the reader's path says it.</summary>
    public string? Field { get; init; }
}
