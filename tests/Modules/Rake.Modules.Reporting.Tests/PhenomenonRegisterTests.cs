using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.PhenomenonRegister;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Tests;

/// <summary>
/// The register's recurrence rule across periods and municipalities (docs/adr/0162), and its region isolation: a phenomenon,
/// report or link of one region is never found, linked or counted from another.
/// </summary>
public sealed class PhenomenonRegisterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly PeriodScheme Years = PeriodScheme.CalendarYear;
    private static readonly PeriodScheme HalfYears = PeriodScheme.HalfYears(12);

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private ServiceProvider services = default!;

    private static TrendInput On(int year, int month, string municipality = "kajaani") => new(new DateOnly(year, month, 15), municipality);

    [Fact]
    public void Reports_in_two_years_from_different_municipalities_recur()
    {
        var trend = PhenomenonTrend.Compute(Years, Today, [On(2024, 3, "kajaani"), On(2026, 5, "sotkamo")]);

        Assert.Equal(TrendLabel.Recurring, trend.Label);
        Assert.Equal(2, trend.PeriodsSeen);
        Assert.Equal(2, trend.Municipalities);
        // Neither municipality saw it twice: it recurs in the region, in no municipality by itself.
        Assert.Empty(trend.RecurringIn);
        Assert.Equal(["2023", "2024", "2025", "2026"], trend.Periods.Select(p => p.PeriodId));
        Assert.Equal([0, 1, 0, 1], trend.Periods.Select(p => p.Count));
    }

    [Fact]
    public void Many_municipalities_in_one_period_make_a_phenomenon_wide_not_recurring()
    {
        var trend = PhenomenonTrend.Compute(Years, Today,
            [On(2026, 2, "kajaani"), On(2026, 6, "sotkamo"), On(2026, 9, "kuhmo"), On(2026, 10, "kajaani")]);

        Assert.Equal(TrendLabel.New, trend.Label);
        Assert.Equal(1, trend.PeriodsSeen);
        Assert.Equal(3, trend.Municipalities);
        Assert.Equal(4, trend.Periods[^1].Count);
    }

    [Fact]
    public void A_municipality_that_reports_it_in_two_periods_is_named()
    {
        var trend = PhenomenonTrend.Compute(Years, Today, [On(2025, 4, "kuhmo"), On(2026, 4, "kuhmo"), On(2026, 5, "kajaani")]);

        Assert.Equal(TrendLabel.Recurring, trend.Label);
        Assert.Equal(["kuhmo"], trend.RecurringIn);
    }

    [Fact]
    public void Last_periods_report_is_still_new_and_an_older_one_alone_is_fading()
    {
        Assert.Equal(TrendLabel.New, PhenomenonTrend.Compute(Years, Today, [On(2025, 11)]).Label);
        Assert.Equal(TrendLabel.Fading, PhenomenonTrend.Compute(Years, Today, [On(2024, 11)]).Label);
        Assert.Equal(TrendLabel.Fading, PhenomenonTrend.Compute(Years, Today, [On(2022, 1), On(2024, 11)]).Label);
        Assert.Equal(TrendLabel.NoReports, PhenomenonTrend.Compute(Years, Today, []).Label);
    }

    [Fact]
    public void A_phenomenon_that_returns_after_a_gap_recurs()
    {
        var trend = PhenomenonTrend.Compute(Years, Today, [On(2019, 6), On(2026, 1)]);

        Assert.Equal(TrendLabel.Recurring, trend.Label);
        // The page's window shows only the last four years; the rule looks at the whole history.
        Assert.Equal(1, trend.Periods.Sum(p => p.Count));
    }

    [Fact]
    public void Half_years_from_December_are_the_periods_of_a_region_that_uses_them()
    {
        // 15.12.2025 opens Kymenlaakso's 2026-H1 (1.12.–31.5.): with a report in May it is one period, not two.
        var same = PhenomenonTrend.Compute(HalfYears, new DateOnly(2026, 5, 20),
            [new TrendInput(new DateOnly(2025, 12, 15), "kotka"), new TrendInput(new DateOnly(2026, 5, 2), "kouvola")]);
        Assert.Equal(TrendLabel.New, same.Label);
        Assert.Equal(["2024-H2", "2025-H1", "2025-H2", "2026-H1"], same.Periods.Select(p => p.PeriodId));

        var twoHalves = PhenomenonTrend.Compute(HalfYears, new DateOnly(2026, 7, 1),
            [new TrendInput(new DateOnly(2026, 5, 2), "kotka"), new TrendInput(new DateOnly(2026, 6, 10), "kotka")]);
        Assert.Equal(TrendLabel.Recurring, twoHalves.Label);
        Assert.Equal(["kotka"], twoHalves.RecurringIn);
    }

    [Fact]
    public async Task The_page_counts_a_phenomenons_reports_per_period_municipality_and_service_area()
    {
        await SeedReportsAsync("kainuu", (1, new(2025, 3, 1), "kajaani", "aikuiset"), (2, new(2026, 2, 1), "sotkamo", "aikuiset"),
            (3, new(2026, 9, 1), "kajaani", "lapset"), (4, new(2026, 9, 2), "kuhmo", "lapset"));
        var id = await AsAsync("kainuu", h => h.CreateAsync(new PhenomenonRequest("Asunnottomuus", "Nuorten asunnottomuus"), default));
        foreach (var number in new[] { 1, 2, 3 })
        {
            await AsAsync("kainuu", h => h.LinkAsync(id.Id, new PhenomenonLinkRequest(number), default));
        }
        // Linking again changes nothing.
        var page = await AsAsync("kainuu", h => h.LinkAsync(id.Id, new PhenomenonLinkRequest(3), default));

        Assert.Equal([1, 2, 3], page.Reports.Select(r => r.Number));
        Assert.Equal(["2025", "2026", "2026"], page.Reports.Select(r => r.PeriodId));
        Assert.Equal([("2026", 2), ("2025", 1)], page.ByPeriod.Select(c => (c.Key, c.Count)));
        Assert.Equal([("kajaani", 2), ("sotkamo", 1)], page.ByMunicipality.Select(c => (c.Key, c.Count)));
        Assert.Equal([("aikuiset", 2), ("lapset", 1)], page.ByServiceArea.Select(c => (c.Key, c.Count)));
        Assert.Equal("Recurring", page.Trend.Label);
        Assert.Equal(["kajaani"], page.Trend.RecurringIn);

        var unlinked = await AsAsync("kainuu", h => h.UnlinkAsync(id.Id, 2, default));
        Assert.Equal([1, 3], unlinked.Reports.Select(r => r.Number));
        var recurring = await AsAsync("kainuu", h => h.RecurringAsync(default));
        Assert.Equal([1, 3], Assert.Single(recurring).ReportNumbers);
    }

    [Fact]
    public async Task Another_regions_phenomenon_is_never_reached_linked_or_counted()
    {
        await SeedReportsAsync("kainuu", (1, new(2025, 3, 1), "kajaani", "aikuiset"), (2, new(2026, 3, 1), "kajaani", "aikuiset"));
        await SeedReportsAsync("kymenlaakso", (1, new(2025, 4, 1), "kotka", "aikuiset"), (2, new(2026, 4, 1), "kotka", "aikuiset"),
            (7, new(2026, 5, 1), "kouvola", "aikuiset"));
        var kainuu = await AsAsync("kainuu", h => h.CreateAsync(new PhenomenonRequest("Yksinäisyys", "Ikäihmisten yksinäisyys"), default));
        await AsAsync("kainuu", h => h.LinkAsync(kainuu.Id, new PhenomenonLinkRequest(1), default));
        await AsAsync("kainuu", h => h.LinkAsync(kainuu.Id, new PhenomenonLinkRequest(2), default));

        // Kymenlaakso cannot read, change, link to or unlink from Kainuu's phenomenon.
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync("kymenlaakso", h => h.GetAsync(kainuu.Id, default)));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            AsAsync("kymenlaakso", h => h.UpdateAsync(kainuu.Id, new PhenomenonRequest("Vallattu", "x"), default)));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            AsAsync("kymenlaakso", h => h.LinkAsync(kainuu.Id, new PhenomenonLinkRequest(7), default)));
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync("kymenlaakso", h => h.UnlinkAsync(kainuu.Id, 1, default)));
        Assert.Equal(0, (await AsAsync("kymenlaakso", h => h.ListAsync(new PhenomenonListQuery(null, null, null), default))).TotalCount);
        Assert.Empty(await AsAsync("kymenlaakso", h => h.RecurringAsync(default)));

        // Kainuu's number 7 is Kymenlaakso's report: from Kainuu it does not exist.
        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            AsAsync("kainuu", h => h.LinkAsync(kainuu.Id, new PhenomenonLinkRequest(7), default)));
        Assert.Contains("reportNumber", refused.Errors.Keys);

        // Kymenlaakso's own phenomenon with its reports 1 and 2 counts only its own, though Kainuu has reports 1 and 2 too.
        var own = await AsAsync("kymenlaakso", h => h.CreateAsync(new PhenomenonRequest("Yksinäisyys", "Sama nimi, eri alue"), default));
        await AsAsync("kymenlaakso", h => h.LinkAsync(own.Id, new PhenomenonLinkRequest(1), default));
        var kymenlaakso = await AsAsync("kymenlaakso", h => h.LinkAsync(own.Id, new PhenomenonLinkRequest(2), default));
        Assert.Equal(["kotka"], kymenlaakso.ByMunicipality.Select(c => c.Key));
        var kainuuPage = await AsAsync("kainuu", h => h.GetAsync(kainuu.Id, default));
        Assert.Equal(["kajaani"], kainuuPage.ByMunicipality.Select(c => c.Key));
        Assert.Equal(2, kainuuPage.Reports.Count);
        var kainuuList = await AsAsync("kainuu", h => h.ListAsync(new PhenomenonListQuery(null, null, null), default));
        Assert.Equal([kainuu.Id], kainuuList.Items.Select(p => p.Id));
        Assert.Equal(2, kainuuList.Items[0].ReportCount);

        // Nor does the stored data mix: each region's links point only at its own reports.
        await using var scope = Scope("kainuu");
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var crossed = await db.PhenomenonLinks.IgnoreQueryFilters()
            .Join(db.Reports.IgnoreQueryFilters(), l => l.ReportId, r => r.Id, (l, r) => new { l.RegionCode, Report = r.RegionCode })
            .CountAsync(x => x.RegionCode != x.Report);
        Assert.Equal(0, crossed);
    }

    [Fact]
    public async Task The_register_is_searched_filtered_by_trend_and_sorted()
    {
        await SeedReportsAsync("kainuu", (1, new(2024, 3, 1), "kajaani", "aikuiset"), (2, new(2026, 3, 1), "kajaani", "aikuiset"),
            (3, new(2026, 4, 1), "kajaani", "aikuiset"));
        var recurring = await AsAsync("kainuu", h => h.CreateAsync(new PhenomenonRequest("Päihteet", "Nuorten päihteet"), default));
        var fresh = await AsAsync("kainuu", h => h.CreateAsync(new PhenomenonRequest("Asuminen", "Asunnottomuus"), default));
        await AsAsync("kainuu", h => h.CreateAsync(new PhenomenonRequest("Liikenne", "Kuljetuspalvelut"), default));
        await AsAsync("kainuu", h => h.LinkAsync(recurring.Id, new PhenomenonLinkRequest(1), default));
        await AsAsync("kainuu", h => h.LinkAsync(recurring.Id, new PhenomenonLinkRequest(2), default));
        await AsAsync("kainuu", h => h.LinkAsync(fresh.Id, new PhenomenonLinkRequest(3), default));

        var byTitle = await AsAsync("kainuu", h => h.ListAsync(new PhenomenonListQuery(null, null, "Title", Descending: false), default));
        Assert.Equal(["Asuminen", "Liikenne", "Päihteet"], byTitle.Items.Select(p => p.Title));
        Assert.Equal(["Recurring"], (await AsAsync("kainuu", h =>
            h.ListAsync(new PhenomenonListQuery(null, "Recurring", null), default))).Items.Select(p => p.Trend));
        Assert.Equal(["NoReports"], (await AsAsync("kainuu", h =>
            h.ListAsync(new PhenomenonListQuery("liik", null, null), default))).Items.Select(p => p.Trend));
        var paged = await AsAsync("kainuu", h => h.ListAsync(new PhenomenonListQuery(null, null, "Reports", true, 1, 2), default));
        Assert.Equal(3, paged.TotalCount);
        Assert.Equal([2, 1], paged.Items.Select(p => p.ReportCount));
    }

    public Task InitializeAsync()
    {
        connection.Open();
        var collection = new ServiceCollection();
        collection.AddSingleton(ValidatorTestKit.Texts);
        collection.AddSingleton<TimeProvider>(new FixedClock(Now));
        collection.AddSingleton<OutboxSignal>();
        collection.AddScoped<RequestContext>();
        collection.AddScoped<IRequestContext>(s => s.GetRequiredService<RequestContext>());
        collection.AddDbContext<ReportingDbContext>(o => o.UseSqlite(connection));
        collection.AddScoped<PhenomenonRegisterHandler>();
        services = collection.BuildServiceProvider();
        using var scope = Scope("kainuu");
        return scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connection.DisposeAsync();
    }

    /// <summary>A scope acting as the region's responsible person, who may read every report of the region.</summary>
    private AsyncServiceScope Scope(string region)
    {
        var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<RequestContext>();
        actor.SetRegion(new RegionId(region));
        actor.SetUser(Guid.NewGuid(), $"{region}-responsibleperson", [RegionRole.ResponsiblePerson]);
        return scope;
    }

    private async Task<T> AsAsync<T>(string region, Func<PhenomenonRegisterHandler, Task<T>> work)
    {
        await using var scope = Scope(region);
        return await work(scope.ServiceProvider.GetRequiredService<PhenomenonRegisterHandler>());
    }

    private async Task SeedReportsAsync(string region, params (int Number, DateOnly On, string Municipality, string Area)[] reports)
    {
        await using var scope = Scope(region);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        foreach (var (number, on, municipality, area) in reports)
        {
            db.Reports.Add(new SocialReport
            {
                Id = Guid.NewGuid(),
                Number = number,
                ReceivedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
                Title = $"Ilmoitus {number}",
                Description = "Kuvaus",
                Proposal = "Ehdotus",
                ServiceArea = area,
                Municipality = municipality,
                TargetGroup = "aikuiset",
                Status = ReportStatus.WithSupervisor,
            });
        }
        await db.SaveChangesAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
