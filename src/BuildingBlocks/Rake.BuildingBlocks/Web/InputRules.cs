namespace Rake.BuildingBlocks.Web;

/// <summary>
/// What any text or date a caller sends must satisfy before a handler sees it, whatever the endpoint
/// (docs/adr/0070). Text that PostgreSQL, XML or Unicode normalisation cannot hold makes a later step fail for everyone;
/// dates near the ends of the calendar overflow as soon as a handler adds a duration or converts a time zone.
/// </summary>
public static class InputRules
{
    /// <summary>The first and last year a date may fall in; wide enough for any real plan, meeting or report.</summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2999;

    /// <summary>
    /// The index of the first character no stored text may hold, or -1: control characters other than tab, line feed
    /// and carriage return (U+0000 cannot be stored in PostgreSQL, the others not in XML), surrogates without their pair,
    /// and Unicode noncharacters such as U+FFFE and U+FFFF.
    /// </summary>
    public static int FirstForbiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return i;
                }
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || (c < ' ' && c is not ('\t' or '\n' or '\r')) || IsNoncharacter(c))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The forbidden character at <paramref name="index"/> as callers write it, e.g. <c>U+FFFF</c>.</summary>
    public static string Describe(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? $"U+{char.ConvertToUtf32(text[index], text[index + 1]):X4}"
            : $"U+{(int)text[index]:X4}";

    public static bool IsYearInRange(int year) => year is >= MinYear and <= MaxYear;

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>Adds the caller's-language error for a forbidden character in <paramref name="field"/>, if there is one.</summary>
    public static void CheckText(Localization.TextCatalog texts, string field, string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return;
        }
        var index = FirstForbiddenCharacter(value);
        if (index >= 0)
        {
            errors[field] = [texts.Get("validation.forbiddenCharacter", Describe(value, index), index + 1)];
        }
    }
}
