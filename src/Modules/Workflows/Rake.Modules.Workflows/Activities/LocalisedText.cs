using System.Text.Json.Nodes;

namespace Rake.Modules.Workflows.Activities;

/// <summary>A task's texts in every language the workflow gives, for the inbox to pick the reader's (docs/adr/0130).</summary>
internal static class LocalisedText
{
    /// <summary><c>{fi, sv, en}</c> of the texts given; null when only the Finnish one is.</summary>
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
