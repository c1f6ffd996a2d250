using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Features.Calendar;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// Each region's definitions run over a simulated year (a manual clock) with the scheduler loop of
/// <see cref="YearSimulation"/>: triggers start instances, Time bookmarks resume when due, every human task is
/// completed at the end of its due day. The tables list, month by month (Helsinki time), the human tasks (role: title)
/// and the compilations that appear, as the seed documents describe the processes.
///
/// How a workflow "runs over a year" with this engine: one instance per cycle. A cron trigger on the definition
/// (Kainuu and Keski-Suomi: 1 January; Kymenlaakso: 1 June and 1 December, the day after each reporting period ends)
/// starts an instance; inside it, Elsa.Cron activities wait for the next month's first day (a Time bookmark), and
/// human tasks hang off them in parallel so a late task never delays the calendar. The instance finishes when the
/// year's last task is done; the next trigger starts next year's instance. A one-off date (Keski-Suomi's evaluation
/// in spring 2029) is a second trigger, Elsa.StartAt, in the same flowchart. Kymenlaakso's phenomenon report has no
/// calendar: it is started by hand.
/// </summary>
public sealed class YearSimulationTests
{
    private static readonly DateTimeOffset Year2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Year2027 = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string WgMeeting = "WorkingGroupMember: RAKE-työryhmän kokous";

    private static void AssertMonths(SortedDictionary<int, string[]> expected, SortedDictionary<int, string[]> actual)
    {
        static string Show(SortedDictionary<int, string[]> table) =>
            string.Join("\n", table.Select(m => $"{m.Key,2}: {string.Join(" | ", m.Value)}"));
        var sorted = new SortedDictionary<int, string[]>(expected.ToDictionary(m => m.Key,
            m => m.Value.Order(StringComparer.Ordinal).ToArray()));
        Assert.Equal(Show(sorted), Show(actual));
    }

    /// <summary>
    /// The annual-cycle view's handler (<see cref="WorkflowCalendar.Walk"/>) over the same files and year, in the same terms as
    /// <see cref="YearSimulation.StepsByMonthAsync"/>: what the page shows is what a year of runs produces, month by month.
    /// </summary>
    private static SortedDictionary<int, string[]> Calendar(int year, params string[] files) => new(files
        .SelectMany(file =>
        {
            var definition = RakeWorkflows.Load(file);
            return WorkflowCalendar.Walk((JsonObject)definition.Json["root"]!, (string)definition.Json["name"]!, year);
        })
        .Where(step => step.Kind is "Task" or "Meeting" or "InfoSession" or "Compilation")
        .Select(step => (step.Month, Line: step.Kind == "Compilation" ? "Compilation" : $"{step.Kind}: {step.Title}"))
        .GroupBy(l => l.Month)
        .ToDictionary(g => g.Key, g => g.Select(l => l.Line).Distinct().Order(StringComparer.Ordinal).ToArray()));

    [Fact]
    public async Task Kainuu_annual_cycle_follows_the_vuosikello_month_by_month()
    {
        await using var sim = await YearSimulation.CreateAsync(Year2026, "kainuu");
        sim.Publish(RakeWorkflows.Load("kainuu/annual-cycle.json"));

        await sim.RunUntilAsync(Year2027);

        // Each step in the month it is due (a task's due date, the day a meeting is held, the day a compilation runs).
        AssertMonths(new()
        {
            // 000_… Figure 1, January: the yearly data collection starts; last year's figures are compiled (raw data: 5.3.1).
            [1] =
            [
                "RegionAdmin: Avaa vuoden sosiaalisen raportoinnin tiedonkeruu",
                "Compilation: Period to compile: 2025 (2025-01-01 – 2025-12-31).",
                "ResponsiblePerson: Kokoa edellisen vuoden raakadata sosiaalista raporttia varten",
            ],
            // 000_… Figure 1, February: RAKE working group with the plan's evaluation and the participation programme.
            [2] =
            [
                WgMeeting + " (helmikuu)",
                "Meeting: RAKE-työryhmän kokous (helmikuu)",
                "WorkingGroupMember: Arvioi toteutussuunnitelman ja tavoitteiden toteutuminen ja kirjaa arvio sosiaaliseen raporttiin",
                "WorkingGroupMember: Seuraa osallisuusohjelman toteutumista",
            ],
            // 000_… Figure 1, April: interim figures January–March.
            [4] =
            [
                "Compilation: Period to compile: 2026-Q1 (2026-01-01 – 2026-03-31).",
                "Supervisor: Osavuosiraporttitiedot (tammi–maalis): ilmoitusten määrä ja ajankohtaiset ilmiöt",
            ],
            // 000_… Figure 1, May: working group; the previous year's social report is completed, sent to the HYTETU groups and
            // the regional government and published on Kaima and the website (5.3.1).
            [5] =
            [
                WgMeeting + " (toukokuu)",
                "Communications: Julkaise sosiaalinen raportti Kaima-intranetissä ja verkkosivuilla",
                "Meeting: RAKE-työryhmän kokous (toukokuu)",
                "Planner: Laadi edellisen vuoden sosiaalinen raportti",
                "SteeringGroupMember: Välitä sosiaalinen raportti HYTETU-työryhmille ja aluehallitukselle",
            ],
            // 000_… Figure 1, June: the preparation of budget proposals starts.
            [6] = ["Supervisor: Aloita määrärahaesitysten valmistelu rakenteellisen sosiaalityön tiedon pohjalta"],
            // 000_… Figure 1, July: interim figures January–June.
            [7] =
            [
                "Compilation: Period to compile: 2026-Q2 (2026-01-01 – 2026-06-30).",
                "Supervisor: Osavuosiraporttitiedot (tammi–kesä): ilmoitusten määrä ja ajankohtaiset ilmiöt",
            ],
            // 000_… Figure 1, August: budget proposals based on structural social work knowledge.
            [8] = ["Supervisor: Laadi määrärahaesitykset rakenteellisen sosiaalityön tiedon pohjalta"],
            // 000_… Figure 1, September: RAKE working group.
            [9] = [WgMeeting + " (syyskuu)", "Meeting: RAKE-työryhmän kokous (syyskuu)"],
            // 000_… Figure 1, October: interim figures January–September.
            [10] =
            [
                "Compilation: Period to compile: 2026-Q3 (2026-01-01 – 2026-09-30).",
                "Supervisor: Osavuosiraporttitiedot (tammi–syys): ilmoitusten määrä ja ajankohtaiset ilmiöt",
            ],
            // 000_… Figure 1, November: working group reviewing the plan and the HYTETU nominations, the Kaima page updated.
            [11] =
            [
                WgMeeting + " (marraskuu)",
                "Communications: Päivitä Kaima-intranetin RAKE-alasivu",
                "Meeting: RAKE-työryhmän kokous (marraskuu)",
                "WorkingGroupMember: Katselmoi toteutussuunnitelma ja arvioi päivitystarve",
                "WorkingGroupMember: Tarkastele HYTETU-työryhmien jäsenten nimeämistä",
            ],
            // 000_… Figure 1, December: the yearly data collection ends.
            [12] = ["RegionAdmin: Päätä vuoden sosiaalisen raportoinnin tiedonkeruu"],
        }, await sim.ByDueMonthAsync(2026));

        // The vuosikello page shows the same months as the year of runs.
        AssertMonths(await sim.StepsByMonthAsync(2026, "kainuu-annual-cycle"), Calendar(2026, "kainuu/annual-cycle.json"));
        // Meetings four times a year, as the plan says.
        Assert.Equal([2, 5, 9, 11], sim.Log.Where(a => a.What.StartsWith("RAKE-työryhmän kokous",
            StringComparison.Ordinal)).Select(a => a.DueDay.Month));
        // Budget proposals from June to the end of August; the annual social report in spring (by mid-May), sent on by the end of May.
        Assert.Equal("2026-06-30", sim.Log.Single(a => a.What.StartsWith("Aloita määrärahaesitysten", StringComparison.Ordinal)).Due);
        Assert.Equal("2026-08-31", sim.Log.Single(a => a.What.StartsWith("Laadi määrärahaesitykset", StringComparison.Ordinal)).Due);
        Assert.Equal("2026-05-15", sim.Log.Single(a => a.What == "Laadi edellisen vuoden sosiaalinen raportti").Due);
        // Data collection: opened in January, closed by the end of December.
        Assert.Equal("2026-12-31", sim.Log.Single(a => a.What == "Päätä vuoden sosiaalisen raportoinnin tiedonkeruu").Due);
        Assert.Single(sim.Instances);
        Assert.Equal(Engine.WorkflowStatus.Finished, sim.Instances[0].Status);
        // What the year's activities stored through the modules' use cases: the plan's evaluation and review, the four
        // meetings with their review items, the annual report on the website and the intranet news.
        Assert.Equal(
        [
            "Agenda item NominationsReview: HYTETU-työryhmien jäsenten nimeämisen tarkastelu",
            "Agenda item PlanReview: Toteutussuunnitelman ja tavoitteiden toteutumisen arviointi; osallisuusohjelman seuranta",
            "Agenda item PlanReview: Toteutussuunnitelman katselmointi ja päivitystarpeen arviointi",
            "Evaluation 2025 Yearly: 0/6 done, needs update False",
            // The plan is valid until the end of 2026, so November's review finds it in need of an update.
            "Evaluation 2026 Review: 0/6 done, needs update True",
            "Meeting 2026-02-22: RAKE-työryhmän kokous (helmikuu)",
            "Meeting 2026-05-22: RAKE-työryhmän kokous (toukokuu)",
            "Meeting 2026-09-22: RAKE-työryhmän kokous (syyskuu)",
            "Meeting 2026-11-22: RAKE-työryhmän kokous (marraskuu)",
            "Publication AnnualSocialReport Website Published: Kainuun sosiaalinen raportti",
            "Publication News Intranet Published: RAKE-alasivu on päivitetty",
        ], await sim.StoredAsync());
    }

    [Fact]
    public async Task Kainuu_starts_a_new_cycle_each_january_and_a_plan_needing_update_goes_to_the_planner()
    {
        await using var sim = await YearSimulation.CreateAsync(Year2026, "kainuu");
        sim.Decide = task => (string?)task["title"] == "Katselmoi toteutussuunnitelma ja arvioi päivitystarve" ? "Päivitettävä" : "Done";
        sim.Publish(RakeWorkflows.Load("kainuu/annual-cycle.json"));

        await sim.RunUntilAsync(new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero));

        var update = Assert.Single(sim.Log, a => a.What == "Päivitä toteutussuunnitelma");
        Assert.Equal((new DateOnly(2026, 11, 30), "Planner"), (update.Day, update.Who));
        Assert.Equal(2, sim.Instances.Count);
        Assert.Contains(sim.Log, a => a.Day == new DateOnly(2027, 1, 1) && a.What == "Avaa vuoden sosiaalisen raportoinnin tiedonkeruu");
        Assert.Contains(sim.Log, a => a.Day == new DateOnly(2027, 1, 1) && a.What == "Period to compile: 2026 (2026-01-01 – 2026-12-31).");
    }

    [Fact]
    public async Task Kymenlaakso_compiles_each_half_year_then_routes_it_and_runs_a_phenomenon_report()
    {
        // From mid-November 2025, so the routing of the period 1.6.–30.11.2025 carries over into 2026 as it would.
        await using var sim = await YearSimulation.CreateAsync(new DateTimeOffset(2025, 11, 15, 0, 0, 0, TimeSpan.Zero), "kymenlaakso");
        // One report in the period 1.6.–30.11.2025, two in 1.12.2025–31.5.2026 (Helsinki days).
        await sim.Modules.AddReportsAsync("kymenlaakso", new DateTimeOffset(2025, 9, 1, 8, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 31, 20, 0, 0, TimeSpan.Zero));
        sim.Publish(RakeWorkflows.Load("kymenlaakso/half-year-routing.json"));
        sim.StartManually(RakeWorkflows.Load("kymenlaakso/phenomenon-report.json"), new DateTimeOffset(2026, 2, 2, 7, 0, 0, TimeSpan.Zero));

        await sim.RunUntilAsync(Year2027);

        const string Summary = "ResponsiblePerson: Kokoa raportointikauden puolivuotiskooste";
        const string Comments = "WorkingGroupMember: Kommentoi puolivuotiskooste";
        const string Decision = "SteeringGroupMember: Päätä jatkotoimenpiteet ja nimeä vastuuhenkilöt";
        const string InfoSession = "Communications: Järjestä sosiaalisen raportoinnin infotilaisuus henkilöstölle";
        const string Publication = "Communications: Julkaise puolivuotiskooste intranetissä";
        AssertMonths(new()
        {
            [1] = [InfoSession],
            [2] = [Publication, "ResponsiblePerson: Valitse raportin ilmiö"],
            [3] = ["WorkingGroupMember: Työpaja 1: miten ilmiö näkyy palveluissa ja kuinka laaja se on"],
            [4] = ["WorkingGroupMember: Työpaja 2: toimenpide- ja ratkaisuehdotukset"],
            [5] = ["ResponsiblePerson: Laadi tiivis raportti ilmiöstä ja toimenpide-ehdotuksista"],
            [6] =
            [
                "Compilation: Period to compile: 2026-H1 (2025-12-01 – 2026-05-31).", Summary, Comments, Decision,
                "WorkingGroupMember: Kommentoi ilmiölähtöisen raportin luonnos",
                "SteeringGroupMember: Päätä ilmiölähtöisen raportin toimenpiteistä ja eteenpäin viemisestä",
            ],
            [7] = [InfoSession, "Communications: Julkaise ilmiölähtöinen sosiaalinen raportti"],
            [8] = [Publication],
            [12] = ["Compilation: Period to compile: 2026-H2 (2026-06-01 – 2026-11-30).", Summary, Comments, Decision],
        }, sim.ByMonth(2026));

        // The half-year run in order: compile on the day after the period ends, then comments, decision, info, publication.
        var run = sim.Log.Where(a => a.Day >= new DateOnly(2026, 6, 1) && a.Day <= new DateOnly(2026, 8, 31) && !a.What.Contains("ilmiö",
            StringComparison.OrdinalIgnoreCase))
            .Select(a => $"{a.Day:dd.MM.} {(a.Kind == "Task" ? a.Who : a.Kind)}");
        Assert.Equal(["01.06. ResponsiblePerson", "01.06. Compilation", "15.06. WorkingGroupMember", "29.06. SteeringGroupMember",
            "20.07. Communications", "10.08. Communications"], run);
        Assert.Equal("2025-12-01", sim.Log.First(a => a.Kind == "Compilation").Day.ToString("yyyy-MM-dd"));
        // The steering group decides phenomenon by phenomenon in its form (docs/adr/0148), so the run itself records no decision.
        Assert.Equal(
        [
            "Agenda item Compilation: Puolivuotiskooste työryhmän kommentein: jatkotoimenpiteet ja vastuuhenkilöt",
            "Agenda item Compilation: Puolivuotiskooste työryhmän kommentein: jatkotoimenpiteet ja vastuuhenkilöt",
            "Agenda item Compilation: Puolivuotiskooste työryhmän kommentein: jatkotoimenpiteet ja vastuuhenkilöt",
            "Agenda item Compilation: Raportointikauden puolivuotiskooste",
            "Agenda item Compilation: Raportointikauden puolivuotiskooste",
            "Agenda item Compilation: Raportointikauden puolivuotiskooste",
            "Info session StaffInfo 2026-02-02: Sosiaalisen raportoinnin info: puolivuotiskooste ja päätetyt toimenpiteet",
            "Info session StaffInfo 2026-08-03: Sosiaalisen raportoinnin info: puolivuotiskooste ja päätetyt toimenpiteet",
            "Mail to 6: Sosiaalisen raportoinnin puolivuotiskooste on julkaistu",
            "Meeting 2025-12-25: Työryhmä: puolivuotiskoosteen kommentointi",
            "Meeting 2026-01-12: Johtoryhmä: päätökset puolivuotiskoosteesta",
            "Meeting 2026-06-25: Työryhmä: puolivuotiskoosteen kommentointi",
            "Meeting 2026-07-13: Johtoryhmä: päätökset puolivuotiskoosteesta",
            "Meeting 2026-12-25: Työryhmä: puolivuotiskoosteen kommentointi",
            "Meeting 2027-01-12: Johtoryhmä: päätökset puolivuotiskoosteesta",
            "Publication HalfYearCompilation Intranet Published: Sosiaalisen raportoinnin puolivuotiskooste",
            "Publication HalfYearCompilation Intranet Published: Sosiaalisen raportoinnin puolivuotiskooste",
            "Publication IntranetPage Intranet Published: Ilmiölähtöinen sosiaalinen raportti",
        ], await sim.StoredAsync());
        var journal = sim.Instances.SelectMany(i => i.Journal).Select(e => e.Message).ToList();
        Assert.Contains("Compiled 2025-H2: 1 reports.", journal);
        Assert.Contains("Compiled 2026-H1: 2 reports.", journal);
    }

    [Fact]
    public async Task Kymenlaakso_year_follows_its_vuosikello_month_by_month()
    {
        // From mid-November 2025, so the routing of the period 1.6.–30.11.2025 carries over into 2026 as it would.
        await using var sim = await YearSimulation.CreateAsync(new DateTimeOffset(2025, 11, 15, 0, 0, 0, TimeSpan.Zero), "kymenlaakso");
        sim.Publish(RakeWorkflows.Load("kymenlaakso/half-year-routing.json"));
        sim.Publish(RakeWorkflows.Load("kymenlaakso/meeting-rhythm.json"));

        await sim.RunUntilAsync(Year2027);

        const string Wg = "Meeting: Rakenteellisen sosiaalityön työryhmän kokous";
        const string Sg = "Meeting: Rakenteellisen sosiaalityön johtoryhmän kokous";
        const string SectorInfo = "InfoSession: Sosiaalipalvelujen toimialainfo: rakenteellisen sosiaalityön ajankohtaiset asiat";
        const string SectorInfoPrepared = "ResponsiblePerson: Valmistele rakenteellisen sosiaalityön ajankohtaiset asiat toimialainfoon";
        const string StaffInfo = "InfoSession: Sosiaalisen raportoinnin info: puolivuotiskooste ja päätetyt toimenpiteet";
        const string StaffInfoHeld = "Communications: Järjestä sosiaalisen raportoinnin infotilaisuus henkilöstölle";
        const string Published = "Communications: Julkaise puolivuotiskooste intranetissä";
        const string Decision = "SteeringGroupMember: Päätä jatkotoimenpiteet ja nimeä vastuuhenkilöt";
        const string SgDecides = "Meeting: Johtoryhmä: päätökset puolivuotiskoosteesta";
        const string Summary = "ResponsiblePerson: Kokoa raportointikauden puolivuotiskooste";
        const string Comments = "WorkingGroupMember: Kommentoi puolivuotiskooste";
        const string WgComments = "Meeting: Työryhmä: puolivuotiskoosteen kommentointi";
        // Every row: 002_… Figure 3, steering and working group "about once a month as agreed" (the working group pauses in
        // July: Rake's proposal); the routing's own meetings stand for that month's (Figure 1).
        AssertMonths(new()
        {
            // 002_… Figure 1: the steering group decides on the period 1.6.–30.11.2025 per phenomenon and names responsible persons.
            [1] = [SgDecides, Decision, Wg],
            // 002_… Figure 1 and section 6: staff info after the reporting period, then the summary on the intranet; Figure 3 and
            // section 6: sector info four times a year (February, May, August, November: Rake's proposal).
            [2] = [StaffInfo, StaffInfoHeld, Published, SectorInfo, SectorInfoPrepared, Sg, Wg],
            [3] = [Sg, Wg],
            [4] = [Sg, Wg],
            // 002_… Figure 3 and section 6: sector info.
            [5] = [SectorInfo, SectorInfoPrepared, Sg, Wg],
            // 002_… 4.3 and Figure 1: the period 1.12.–31.5. is compiled, the working group comments on it.
            [6] = ["Compilation: Period to compile: 2026-H1 (2025-12-01 – 2026-05-31).", Summary, WgComments, Comments, Sg],
            // 002_… Figure 1: the steering group decides (July: no other meeting, Rake's proposal).
            [7] = [SgDecides, Decision],
            // 002_… Figure 1 and section 6: staff info and publication; Figure 3: sector info.
            [8] = [StaffInfo, StaffInfoHeld, Published, SectorInfo, SectorInfoPrepared, Sg, Wg],
            [9] = [Sg, Wg],
            [10] = [Sg, Wg],
            // 002_… Figure 3 and section 6: sector info.
            [11] = [SectorInfo, SectorInfoPrepared, Sg, Wg],
            // 002_… 4.3 and Figure 1: the period 1.6.–30.11. is compiled, the working group comments on it.
            [12] = ["Compilation: Period to compile: 2026-H2 (2026-06-01 – 2026-11-30).", Summary, WgComments, Comments, Sg],
        }, await sim.ByDueMonthAsync(2026));

        // The vuosikello page shows the same months as the year of runs.
        AssertMonths(await sim.StepsByMonthAsync(2026, "kymenlaakso-half-year-routing", "kymenlaakso-meeting-rhythm"),
            Calendar(2026, "kymenlaakso/half-year-routing.json", "kymenlaakso/meeting-rhythm.json"));
    }

    [Fact]
    public async Task Keski_suomi_year_falls_in_the_months_rake_proposes()
    {
        await using var sim = await YearSimulation.CreateAsync(Year2026, "keski-suomi");
        sim.Publish(RakeWorkflows.Load("keski-suomi/annual-plan-cycle.json"));

        await sim.RunUntilAsync(Year2027);

        // 004_… section 2: the plan and its goals are followed up, evaluated and reported yearly, and the coordination team
        // prepares the network's and the steering group's meetings (4.1); the plan names no month, so every month below
        // is Rake's proposal for the region to confirm, as the workflow's description says.
        AssertMonths(new()
        {
            // 004_… 5.1: the year's actions are derived from the plan's focus areas (proposed: January).
            [1] = ["ResponsiblePerson: Valmistele vuoden tavoitteet, toimenpiteet ja vastuutahot suunnitelmasta 2025–2029"],
            // 004_… 4.1: the coordination team prepares the network's meeting (proposed: February).
            [2] =
            [
                "Meeting: Verkoston kokous: vuoden tavoitteet ja toimenpiteet",
                "ResponsiblePerson: Valmistele verkoston kokous (vuoden toimenpiteet)",
                "WorkingGroupMember: Verkoston kokous: vuoden tavoitteet ja toimenpiteet",
            ],
            // 004_… 4.1 and section 7: the steering group approves the year's actions; they are published on Polku (proposed: March).
            [3] =
            [
                "Communications: Julkaise vuoden toimenpiteet Polku-intrassa",
                "Meeting: Ohjausryhmä: vuoden tavoitteet, toimenpiteet ja vastuutahot",
                "ResponsiblePerson: Valmistele ohjausryhmän kokous (vuoden tavoitteet)",
                "SteeringGroupMember: Ohjausryhmä: hyväksy vuoden tavoitteet, toimenpiteet ja vastuutahot",
            ],
            // 004_… section 2: yearly follow-up in the network (proposed: September).
            [9] =
            [
                "Meeting: Verkoston kokous: toimenpiteiden seuranta",
                "ResponsiblePerson: Valmistele verkoston kokous (toimenpiteiden seuranta)",
                "WorkingGroupMember: Verkoston kokous: toimenpiteiden toteutumisen seuranta",
            ],
            // 004_… section 2: yearly evaluation and reporting to the steering group (proposed: November).
            [11] =
            [
                "Meeting: Ohjausryhmä: vuoden arviointi ja raportointi",
                "ResponsiblePerson: Kokoa vuoden seuranta ja arviointi",
                "ResponsiblePerson: Valmistele ohjausryhmän kokous (vuoden arviointi)",
                "SteeringGroupMember: Ohjausryhmä: vuoden arviointi ja raportointi",
            ],
        }, await sim.ByDueMonthAsync(2026));
        // The vuosikello page shows the same months as the year of runs.
        AssertMonths(await sim.StepsByMonthAsync(2026, "keski-suomi-annual-plan-cycle"),
            Calendar(2026, "keski-suomi/annual-plan-cycle.json"));
        Assert.Contains("Rake", RakeWorkflows.Load("keski-suomi/annual-plan-cycle.json").Json["description"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keski_suomi_derives_yearly_actions_and_prepares_network_and_steering_meetings()
    {
        await using var sim = await YearSimulation.CreateAsync(Year2026, "keski-suomi");
        sim.Publish(RakeWorkflows.Load("keski-suomi/annual-plan-cycle.json"));

        await sim.RunUntilAsync(Year2027);

        AssertMonths(KeskiSuomiYear(), sim.ByMonth(2026));
        Assert.DoesNotContain(sim.Log, a => a.What.Contains("2025–2029 arviointi", StringComparison.Ordinal));
        Assert.Equal(KeskiSuomiStored(2026, actions: 12, "Yearly"), await sim.StoredAsync());
    }

    [Fact]
    public async Task Keski_suomi_evaluates_the_whole_plan_in_spring_2029()
    {
        await using var sim = await YearSimulation.CreateAsync(new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero), "keski-suomi");
        sim.Publish(RakeWorkflows.Load("keski-suomi/annual-plan-cycle.json"));

        await sim.RunUntilAsync(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var expected = KeskiSuomiYear();
        expected[3] = [.. expected[3], "ResponsiblePerson: Valmistele toteutussuunnitelman 2025–2029 arviointi"];
        expected[4] = ["SteeringGroupMember: Ohjausryhmä: arvioi toteutussuunnitelma 2025–2029"];
        expected[5] = ["SteeringGroupMember: Päivitä suunnitelma seuraavalle valtuustokaudelle"];
        AssertMonths(expected, sim.ByMonth(2029));
        // The end of the council term adds the whole plan's evaluation to the yearly one.
        Assert.Equal(KeskiSuomiStored(2029, actions: 10, "EndOfTerm", "Yearly"), await sim.StoredAsync());
    }

    /// <summary>
    /// What a Keski-Suomi year stores: the evaluations, the network's e-mail, the four meetings, the year's actions on the
    /// intranet and a new round of the competence survey (the demo holds two).
    /// </summary>
    private static string[] KeskiSuomiStored(int year, int actions, params string[] evaluations) =>
    [
        .. evaluations.Select(kind => $"Evaluation {year} {kind}: 0/{actions} done, needs update False"),
        "Mail to 3: Vuoden tavoitteet ja toimenpiteet on julkaistu",
        $"Meeting {year}-02-15: Verkoston kokous: vuoden tavoitteet ja toimenpiteet",
        $"Meeting {year}-03-15: Ohjausryhmä: vuoden tavoitteet, toimenpiteet ja vastuutahot",
        $"Meeting {year}-09-25: Verkoston kokous: toimenpiteiden seuranta",
        $"Meeting {year}-11-23: Ohjausryhmä: vuoden arviointi ja raportointi",
        "Publication IntranetPage Intranet Published: Rakenteellisen sosiaalityön tavoitteet ja toimenpiteet tälle vuodelle",
        "Survey round 3 Open: Rakenteellisen sosiaalityön osaamiskartoitus (osaamistarpeet)",
    ];

    private static SortedDictionary<int, string[]> KeskiSuomiYear() => new()
    {
        [1] =
        [
            "ResponsiblePerson: Valmistele vuoden tavoitteet, toimenpiteet ja vastuutahot suunnitelmasta 2025–2029",
            "ResponsiblePerson: Valmistele verkoston kokous (vuoden toimenpiteet)",
        ],
        [2] =
        [
            "WorkingGroupMember: Verkoston kokous: vuoden tavoitteet ja toimenpiteet",
            "ResponsiblePerson: Valmistele ohjausryhmän kokous (vuoden tavoitteet)",
        ],
        [3] =
        [
            "SteeringGroupMember: Ohjausryhmä: hyväksy vuoden tavoitteet, toimenpiteet ja vastuutahot",
            "Communications: Julkaise vuoden toimenpiteet Polku-intrassa",
        ],
        [9] =
        [
            "ResponsiblePerson: Valmistele verkoston kokous (toimenpiteiden seuranta)",
            "WorkingGroupMember: Verkoston kokous: toimenpiteiden toteutumisen seuranta",
        ],
        [11] =
        [
            "ResponsiblePerson: Kokoa vuoden seuranta ja arviointi",
            "ResponsiblePerson: Valmistele ohjausryhmän kokous (vuoden arviointi)",
            "SteeringGroupMember: Ohjausryhmä: vuoden arviointi ja raportointi",
        ],
    };
}
