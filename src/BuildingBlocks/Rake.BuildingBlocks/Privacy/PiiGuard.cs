using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rake.BuildingBlocks.Privacy;

/// <summary>What kind of personal data a <see cref="PiiFinding"/> looks like.</summary>
public enum PiiKind
{
    /// <summary>A Finnish personal identity code with a valid date and checksum: the report is rejected.</summary>
    PersonalIdentityCode,

    /// <summary>A likely person name close to a date (e.g. a client visit): the reporter must confirm.</summary>
    NameWithDate,

    /// <summary>A Finnish phone number: the reporter must confirm.</summary>
    PhoneNumber,

    /// <summary>An e-mail address: the reporter must confirm.</summary>
    Email,

    /// <summary>A street name with a house number: the reporter must confirm.</summary>
    StreetAddress,
}

/// <summary>
/// One suspected piece of personal data. <paramref name="Index"/> and <paramref name="Length"/> are relative to the
/// text of <paramref name="Field"/> exactly as it was typed (not its normalised form). <paramref name="Excerpt"/> is masked
/// so that the finding itself can be shown,
/// logged or stored without leaking the value it warns about.
/// </summary>
public sealed record PiiFinding(PiiKind Kind, string Field, int Index, int Length, string Excerpt);

/// <summary>
/// Screens free text for personal data before other people read it or it leaves the region. A valid personal
/// identity code is a hard reject; everything else is a heuristic warning the writer has to confirm, so the
/// warning rules lean towards recall but must stay quiet on ordinary Finnish and Swedish prose.
/// </summary>
/// <remarks>
/// The text is first folded (<see cref="PiiText"/>): compatibility forms, digits of every script, dash and plus
/// look-alikes, invisible characters and Cyrillic or Greek look-alikes of the code letters, so an obfuscated code is
/// seen as what a reader sees. Findings still point into the text as typed, and the text itself is never changed.
/// Identity codes are found by a small hand-written scanner, not a regex: every start position is tried (so an
/// invalid candidate never hides a valid one overlapping it) and each try reads at most a few dozen characters.
/// <para>
/// Report text is user input, so every pattern is source-generated with a match timeout and only bounded
/// quantifiers, and long texts are searched window by window (see <see cref="FindAll"/>) so that the time one regex
/// call may take does not grow with the length of the text. The timeout then only fires on genuinely pathological
/// matching. A <see cref="RegexMatchTimeoutException"/> is deliberately not caught: a scan that did not finish must
/// not look like a clean scan, so callers have to treat it as a failure (fail closed).
/// </para>
/// </remarks>
public static partial class PiiGuard
{
    /// <summary>ProblemDetails type of a refusal because a text holds a personal identity code.</summary>
    public const string IdentityCodeProblem = "https://rake.invalid/problems/personal-identity-code";

    /// <summary>ProblemDetails type of a request held until its writer confirms the identifying details found.</summary>
    public const string IdentifyingDetailsProblem = "https://rake.invalid/problems/identifying-details";

    /// <summary>
    /// Budget for one regex call over one window. Honest matching of a window takes a few milliseconds, and every
    /// pattern is length-bounded, so this is a last safety net, not a limit honest text meets. It is generous on
    /// purpose: the budget is wall-clock time, and on a loaded server a thread can be descheduled for hundreds of
    /// milliseconds; a tight budget would then refuse an ordinary report as "could not be checked".
    /// </summary>
    private const int MatchTimeoutMilliseconds = 2000;

    /// <summary>How far (in characters, gap between the two) a name may be from a date to count as "name with date".</summary>
    private const int NameDateProximity = 60;

    /// <summary>National numbers shorter than this are years, counts, times or sums, not phone numbers.</summary>
    private const int MinPhoneDigits = 7;

    private const int MaxPhoneDigits = 12;

    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /// <summary>How many spaces or dots in a row may stand between two characters of an identity code.</summary>
    private const int MaxSeparatorRun = 2;

    /// <summary>How many start positions one regex call examines; keeps each timed call short on huge texts.</summary>
    private const int ScanWindow = 2048;

    /// <summary>
    /// Upper bound for how far any pattern below can read past a start position (its longest match plus a one
    /// character lookahead; the e-mail pattern is the longest at about 670). Every quantifier in the patterns must
    /// stay bounded for the windowed search to give the same matches as one search over the whole text.
    /// </summary>
    private const int MaxMatchReach = 1024;

    /// <summary>Scans each (field name, text) pair; returns all findings. Null or empty texts are skipped.</summary>
    public static IReadOnlyList<PiiFinding> Scan(IEnumerable<(string Field, string? Text)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);

        var findings = new List<PiiFinding>();
        foreach (var (field, text) in fields)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            findings.AddRange(ScanText(field, text));
        }
        return findings;
    }

    /// <summary>
    /// True when <paramref name="candidate"/> is exactly an 11-character personal identity code (DDMMYYCNNNX) with a
    /// real calendar date in the century given by the sign, an individual number 002–999 and a matching check character.
    /// </summary>
    /// <remarks>
    /// Official codes use upper case, but people type the century sign and check character in lower case too, and a
    /// lower-case code identifies the person just as well; so lower case is accepted everywhere.
    /// </remarks>
    public static bool IsValidPersonalIdentityCode(string candidate)
    {
        if (candidate is null || candidate.Length != 11)
        {
            return false;
        }
        for (var i = 0; i < 11; i++)
        {
            if (i != 6 && i != 10 && !char.IsAsciiDigit(candidate[i]))
            {
                return false;
            }
        }

        var century = CenturyOf(candidate[6]);
        if (century is null)
        {
            return false;
        }

        var day = ParseDigits(candidate, 0, 2);
        var month = ParseDigits(candidate, 2, 2);
        var year = century.Value + ParseDigits(candidate, 4, 2);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        // 000 and 001 are never issued; 900–999 are temporary codes, which still identify a person.
        if (ParseDigits(candidate, 7, 3) < 2)
        {
            return false;
        }

        var number = ParseDigits(candidate, 0, 6) * 1000 + ParseDigits(candidate, 7, 3);
        return CheckCharacters[number % 31] == char.ToUpperInvariant(candidate[10]);
    }

    /// <summary>Where the valid personal identity codes sit in the text as typed, in any of the forms the guard folds.</summary>
    public static IReadOnlyList<(int Index, int Length)> IdentityCodesIn(string text)
    {
        var folded = PiiText.Fold(text);
        return FindIdentityCodes(folded.Text).ConvertAll(c => folded.ToOriginal(c.Index, c.Length));
    }

    /// <summary>True when the text holds a valid personal identity code in any of the forms the guard folds.</summary>
    public static bool ContainsIdentityCode(string? text) =>
        !string.IsNullOrEmpty(text) && FindIdentityCodes(PiiText.Fold(text).Text).Count > 0;

    private static List<PiiFinding> ScanText(string field, string original)
    {
        var folded = PiiText.Fold(original);
        var text = folded.Text;
        var candidates = new List<(PiiKind Kind, int Index, int Length)>();

        foreach (var (index, length) in FindIdentityCodes(text))
        {
            candidates.Add((PiiKind.PersonalIdentityCode, index, length));
        }

        foreach (var (index, length) in FindAll(EmailRegex(), text))
        {
            candidates.Add((PiiKind.Email, index, length));
        }

        foreach (var (index, length) in FindAll(StreetAddressRegex(), text))
        {
            candidates.Add((PiiKind.StreetAddress, index, length));
        }

        foreach (var (index, length) in FindAll(PhoneRegex(), text))
        {
            var digits = NationalDigitCount(text.AsSpan(index, length));
            if (digits is >= MinPhoneDigits and <= MaxPhoneDigits)
            {
                candidates.Add((PiiKind.PhoneNumber, index, length));
            }
        }

        AddNamesNearDates(text, candidates);

        return Deduplicate(candidates).ConvertAll(c =>
        {
            var (index, length) = folded.ToOriginal(c.Index, c.Length);
            return new PiiFinding(c.Kind, field, index, length, Mask(original.AsSpan(index, length)));
        });
    }

    /// <summary>
    /// Every valid personal identity code in folded text: six digits, the century sign, three digits and the check
    /// character, with up to <see cref="MaxSeparatorRun"/> spaces or dots between any two of them
    /// (<c>050327 +6397</c>, <c>05.03.27-639.7</c>). Letters may touch the code on either side, because
    /// <c>hetu050327+6397</c> leaks the code all the same; a digit right before or after it makes it part of a longer
    /// number (a reference or an account number) instead.
    /// </summary>
    private static List<(int Index, int Length)> FindIdentityCodes(string text)
    {
        var found = new List<(int Index, int Length)>();
        Span<char> code = stackalloc char[11];
        var start = 0;
        while (start < text.Length)
        {
            if (char.IsAsciiDigit(text[start]) && (start == 0 || !char.IsAsciiDigit(text[start - 1]))
                && TryReadCode(text, start, code, out var end) && IsValidPersonalIdentityCode(new string(code)))
            {
                found.Add((start, end - start));
                start = end;
                continue;
            }
            start++;
        }
        return found;
    }

    /// <summary>Reads the eleven characters of a code candidate at <paramref name="start"/>, skipping separators.</summary>
    private static bool TryReadCode(string text, int start, Span<char> code, out int end)
    {
        end = start;
        var position = start;
        for (var i = 0; i < 11; i++)
        {
            if (i > 0)
            {
                var skipped = 0;
                while (position < text.Length && skipped < MaxSeparatorRun && IsSeparator(text[position]))
                {
                    position++;
                    skipped++;
                }
            }
            if (position >= text.Length)
            {
                return false;
            }
            var c = text[position];
            var fits = i switch
            {
                6 => c is '+' or '-' || (char.IsAsciiLetter(c) && CenturyOf(c) is not null),
                10 => char.IsAsciiLetterOrDigit(c),
                _ => char.IsAsciiDigit(c),
            };
            if (!fits)
            {
                return false;
            }
            code[i] = c;
            position++;
        }
        if (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            return false;
        }
        end = position;
        return true;
    }

    private static bool IsSeparator(char c) => c is ' ' or '.' or '\t';

    /// <summary>
    /// Flags the name, not the date: the name is what identifies the client, and a date on its own is fine in a
    /// report. Without any date in the text nothing is flagged, which keeps capitalised place and organisation names
    /// in ordinary prose quiet.
    /// </summary>
    private static void AddNamesNearDates(string text, List<(PiiKind Kind, int Index, int Length)> candidates)
    {
        var dates = FindAll(DateRegex(), text);
        if (dates.Count == 0)
        {
            return;
        }

        // Matches are non-overlapping and in order, so their end positions are sorted too: binary search them.
        var dateEnds = dates.ConvertAll(d => d.Index + d.Length);

        foreach (var (index, length) in FindAll(PersonNameRegex(), text))
        {
            var first = dateEnds.BinarySearch(index - NameDateProximity);
            if (first < 0)
            {
                first = ~first;
            }
            if (first < dates.Count && dates[first].Index <= index + length + NameDateProximity)
            {
                candidates.Add((PiiKind.NameWithDate, index, length));
            }
        }
    }

    /// <summary>
    /// All matches of <paramref name="regex"/> in <paramref name="text"/>, exactly as one left-to-right search would
    /// find them, but with every regex call limited to <see cref="ScanWindow"/> start positions. Otherwise a single
    /// call on a long text with no match in it scans the whole text, and the per-call timeout would fire on large
    /// but harmless input (easily so in unoptimised builds).
    /// </summary>
    /// <remarks>
    /// The input span always starts at 0, so lookbehinds see the real preceding text; it ends
    /// <see cref="MaxMatchReach"/> past the window, so every decision about a start inside the window sees exactly
    /// the characters it would see in the whole text. Matches starting after the window are left to the next one.
    /// </remarks>
    private static List<(int Index, int Length)> FindAll(Regex regex, string text)
    {
        var found = new List<(int Index, int Length)>();
        var position = 0;
        while (position < text.Length)
        {
            var windowEnd = Math.Min(text.Length, position + ScanWindow);
            var inputEnd = Math.Min(text.Length, windowEnd + MaxMatchReach);
            var next = windowEnd;
            foreach (var match in regex.EnumerateMatches(text.AsSpan(0, inputEnd), position))
            {
                if (match.Index >= windowEnd)
                {
                    break;
                }
                found.Add((match.Index, match.Length));
                next = Math.Max(next, match.Index + match.Length);
            }
            position = next;
        }
        return found;
    }

    /// <summary>
    /// One stretch of text gets one finding: the stronger kind wins, so a valid identity code is never also reported
    /// as a phone number (the reporter would be told to "confirm" something that is in fact rejected).
    /// </summary>
    private static List<(PiiKind Kind, int Index, int Length)> Deduplicate(List<(PiiKind Kind, int Index, int Length)> candidates)
    {
        // Kept findings never overlap each other, so ordered by start they are also ordered by end, and a candidate
        // can only collide with its neighbours at the insertion point. Hostile text yields thousands of findings,
        // so a pairwise comparison would be quadratic.
        var kept = new List<(PiiKind Kind, int Index, int Length)>(candidates.Count);
        foreach (var candidate in candidates.OrderBy(f => Priority(f.Kind)).ThenBy(f => f.Index))
        {
            var position = FirstStartingAtOrAfter(kept, candidate.Index);
            var overlapsNext = position < kept.Count && Overlaps(kept[position], candidate);
            var overlapsPrevious = position > 0 && Overlaps(kept[position - 1], candidate);
            if (!overlapsNext && !overlapsPrevious)
            {
                kept.Insert(position, candidate);
            }
        }
        return kept;
    }

    private static int FirstStartingAtOrAfter(List<(PiiKind Kind, int Index, int Length)> sorted, int index)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (sorted[middle].Index < index)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private static int Priority(PiiKind kind) => kind switch
    {
        PiiKind.PersonalIdentityCode => 0,
        PiiKind.Email => 1,
        PiiKind.StreetAddress => 2,
        PiiKind.PhoneNumber => 3,
        PiiKind.NameWithDate => 4,
        _ => 5,
    };

    private static bool Overlaps((PiiKind Kind, int Index, int Length) a, (PiiKind Kind, int Index, int Length) b) =>
        a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

    /// <summary>
    /// Keeps the first two characters so the reporter can find the spot, and whitespace so the shape stays readable;
    /// everything else is starred. Values of two characters or fewer are starred completely.
    /// </summary>
    private static string Mask(ReadOnlySpan<char> value)
    {
        var visible = value.Length > 2 ? 2 : 0;
        var masked = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            masked.Append(i < visible || char.IsWhiteSpace(value[i]) ? value[i] : '*');
        }
        return masked.ToString();
    }

    private static int? CenturyOf(char sign) => char.ToUpperInvariant(sign) switch
    {
        '+' => 1800,
        '-' or 'Y' or 'X' or 'W' or 'V' or 'U' => 1900,
        'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
        _ => null,
    };

    private static int ParseDigits(string value, int start, int length) =>
        int.Parse(value.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Digits as dialled inside Finland: "+358 40…" counts like "040…".</summary>
    private static int NationalDigitCount(ReadOnlySpan<char> phone)
    {
        var digits = 0;
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }
        if (phone.StartsWith('+'))
        {
            return digits - 3 + 1;
        }
        return phone.StartsWith("00358", StringComparison.Ordinal) ? digits - 5 + 1 : digits;
    }

    // Trunk prefix 0 or country code +358/00358, an area or operator code, then digit groups separated by at most
    // one space or hyphen (non-breaking spaces included, word processors insert them). Digit count is checked
    // afterwards; the pattern only gives the shape.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}+])(?:(?:\+|00)358[ \u00A0-]?(?:\(0\)[ \u00A0-]?)?[1-9][0-9]{0,2}|0[1-9][0-9]{0,2})" +
            @"(?:[ \u00A0-]?[0-9]{2,4}){1,4}(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex PhoneRegex();

    // Local part and domain labels are capped at their RFC 5321 lengths; the caps also bound MaxMatchReach.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex EmailRegex();

    // A capitalised word ending in a street suffix, a house number, then optionally a staircase letter and an
    // apartment number ("Kauppakatu 12 B 5"). Lower-case "palvelupolku 2" style jargon is common in social work
    // prose, so the street name must start with a capital; typed-in lower-case addresses are the accepted miss.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}-])\p{Lu}[\p{L}-]{0,40}(?:katu|tie|kuja|polku|väylä|raitti|ranta|tori|kaari|rinne|gatan|vägen|stigen|" +
            @"gränd)[ \t\u00A0]{1,4}[0-9]{1,4}(?:[ \t\u00A0]?[A-Za-zÅÄÖåäö](?:[ \t\u00A0]?[0-9]{1,3})?)?(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex StreetAddressRegex();

    // Two or three consecutive capitalised words (double-barrelled parts allowed), e.g. "Matti Virtanen",
    // "Åsa Hägglund", "Anna-Liisa Mäki-Korpela". Upper-case abbreviations such as "THL" do not fit \p{Lu}\p{Ll}.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{1,30}(?:-\p{Lu}\p{Ll}{1,30})?(?:[ \t\u00A0]{1,4}\p{Lu}\p{Ll}{1,30}(?:-\p{Lu}\p{Ll}{1,30})" +
            @"?){1,2}(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex PersonNameRegex();

    // 3.5.2024, 03.05.24 and 3.5. as written in Finnish, plus ISO 2024-05-03. Without a year the date must not run
    // into another digit, so that version numbers like 1.2.3 are not dates.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}.])(?:0?[1-9]|[12][0-9]|3[01])\.(?:0?[1-9]|1[0-2])\.(?:(?:19|20)?[0-9]{2}(?![\p{N}])|(?![\p{N}]))|" +
            @"(?<![\p{L}\p{N}-])(?:18|19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?![\p{N}])",
        RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex DateRegex();
}
