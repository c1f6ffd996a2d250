using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rake.BuildingBlocks.Privacy;

namespace Rake.Modules.Reporting.Tests;

public sealed class PiiGuardTests
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    // Hand-computed: DDMMYYNNN mod 31 indexed into CheckCharacters. 131052-308T is the example published by DVV.
    private const string WellKnownCode = "131052-308T";

    // A valid code whose check character is a digit, so the phone pattern also fits it; used for deduplication.
    private const string CodeThatLooksLikePhone = "010203-1230";

    public static TheoryData<string> HandComputedValidCodes => new()
    {
        WellKnownCode,
        "010181+900C",
        "290200A1239", // 29 February 2000: 2000 is a leap year
        "150687Y456N",
        "311299X0029",
        "020304B999Y", // temporary individual number 900–999
        "111111U111C",
        "121212F222N",
        "010101W050A",
        "050505V505U",
        "060606C606T",
        "070707D707S",
        "080808E808R",
        "131052-002X", // lowest individual number that is issued
        CodeThatLooksLikePhone,
    };

    public static TheoryData<char, int> CenturySigns => new()
    {
        { '+', 1800 },
        { '-', 1900 }, { 'Y', 1900 }, { 'X', 1900 }, { 'W', 1900 }, { 'V', 1900 }, { 'U', 1900 },
        { 'A', 2000 }, { 'B', 2000 }, { 'C', 2000 }, { 'D', 2000 }, { 'E', 2000 }, { 'F', 2000 },
    };

    // ---- IsValidPersonalIdentityCode ----

    [Theory]
    [MemberData(nameof(HandComputedValidCodes))]
    public void Hand_computed_codes_are_valid(string code)
    {
        Assert.True(PiiGuard.IsValidPersonalIdentityCode(code));
        Assert.Equal(code, BuildCode(ParseDate(code), code[6], int.Parse(code.AsSpan(7, 3), CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(CenturySigns))]
    public void Every_century_sign_is_accepted_with_a_computed_check_character(char sign, int century)
    {
        // Walks dates across the whole century, including 29 February of leap years and month ends.
        var dates = new[]
        {
            new DateOnly(century, 1, 1),
            new DateOnly(century + 4, 2, 29),
            new DateOnly(century + 37, 4, 30),
            new DateOnly(century + 52, 10, 13),
            new DateOnly(century + 99, 12, 31),
        };
        var individuals = new[] { 2, 123, 308, 899, 900, 999 };

        foreach (var date in dates)
        {
            foreach (var individual in individuals)
            {
                var code = BuildCode(date, sign, individual);
                Assert.True(PiiGuard.IsValidPersonalIdentityCode(code), code);
                Assert.True(PiiGuard.IsValidPersonalIdentityCode(code.ToLowerInvariant()), code.ToLowerInvariant());
            }
        }
    }

    [Theory]
    [MemberData(nameof(CenturySigns))]
    public void Every_century_sign_is_found_in_text(char sign, int century)
    {
        var code = BuildCode(new DateOnly(century + 71, 7, 15), sign, 456);

        var finding = Assert.Single(ScanOne($"Asiakkaan tunnus on {code} ja se kirjattiin."));

        Assert.Equal(PiiKind.PersonalIdentityCode, finding.Kind);
        Assert.Equal(20, finding.Index);
        Assert.Equal(11, finding.Length);
    }

    [Theory]
    [InlineData("131052-308U")] // wrong check character
    [InlineData("131052-309T")] // individual number changed
    [InlineData("131053-308T")] // year changed
    [InlineData("131052-308S")]
    [InlineData("131052-3081")]
    public void Wrong_checksum_is_invalid(string code)
    {
        Assert.False(PiiGuard.IsValidPersonalIdentityCode(code));
    }

    [Theory]
    [InlineData("310299A1234")] // 31 February
    [InlineData("290200-1239")] // 29 February 1900: 1900 is not a leap year
    [InlineData("300201A1236")] // 30 February 2001
    public void Impossible_dates_are_invalid_even_with_a_matching_checksum(string code)
    {
        Assert.False(PiiGuard.IsValidPersonalIdentityCode(code));
    }

    [Fact]
    public void Impossible_dates_have_a_matching_checksum_so_only_the_date_rejects_them()
    {
        Assert.Equal('4', ExpectedCheck("310299", 123));
        Assert.Equal('9', ExpectedCheck("290200", 123));
        Assert.Equal('6', ExpectedCheck("300201", 123));
        Assert.False(PiiGuard.IsValidPersonalIdentityCode(BuildCodeUnchecked("000000", '-', 2)));
        Assert.False(PiiGuard.IsValidPersonalIdentityCode(BuildCodeUnchecked("011352", '-', 308))); // month 13
        Assert.False(PiiGuard.IsValidPersonalIdentityCode(BuildCodeUnchecked("320152", '-', 308))); // day 32
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(899, true)]
    [InlineData(900, true)]
    [InlineData(999, true)]
    public void Individual_numbers_000_and_001_are_not_issued(int individual, bool valid)
    {
        var code = BuildCode(new DateOnly(1952, 10, 13), '-', individual);
        Assert.Equal(valid, PiiGuard.IsValidPersonalIdentityCode(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("131052-308")]
    [InlineData("131052-308TT")]
    [InlineData("001052-308")]
    [InlineData(" 131052-308T")]
    [InlineData("131052G308T")] // G is not a century sign
    [InlineData("131052*308T")]
    [InlineData("13105a-308T")]
    [InlineData("131052-3o8T")]
    [InlineData("131052-308G")] // G is never a check character
    public void Malformed_candidates_are_invalid(string candidate)
    {
        Assert.False(PiiGuard.IsValidPersonalIdentityCode(candidate));
    }

    [Fact]
    public void Lower_case_century_sign_and_check_character_are_accepted()
    {
        Assert.True(PiiGuard.IsValidPersonalIdentityCode("131052-308t"));
        Assert.True(PiiGuard.IsValidPersonalIdentityCode("290200a1239"));
        Assert.True(PiiGuard.IsValidPersonalIdentityCode("150687y456n"));
    }

    // ---- Scan: personal identity codes ----

    [Theory]
    [InlineData("131052-308T", 0)]
    [InlineData("Hetu 131052-308T.", 5)]
    [InlineData("Asiakas (131052-308T) soitti.", 9)]
    [InlineData("hetu:131052-308T, kysyi neuvoa", 5)]
    [InlineData("raportti_131052-308T.pdf", 9)]
    [InlineData("Rivi1\n131052-308T\nRivi3", 6)]
    [InlineData("tunnus 131052-308t kirjoitettiin pienellä", 7)]
    public void Code_embedded_in_text_is_a_hard_reject(string text, int index)
    {
        var finding = Assert.Single(ScanOne(text));

        Assert.Equal(PiiKind.PersonalIdentityCode, finding.Kind);
        Assert.Equal("Kuvaus", finding.Field);
        Assert.Equal(index, finding.Index);
        Assert.Equal(11, finding.Length);
        Assert.Equal(WellKnownCode, text.Substring(finding.Index, finding.Length), ignoreCase: true);
    }

    [Fact]
    public void Several_codes_in_one_text_are_all_found_in_order()
    {
        var text = $"Ensin {WellKnownCode}, sitten 290200A1239 ja lopuksi 010181+900C.";

        var findings = ScanOne(text);

        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal(PiiKind.PersonalIdentityCode, f.Kind));
        Assert.Equal(
            new[] { text.IndexOf(WellKnownCode, StringComparison.Ordinal), text.IndexOf("290200A1239", StringComparison.Ordinal),
                text.IndexOf("010181+900C", StringComparison.Ordinal) },
            findings.Select(f => f.Index));
    }

    // Letters glued to a code do not hide it (issue 12: "hetu050327+6397"); digits around it make a longer number.
    [Theory]
    [InlineData("9131052-308T")]
    [InlineData("131052-308T9")]
    [InlineData("VIITE131052-308T2024")]
    [InlineData("2024131052-308T")]
    public void Code_inside_a_longer_number_is_not_flagged(string text)
    {
        Assert.DoesNotContain(ScanOne(text), f => f.Kind == PiiKind.PersonalIdentityCode);
    }

    [Theory]
    [InlineData("Tunnus 131052-308U kirjattiin.")]
    [InlineData("Tunnus 131052-309T kirjattiin.")]
    [InlineData("Tunnus 131052A308U kirjattiin.")]
    [InlineData("Tunnus 131052-000V kirjattiin.")]
    public void Code_with_invalid_checksum_or_individual_number_is_not_flagged(string text)
    {
        Assert.Empty(ScanOne(text));
    }

    [Theory]
    [InlineData("Tunnus 310299A1234 kirjattiin.")]
    [InlineData("Tunnus 290200-1239 kirjattiin.")]
    [InlineData("Tunnus 300201A1236 kirjattiin.")]
    public void Code_with_impossible_date_is_not_flagged(string text)
    {
        Assert.DoesNotContain(ScanOne(text), f => f.Kind == PiiKind.PersonalIdentityCode);
    }

    // ---- Scan: phone numbers ----

    [Theory]
    [InlineData("040 123 4567")]
    [InlineData("040-1234567")]
    [InlineData("0401234567")]
    [InlineData("050 1234567")]
    [InlineData("+358 40 123 4567")]
    [InlineData("+358401234567")]
    [InlineData("+358 9 123 4567")]
    [InlineData("00358 40 123 4567")]
    [InlineData("09 123 4567")]
    [InlineData("019 123 456")]
    [InlineData("02 1234 567")]
    [InlineData("040\u00A0123\u00A04567")] // non-breaking spaces, as pasted from a word processor
    public void Finnish_phone_numbers_are_warnings(string phone)
    {
        var text = $"Asiakas pyysi soittamaan numeroon {phone}, iltapäivisin.";

        var finding = Assert.Single(ScanOne(text));

        Assert.Equal(PiiKind.PhoneNumber, finding.Kind);
        Assert.Equal(text.IndexOf(phone, StringComparison.Ordinal), finding.Index);
        Assert.Equal(phone.Length, finding.Length);
    }

    [Theory]
    [InlineData("Asiakkaita oli 2024 noin 150 ja jonot kasvoivat.")]
    [InlineData("Vuonna 2023 käyntejä kertyi 12 345 ja vuonna 2024 yhteensä 13 002.")]
    [InlineData("Palvelu on auki klo 08-16 ja 09 00 alkaen.")]
    [InlineData("Puhelinaika 040 12 on liian lyhyt numeroksi.")]
    [InlineData("Osuus oli 0,5 prosenttia ja 0.75 pistettä.")]
    [InlineData("Tilastokeskuksen luku 1234567 ei ala nollalla.")]
    [InlineData("Koodi AB0401234567 on viite, ei numero.")]
    public void Years_counts_and_short_numbers_are_not_phone_numbers(string text)
    {
        Assert.DoesNotContain(ScanOne(text), f => f.Kind == PiiKind.PhoneNumber);
    }

    // ---- Scan: e-mail ----

    [Theory]
    [InlineData("matti.virtanen@example.fi")]
    [InlineData("etunimi.sukunimi+raportti@kunta.hel.fi")]
    [InlineData("ÅSA_hägglund@exempel.se")]
    public void Email_addresses_are_warnings(string email)
    {
        var text = $"Lisätietoja: {email}.";

        var finding = Assert.Single(ScanOne(text));

        Assert.Equal(PiiKind.Email, finding.Kind);
        Assert.Equal(text.IndexOf(email, StringComparison.Ordinal), finding.Index);
        Assert.Equal(email.Length, finding.Length);
    }

    [Theory]
    [InlineData("Merkki @ on sähköpostin tunnus.")]
    [InlineData("Käyttäjä @kunta mainittiin somessa.")]
    [InlineData("Osoite matti@localhost ei ole julkinen.")]
    public void Non_addresses_are_not_email(string text)
    {
        Assert.DoesNotContain(ScanOne(text), f => f.Kind == PiiKind.Email);
    }

    // ---- Scan: street addresses ----

    [Theory]
    [InlineData("Kauppakatu 12 B 5")]
    [InlineData("Kauppakatu 12")]
    [InlineData("Mannerheimintie 3")]
    [InlineData("Mannerheimintie 3 A")]
    [InlineData("Storgatan 4")]
    [InlineData("Mannerheimvägen 18 C 22")]
    [InlineData("Koivukuja 7")]
    [InlineData("Metsäpolku 2")]
    [InlineData("Itäväylä 100")]
    [InlineData("Rantaraitti 9")]
    [InlineData("Aurinkoranta 1")]
    [InlineData("Kauppatori 1")]
    [InlineData("Puistokaari 14 as 3")]
    [InlineData("Kuusirinne 5")]
    [InlineData("Skogsstigen 8")]
    [InlineData("Kyrkogränd 2")]
    [InlineData("Pohjois-Haagantie 11")]
    public void Street_addresses_are_warnings(string address)
    {
        var text = $"Perhe asuu osoitteessa {address} ja käy lähipalvelussa.";

        var finding = Assert.Single(ScanOne(text));

        Assert.Equal(PiiKind.StreetAddress, finding.Kind);
        Assert.Equal(23, finding.Index);
        Assert.StartsWith(address.Split(' ')[0], text.Substring(finding.Index, finding.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Street_address_covers_staircase_and_apartment()
    {
        var text = "Osoite Kauppakatu 12 B 5, Turku.";

        var finding = Assert.Single(ScanOne(text));

        Assert.Equal("Kauppakatu 12 B 5", text.Substring(finding.Index, finding.Length));
    }

    [Theory]
    [InlineData("Kauppakatu on kunnostettu ja tie oli auki.")]
    [InlineData("Tie 5 oli suljettu.")]
    [InlineData("Asiakkaan palvelupolku 3 vaihetta pitkä.")]
    [InlineData("Katu 12 ei ole osoite.")]
    [InlineData("Rakennettiin Kauppakatuun 12 uusia paikkoja.")]
    public void Street_words_without_a_house_number_or_as_jargon_are_not_addresses(string text)
    {
        Assert.DoesNotContain(ScanOne(text), f => f.Kind == PiiKind.StreetAddress);
    }

    // ---- Scan: names near dates ----

    [Theory]
    [InlineData("Matti Virtanen kävi vastaanotolla 3.5.2024 äitinsä kanssa.", "Matti Virtanen")]
    [InlineData("Tapaaminen 03.05.24, paikalla Liisa Korhonen.", "Liisa Korhonen")]
    [InlineData("Soitto 3.5. klo 10: Åsa Hägglund kertoi tilanteesta.", "Åsa Hägglund")]
    [InlineData("Äijö Öhman saapui 2024-05-03.", "Äijö Öhman")]
    [InlineData("Anna-Liisa Mäki-Korpela tuli 12.11.2023 paikalle.", "Anna-Liisa Mäki-Korpela")]
    [InlineData("Anna Maria Virtanen, 1.1.2024", "Anna Maria Virtanen")]
    public void Capitalised_name_close_to_a_date_is_a_warning(string text, string name)
    {
        var finding = Assert.Single(ScanOne(text));

        Assert.Equal(PiiKind.NameWithDate, finding.Kind);
        Assert.Equal(text.IndexOf(name, StringComparison.Ordinal), finding.Index);
        Assert.Equal(name.Length, finding.Length);
    }

    [Theory]
    [InlineData("Asiakkaita oli 2024 noin 150 ja jonot kasvoivat.")]
    [InlineData("Matti Virtanen kävi vastaanotolla äitinsä kanssa.")] // a name alone is not flagged
    [InlineData("Kokous pidettiin 3.5.2024 Helsingissä ja siihen osallistui kymmenen työntekijää.")]
    [InlineData("Sosiaalityön asiakkaiden määrä kasvoi 3.5.2024 jälkeen selvästi.")]
    [InlineData("THL YK raportoi 3.5.2024 tilastoista.")] // abbreviations are not names
    [InlineData("Päivitetty versio 1.2.3 otettiin käyttöön, Helsingin Diakonissalaitos kertoi.")]
    public void Ordinary_prose_and_names_without_dates_are_not_flagged(string text)
    {
        Assert.Empty(ScanOne(text));
    }

    [Fact]
    public void Name_more_than_sixty_characters_from_a_date_is_not_flagged()
    {
        var filler = new string('x', 61);
        Assert.Empty(ScanOne($"Matti Virtanen {filler} 3.5.2024"));
        Assert.Empty(ScanOne($"3.5.2024 {filler} Matti Virtanen"));

        var near = new string('x', 58); // 58 plus two spaces = a 60-character gap
        Assert.Single(ScanOne($"Matti Virtanen {near} 3.5.2024"));
        Assert.Single(ScanOne($"3.5.2024 {near} Matti Virtanen"));
    }

    // ---- Deduplication ----

    [Fact]
    public void Valid_code_is_not_also_reported_as_a_phone_number()
    {
        var finding = Assert.Single(ScanOne($"Tunnus {CodeThatLooksLikePhone} kirjattiin."));

        Assert.Equal(PiiKind.PersonalIdentityCode, finding.Kind);
    }

    [Fact]
    public void Same_shape_with_a_bad_checksum_is_only_a_phone_warning()
    {
        // Shows the deduplication test above is not vacuous: the phone pattern does fit this shape.
        Assert.False(PiiGuard.IsValidPersonalIdentityCode("010203-1231"));

        var finding = Assert.Single(ScanOne("Tunnus 010203-1231 kirjattiin."));

        Assert.Equal(PiiKind.PhoneNumber, finding.Kind);
    }

    [Fact]
    public void Code_next_to_a_name_and_date_keeps_both_distinct_findings()
    {
        var text = $"Matti Virtanen {WellKnownCode} kävi 3.5.2024.";

        var findings = ScanOne(text);

        Assert.Equal(2, findings.Count);
        Assert.Equal(PiiKind.NameWithDate, findings[0].Kind);
        Assert.Equal(PiiKind.PersonalIdentityCode, findings[1].Kind);
        Assert.Single(findings, f => f.Kind == PiiKind.PersonalIdentityCode);
    }

    [Fact]
    public void Findings_never_overlap()
    {
        var text = $"Matti Virtanen 3.5.2024, {CodeThatLooksLikePhone}, matti.virtanen@example.fi, 040 123 4567, " +
                   "Kauppakatu 12 B 5, 0401234567@example.fi";

        var findings = ScanOne(text);

        for (var i = 0; i < findings.Count; i++)
        {
            for (var j = i + 1; j < findings.Count; j++)
            {
                var a = findings[i];
                var b = findings[j];
                Assert.False(a.Index < b.Index + b.Length && b.Index < a.Index + a.Length, $"{a} overlaps {b}");
            }
        }
        Assert.Contains(findings, f => f.Kind == PiiKind.PersonalIdentityCode);
        Assert.Contains(findings, f => f.Kind == PiiKind.Email);
        Assert.Contains(findings, f => f.Kind == PiiKind.PhoneNumber);
        Assert.Contains(findings, f => f.Kind == PiiKind.StreetAddress);
        Assert.Contains(findings, f => f.Kind == PiiKind.NameWithDate);
    }

    // ---- Masking ----

    [Theory]
    [MemberData(nameof(HandComputedValidCodes))]
    public void Excerpt_of_a_code_shows_only_its_first_two_characters(string code)
    {
        var finding = Assert.Single(ScanOne($"Hetu {code} poistettava."));

        Assert.Equal(code.Length, finding.Excerpt.Length);
        Assert.StartsWith(code[..2], finding.Excerpt, StringComparison.Ordinal);
        Assert.Equal(new string('*', code.Length - 2), finding.Excerpt[2..]);
        Assert.DoesNotContain(code, finding.Excerpt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Excerpt_of_every_kind_hides_the_value()
    {
        var values = new Dictionary<PiiKind, string>
        {
            [PiiKind.PersonalIdentityCode] = WellKnownCode,
            [PiiKind.PhoneNumber] = "040 123 4567",
            [PiiKind.Email] = "matti.virtanen@example.fi",
            [PiiKind.StreetAddress] = "Kauppakatu 12 B 5",
            [PiiKind.NameWithDate] = "Matti Virtanen",
        };
        var text = string.Join(" ; ", values.Values) + " ; 3.5.2024";

        var findings = ScanOne(text);

        Assert.Equal(values.Count, findings.Count);
        foreach (var finding in findings)
        {
            var value = values[finding.Kind];
            Assert.Equal(value, text.Substring(finding.Index, finding.Length));
            Assert.NotEqual(value, finding.Excerpt);
            Assert.StartsWith(value[..2], finding.Excerpt, StringComparison.Ordinal);
            Assert.Equal(value.Length, finding.Excerpt.Length);
            Assert.All(finding.Excerpt[2..], c => Assert.True(c == '*' || char.IsWhiteSpace(c), finding.Excerpt));
        }
    }

    // ---- Multi-field scans ----

    [Fact]
    public void Multi_field_scan_reports_field_names_and_field_relative_indexes()
    {
        var findings = PiiGuard.Scan(
        [
            ("Otsikko", "Kuukausiraportti toukokuu"),
            ("Tyhjä", ""),
            ("Puuttuva", null),
            ("Kuvaus", $"Tunnus {WellKnownCode} löytyi."),
            ("Yhteystiedot", "Soita 040 123 4567 tai kirjoita matti@example.fi."),
            ("Yhteenveto", "Asiakkaita oli 2024 noin 150 ja jonot kasvoivat."),
        ]);

        Assert.Collection(
            findings,
            f =>
            {
                Assert.Equal(("Kuvaus", PiiKind.PersonalIdentityCode, 7), (f.Field, f.Kind, f.Index));
            },
            f =>
            {
                Assert.Equal(("Yhteystiedot", PiiKind.PhoneNumber, 6), (f.Field, f.Kind, f.Index));
            },
            f =>
            {
                Assert.Equal(("Yhteystiedot", PiiKind.Email, 32), (f.Field, f.Kind, f.Index));
            });
    }

    [Fact]
    public void Same_text_in_two_fields_is_reported_for_each_field()
    {
        var text = $"Tunnus {WellKnownCode}";

        var findings = PiiGuard.Scan([("A", text), ("B", text)]);

        Assert.Equal(new[] { "A", "B" }, findings.Select(f => f.Field));
    }

    [Fact]
    public void Empty_input_gives_no_findings()
    {
        Assert.Empty(PiiGuard.Scan([]));
        Assert.Empty(PiiGuard.Scan([("Kuvaus", null), ("Muut", string.Empty)]));
    }

    [Fact]
    public void Null_field_list_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => PiiGuard.Scan(null!));
    }

    // ---- Hostile input ----

    public static TheoryData<string> PathologicalUnits => new()
    {
        "0",
        "1",
        "04",
        "0 ",
        "0-",
        "+358",
        "1.1.",
        "Aa ",
        "Aa",
        "Aa-",
        "Aa-Bb ",
        "a@",
        "a.",
        "a@a.",
        ".@",
        "x",
        "katu ",
        "Aakatu 1 ",
        "131052-",
        "131052-308T",
        "Matti Virtanen 3.5.2024 ",
        "040 123 4567 ",
        "0401234567@a.fi ",
        "010203-1230 ",
        "ä",
    };

    [Theory]
    [MemberData(nameof(PathologicalUnits))]
    public void Long_pathological_input_completes_quickly(string unit)
    {
        var text = Repeat(unit, 200_000) + $" {WellKnownCode}";

        var stopwatch = Stopwatch.StartNew();
        var findings = ScanOne(text);
        stopwatch.Stop();

        // Generous bound for slow CI machines; catastrophic backtracking would take minutes or hit the regex timeout.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"Scan took {stopwatch.Elapsed}.");
        Assert.Contains(findings, f => f.Kind == PiiKind.PersonalIdentityCode && f.Index == text.Length - 11);
    }

    [Fact]
    public void Long_mixed_report_text_completes_and_finds_everything()
    {
        var paragraph = "Asiakkaita oli 2024 noin 150 ja jonot kasvoivat. Kokous pidettiin Helsingissä. ";
        var text = Repeat(paragraph, 200_000) + $" Matti Virtanen {WellKnownCode} 3.5.2024 " + Repeat(paragraph, 50_000);

        var stopwatch = Stopwatch.StartNew();
        var findings = ScanOne(text);
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"Scan took {stopwatch.Elapsed}.");
        Assert.Equal(new[] { PiiKind.NameWithDate, PiiKind.PersonalIdentityCode }, findings.Select(f => f.Kind));
    }

    public static TheoryData<string, string> StraddlingPayloads => new()
    {
        { nameof(PiiKind.PersonalIdentityCode), WellKnownCode },
        { nameof(PiiKind.PersonalIdentityCode), CodeThatLooksLikePhone },
        { nameof(PiiKind.PhoneNumber), "+358 40 123 4567" },
        { nameof(PiiKind.Email), "matti.virtanen@example.fi" },
        { nameof(PiiKind.Email), new string('m', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('d', 60), 6)) + ".fi" },
        { nameof(PiiKind.StreetAddress), "Kauppakatu 12 B 5" },
        { nameof(PiiKind.NameWithDate), "Anna-Liisa Mäki-Korpela" },
    };

    [Theory]
    [MemberData(nameof(StraddlingPayloads))]
    public void Findings_are_exact_wherever_they_fall_in_a_long_text(string kindName, string payload)
    {
        var kind = Enum.Parse<PiiKind>(kindName); // PiiKind is internal, so it cannot appear in a public signature
        // Long texts are searched in windows; a finding straddling a window edge must come out whole and exactly once.
        // Offsets sweep past the first few multiples of 4096, which covers any plausible window size.
        // Long payloads are sampled rather than swept character by character to keep the test fast.
        var step = Math.Max(1, payload.Length / 25);
        for (var edge = 4096; edge <= 16_384; edge += 4096)
        {
            var offsets = Enumerable.Range(edge - payload.Length - 2, payload.Length + 5)
                .Where(o => (o - edge) % step == 0 || Math.Abs(o - edge) <= 2 || Math.Abs(o + payload.Length - edge) <= 2);
            foreach (var offset in offsets)
            {
                var text = Repeat("ja ", offset - 1) + " " + payload + " 3.5.2024 " + Repeat("ja ", 9000);

                var findings = ScanOne(text).Where(f => f.Kind == kind).ToList();

                var finding = Assert.Single(findings);
                Assert.Equal(offset, finding.Index);
                Assert.Equal(payload.Length, finding.Length);
            }
        }
    }

    // ---- Helpers ----

    private static IReadOnlyList<PiiFinding> ScanOne(string text) => PiiGuard.Scan([("Kuvaus", text)]);

    /// <summary>Builds a valid code independently of the implementation under test.</summary>
    private static string BuildCode(DateOnly date, char sign, int individual)
    {
        var ddmmyy = date.ToString("ddMMyy", CultureInfo.InvariantCulture);
        var code = ddmmyy + sign + individual.ToString("000", CultureInfo.InvariantCulture) + ExpectedCheck(ddmmyy, individual);
        return char.IsLower(sign) ? code.ToLowerInvariant() : code;
    }

    /// <summary>Builds a code with a correct checksum for any six digits, even ones that are not a real date.</summary>
    private static string BuildCodeUnchecked(string ddmmyy, char sign, int individual) =>
        ddmmyy + sign + individual.ToString("000", CultureInfo.InvariantCulture) + ExpectedCheck(ddmmyy, individual);

    private static char ExpectedCheck(string ddmmyy, int individual) =>
        CheckCharacters[(int)(long.Parse(ddmmyy + individual.ToString("000", CultureInfo.InvariantCulture),
            CultureInfo.InvariantCulture) % 31)];

    private static DateOnly ParseDate(string code)
    {
        var century = char.ToUpperInvariant(code[6]) switch
        {
            '+' => 1800,
            'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
            _ => 1900,
        };
        var digits = code.AsSpan(0, 6);
        return new DateOnly(
            century + int.Parse(digits[4..6], CultureInfo.InvariantCulture),
            int.Parse(digits[2..4], CultureInfo.InvariantCulture),
            int.Parse(digits[..2], CultureInfo.InvariantCulture));
    }

    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }
        return builder.ToString(0, length);
    }
}
