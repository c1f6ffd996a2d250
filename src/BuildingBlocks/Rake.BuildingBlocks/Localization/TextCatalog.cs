using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Rake.BuildingBlocks.Localization;

/// <summary>
/// User-facing text in Finnish, Swedish and English. Each assembly embeds a <c>texts.json</c>
/// (<c>{"key": {"fi": "…", "sv": "…", "en": "…"}}</c>); the current UI culture picks the language, Finnish first.
/// </summary>
public sealed class TextCatalog
{
    public static readonly string[] Languages = ["fi", "sv", "en"];
    private readonly Dictionary<string, Dictionary<string, string>> entries = new(StringComparer.Ordinal);

    public TextCatalog(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith("texts.json", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                var parsed = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                    ?? throw new InvalidOperationException($"{resource} is empty.");
                foreach (var (key, value) in parsed)
                {
                    if (!entries.TryAdd(key, value))
                    {
                        throw new InvalidOperationException($"Text key '{key}' is defined twice ({resource}).");
                    }
                }
            }
        }
    }

    public IReadOnlyDictionary<string, Dictionary<string, string>> Entries => entries;

    public static string CurrentLanguage
    {
        get
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return Languages.Contains(language) ? language : "fi";
        }
    }

    public string this[string key] => Get(key);

    public string Get(string key, params object[] args) => GetIn(CurrentLanguage, key, args);

    public string GetIn(string language, string key, params object[] args)
    {
        if (!entries.TryGetValue(key, out var byLanguage))
        {
            return key;
        }
        var text = byLanguage.GetValueOrDefault(language) ?? byLanguage.GetValueOrDefault("fi") ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
