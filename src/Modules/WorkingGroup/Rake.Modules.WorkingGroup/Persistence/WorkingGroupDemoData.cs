using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.WorkingGroup.Domain;

namespace Rake.Modules.WorkingGroup.Persistence;

/// <summary>
/// Demo bodies per region as the plans describe them (Kainuu 4.1, Kymenlaakso 3.1, Keski-Suomi 4.1): members carry the
/// titles the plans name, with made-up names; the demo users sit in the roles they would hold. A held meeting and the
/// next ones follow each region's rhythm (Kainuu four times a year on Teams).
/// </summary>
internal static class WorkingGroupDemoData
{
    private sealed record Seat(string Name, string Title, MemberRole Role, RegionRole? DemoUser = null);

    /// <summary>
    /// A body and its demo meetings, each some months from now; with <paramref name="PlanMonths"/> the meetings are instead the
    /// n-th meeting in those months before (negative) or after today, on the day the region's workflow holds them.
    /// </summary>
    private sealed record BodySeed(
        BodyKind Kind, string Name, string Description, Seat[] Seats, (int MonthsFromNow, string Title, string? Place)[] Meetings,
        int[]? PlanMonths = null);

    /// <summary>Kainuu's workflow schedules each meeting three weeks after the first of its month (workflows/kainuu).</summary>
    private const int PlanMeetingDay = 22;

    private static readonly Dictionary<string, BodySeed[]> Seeds = new()
    {
        ["kainuu"] =
        [
            new(BodyKind.WorkingGroup, "RAKE-työryhmä",
                "Rakenteellisen sosiaalityön työryhmä (nimetty 23.5.2023): palvelualuepäälliköt, palveluyksikköpäälliköt ja "
                    + "johtavat sosiaalityöntekijät. Kokoontuu Teamsissa neljästi vuodessa.",
                [
                    new("Anna Heikkinen", "Sosiaali- ja perhepalveluiden toimialuejohtaja", MemberRole.Chair),
                    new("Työryhmän jäsen (demo)", "Palveluyksikköpäällikkö, johtava sosiaalityöntekijä, aikuisten sosiaalityö",
                        MemberRole.Coordinator, RegionRole.WorkingGroupMember),
                    new("Vastuuhenkilö (demo)", "Sosiaalialan erikoissuunnittelija", MemberRole.Secretary, RegionRole.ResponsiblePerson),
                    new("Esihenkilö (demo)", "Palvelualuepäällikkö, ikääntyneiden palvelut", MemberRole.Member, RegionRole.Supervisor),
                    new("Suunnittelija (demo)", "Suunnittelija, Kestävän kasvun Kainuu II -hanke", MemberRole.Member, RegionRole.Planner),
                    new("Mikko Kemppainen", "Palvelualuepäällikkö, lapsiperheiden palvelut", MemberRole.Member),
                    new("Laura Korhonen", "Johtava sosiaalityöntekijä, vammaispalvelut", MemberRole.Deputy),
                ],
                [(-1, "RAKE-työryhmän kokous", "Teams"), (1, "RAKE-työryhmän kokous", "Teams"), (2, "RAKE-työryhmän kokous", "Teams")],
                // 000_… Figure 1 and 5.3.1: the working group meets four times a year, in February, May, September and November.
                PlanMonths: [2, 5, 9, 11]),
        ],
        ["kymenlaakso"] =
        [
            new(BodyKind.WorkingGroup, "Rakenteellisen sosiaalityön työryhmä",
                "Edustuksellinen työryhmä eri sosiaalipalveluiden sosiaalityöntekijöistä ja sosiaaliohjaajista; kommentoi "
                    + "puolivuotiskoosteen.",
                [
                    new("Vastuuhenkilö (demo)", "Rakenteellisen sosiaalityön vastuuhenkilö",
                        MemberRole.Chair, RegionRole.ResponsiblePerson),
                    new("Työryhmän jäsen (demo)", "Sosiaalityöntekijä, aikuissosiaalityö",
                        MemberRole.Secretary, RegionRole.WorkingGroupMember),
                    new("Sari Virtanen", "Sosiaaliohjaaja, lapsiperheiden palvelut", MemberRole.Member),
                    new("Jukka Mäkinen", "Sosiaalityöntekijä, ikääntyneiden palvelut", MemberRole.Member),
                    new("Eeva Lindqvist", "Kuraattori, opiskeluhuolto", MemberRole.Member),
                ],
                [(-1, "Työryhmä: puolivuotiskoosteen kommentointi", "Kotka, Kymenlaakson keskussairaala, neuvotteluhuone 3")]),
            new(BodyKind.SteeringGroup, "Rakenteellisen sosiaalityön johtoryhmä",
                "Sosiaalipalvelujohtaja, sosiaalipalveluiden tulosaluejohtajat ja asiakkuuspäälliköt; päättää "
                    + "jatkotoimenpiteistä ja nimeää vastuuhenkilöt.",
                [
                    new("Pekka Salonen", "Sosiaalipalvelujohtaja", MemberRole.Chair),
                    new("Johtoryhmän jäsen (demo)", "Tulosaluejohtaja, aikuisten sosiaalipalvelut",
                        MemberRole.ViceChair, RegionRole.SteeringGroupMember),
                    new("Esihenkilö (demo)", "Asiakkuuspäällikkö", MemberRole.Member, RegionRole.Supervisor),
                    new("Vastuuhenkilö (demo)", "Rakenteellisen sosiaalityön vastuuhenkilö",
                        MemberRole.Secretary, RegionRole.ResponsiblePerson),
                ],
                [(1, "Johtoryhmä: päätökset puolivuotiskoosteesta", null)]),
        ],
        ["keski-suomi"] =
        [
            new(BodyKind.SteeringGroup, "Rakenteellisen sosiaalityön ohjausryhmä",
                "Palvelutuotannon ja konsernipalvelujen palvelujohtajat ja keskeiset yhteistyökumppanit; linjaa ja seuraa "
                    + "kehittämistä sosiaalihuollon johtajan tukena.",
                [
                    new("Riitta Laine", "Sosiaalihuollon johtaja", MemberRole.Chair),
                    new("Johtoryhmän jäsen (demo)", "Palvelujohtaja, aikuisten sosiaalipalvelut",
                        MemberRole.Member, RegionRole.SteeringGroupMember),
                    new("Vastuuhenkilö (demo)", "Koordinaatiotiimin edustaja", MemberRole.Secretary, RegionRole.ResponsiblePerson),
                ],
                [(2, "Ohjausryhmä: vuoden tavoitteet ja toimenpiteet", null)]),
            new(BodyKind.CoordinationTeam, "Rakenteellisen sosiaalityön koordinaatiotiimi",
                "Rake-verkoston jäseniä, ensisijaisesti rakenteellisen sosiaalityön erikoistumiskoulutuksen käyneitä; "
                    + "valmistelee verkoston ja ohjausryhmän kokoukset.",
                [
                    new("Vastuuhenkilö (demo)", "Erikoissosiaalityöntekijä", MemberRole.Coordinator, RegionRole.ResponsiblePerson),
                    new("Työryhmän jäsen (demo)", "Erikoissosiaalityöntekijä", MemberRole.Member, RegionRole.WorkingGroupMember),
                ],
                [(0, "Koordinaatiotiimi: verkoston kokouksen valmistelu", "Teams")]),
            new(BodyKind.Network, "Rakenteellisen sosiaalityön verkosto",
                "Palvelutuotannon ja konsernipalvelujen sosiaalityöntekijöitä asiakastyössä ja johtotehtävissä (36 "
                    + "jäsentä); osallistuu paikalliseen hyte-työhön.",
                [
                    new("Vastuuhenkilö (demo)", "Erikoissosiaalityöntekijä, koordinaatiotiimi",
                        MemberRole.Coordinator, RegionRole.ResponsiblePerson),
                    new("Työryhmän jäsen (demo)", "Sosiaalityöntekijä", MemberRole.Member, RegionRole.WorkingGroupMember),
                    new("Hanna Nieminen", "Johtava sosiaalityöntekijä, lastensuojelu", MemberRole.Member),
                ],
                [(-2, "Verkoston kokous", "Jyväskylä, Hoitajantie 3"), (1, "Verkoston kokous", "Teams")]),
        ],
    };

    private static readonly Dictionary<string, (string Municipality, string Group, string Member, string Deputy)[]> Nominations = new()
    {
        ["kainuu"] =
        [
            ("Kajaani", "Kajaanin HYTETU-työryhmä", "Sosiaalityöntekijä Minna Heikura", "Sosiaaliohjaaja Timo Pulkkinen"),
            ("Sotkamo", "Sotkamon HYTETU-työryhmä", "Sosiaalityöntekijä Kaisa Tolonen", "Sosiaaliohjaaja Ville Karppinen"),
            ("Kuhmo", "Kuhmon hyvinvointijohtoryhmä", "Sosiaalityöntekijä Päivi Huotari", "Sosiaaliohjaaja Janne Seppänen"),
        ],
    };

    /// <summary>
    /// The <paramref name="nth"/> meeting day in one of <paramref name="months"/> after today (1, 2…) or before it (-1…).
    /// </summary>
    internal static DateOnly InPlanMonths(DateOnly today, int[] months, int nth)
    {
        var days = Enumerable.Range(today.Year - 2, 5)
            .SelectMany(year => months.Select(month => new DateOnly(year, month, PlanMeetingDay))).Order().ToList();
        return nth < 0 ? days.Where(d => d < today).Reverse().ElementAt(-nth - 1) : days.Where(d => d > today).ElementAt(nth - 1);
    }

    public static async Task SeedAsync(IServiceProvider sp, DemoRegion region, CancellationToken ct)
    {
        if (!Seeds.TryGetValue(region.Code, out var bodies))
        {
            return;
        }
        var db = sp.GetRequiredService<WorkingGroupDbContext>();
        if (await db.Bodies.AnyAsync(ct))
        {
            return;
        }
        var users = sp.GetRequiredService<IUserDirectory>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = Helsinki.Today(clock);
        foreach (var seed in bodies)
        {
            var body = new Body
            {
                Id = Guid.CreateVersion7(now),
                Kind = seed.Kind,
                Name = seed.Name,
                Description = seed.Description,
                CreatedAt = now,
            };
            db.Bodies.Add(body);
            foreach (var seat in seed.Seats)
            {
                var user = seat.DemoUser is { } role && region.UserNames.TryGetValue(role, out var userName)
                    ? await users.FindByUserNameAsync(userName, ct)
                    : null;
                db.Members.Add(new BodyMember
                {
                    Id = Guid.CreateVersion7(now),
                    BodyId = body.Id,
                    Name = user?.DisplayName ?? seat.Name,
                    Title = seat.Title,
                    UserId = user?.Id,
                    UserName = user?.UserName,
                    Role = seat.Role,
                    TermStart = new DateOnly(2025, 1, 1),
                    TermEnd = new DateOnly(2027, 12, 31),
                });
            }
            foreach (var (months, title, place) in seed.Meetings)
            {
                var day = seed.PlanMonths is { } planMonths
                    ? InPlanMonths(today, planMonths, months)
                    : today.AddMonths(months).AddDays(months == 0 ? 7 : 0);
                var local = day.ToDateTime(new TimeOnly(9, 0));
                var start = new DateTimeOffset(local, Helsinki.TimeZone.GetUtcOffset(local)).ToUniversalTime();
                var meeting = new Meeting
                {
                    Id = Guid.CreateVersion7(now),
                    BodyId = body.Id,
                    Title = title,
                    StartsAt = start,
                    EndsAt = start.AddHours(2),
                    Location = place,
                    OnlineUrl = place == "Teams" || place is null
                        ? $"https://teams.microsoft.com/l/meetup-join/demo-{region.Code}-{body.Kind.ToString().ToLowerInvariant()}"
                        : null,
                    Status = start < now ? MeetingStatus.Held : MeetingStatus.Scheduled,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Minutes = start < now ? "Käytiin läpi edellisen kokouksen jälkeen tulleet ilmoitukset ja ajankohtaiset asiat." : null,
                };
                db.Meetings.Add(meeting);
                db.AgendaItems.Add(new AgendaItem
                {
                    Id = Guid.CreateVersion7(now),
                    MeetingId = meeting.Id,
                    Position = 1,
                    Kind = AgendaItemKind.Reports,
                    Title = "Sosiaalisen raportoinnin ilmoitukset edellisen kokouksen jälkeen",
                });
                db.AgendaItems.Add(new AgendaItem
                {
                    Id = Guid.CreateVersion7(now),
                    MeetingId = meeting.Id,
                    Position = 2,
                    Kind = AgendaItemKind.CurrentMatters,
                    Title = "Ajankohtaiset RAKE-asiat",
                });
            }
        }
        foreach (var (municipality, group, member, deputy) in Nominations.GetValueOrDefault(region.Code) ?? [])
        {
            var decided = new DateOnly(today.Year - 1, 11, 20);
            db.Nominations.Add(new WellbeingGroupNomination
            {
                Id = Guid.CreateVersion7(now),
                Municipality = municipality,
                GroupName = group,
                MemberName = member,
                DeputyName = deputy,
                DecidedBy = "Palvelualuepäällikkö, aikuisten sosiaalityö",
                DecidedOn = decided,
                ReviewDue = decided.AddYears(1),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
