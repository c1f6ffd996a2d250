using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Communications.Domain;

namespace Rake.Modules.Communications.Persistence;

/// <summary>
/// Demo content: Keski-Suomi's communication plan (Table 6 of its implementation plan, target groups × goals × channels),
/// a few publications per region and distribution lists (the Kainuu working group has its own list, §7.1).
/// Members' addresses are in the reserved <c>.invalid</c> domain, so a demo never e-mails anyone real.
/// </summary>
internal static class CommunicationsDemoData
{
    private static readonly (string Group, string[] Goals, string[] Channels)[] KeskiSuomiPlan =
    [
        ("Hyvinvointialueen sosiaalihuollon ammattilaiset",
            [
                "Tietoisuuden lisääminen rakenteellisesta sosiaalityöstä, sen rakenteista ja käytännöistä",
                "Rakenteellisen sosiaalityön roolin kirkastaminen osana omaa työtä", "Veto- ja pitovoiman vahvistaminen",
            ],
            [
                "Intra: rakenteellisen sosiaalityön ja sosiaalisen raportoinnin sivut, uutiset, tapahtumat", "Teams-työtila", "Sähköpostit",
                "Henkilöstön uutiskirje", "Verkkosivu",
            ]),
        ("Johto ja päätöksenteko",
            [
                "Tietoisuuden lisääminen rakenteellisesta sosiaalityöstä ja sen mahdollisuuksista",
                "Asiakastyön ilmiöiden ja rakenteellisten ongelmien esiin nostaminen",
            ],
            ["Sosiaalisen raportoinnin yhteenvedot", "Mediatiedotteet, uutiset, verkkosivu"]),
        ("Hyvinvointialueen muu henkilöstö",
            [
                "Sosiaalialan ammattilaisten asiantuntemuksen näkyväksi tekeminen ja hyödyntäminen",
                "Tietoisuuden lisääminen rakenteellisesta sosiaalityöstä",
            ],
            ["Blogikirjoitukset", "Intra: uutiset ja tapahtumat", "Henkilöstön uutiskirje"]),
        ("Sosiaalihuollon kehittämisestä kiinnostuneet",
            ["Tietoisuuden lisääminen hyvinvointialueella tehtävästä kehittämistyöstä"],
            ["Mediatiedotteet, uutiset, verkkosivu", "Blogikirjoitukset", "Sosiaalinen media"]),
        ("Sosiaalialan opiskelijat",
            [
                "Rakenteellisen sosiaalityön roolin kirkastaminen osana sosiaalialan ammattilaisen työtä",
                "Veto- ja pitovoiman vahvistaminen",
            ],
            ["Mediatiedotteet, uutiset, verkkosivu", "Blogikirjoitukset", "Sosiaalinen media"]),
        ("Asukkaat ja asiakkaat",
            ["Tietoisuuden lisääminen rakenteellisesta sosiaalityöstä", "Osallisuuden vahvistaminen"],
            ["Mediatiedotteet, uutiset, verkkosivu", "Blogikirjoitukset", "Sosiaalinen media"]),
    ];

    private static readonly Dictionary<string, (string Intranet, string Lists)> Names = new()
    {
        ["kainuu"] = ("Kaima", "RAKE-työryhmä"),
        ["kymenlaakso"] = ("intranet", "Sosiaalipalvelujen esihenkilöt"),
        ["keski-suomi"] = ("Polku", "Rakenteellisen sosiaalityön verkosto"),
    };

    public static async Task SeedAsync(IServiceProvider sp, DemoRegion region, CancellationToken ct)
    {
        var db = sp.GetRequiredService<CommunicationsDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        if (region.Code == "keski-suomi" && !await db.PlanRows.AnyAsync(ct))
        {
            foreach (var (row, i) in KeskiSuomiPlan.Select((r, i) => (r, i)))
            {
                db.PlanRows.Add(new PlanRow
                {
                    Id = Guid.CreateVersion7(now),
                    SortOrder = i,
                    TargetGroup = row.Group,
                    Goals = string.Join('\n', row.Goals),
                    Channels = string.Join('\n', row.Channels),
                });
            }
        }
        var (intranet, listName) = Names.GetValueOrDefault(region.Code, ("intranet", "RAKE-työryhmä"));
        if (!await db.Lists.AnyAsync(ct))
        {
            var id = Guid.CreateVersion7(now);
            db.Lists.Add(new DistributionList
            {
                Id = id,
                Name = listName,
                Description = "Rakenteellisen sosiaalityön jakelulista (demo).",
                Members =
                [
                    .. Enumerable.Range(1, 3)
                        .Select(n => new ListMember { ListId = id, Email = $"jasen{n}@{region.Code}.demo.invalid", Name = $"Jäsen {n}" }),
                ],
            });
        }
        if (!await db.Publications.AnyAsync(p => p.SourceKey != null && p.SourceKey.StartsWith("demo:"), ct))
        {
            Add(db, now.AddDays(-40), "demo:intranet-page", PublicationKind.IntranetPage, PublicationChannel.Intranet,
                "Rakenteellinen sosiaalityö",
                $"Rakenteellisen sosiaalityön sivu {intranet}-intranetissa.",
                "## Mitä on rakenteellinen sosiaalityö?\n\nSosiaalihuoltolain 7 § velvoittaa hyvinvointialueen tuottamaan tietoa "
                + "asiakastyöstä, tekemään **toimenpide-ehdotuksia** ja tuomaan sosiaalihuollon asiantuntemusta muiden toimialojen "
                + "suunnitteluun.\n\n- Tee sosiaalinen raportti lomakkeella.\n- Esihenkilö käsittelee raportin ja kertoo, miten se eteni."
                + "\n\nLisätietoa: [THL:n sivut](https://thl.fi/).",
                published: true);
            Add(db, now.AddDays(-10), "demo:news", PublicationKind.News, PublicationChannel.Intranet,
                "Sosiaalisen raportoinnin kooste valmistui",
                "Kauden raportit on koottu ja käsitelty työryhmässä.",
                "Kauden aikana saatiin useita raportteja. Eniten nousivat esiin **asuminen** ja **yksinäisyys**. "
                + "Ohjausryhmä päätti jatkotoimista.",
                published: true);
            Add(db, now.AddDays(-2), "demo:media-release", PublicationKind.MediaRelease, PublicationChannel.Website,
                "Sosiaalinen raportti kertoo asukkaiden arjesta",
                null,
                "Hyvinvointialueen sosiaalinen raportti julkaistaan keväällä. Se kootaan ammattilaisten havainnoista.",
                published: false);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Add(CommunicationsDbContext db, DateTimeOffset at, string key, PublicationKind kind, PublicationChannel channel,
        string title, string? summary, string body, bool published)
    {
        db.Publications.Add(new Publication
        {
            Id = Guid.CreateVersion7(at),
            Kind = kind,
            Channel = channel,
            Language = "fi",
            Title = title,
            Summary = summary,
            Body = body,
            Status = published ? PublicationStatus.Published : PublicationStatus.Draft,
            CreatedAt = at,
            CreatedBy = "Viestintä (demo)",
            UpdatedAt = at,
            ApprovedAt = published ? at : null,
            ApprovedBy = published ? "Vastuuhenkilö (demo)" : null,
            PublishedAt = published ? at : null,
            PublishedBy = published ? "Viestintä (demo)" : null,
            SourceKey = key,
        });
    }
}
