using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;

namespace Rake.Modules.Competence.Persistence;

/// <summary>
/// Demo content: the competence areas and changes of the SOSRAKE survey (001_…, Table 5) as two rounds with unit
/// totals (one unit just below the anonymity threshold), the Howspace monthly themes (Table 1), Kainuu's 33-minute
/// social reporting recording, an orientation checklist with structural social work items, and a specialist.
/// </summary>
internal static class CompetenceDemoData
{
    private static readonly (string Code, string Name)[] Units =
    [
        ("adults", "Aikuisten sosiaalipalvelut"),
        ("families", "Lapsiperheiden palvelut"),
        ("disability", "Vammaispalvelut"),
        ("elderly", "Ikääntyneiden palvelut"),
    ];

    /// <summary>Area, first-round mean, change to the second round (Table 5).</summary>
    private static readonly (string Code, string Name, double Before, double Change)[] Areas =
    [
        ("service-system", "Sosiaalipalvelujärjestelmän tunteminen", 3.1, 0.4),
        ("own-area", "Oman maantieteellisen työskentelyalueen erityispiirteiden tuntemus", 3.0, 0.3),
        ("e-services", "Sähköisten palvelujen hyödyntäminen", 2.8, 0.4),
        ("third-sector", "Kolmannen sektorin toiminnan ja palveluiden tunteminen", 2.5, 0.7),
        ("economy", "Omaa työtä ohjaavien taloudellisten reunaehtojen tunteminen", 2.7, 0.2),
        ("benefits", "Sosiaaliturvaetuuksien tunteminen", 3.2, 0.2),
        ("employment", "Työllisyyspalvelujärjestelmän tunteminen", 2.6, 0.2),
        ("legislation", "Sosiaalialaa ohjaavan lainsäädännön hallitseminen", 3.0, 0.3),
        ("culture", "Kulttuurisensitiivisen työn osaaminen", 2.6, 0.5),
        ("private", "Yksityisten sosiaalipalvelujen tunteminen", 2.4, 0.4),
        ("health", "Terveyspalvelujärjestelmän tunteminen", 2.9, 0.1),
    ];

    /// <summary>Respondents per unit in the first and second round; Vammaispalvelut is one short of the threshold in round 2.</summary>
    private static readonly Dictionary<string, (int Before, int After)> Respondents = new()
    {
        ["adults"] = (9, 8),
        ["families"] = (6, 7),
        ["disability"] = (5, 4),
        ["elderly"] = (3, 2),
    };

    private static readonly (string Month, string Theme)[] MonthlyThemes =
    [
        ("2021-02", "SOSRAKE-hankkeen rakenteellisen sosiaalityön kehittämisen kokonaisuus"), ("2021-03", "Vaikuttavuus"),
        ("2021-04", "Mittarit vaikutusten arvioinnin välineinä"), ("2021-05", "Rakenteellisen sosiaalityön tietopohja"),
        ("2021-06", "Yhteiskehittäminen"),
        ("2021-07", "Vaikutus- ja vaikuttavuustieto lyhytkurssi"), ("2021-09", "Taloudellisen arvioinnin lähtökohtia sosiaalialalla"),
        ("2021-11", "Sosiaalinen raportointi mahdollistaa ilmiöraportoinnin"), ("2021-12", "Viestintä ja vaikuttaminen"),
        ("2022-01", "Tavoitteen asettaminen"), ("2022-02", "HYTE ja RAKE"), ("2022-03", "Itsearviointi ja työhyvinvointi"),
        ("2022-04", "Yhteisösosiaalityö"), ("2022-05", "Maaseutusosiaalityö"), ("2022-06", "Maaseutusosiaalityön resurssit"),
        ("2022-09", "Sosiaaliset ongelmat"), ("2022-10", "Kuntouttava työtoiminta"),
    ];

    private static readonly (string Text, bool Structural)[] Orientation =
    [
        ("Tutustu hyvinvointialueen rakenteellisen sosiaalityön toteutussuunnitelmaan", true),
        ("Katso sosiaalisen raportoinnin koulutustallenne", true),
        ("Tee harjoitusilmoitus sosiaalisen raportoinnin lomakkeella ja tutustu ilmoituksen käsittelyyn", true),
        ("Tutustu rakenteellisen sosiaalityön vuosikelloon ja työryhmän tehtäviin", true),
        ("Asiakastietojärjestelmän käyttöoikeudet ja kirjaamiskäytännöt", false),
        ("Omavalvontasuunnitelma ja epäkohtailmoitus (SPro/HaiPro)", false),
    ];

    public static async Task SeedAsync(IServiceProvider sp, DemoRegion region, CancellationToken ct)
    {
        var db = sp.GetRequiredService<CompetenceDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        if (await db.Units.AnyAsync(ct))
        {
            return;
        }
        foreach (var (code, name) in Units)
        {
            db.Units.Add(new Unit { Id = Guid.CreateVersion7(), Code = code, Name = name });
        }
        var now = clock.GetUtcNow();
        var first = AddSurvey(db, "Rakenteellisen sosiaalityön osaamiskartoitus, 1. kierros", 1, SurveyStatus.Closed, now.AddMonths(-8),
            r => r.Before, 0);
        var second = AddSurvey(db, "Rakenteellisen sosiaalityön osaamiskartoitus, 2. kierros", 2, SurveyStatus.Open, now.AddDays(-14),
            r => r.After, 1);
        first.ClosedAt = now.AddMonths(-7);
        _ = second;
        var position = 0;
        foreach (var (text, structural) in Orientation)
        {
            db.OrientationItems.Add(new OrientationItem
            {
                Id = Guid.CreateVersion7(),
                Position = ++position,
                Structural = structural,
                Text = region.Code == "kainuu" && text.StartsWith("Katso sosiaalisen", StringComparison.Ordinal)
                    ? text + " (33 min, Kaima)"
                    : text,
            });
        }
        if (region.Code == "kainuu")
        {
            db.Trainings.Add(new Training
            {
                Id = Guid.CreateVersion7(),
                Kind = TrainingKind.Recording,
                Title = "Sosiaalinen raportointi – koulutustallenne",
                DurationMinutes = 33,
                Url = "https://kainuu.sharepoint.com/sites/kainuun-hyvinvointialue/SitePages/Rakenteellinen-sosiaality%C3%B6.aspx"
            });
            foreach (var (month, theme) in MonthlyThemes)
            {
                db.Trainings.Add(new Training
                {
                    Id = Guid.CreateVersion7(),
                    Kind = TrainingKind.MonthlyTheme,
                    Title = theme,
                    On = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd"),
                });
            }
        }
        db.Trainings.Add(new Training
        {
            Id = Guid.CreateVersion7(),
            Kind = TrainingKind.Event,
            On = new DateOnly(now.Year, 10, 15),
            Title = region.Code switch
            {
                "kymenlaakso" => "Sosiaalisen raportoinnin info henkilöstölle",
                "keski-suomi" => "Rakenteellisen sosiaalityön perusteet -koulutus",
                _ => "Rakenteellinen sosiaalityö ja viestintä – koulutusiltapäivä",
            },
        });
        db.Specialists.Add(new Specialist
        {
            Id = Guid.CreateVersion7(),
            Name = "Erikoissosiaalityöntekijä (demo)",
            UnitCode = "adults",
            Credits = Specialist.SpecialisationCredits,
            CompletedYear = 2023,
            Use = region.Code == "keski-suomi"
                ? "Koordinaatiotiimin jäsen; rakenteellisen sosiaalityön kokonaisvaltainen kehittäminen"
                : "Sosiaalisen raportoinnin koosteiden ja ilmiölähtöisten raporttien laatiminen",
        });
        await db.SaveChangesAsync(ct);
    }

    private static Survey AddSurvey(CompetenceDbContext db, string title, int round, SurveyStatus status, DateTimeOffset openedAt,
        Func<(int Before, int After), int> respondents, double changeFactor)
    {
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(),
            Title = title,
            Round = round,
            ScaleMax = 5,
            Status = status,
            OpenedAt = openedAt,
        };
        db.Surveys.Add(survey);
        var position = 0;
        foreach (var area in Areas)
        {
            db.Areas.Add(new SurveyArea
            {
                Id = Guid.CreateVersion7(),
                SurveyId = survey.Id,
                Position = ++position,
                Code = area.Code,
                Name = area.Name,
            });
            foreach (var (unit, _) in Units)
            {
                var n = respondents(Respondents[unit]);
                var mean = area.Before + area.Change * changeFactor;
                db.Tallies.Add(new SurveyTally
                {
                    SurveyId = survey.Id,
                    UnitCode = unit,
                    AreaCode = area.Code,
                    Count = n,
                    Sum = (int)Math.Round(mean * n),
                });
            }
        }
        return survey;
    }
}
