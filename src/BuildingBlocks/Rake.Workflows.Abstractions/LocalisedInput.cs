using System.Text.Json.Nodes;

namespace Rake.Workflows.Abstractions;

/// <summary>
/// Language versions of an activity's text input (docs/adr/0130): beside <c>title</c>, written in Finnish as the regions
/// write their files, an activity may take <c>titleSv</c> and <c>titleEn</c>. They are ordinary inputs, so Elsa Studio
/// shows and keeps them, and a definition without them reads as before.
/// </summary>
public static class LocalisedInput
{
    /// <summary>The languages a text may be given in besides Finnish.</summary>
    public static readonly IReadOnlyList<string> Languages = ["sv", "en"];

    /// <summary><c>title</c>, <c>sv</c> → <c>titleSv</c>.</summary>
    public static string Name(string input, string language) => input + char.ToUpperInvariant(language[0]) + language[1..];

    /// <summary>
    /// Publish-time checks of one text's language versions: a version given as a constant is neither blank nor longer than
    /// <paramref name="maxLength"/>, and none is given without the Finnish text it translates.
    /// </summary>
    public static IEnumerable<string> Validate(IActivityDesign design, string input, string label, int maxLength)
    {
        foreach (var language in Languages)
        {
            var name = Name(input, language);
            if (design.GetExpressionType(name) is null)
            {
                continue;
            }
            if (design.GetExpressionType(input) is null)
            {
                yield return $"The {label} in '{language}' has no Finnish {label} to translate.";
            }
            if (design.TryGetConstantInput<string>(name, out var text))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    yield return $"The {label} in '{language}' is empty: give the text or remove the input.";
                }
                else if (text.Length > maxLength)
                {
                    yield return $"The {label} in '{language}' is longer than {maxLength} characters.";
                }
            }
        }
    }

    /// <summary>
    /// A task's texts in every language the workflow gives, for the inbox to pick the reader's: <c>{fi, sv, en}</c> of the
    /// texts given, trimmed; null when only the Finnish one is.
    /// </summary>
    public static JsonObject? Versions(string? finnish, string? swedish, string? english)
    {
        if (string.IsNullOrWhiteSpace(swedish) && string.IsNullOrWhiteSpace(english))
        {
            return null;
        }
        var versions = new JsonObject();
        foreach (var (language, text) in new[] { ("fi", finnish), ("sv", swedish), ("en", english) })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                versions[language] = text.Trim();
            }
        }
        return versions;
    }
}
