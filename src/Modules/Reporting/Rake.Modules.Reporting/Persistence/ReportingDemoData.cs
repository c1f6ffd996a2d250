using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Domain;

namespace Rake.Modules.Reporting.Persistence;

/// <summary>
/// Demo taxonomy per region. The categories follow what the regions' plans say a report may bring up
/// (needs and problems, weak signals, service gaps, good practices); municipalities are the regions' real ones.
/// </summary>
internal static class ReportingDemoData
{
    private static readonly (string Code, string Fi, string Sv, string En)[] Categories =
    [
        ("needs", "Asiakkaiden tarpeet ja ongelmat", "Klienternas behov och problem", "Clients' needs and problems"),
        ("wellbeing", "Sosiaalinen hyvinvointi ja sosiaaliset ongelmat", "Social välfärd och sociala problem",
            "Social wellbeing and social problems"),
        ("services", "Palvelujärjestelmän toimivuus ja palvelukatveet", "Servicesystemets funktion och luckor",
            "Service system and service gaps"),
        ("signals", "Heikot signaalit", "Svaga signaler", "Weak signals"),
        ("practices", "Hyvät käytännöt ja vaikuttavat palvelut", "Goda praxis och effektiva tjänster",
            "Good practices and effective services"),
        ("housing", "Asuminen", "Boende", "Housing"),
        ("income", "Toimeentulo", "Utkomst", "Income"),
        ("substance", "Päihteet ja riippuvuudet", "Missbruk och beroenden", "Substance use and addictions"),
        ("mental-health", "Mielenterveys", "Psykisk hälsa", "Mental health"),
        ("loneliness", "Yksinäisyys ja osallisuus", "Ensamhet och delaktighet", "Loneliness and participation"),
    ];

    private static readonly (string Code, string Fi, string Sv, string En)[] ServiceAreas =
    [
        ("adults", "Aikuisten sosiaalipalvelut", "Socialservice för vuxna", "Adult social services"),
        ("families", "Lapsiperheiden palvelut", "Tjänster för barnfamiljer", "Services for families with children"),
        ("disability", "Vammaispalvelut", "Handikappservice", "Disability services"),
        ("elderly", "Ikääntyneiden palvelut", "Äldreomsorg", "Services for older people"),
        ("student-welfare", "Opiskeluhuolto", "Elevhälsa", "Student welfare"),
    ];

    private static readonly (string Code, string Fi, string Sv, string En)[] TargetGroups =
    [
        ("children-youth", "Lapset ja nuoret", "Barn och unga", "Children and young people"),
        ("families", "Lapsiperheet", "Barnfamiljer", "Families with children"),
        ("working-age", "Työikäiset", "Personer i arbetsför ålder", "Working-age adults"),
        ("older-people", "Ikääntyneet", "Äldre", "Older people"),
        ("disabled", "Vammaiset henkilöt", "Personer med funktionsnedsättning", "People with disabilities"),
    ];

    private static readonly Dictionary<string, string[]> Municipalities = new()
    {
        ["kainuu"] = ["Hyrynsalmi", "Kajaani", "Kuhmo", "Paltamo", "Puolanka", "Ristijärvi", "Sotkamo", "Suomussalmi"],
        ["kymenlaakso"] = ["Hamina", "Kotka", "Kouvola", "Miehikkälä", "Pyhtää", "Virolahti"],
        ["keski-suomi"] = ["Jyväskylä", "Jämsä", "Keuruu", "Laukaa", "Muurame", "Saarijärvi", "Viitasaari", "Äänekoski"],
    };

    private static readonly Dictionary<string, string> SwedishNames = new()
    {
        ["Kotka"] = "Kotka",
        ["Hamina"] = "Fredrikshamn",
        ["Pyhtää"] = "Pyttis",
        ["Virolahti"] = "Vederlax",
        ["Kajaani"] = "Kajana",
        ["Jyväskylä"] = "Jyväskylä",
    };

    public static async Task SeedAsync(IServiceProvider sp, DemoRegion region, CancellationToken ct)
    {
        var db = sp.GetRequiredService<ReportingDbContext>();
        if (await db.Terms.AnyAsync(ct))
        {
            return;
        }
        db.Settings.Add(new ReportingSettings
        {
            PeriodKind = region.Code == "kymenlaakso" ? PeriodKind.HalfYears : PeriodKind.CalendarYear,
            HalfYearStartMonth = region.Code == "kymenlaakso" ? 12 : 1,
        });
        AddTerms(db, TermKind.Category, Categories);
        AddTerms(db, TermKind.ServiceArea, ServiceAreas);
        AddTerms(db, TermKind.TargetGroup, TargetGroups);
        AddTerms(db, TermKind.Municipality, Municipalities.GetValueOrDefault(region.Code, [])
            .Select(m => (Code(m), m, SwedishNames.GetValueOrDefault(m, m), m)).ToArray());
        var users = sp.GetRequiredService<IUserDirectory>();
        var supervisor = await users.FindByUserNameAsync(region.UserNames[RegionRole.Supervisor], ct);
        SupervisorListing? listing = null;
        if (supervisor is not null)
        {
            db.Supervisors.Add(listing = new SupervisorListing
            {
                Id = Guid.CreateVersion7(),
                UserId = supervisor.Id,
                UserName = supervisor.UserName,
                DisplayName = supervisor.DisplayName,
                ServiceArea = "adults",
            });
        }
        await db.SaveChangesAsync(ct);
        // The Host tests count every report they make, so their hosts switch the demo reports off (docs/adr/0172).
        if (sp.GetRequiredService<IConfiguration>().GetValue("Reporting:DemoReports", true))
        {
            var reporter = await users.FindByUserNameAsync(region.UserNames[RegionRole.Professional], ct);
            var towns = Municipalities.GetValueOrDefault(region.Code, []).Select(Code).ToList();
            await ReportingDemoPhenomena.SeedAsync(db, towns, reporter, listing, sp.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        }
    }

    private static void AddTerms(ReportingDbContext db, TermKind kind, (string Code, string Fi, string Sv, string En)[] terms)
    {
        foreach (var (code, fi, sv, en) in terms)
        {
            db.Terms.Add(new TaxonomyTerm { Id = Guid.CreateVersion7(), Kind = kind, Code = code, NameFi = fi, NameSv = sv, NameEn = en });
        }
    }

    private static string Code(string name) =>
        name.ToLowerInvariant().Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a');
}
