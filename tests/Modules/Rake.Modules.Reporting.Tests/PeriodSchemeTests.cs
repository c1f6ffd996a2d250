using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.PeriodSchemeSetup;
using static Rake.Modules.Reporting.Tests.ValidatorTestKit;

namespace Rake.Modules.Reporting.Tests;

/// <summary>Half-years from any start month, the December ones unchanged, and the API's and workflows' names agreeing.</summary>
public sealed class PeriodSchemeTests
{
    [Fact]
    public void Half_years_from_december_are_what_kymenlaakso_had()
    {
        var periods = ReportingPeriod.ForYear(PeriodScheme.HalfYears(12), 2026);
        Assert.Equal(["2026-H1 2025-12-01 2026-05-31", "2026-H2 2026-06-01 2026-11-30"], periods.Select(Show).ToArray());
        Assert.Equal("2025-H2", ReportingPeriod.Parse(PeriodScheme.HalfYears(12), "2026-H1")!.Previous(PeriodScheme.HalfYears(12)).Id);
        Assert.Equal("2027-H1 2026-12-01 2027-05-31", Show(ReportingPeriod.CurrentFor(PeriodScheme.HalfYears(12), new(2026, 12, 1))));
    }

    [Theory]
    [InlineData(1, "2026-H1 2026-01-01 2026-06-30", "2026-H2 2026-07-01 2026-12-31")]
    [InlineData(3, "2026-H1 2026-03-01 2026-08-31", "2026-H2 2026-09-01 2027-02-28")]
    [InlineData(7, "2026-H1 2026-07-01 2026-12-31", "2026-H2 2027-01-01 2027-06-30")]
    [InlineData(8, "2026-H1 2025-08-01 2026-01-31", "2026-H2 2026-02-01 2026-07-31")]
    public void Half_years_from_any_month_are_six_months_each_and_the_first_ends_in_its_year(int month, string first, string second)
    {
        Assert.Equal([first, second], ReportingPeriod.ForYear(PeriodScheme.HalfYears(month), 2026).Select(Show).ToArray());
    }

    [Fact]
    public void Every_day_falls_in_exactly_one_half_year_of_every_scheme_and_the_workflows_name_it_alike()
    {
        for (var month = 1; month <= 12; month++)
        {
            var scheme = PeriodScheme.HalfYears(month);
            for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2027, 12, 31); day = day.AddDays(1))
            {
                var current = ReportingPeriod.CurrentFor(scheme, day);
                Assert.True(current.From <= day && day <= current.To, $"{day} from month {month}: {Show(current)}");
                Assert.True(Workflows.ReportingPeriod.TryResolve(current.Id, day, month, out var named));
                Assert.Equal((current.From, current.To), (named!.From, named.To));
                var previous = current.Previous(scheme);
                Assert.Equal(current.From.AddDays(-1), previous.To);
            }
        }
    }

    [Fact]
    public void The_calendar_year_keeps_its_cumulative_quarters()
    {
        Assert.Equal(["2026-Q1 2026-01-01 2026-03-31", "2026-Q2 2026-01-01 2026-06-30", "2026-Q3 2026-01-01 2026-09-30",
            "2026 2026-01-01 2026-12-31"], ReportingPeriod.ForYear(PeriodScheme.CalendarYear, 2026).Select(Show).ToArray());
        Assert.Equal(PeriodScheme.CalendarYear, PeriodScheme.Default);
        Assert.Null(ReportingPeriod.Parse(PeriodScheme.CalendarYear, "2026-H1"));
        Assert.Null(ReportingPeriod.Parse(PeriodScheme.HalfYears(3), "2026-Q1"));
    }

    [Fact]
    public void A_settings_row_written_before_start_months_reads_as_its_scheme()
    {
        Assert.Equal(PeriodScheme.HalfYears(12),
            new ReportingSettings { PeriodKind = PeriodKind.HalfYears, HalfYearStartMonth = 12 }.Scheme);
        // A calendar-year row's start month means nothing, so it never makes two calendar years differ.
        Assert.Equal(PeriodScheme.CalendarYear,
            new ReportingSettings { PeriodKind = PeriodKind.CalendarYear, HalfYearStartMonth = 5 }.Scheme);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("en")]
    public async Task The_scheme_request_needs_a_known_scheme_and_half_years_a_month_of_1_to_12(string language)
    {
        Assert.Empty(await ErrorsAsync(new PeriodSchemeRequest("HalfYears", 12), language));
        Assert.Empty(await ErrorsAsync(new PeriodSchemeRequest(" calendaryear ", null), language));
        Assert.Equal([Text(language, "validation.required")],
            (await ErrorsAsync(new PeriodSchemeRequest("HalfYears", null), language))["startMonth"]);
        Assert.Equal([Text(language, "validation.range", 1, 12)],
            (await ErrorsAsync(new PeriodSchemeRequest("HalfYears", 0), language))["startMonth"]);
        var errors = await ErrorsAsync(new PeriodSchemeRequest("Quarters", 13), language);
        Assert.Equal(["scheme", "startMonth"], errors.Keys.Order());
        Assert.Equal(["scheme"], (await ErrorsAsync(new PeriodSchemeRequest(null, null), language)).Keys);
        Assert.Equal(["scheme"], (await ErrorsAsync(new PeriodSchemeRequest("1", 12), language)).Keys);
    }

    private static string Show(ReportingPeriod p) => $"{p.Id} {p.From:yyyy-MM-dd} {p.To:yyyy-MM-dd}";
}
