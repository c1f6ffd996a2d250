namespace Rake.Modules.Reporting.Persistence;

/// <summary>
/// A few demo reports of the previous and the current period, linked to phenomena in the register, so the register, its
/// recurrence and the municipality packs have something to show in the demo. The first phenomenon is reported in both periods
/// and so recurs; the others are new (docs/adr/0172).
/// </summary>
internal static class ReportingDemoPhenomena
{
    private sealed record DemoPhenomenon(string Title, string Description, DemoReport[] Reports);

    /// <summary>A report <paramref name="DaysIn"/> days into the previous (<paramref name="Previous"/>) or current period, from
    /// the region's <paramref name="Town"/>-th demo municipality.</summary>
    private sealed record DemoReport(bool Previous, int DaysIn, int Town, string Area, string Category, PhenomenonType Type,
        string Title, string Description, string Proposal);

    private static readonly DemoPhenomenon[] Phenomena =
    [
        new("Nuorten aikuisten asunnottomuus",
            "Nuoret aikuiset jäävät ilman vakituista asuntoa itsenäistymisen vaiheessa, ja tuetun asumisen paikkoja on liian vähän.",
            [
                new(true, 20, 0, "adults", "housing", PhenomenonType.Negative, "Nuoret aikuiset ilman asuntoa",
                    "Asunnottomien nuorten aikuisten yhteydenotot ovat lisääntyneet aikuissosiaalityössä.",
                    "Lisätään tuettuja asuntoja ja nopeutetaan asumisneuvontaa."),
                new(true, 75, 1, "adults", "housing", PhenomenonType.Negative, "Itsenäistyvien nuorten asuminen",
                    "Jälkihuollosta itsenäistyvät nuoret eivät löydä kohtuuhintaista asuntoa.",
                    "Sovitaan vuokranantajien kanssa nuorten asuntojen kiintiöstä."),
                new(false, 10, 0, "adults", "housing", PhenomenonType.Negative, "Asunnottomuus nuorilla jatkuu",
                    "Nuorten aikuisten asunnottomuus näkyy edelleen, erityisesti keskustan alueella.",
                    "Perustetaan asumisneuvonnan päivystys nuorille."),
                new(false, 40, 2, "families", "housing", PhenomenonType.Negative, "Nuoret vanhemmat ilman asuntoa",
                    "Nuoria lapsiperheitä asuu tilapäisesti sukulaisten luona.",
                    "Otetaan nuoret perheet huomioon asuntojen jonotuksessa."),
            ]),
        new("Ikääntyneiden yksinäisyys haja-asutusalueilla",
            "Kotona asuvat ikääntyneet jäävät yksin, kun kyläpalvelut ja kuljetukset ovat vähentyneet.",
            [
                new(false, 15, 1, "elderly", "loneliness", PhenomenonType.Negative, "Yksinäiset ikääntyneet kylillä",
                    "Kotihoidon asiakkaat kertovat, etteivät tapaa ketään viikkoihin.",
                    "Kokeillaan kyläkohtaista ystävätoimintaa järjestöjen kanssa."),
                new(false, 30, 2, "elderly", "loneliness", PhenomenonType.Negative, "Kuljetusten puute eristää",
                    "Asiointiliikenteen vähentyminen estää ikääntyneitä osallistumasta.",
                    "Selvitetään kutsuliikenteen laajentaminen."),
            ]),
        new("Toimeentulotuen käsittelyn viiveet",
            "Perustoimeentulotuen ja täydentävän tuen yhteensovittaminen viivästyttää asiakkaiden tukea.",
            [
                new(false, 25, 0, "adults", "income", PhenomenonType.Negative, "Täydentävän tuen viiveet",
                    "Asiakkaat odottavat täydentävän toimeentulotuen päätöstä useita viikkoja.",
                    "Sovitaan yhteistyökäytännöstä Kelan kanssa."),
                new(false, 5, 1, "adults", "practices", PhenomenonType.Positive, "Yhteinen vastaanotto nopeutti tukea",
                    "Sosiaaliohjaajan ja Kelan yhteinen vastaanotto lyhensi odotusta.",
                    "Vakiinnutetaan yhteinen vastaanotto."),
            ]),
    ];

    /// <summary>Adds the reports (numbered after any the region has) and the phenomena they are linked to, in one change.</summary>
    public static async Task SeedAsync(ReportingDbContext db, IReadOnlyList<string> towns, UserRef? reporter, SupervisorListing? supervisor,
        DateTimeOffset now, CancellationToken ct)
    {
        if (towns.Count == 0)
        {
            return;
        }
        var scheme = await db.PeriodSchemeAsync(ct);
        var today = Helsinki.ToLocalDate(now);
        var current = ReportingPeriod.CurrentFor(scheme, today);
        var previous = current.Previous(scheme);
        var reports = new List<(SocialReport Report, int Phenomenon)>();
        foreach (var (phenomenon, index) in Phenomena.Select((p, i) => (p, i)))
        {
            foreach (var r in phenomenon.Reports)
            {
                var day = (r.Previous ? previous : current).From.AddDays(r.DaysIn);
                day = day > today ? today : day;
                var at = Helsinki.StartOf(day).AddHours(9 + reports.Count % 6);
                at = at > now ? now : at;
                reports.Add((Report(r, towns[r.Town % towns.Count], at, reporter, supervisor), index));
            }
        }
        await db.SaveNumberedAsync(reports.Count, first =>
        {
            var number = first;
            var entries = Phenomena.Select(p => NewPhenomenon(p, now)).ToList();
            foreach (var (report, index) in reports.OrderBy(r => r.Report.ReceivedAt))
            {
                report.Number = number++;
                db.Reports.Add(report);
                db.PhenomenonLinks.Add(new PhenomenonLink
                {
                    PhenomenonId = entries[index].Id,
                    ReportId = report.Id,
                    LinkedBy = "demo",
                    LinkedAt = now,
                });
            }
            db.Phenomena.AddRange(entries);
        }, ct);
    }

    private static Phenomenon NewPhenomenon(DemoPhenomenon p, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Title = p.Title,
        Description = p.Description,
        CreatedBy = "demo",
        CreatedAt = now,
        ChangedBy = "demo",
        ChangedAt = now,
    };

    private static SocialReport Report(DemoReport r, string town, DateTimeOffset at, UserRef? reporter, SupervisorListing? supervisor)
    {
        var id = Guid.CreateVersion7(at);
        return new SocialReport
        {
            Id = id,
            ReceivedAt = at,
            ReporterId = reporter?.Id ?? Guid.Empty,
            ReporterUserName = reporter?.UserName ?? "demo",
            ReporterName = reporter?.DisplayName ?? "Demo",
            PhenomenonType = r.Type,
            Title = r.Title,
            Description = r.Description,
            Proposal = r.Proposal,
            ServiceArea = r.Area,
            Municipality = town,
            TargetGroup = r.Area == "elderly" ? "older-people" : r.Area == "families" ? "families" : "working-age",
            SupervisorId = supervisor?.UserId ?? Guid.Empty,
            SupervisorUserName = supervisor?.UserName ?? "",
            SupervisorName = supervisor?.DisplayName ?? "",
            Language = "fi",
            Status = ReportStatus.WithSupervisor,
            Categories = [new ReportCategory { ReportId = id, Code = r.Category }],
            Timeline =
            [
                new TimelineEntry
                {
                    Id = Guid.CreateVersion7(at),
                    ReportId = id,
                    At = at,
                    Status = ReportStatus.Received,
                    Actor = reporter?.DisplayName ?? "Demo",
                },
                new TimelineEntry
                {
                    Id = Guid.CreateVersion7(at.AddMinutes(1)),
                    ReportId = id,
                    At = at.AddMinutes(1),
                    Status = ReportStatus.WithSupervisor,
                    Actor = supervisor?.DisplayName ?? "Demo",
                },
            ],
        };
    }
}
