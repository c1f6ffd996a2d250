using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Planning.Domain;

namespace Rake.Modules.Planning.Persistence;

/// <summary>
/// The three demo regions' real implementation plans, condensed from the seed documents: Kainuu (000_…, approved by the
/// region director 18.9.2025, valid until 31.12.2026), Kymenlaakso (002_…, approved by the social services management
/// group 15.1.2025, Table 1 metrics) and Keski-Suomi (004_…, the council term 2025–2029, two approving bodies).
/// </summary>
internal static class PlanningDemoData
{
    private sealed record Seed(
        string Title, DateOnly From, DateOnly Until, string UpdateResponsible, string? IntranetUrl, DateOnly? IntranetOn,
        string? WebsiteUrl, DateOnly? WebsiteOn,
        (string Key, string Content, string Needs)[] Sections,
        (ApprovalKind Kind, string Body, string? Approver, DateOnly On)[] Approvals,
        (string Goal, (string Title, string Responsible, int? Year, bool Counts)[] Actions)[] Goals);

    private static readonly Dictionary<string, Seed> Plans = new()
    {
        ["kainuu"] = new(
            "Rakenteellisen sosiaalityön toteutussuunnitelma – Kainuun hyvinvointialue",
            new(2025, 9, 18), new(2026, 12, 31), "Kainuun hyvinvointialueen rakenteellisen sosiaalityön työryhmä (RAKE-työryhmä)",
            "https://kainuu.sharepoint.com/sites/kainuun-hyvinvointialue/SitePages/Rakenteellinen-sosiaality%C3%B6.aspx", new(2025, 9, 22),
                null, null,
            [
                ("introduction", "Suunnitelma ohjaa rakenteellisen sosiaalityön toteuttamista Kainuun hyvinvointialueella "
                    + "sosiaalihuoltolain (1301/2014) 7 §:n mukaisesti.\nSuunnitelma on laadittu THL:n mallipohjalle Kestävän kasvun "
                    + "Kainuu II -hankkeessa.", ""),
                ("updating", "Suunnitelma katselmoidaan ja päivitetään tarvittaessa kerran vuodessa: se tuodaan kerran vuodessa "
                    + "RAKE-työryhmän asialistalle.\nPalvelualueet ja -yksiköt seuraavat omalta osaltaan suunnitelman ja tavoitteiden "
                    + "toteutumista; seurantaa arvioidaan RAKE-työryhmässä ja arviointi kirjataan vuosittain sosiaaliseen "
                    + "raporttiin.\nSuunnitelman hyväksyy hyvinvointialuejohtaja; se viedään tiedoksi hyvinvointialueen johtoryhmälle, "
                    + "aluehallitukselle ja -valtuustolle ja julkaistaan Kaima-intranetissä ja ulkoisilla verkkosivuilla.", ""),
                ("goals", "Suunnitelma on voimassa 31.12.2026 asti, ellei sitä ole tarve päivittää aiemmin.\nTavoitteena on tehdä "
                    + "rakenteellista sosiaalityötä tunnetuksi Kainuun hyvinvointialueella sekä lisätä rakenteellisen sosiaalityön "
                    + "tuottaman tiedon hyödyntämistä johtamisessa, palveluiden kehittämisessä ja asiakkaiden hyvinvoinnin edistämisessä.",
                    ""),
                ("organisation", "RAKE-työryhmä on nimetty 23.5.2023; puheenjohtajana toimii sosiaali- ja perhepalveluiden "
                    + "toimialuejohtaja. Aikuisten sosiaalityön palveluyksikköpäällikkö koordinoi kokousasiat.\nTyöryhmän tehtävät: "
                    + "sosiaalisten ilmiöiden käsittely, tiedon tuottaminen ja jakaminen, vaikuttaminen ja tiedottaminen, jalkautuminen "
                    + "sekä vertailu ja yhteistyö.\nSuunnitelma tukee hyvinvointialueen palvelustrategiaa ja tiedolla johtamista.", ""),
                ("implementation", "Sosiaalista raportointia kerätään ympäri vuoden; osavuosiraportit (tammi–maalis, tammi–kesä, "
                    + "tammi–syys) ja vuosittainen sosiaalinen raportti.\nEsihenkilöt käsittelevät ilmoitukset kymmenen kohdan "
                    + "kirjauksella. Tehtävät vuodenkierrossa on kuvattu vuosikellossa (Kuvio 1).", ""),
                ("competence", "Sosiaalisesta raportoinnista on katsottavissa koulutustallenne (33 min) Kaima-intranetissä.\nYhteistyö "
                    + "Itä-Suomen ja Oulun yliopistojen (SOKA) sekä Kajaanin ammattikorkeakoulun kanssa.",
                    "Rakenteelliseen sosiaalityöhön liittyvää tietoutta tulisi lisätä organisaation kaikilla tasoilla; johdon keinot "
                        + "osaamisen arvioimiseksi olisi tärkeä määrittää.\nViestimisen ja yhteiskunnalliseen vaikuttamiseen liittyvää "
                        + "osaamista tulisi lisätä."),
                ("communication", "Kaima-intranetissä on rakenteellisen sosiaalityön alasivu; vuoden 2026 alusta RAKE-työryhmä päivittää "
                    + "sitä vähintään kerran vuodessa.\nSosiaaliset raportit välitetään HYTETU-työryhmille ja aluehallitukselle ja "
                    + "julkaistaan verkkosivuilla ja Kaimassa.",
                    "Tietoa tulee välittää systemaattisemmin ja ajantasaisesti eri toimijoille, poliittiseen päätöksentekoon ja tiedolla "
                        + "johtamisen tueksi."),
                ("authors", "Suvi Ruotsalainen (suunnittelija), Päivi Ahola-Anttonen (palveluyksikköpäällikkö, johtava "
                    + "sosiaalityöntekijä), Marja-Liisa Ruokolainen (sosiaalialan erikoissuunnittelija).\nSuunnitelma on esitelty "
                    + "hyvinvointialueen johtoryhmässä 12.8.2025 ja hyväksytty 18.9.2025.", ""),
            ],
            [
                (ApprovalKind.Presented, "Hyvinvointialueen johtoryhmä", null, new(2025, 8, 12)),
                (ApprovalKind.Approved, "Hyvinvointialuejohtajan päätös", "Sami Mäenpää, hyvinvointialuejohtaja", new(2025, 9, 18)),
            ],
            [
                ("Tehdä rakenteellista sosiaalityötä tunnetuksi Kainuun hyvinvointialueella",
                [
                    ("Kaima-intranetin RAKE-alasivu päivitetään vähintään kerran vuodessa", "RAKE-työryhmä", null, false),
                    ("Sosiaalisen raportoinnin koulutustallenne (33 min) on henkilöstön käytössä ja perehdytyksessä",
                        "Palvelualuepäälliköt", null, false),
                ]),
                ("Lisätä rakenteellisen sosiaalityön tiedon hyödyntämistä johtamisessa, palveluiden kehittämisessä ja asiakkaiden "
                    + "hyvinvoinnin edistämisessä",
                [
                    ("Sosiaalista raportointia kerätään koko vuoden; osavuositiedot huhti-, heinä- ja lokakuussa", "Palvelualuepäälliköt",
                        null, true),
                    ("RAKE-työryhmä kokoontuu neljä kertaa vuodessa (helmi-, touko-, syys- ja marraskuu)", "RAKE-työryhmä", null, false),
                    ("Edellisen vuoden sosiaalinen raportti laaditaan keväällä ja välitetään HYTETU-työryhmille ja aluehallitukselle",
                        "Sosiaalialan erikoissuunnittelija", null, false),
                    ("Määrärahaesitykset tehdään rakenteellisen sosiaalityön tiedon pohjalta", "Palvelualuepäälliköt", null, false),
                ]),
            ]),
        ["kymenlaakso"] = new(
            "Rakenteellisen sosiaalityön toteutussuunnitelma – Kymenlaakson hyvinvointialue",
            new(2025, 1, 15), new(2026, 12, 31), "Rakenteellisen sosiaalityön johtoryhmä",
            null, null, "https://www.kymenhva.fi", new(2025, 2, 1),
            [
                ("introduction", "Kymenlaakson hyvinvointialueen ensimmäinen rakenteellisen sosiaalityön toteutussuunnitelma. Se "
                    + "painottaa rakenteellisen sosiaalityön tiedon ja tiedon tuottamisen näkökulmaa.\nSuunnitelma on laadittu "
                    + "Kymenlaakson digitaalinen sotekeskus -hankkeessa THL:n mallipohjalle, tukena Socom.", ""),
                ("updating", "Päivittämisestä vastaa rakenteellisen sosiaalityön johtoryhmä, joka vastaa myös tavoitteiden seurannasta, "
                    + "arvioinnista ja raportoinnista (arviointimittarit, Taulukko 1).\nToteutussuunnitelmaa tarkastellaan ja "
                    + "tarvittaessa päivitetään vuosittain. Suunnitelma julkaistaan intranetissä ja nettisivuilla.", ""),
                ("goals", "1) luoda pysyviksi tarkoitetut rakenteet sille, kuinka rakenteellisen sosiaalityön tietoa tuotetaan\n2) "
                    + "kehittää rakenteet, jotka vahvistavat tiedon hyödyntämistä tiedolla johtamisessa, palvelujen kehittämisessä ja "
                    + "vaikutusten arvioinnissa", ""),
                ("organisation", "Rakenteellisen sosiaalityön johtoryhmä (sosiaalipalvelujohtaja, tulosaluejohtajat, asiakkuuspäälliköt) "
                    + "ja työryhmä; vastuuhenkilö seuraa ilmoituksia ja kokoaa puolivuotiskoosteet.\nSuunnitelma kiinnittyy "
                    + "hyvinvointialueen strategiaan, osallisuusohjelmaan ja alueelliseen hyvinvointisuunnitelmaan.", ""),
                ("implementation", "Sosiaalisen raportoinnin puolivuotiskoosteet raportointikausittain (1.12.–31.5. ja 1.6.–30.11.), "
                    + "ilmiölähtöinen sosiaalinen raportti, asiakastietojärjestelmän raportit (Kahva) ja asiakkuuskertomus.", ""),
                ("competence", "Henkilöstölle järjestetään tarpeen mukaan rakenteellisen sosiaalityön osaamista vahvistavia "
                    + "tilaisuuksia. Erikoissosiaalityöntekijöiden osaamista hyödynnetään.",
                    "Rakenteellisen sosiaalityön osaamista ja juurtumista työkäytäntöihin tulee vahvistaa.\nErikoisalan käyneiden "
                        + "ammattilaisten osaaminen tulee kartoittaa ja ottaa vahvemmin osaksi rakenteellisen sosiaalityön toteuttamista."
                        ),
                ("communication", "Sosiaalipalvelujen toimialainfot neljästi vuodessa, intranetsivu ja henkilöstön uutiskirje; "
                    + "raportoinnin infot kahdesti vuodessa raportointikausien päätyttyä.\nUlkoisesti hyvinvointialueen nettisivut ja "
                    + "sosiaalinen media.", ""),
                ("authors", "Rakenteellisen sosiaalityön johtoryhmä ja työryhmä; tukena Kaakkois-Suomen sosiaalialan osaamiskeskus Socom.",
                    ""),
            ],
            [
                (ApprovalKind.Approved, "Sosiaalipalveluiden johtoryhmä", null, new(2025, 1, 15)),
            ],
            [
                ("Rakenteellisen sosiaalityön tiedon kerääminen",
                [
                    ("Lomakepohjaisia sosiaalisia raportointeja kerätään ja laaditaan", "Vastuuhenkilö", null, true),
                    ("Ilmiölähtöinen sosiaalinen raportti on laadittu", "Rakenteellisen sosiaalityön työryhmä", null, false),
                ]),
                ("Rakenteellisen sosiaalityön tiedon hyödyntäminen",
                [
                    ("Rakenteellisen sosiaalityön työryhmä kokoontuu sovitusti", "Rakenteellisen sosiaalityön työryhmä", null, false),
                    ("Rakenteellisen sosiaalityön johtoryhmä kokoontunut sovitusti", "Rakenteellisen sosiaalityön johtoryhmä", null, false),
                    ("Rakenteellisen sosiaalityön tietotuotteet on käsitelty rakenteellisen sosiaalityön johtoryhmässä",
                        "Rakenteellisen sosiaalityön johtoryhmä", null, false),
                ]),
                ("Rakenteellisen sosiaalityön viestintä",
                [
                    ("Rakenteellisesta sosiaalityön tiedosta ja toteuttamisesta on viestitty sisäisesti ja ulkoisesti",
                        "Sosiaalipalvelujen toimialan johto", null, false),
                ]),
            ]),
        ["keski-suomi"] = new(
            "Rakenteellisen sosiaalityön toteutussuunnitelma 2025–2029 – Keski-Suomen hyvinvointialue",
            new(2025, 1, 1), new(2029, 12, 31), "Sosiaalihuollon johtaja yhteistyössä koordinaatiotiimin, verkoston ja ohjausryhmän kanssa",
            "https://polku.hyvaks.fi", new(2025, 9, 15), "https://www.hyvaks.fi", new(2025, 9, 15),
            [
                ("introduction", "Suunnitelma kokoaa rakenteellisen sosiaalityön tehtäväalueet – tietotyö, oikeudenmukaisuustyö ja "
                    + "osallisuustyö – hyvinvointialueen strategiaan kytkettynä.", ""),
                ("updating", "Suunnitelma on laadittu valtuustokaudelle 2025–2029. Suunnitelmaa ja tavoitteita seurataan, arvioidaan ja "
                    + "raportoidaan vuosittain; koko suunnitelma arvioidaan valtuustokauden päättyessä keväällä 2029 (koordinaatiotiimi "
                    + "ja ohjausryhmä).\nSosiaalihuollon johtaja, koordinaatiotiimi, verkosto ja ohjausryhmä määrittelevät vuosittaiset "
                    + "tavoitteet, toimenpiteet ja vastuutahot.", ""),
                ("goals", "Päätavoitteena on vahvistaa rakenteellisen sosiaalityön toimintakulttuurin muodostumista Keski-Suomessa, niin "
                    + "organisaatiossa kuin yhteistyöverkostoissa.\nTavoitteet: 1) osaaminen tutkimustietoon perustuen, 2) toimivat "
                    + "tiedonhyödyntämisen tavat, 3) asiakkaiden ja henkilöstön osallisuus.", ""),
                ("organisation", "Sosiaalihuollon johtaja, rakenteellisen sosiaalityön ohjausryhmä, verkosto (36 jäsentä) ja "
                    + "koordinaatiotiimi, joka valmistelee verkoston ja ohjausryhmän kokoukset.", ""),
                ("implementation", "Alueellinen tietotyö (sosiaalinen raportointi lokakuusta 2024), kansallinen tietotuotanto (THL:n "
                    + "raportointipalvelu), osallisuustyö ja oikeudenmukaisuustyö kehittämistoimenpiteineen.",
                    "Suunnitelmakauden aikana määritetään, miten kansallinen raportointipalvelu kytkeytyy alueen omaan tietotyöhön ja "
                        + "tietojohtamiseen."),
                ("competence",
                    "Perus-, täydennys- ja erikoistumiskoulutus sekä perehdytys. Erikoistumisopinnot (70 op) Jyväskylän yliopistossa.",
                    "Koulutukselliset tilaisuudet ja verkkokoulutusmateriaali työntekijöille ja johdolle.\nRakenteellinen sosiaalityö "
                        + "osaksi perehdytystä; materiaalia perehdytyksen tueksi.\nSelvitetään erikoistumiskoulutuksen hyödyntäminen "
                        + "toimenkuvissa ja resursointitarve."),
                ("communication", "Viestintäsuunnitelma: kohderyhmät, tavoitteet ja kanavat (Polku-intra, verkkosivut, sosiaalinen media).",
                    "Rohkaistaan ammattilaisia vaikuttamistyöhön eri viestintäkanavissa ja vahvistetaan "
                        + "viestintäosaamista.\nVahvistetaan tietoisuutta toteutussuunnitelmasta."),
                ("authors", "Sivi Talvensola; koordinaatiotiimi (Eija Hiekka, Ansa Leinonen, Salla Tolppila, Minna Kontio); ohjausryhmä "
                    + "(pj. sosiaalihuollon johtaja Marena Paahto).", ""),
            ],
            [
                (ApprovalKind.Approved, "Sosiaali- ja terveyspalvelujen johtoryhmä", null, new(2025, 6, 16)),
                (ApprovalKind.Approved, "Rakenteellisen sosiaalityön ohjausryhmä", "Marena Paahto, puheenjohtaja", new(2025, 9, 1)),
            ],
            [
                ("Vahvistetaan rakenteellisen sosiaalityön osaamista tutkimustietoon perustuen",
                [
                    ("Koulutukselliset tilaisuudet ja verkkokoulutusmateriaali työntekijöille ja johdolle",
                        "Koordinaatiotiimi ja osaamisen kehittämisen palvelut", null, false),
                    ("Rakenteellinen sosiaalityö osaksi perehdytystä, perehdytysmateriaali", "Esihenkilöt", null, false),
                    ("Selvitetään erikoistumiskoulutuksen (70 op) hyödyntäminen toimenkuvissa", "Sosiaalihuollon johtaja", null, false),
                    ("Vuoden 2026 toimenpide: rakenteellisen sosiaalityön perusteet -koulutus kaikille palvelualueille",
                        "Koordinaatiotiimi", 2026, false),
                ]),
                ("Kehitetään toimivia rakenteellisen sosiaalityön tiedonhyödyntämisen tapoja",
                [
                    ("Luodaan toimivia tiedon kulun prosesseja kehittämällä sosiaalista raportointia", "Koordinaatiotiimi", null, true),
                    ("Edistetään kehittämis- ja tutkimustoimintaa sosiaalipalveluissa", "Ohjausryhmä", null, false),
                    ("Määritetään kansallisen raportointipalvelun kytkeytyminen alueen tietotyöhön", "Tietopalvelut", null, false),
                    ("Vuoden 2026 toimenpide: sosiaalisen raportoinnin kooste ohjausryhmälle kahdesti vuodessa", "Koordinaatiotiimi", 2026,
                        true),
                ]),
                ("Vahvistetaan asiakkaiden ja henkilöstön osallisuutta",
                [
                    ("Asiakasosallisuus-, kokemusasiantuntija- ja vertaistukitoiminnan vahvistaminen", "Palvelualueet", null, false),
                    ("Osallisuuden ja vaikuttamisen rakenteiden selkeyttäminen", "Hyvinvointi ja kumppanuudet", null, false),
                    ("Yhteisösosiaalityön vakiinnuttaminen sosiaalipalveluissa", "Palvelualueet", null, false),
                    ("Lisätään mahdollisuuksia ja osaamista omaehtoiseen julkisuustyöhön", "Koordinaatiotiimi", null, false),
                ]),
            ]),
    };

    public static async Task SeedAsync(IServiceProvider sp, DemoRegion region, CancellationToken ct)
    {
        var db = sp.GetRequiredService<PlanningDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        if (!Plans.TryGetValue(region.Code, out var seed) || await db.Plans.AnyAsync(ct))
        {
            return;
        }
        var plan = new Plan
        {
            Id = Guid.CreateVersion7(),
            Title = seed.Title,
            ValidFrom = seed.From,
            ValidUntil = seed.Until,
            UpdateResponsible = seed.UpdateResponsible,
            IntranetUrl = seed.IntranetUrl,
            PublishedIntranetOn = seed.IntranetOn,
            WebsiteUrl = seed.WebsiteUrl,
            PublishedWebsiteOn = seed.WebsiteOn,
            CurrentVersion = 0,
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Plans.Add(plan);
        foreach (var (key, content, needs) in seed.Sections)
        {
            db.Sections.Add(new PlanSection
            {
                Id = Guid.CreateVersion7(),
                PlanId = plan.Id,
                Key = key,
                Position = Array.IndexOf(PlanSections.Keys, key),
                Content = content,
                DevelopmentNeeds = needs,
            });
        }
        foreach (var (kind, body, approver, on) in seed.Approvals)
        {
            db.Approvals.Add(new PlanApproval
            {
                Id = Guid.CreateVersion7(),
                PlanId = plan.Id,
                Kind = kind,
                Body = body,
                Approver = approver,
                On = on,
            });
        }
        var goalPosition = 0;
        foreach (var (title, actions) in seed.Goals)
        {
            var goal = new PlanGoal { Id = Guid.CreateVersion7(), PlanId = plan.Id, Position = ++goalPosition, Title = title };
            db.Goals.Add(goal);
            var actionPosition = 0;
            foreach (var action in actions)
            {
                db.Actions.Add(new PlanAction
                {
                    Id = Guid.CreateVersion7(),
                    GoalId = goal.Id,
                    Position = ++actionPosition,
                    Title = action.Title,
                    Responsible = action.Responsible,
                    Year = action.Year,
                    CountsReports = action.Counts,
                    Status = ActionStatus.NotDone,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
