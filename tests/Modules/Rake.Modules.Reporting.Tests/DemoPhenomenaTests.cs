using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.PhenomenonRegister;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Tests;

/// <summary>
/// The demo's reports and phenomena (docs/adr/0172): the register is not empty, one phenomenon recurs, the reports are numbered
/// after the region's own and stay in their region, in each region's own period scheme.
/// </summary>
public sealed class DemoPhenomenaTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private ServiceProvider services = default!;

    [Theory]
    [InlineData("kainuu", false)]
    [InlineData("kymenlaakso", true)]
    public async Task The_demo_register_has_three_phenomena_one_recurring_over_the_regions_periods(string region, bool halfYears)
    {
        await using (var scope = Scope(region))
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            db.Settings.Add(new ReportingSettings
            {
                PeriodKind = halfYears ? PeriodKind.HalfYears : PeriodKind.CalendarYear,
                HalfYearStartMonth = halfYears ? 12 : 1,
            });
            db.Reports.Add(Report(1));
            await db.SaveChangesAsync();
            await ReportingDemoPhenomena.SeedAsync(db, ["kajaani", "sotkamo", "kuhmo"], null, null, Now, default);
        }

        await using var read = Scope(region);
        var register = await read.ServiceProvider.GetRequiredService<PhenomenonRegisterHandler>()
            .ListAsync(new PhenomenonListQuery(null, null, "Title", false, 1, 50), default);
        Assert.Equal(3, register.TotalCount);
        var recurring = Assert.Single(register.Items, p => p.Trend == nameof(TrendLabel.Recurring));
        Assert.Equal("Nuorten aikuisten asunnottomuus", recurring.Title);
        Assert.Equal(4, recurring.ReportCount);
        Assert.All(register.Items.Where(p => p != recurring), p => Assert.Equal(nameof(TrendLabel.New), p.Trend));

        var db2 = read.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var reports = await db2.Reports.AsNoTracking().OrderBy(r => r.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 9), reports.Select(r => r.Number));
        Assert.All(reports.Skip(1), r => Assert.True(r.ReceivedAt <= Now, $"{r.Number} is in the future"));
        var scheme = await db2.PeriodSchemeAsync(default);
        var current = ReportingPeriod.CurrentFor(scheme, new DateOnly(2026, 11, 27));
        var periods = reports.Skip(1).Select(r => ReportingPeriod.CurrentFor(scheme, Helsinki.ToLocalDate(r.ReceivedAt)).Id).Distinct();
        Assert.Equal([current.Previous(scheme).Id, current.Id], periods.Order());
        Assert.Equal(["kajaani", "kuhmo", "sotkamo"], reports.Skip(1).Select(r => r.Municipality).Distinct().Order());

        // The other region sees none of it.
        await using var other = Scope("keski-suomi");
        Assert.Empty(await other.ServiceProvider.GetRequiredService<ReportingDbContext>().Phenomena.ToListAsync());
        Assert.Empty(await other.ServiceProvider.GetRequiredService<ReportingDbContext>().Reports.ToListAsync());
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

    private AsyncServiceScope Scope(string region)
    {
        var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<RequestContext>();
        actor.SetRegion(new RegionId(region));
        actor.SetUser(Guid.NewGuid(), $"{region}-responsibleperson", [RegionRole.ResponsiblePerson]);
        return scope;
    }

    /// <summary>A report the region made before the demo data, so the demo's numbers must follow it.</summary>
    private static SocialReport Report(int number) => new()
    {
        Id = Guid.NewGuid(),
        Number = number,
        ReceivedAt = Now.AddYears(-3),
        Title = "Aiempi ilmoitus",
        Description = "Kuvaus",
        Proposal = "Ehdotus",
        ServiceArea = "adults",
        Municipality = "kajaani",
        TargetGroup = "working-age",
        Status = ReportStatus.Closed,
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
