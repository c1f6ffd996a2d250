using System.Globalization;
using System.Text;

namespace Rake.BuildingBlocks.Privacy;

/// <summary>
/// Text folded the way a reader sees it, so that an identity code typed to slip past a pattern is still found: NFKC
/// (full-width and other compatibility forms), decimal digits of every script to ASCII, dash and plus look-alikes to
/// '-' and '+', zero-width characters and soft hyphens removed, spaces of every kind to ' ', and the Cyrillic and
/// Greek letters that look like the Latin letters of a code (century signs and check characters) to those letters.
/// </summary>
/// <remarks>
/// Each folded character remembers which typed characters it came from, so a finding in the folded text can be
/// reported, masked and highlighted in the text exactly as it was typed. Folding works one code point at a time:
/// composition across code points (a letter plus a combining mark) does not matter for digits and code letters.
/// </remarks>
internal sealed class PiiText
{
    private static readonly Dictionary<int, char> LookAlikes = new()
    {
        // Cyrillic capitals and small letters.
        [0x0410] = 'A',
        [0x0430] = 'a',
        [0x0412] = 'B',
        [0x0432] = 'b',
        [0x0421] = 'C',
        [0x0441] = 'c',
        [0x0415] = 'E',
        [0x0435] = 'e',
        [0x0425] = 'X',
        [0x0445] = 'x',
        [0x0423] = 'Y',
        [0x0443] = 'y',
        [0x04AE] = 'Y',
        [0x04AF] = 'y',
        [0x0500] = 'D',
        [0x0501] = 'd',
        [0x051C] = 'W',
        [0x051D] = 'w',
        [0x0474] = 'V',
        [0x0475] = 'v',
        [0x041D] = 'H',
        [0x043D] = 'h',
        [0x041A] = 'K',
        [0x043A] = 'k',
        [0x041C] = 'M',
        [0x043C] = 'm',
        [0x0420] = 'P',
        [0x0440] = 'p',
        [0x0422] = 'T',
        [0x0442] = 't',
        [0x0405] = 'S',
        [0x0455] = 's',
        [0x0408] = 'J',
        [0x0458] = 'j',
        // Greek capitals and small letters.
        [0x0391] = 'A',
        [0x03B1] = 'a',
        [0x0392] = 'B',
        [0x0395] = 'E',
        [0x03B5] = 'e',
        [0x03A7] = 'X',
        [0x03C7] = 'x',
        [0x03A5] = 'Y',
        [0x03C5] = 'u',
        [0x03BD] = 'v',
        [0x03F9] = 'C',
        [0x03F2] = 'c',
        [0x03DC] = 'F',
        [0x0397] = 'H',
        [0x039A] = 'K',
        [0x039C] = 'M',
        [0x039D] = 'N',
        [0x03A1] = 'P',
        [0x03A4] = 'T',
        // Armenian letters that pass for U, a Cherokee one for L.
        [0x054D] = 'U',
        [0x057D] = 'u',
        [0x13DE] = 'L',
    };

    private readonly int[] starts;
    private readonly int[] ends;

    private PiiText(string text, int[] starts, int[] ends)
    {
        Text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /// <summary>The folded text; only searched, never stored or shown.</summary>
    public string Text { get; }

    public static PiiText Fold(string original)
    {
        var text = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        var position = 0;
        while (position < original.Length)
        {
            var status = Rune.DecodeFromUtf16(original.AsSpan(position), out var rune, out var consumed);
            var end = position + Math.Max(consumed, 1);
            if (status != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate cannot be normalised; keep it as typed.
                Append(text, starts, ends, original[position], position, end);
            }
            else if (rune.IsAscii)
            {
                Append(text, starts, ends, (char)rune.Value, position, end);
            }
            else if (LookAlikes.TryGetValue(rune.Value, out var latin))
            {
                // Before NFKC, which would turn some of them (lunate sigma Ϲ) into a letter that no longer looks Latin.
                Append(text, starts, ends, latin, position, end);
            }
            else
            {
                foreach (var folded in Compatible(rune).EnumerateRunes())
                {
                    FoldRune(text, starts, ends, folded, position, end);
                }
            }
            position = end;
        }
        return new PiiText(text.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>
    /// The NFKC form of one code point. ICU refuses noncharacters such as U+FFFE ("invalid code points"); they fold to
    /// nothing else, so they are kept as typed rather than failing the scan of text that holds one.
    /// </summary>
    private static string Compatible(Rune rune)
    {
        var single = rune.ToString();
        try
        {
            return single.IsNormalized(NormalizationForm.FormKC) ? single : single.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return single;
        }
    }

    /// <summary>The stretch of the typed text that the folded stretch came from.</summary>
    public (int Index, int Length) ToOriginal(int index, int length)
    {
        var start = starts[index];
        return (start, ends[index + length - 1] - start);
    }

    private static void FoldRune(StringBuilder text, List<int> starts, List<int> ends, Rune rune, int start, int end)
    {
        var value = rune.Value;
        if (value is 0x00AD or 0x180E or (>= 0x200B and <= 0x200F) or (>= 0x2060 and <= 0x2064) or 0xFEFF)
        {
            return;
        }
        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.DecimalDigitNumber)
        {
            Append(text, starts, ends, (char)('0' + (int)Rune.GetNumericValue(rune)), start, end);
        }
        else if (category == UnicodeCategory.DashPunctuation || value is 0x2212 or 0x02D7 or 0x2796 or 0x2011)
        {
            Append(text, starts, ends, '-', start, end);
        }
        else if (value is 0x02D6 or 0x2795 or 0xFB29)
        {
            Append(text, starts, ends, '+', start, end);
        }
        else if (category == UnicodeCategory.SpaceSeparator)
        {
            Append(text, starts, ends, ' ', start, end);
        }
        else if (LookAlikes.TryGetValue(value, out var latin))
        {
            Append(text, starts, ends, latin, start, end);
        }
        else
        {
            Span<char> units = stackalloc char[2];
            var written = rune.EncodeToUtf16(units);
            for (var i = 0; i < written; i++)
            {
                Append(text, starts, ends, units[i], start, end);
            }
        }
    }

    private static void Append(StringBuilder text, List<int> starts, List<int> ends, char c, int start, int end)
    {
        text.Append(c);
        starts.Add(start);
        ends.Add(end);
    }
}
