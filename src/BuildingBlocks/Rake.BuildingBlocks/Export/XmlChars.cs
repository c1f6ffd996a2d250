using System.Text;
using System.Xml;

namespace Rake.BuildingBlocks.Export;

/// <summary>
/// Text as XML 1.0 can hold it. Stored text may carry characters XML forbids (U+0001 pasted from another program,
/// U+FFFE, a lone surrogate); written as they are, one such character makes the XML writer throw and the whole feed or
/// document answer 500 for everyone. Every writer of XML, .docx, .xlsx, Atom and SVG passes its text through here.
/// </summary>
public static class XmlChars
{
    /// <summary>The text without the characters XML 1.0 cannot hold; everything else (tab, line ends, emoji) stays.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                clean.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }
        return clean.ToString();
    }

    /// <summary>Whether XML 1.0 can hold the text as it is.</summary>
    public static bool IsValid(string? text) => text is null || FirstInvalid(text) < 0;

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsPair(string text, int i) =>
        i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
}
