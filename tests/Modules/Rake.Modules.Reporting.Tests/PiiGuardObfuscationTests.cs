using System.Text;
using Rake.BuildingBlocks.Privacy;

namespace Rake.Modules.Reporting.Tests;

/// <summary>
/// Issue 12: valid codes of every century sign, typed in the ways that slipped past the old guard, are found; the finding
/// points at the code exactly as it was typed; ordinary text with dates, sums and phone numbers is never refused.
/// </summary>
public sealed class PiiGuardObfuscationTests
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    // Every century sign in force (Act on the Population Information System as amended for 2023).
    private const string CenturySigns = "+-YXWVUABCDEF";

    /// <summary>5 March of '27 in the sign's century, individual number 639, and its check character.</summary>
    private static string Code(char sign, string individual = "639")
    {
        var number = int.Parse("050327" + individual, System.Globalization.CultureInfo.InvariantCulture);
        return $"050327{sign}{individual}{CheckCharacters[number % 31]}";
    }

    private static readonly Dictionary<string, Func<string, string>> Forms = new()
    {
        ["plain"] = c => c,
        ["spaces inside"] = c => $"{c[..6]} {c[6..]}",
        ["space before the check character"] = c => $"{c[..6]} {c[6..10]} {c[10]}",
        ["spaces between pairs"] = c => $"{c[..2]} {c[2..4]} {c[4..6]}{c[6]}{c[7..]}",
        ["dots inside"] = c => $"{c[..2]}.{c[2..4]}.{c[4..6]}{c[6]}{c[7..10]}.{c[10]}",
        ["soft hyphens"] = c => string.Join('\u00AD', c.ToCharArray()),
        ["zero-width spaces"] = c => string.Join('\u200B', c.ToCharArray()),
        ["zero-width joiners and word joiners"] = c => c[..3] + '\u200D' + c[3..7] + '\u2060' + c[7..] + '\uFEFF',
        ["full-width"] = c => new string(c.Select(ch => ch is >= '!' and <= '~' ? (char)(ch - '!' + '\uFF01') : ch).ToArray()),
        ["Arabic-Indic digits"] = c => Digits(c, '\u0660'),
        ["Extended Arabic-Indic digits"] = c => Digits(c, '\u06F0'),
        ["Devanagari digits"] = c => Digits(c, '\u0966'),
        ["mathematical bold digits"] = c =>
            string.Concat(c.Select(ch => char.IsAsciiDigit(ch) ? char.ConvertFromUtf32(0x1D7CE + ch - '0') : ch.ToString())),
        ["lower case"] = c => c.ToLowerInvariant(),
    };

    private static string Digits(string code, char zero) =>
        new(code.Select(ch => char.IsAsciiDigit(ch) ? (char)(zero + ch - '0') : ch).ToArray());

    public static TheoryData<char, string> SignsAndForms()
    {
        var data = new TheoryData<char, string>();
        foreach (var sign in CenturySigns)
        {
            foreach (var form in Forms.Keys)
            {
                data.Add(sign, form);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SignsAndForms))]
    public void Every_century_sign_in_every_obfuscated_form_is_found_where_it_was_typed(char sign, string form)
    {
        var code = Code(sign);
        Assert.True(PiiGuard.IsValidPersonalIdentityCode(code), code);
        var typed = Forms[form](code);
        foreach (var (before, after) in new[] { ("Asiakas ", " kertoi."), ("hetu", " kirjattiin"), ("asiakkaan", "tiedot"), ("", "") })
        {
            var text = before + typed + after;

            var finding = Assert.Single(PiiGuard.Scan([("Kuvaus", text)]), f => f.Kind == PiiKind.PersonalIdentityCode);

            // Invisible characters after the check character are not part of the code.
            Assert.Equal(typed.TrimEnd('\uFEFF'), text.Substring(finding.Index, finding.Length));
            Assert.True(PiiGuard.ContainsIdentityCode(text));
            Assert.DoesNotContain(code, finding.Excerpt, StringComparison.OrdinalIgnoreCase);
        }
    }

    public static TheoryData<string, string> DashesAndPluses => new()
    {
        { "-", "\u2010" }, { "-", "\u2011" }, { "-", "\u2012" }, { "-", "\u2013" }, { "-", "\u2014" }, { "-", "\u2015" },
        { "-", "\u2212" }, { "-", "\uFE63" }, { "-", "\uFF0D" }, { "-", "\u02D7" },
        { "+", "\uFF0B" }, { "+", "\uFE62" }, { "+", "\u2795" }, { "+", "\u02D6" },
    };

    [Theory]
    [MemberData(nameof(DashesAndPluses))]
    public void Dash_and_plus_look_alikes_count_as_the_century_sign(string sign, string lookAlike)
    {
        var code = Code(sign[0]);
        var typed = code[..6] + lookAlike + code[7..];
        var text = $"Tunnus {typed} löytyi.";

        var finding = Assert.Single(PiiGuard.Scan([("Kuvaus", text)]));

        Assert.Equal(PiiKind.PersonalIdentityCode, finding.Kind);
        Assert.Equal(typed, text.Substring(finding.Index, finding.Length));
    }

    public static TheoryData<char, string> LetterLookAlikes => new()
    {
        { 'A', "\u0410" }, { 'A', "\u0430" }, { 'A', "\u0391" }, { 'B', "\u0412" }, { 'B', "\u0392" }, { 'C', "\u0421" },
        { 'C', "\u0441" }, { 'C', "\u03F9" }, { 'E', "\u0415" }, { 'E', "\u0435" }, { 'E', "\u0395" }, { 'X', "\u0425" },
        { 'X', "\u0445" }, { 'X', "\u03A7" }, { 'Y', "\u04AE" }, { 'Y', "\u0423" }, { 'Y', "\u03A5" }, { 'D', "\u0500" },
        { 'F', "\u03DC" }, { 'W', "\u051C" }, { 'V', "\u0474" }, { 'V', "\u2164" }, { 'U', "\u054D" },
    };

    [Theory]
    [MemberData(nameof(LetterLookAlikes))]
    public void Cyrillic_and_greek_look_alikes_count_as_the_century_letter(char sign, string lookAlike)
    {
        var code = Code(sign);
        var typed = code[..6] + lookAlike + code[7..];
        var text = $"Asiakkaan {typed} tiedot";

        var finding = Assert.Single(PiiGuard.Scan([("Kuvaus", text)]));

        Assert.Equal(PiiKind.PersonalIdentityCode, finding.Kind);
        Assert.Equal(typed, text.Substring(finding.Index, finding.Length));
    }

    [Fact]
    public void A_cyrillic_look_alike_check_character_is_found_too()
    {
        // 131052-308T: the check character typed as Cyrillic Т.
        var text = "hetu 131052-308\u0422 kirjattiin";

        Assert.Single(PiiGuard.Scan([("Kuvaus", text)]), f => f.Kind == PiiKind.PersonalIdentityCode);
    }

    [Theory]
    [InlineData("hetu050327+6397 kirjattiin", "050327+6397")]
    [InlineData("asiakkaan060843+187Etiedot", "060843+187E")]
    [InlineData("X131052-308T", "131052-308T")]
    [InlineData("131052-308TX", "131052-308T")]
    [InlineData("ä131052-308T", "131052-308T")]
    [InlineData("syntynyt 050327 131052-308T", "131052-308T")]
    public void Codes_glued_to_words_are_found(string text, string code)
    {
        Assert.True(PiiGuard.IsValidPersonalIdentityCode(code));

        var finding = Assert.Single(PiiGuard.Scan([("Kuvaus", text)]), f => f.Kind == PiiKind.PersonalIdentityCode);

        Assert.Equal(code, text.Substring(finding.Index, finding.Length));
    }

    [Fact]
    public void What_is_found_is_located_in_the_typed_text_after_invisible_characters_before_it()
    {
        var text = "\u200B\u200B\u00ADAsiakas\u200B 050327\u2013639\u200B7 ja 040\u00A0123\u00A04567";

        var findings = PiiGuard.Scan([("Kuvaus", text)]);

        var code = Assert.Single(findings, f => f.Kind == PiiKind.PersonalIdentityCode);
        Assert.Equal("050327\u2013639\u200B7", text.Substring(code.Index, code.Length));
        var phone = Assert.Single(findings, f => f.Kind == PiiKind.PhoneNumber);
        Assert.Equal("040\u00A0123\u00A04567", text.Substring(phone.Index, phone.Length));
    }

    [Theory]
    [InlineData("Kokous pidettiin 1.2.2024 - 15 osallistujaa ja 3 poissaolijaa.")]
    [InlineData("Ajalla 1.1.2020–31.12.2020 asiakkaita oli 1 234.")]
    [InlineData("Ajalla 01.01.2020-31.12.2020 asiakkaita oli 1 234.")]
    [InlineData("Summa 12 345,67 € maksettiin 3.5.2024, toinen erä 120 500 €.")]
    [InlineData("Ärendet behandlades 2024-05-03 och 150 klienter väntade i 12 veckor.")]
    [InlineData("Versio 1.2.3-456 otettiin käyttöön 24.5.23 klo 12.30.")]
    [InlineData("ISBN 978-951-1-23456-7 ja dnro 123/2024, asia 2024-000123.")]
    [InlineData("Väkiluku 72 000, työttömyysaste 9,8 % ja lapsiperheitä 5 200.")]
    [InlineData("Tilinumero FI21 1234 5600 0007 85 mainittiin ohjeessa.")]
    public void Ordinary_finnish_and_swedish_text_with_numbers_holds_no_identity_code(string text)
    {
        Assert.DoesNotContain(PiiGuard.Scan([("Kuvaus", text)]), f => f.Kind == PiiKind.PersonalIdentityCode);
        Assert.False(PiiGuard.ContainsIdentityCode(text));
    }

    [Theory]
    [InlineData("Soita numeroon 040 123 4567.", PiiKind.PhoneNumber)]
    [InlineData("Soita numeroon ０４０ １２３ ４５６７.", PiiKind.PhoneNumber)]
    [InlineData("Tapaaminen 3.5.2024, paikalla Liisa Korhonen.", PiiKind.NameWithDate)]
    [InlineData("Kirjoita osoitteeseen matti@example.com.", PiiKind.Email)]
    public void Dates_phone_numbers_and_addresses_are_warnings_not_refusals(string text, PiiKind kind)
    {
        var findings = PiiGuard.Scan([("Kuvaus", text)]);

        Assert.Contains(findings, f => f.Kind == kind);
        Assert.DoesNotContain(findings, f => f.Kind == PiiKind.PersonalIdentityCode);
    }

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("\uFDD0")]
    [InlineData("\U0010FFFF")]
    [InlineData("\uD800")]
    public void Noncharacters_and_lone_surrogates_are_kept_as_typed_and_do_not_stop_the_scan(string odd)
    {
        var text = $"Asiakas{odd} 131052-308T{odd} kertoi.";

        var finding = Assert.Single(PiiGuard.Scan([("Kuvaus", text)]));

        Assert.Equal("131052-308T", text.Substring(finding.Index, finding.Length));
        Assert.False(PiiGuard.ContainsIdentityCode($"Teksti{odd}ilman tunnusta"));
    }

    [Fact]
    public void A_long_text_of_separators_and_digits_is_scanned_quickly()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("12. 34 5\u200B6 ");
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Assert.DoesNotContain(PiiGuard.Scan([("Kuvaus", text.ToString())]), f => f.Kind == PiiKind.PersonalIdentityCode);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
