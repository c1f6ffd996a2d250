using System.Globalization;
using Rake.BuildingBlocks.Localization;

namespace Rake.BuildingBlocks.Ui;

/// <summary>
/// Radzen's built-in strings (pager, filter operators, column picker, empty grid) from the text catalog under
/// <c>radzen.{Radzen key}</c>, so a Finnish or Swedish page shows no English from the component library.
/// A key the catalog lacks falls back to Radzen's English.
/// </summary>
public sealed class RadzenTexts(TextCatalog texts) : Radzen.ILocalizer
{
    public string? Get(string key, CultureInfo culture)
    {
        var name = $"radzen.{key}";
        if (!texts.Entries.ContainsKey(name))
        {
            return null;
        }
        var language = culture.TwoLetterISOLanguageName;
        return texts.GetIn(TextCatalog.Languages.Contains(language) ? language : "fi", name);
    }
}
