using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Features.Calendar;

namespace Rake.Modules.Workflows.Tests;

/// <summary>Cron through Cronos: Elsa's six fields, the classic five, Cronos's error texts, the months the annual cycle draws.</summary>
public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset NewYear = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 30 6 1 * *", "2026-01-01T06:30:00Z")]
    [InlineData("30 6 1 * *", "2026-01-01T06:30:00Z")]
    [InlineData("15 0 9 * * MON-FRI", "2026-01-01T09:00:15Z")]
    [InlineData("0 0 9 * * SAT", "2026-01-03T09:00:00Z")]
    [InlineData("0 0 9 * * 0", "2026-01-04T09:00:00Z")]
    [InlineData("0 0 9 * * 7", "2026-01-04T09:00:00Z")]
    [InlineData("0 0 0 L * *", "2026-01-31T00:00:00Z")]
    [InlineData("0 0 6 1 mar *", "2026-03-01T06:00:00Z")]
    [InlineData("0 0 12 ? * *", "2026-01-01T12:00:00Z")]
    public void Next_occurrences_are_computed_in_utc_as_elsa_does(string cron, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CronSchedule.Parse(cron).GetNextOccurrence(NewYear));

    [Fact]
    public void The_next_occurrence_is_strictly_later_and_keeps_the_callers_offset()
    {
        var schedule = CronSchedule.Parse("0 0 * * * *");
        Assert.Equal(NewYear.AddHours(1), schedule.GetNextOccurrence(NewYear));
        var helsinki = new DateTimeOffset(2026, 6, 1, 12, 10, 0, TimeSpan.FromHours(3));
        var next = schedule.GetNextOccurrence(helsinki);
        Assert.Equal(TimeSpan.FromHours(3), next!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 13, 0, 0, TimeSpan.FromHours(3)), next);
    }

    [Theory]
    [InlineData("BadCronExpression", "Seconds: Value must be a number between 0 and 59 (all inclusive).")]
    [InlineData("0 0 25 * * *", "Hours: Value must be a number between 0 and 23 (all inclusive).")]
    [InlineData("0 60 * * * *", "Minutes: Value must be a number between 0 and 59 (all inclusive).")]
    [InlineData("0 0 0 * 13 *", "Months: Value must be a number between 1 and 12 (all inclusive).")]
    public void Errors_are_cronos_texts_which_elsa_reports_verbatim(string cron, string field)
    {
        Assert.False(CronSchedule.TryParse(cron, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Equal("The given cron expression has an invalid format. " + field, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0 0 *")]
    [InlineData("0 0 * * * * * *")]
    [InlineData("0 0 6 1 FOO *")]
    [InlineData("0 0 6 1 */0 *")]
    public void Malformed_expressions_are_refused_with_a_message(string cron)
    {
        Assert.False(CronSchedule.TryParse(cron, out _, out var error));
        Assert.StartsWith("The given cron expression has an invalid format.", error);
    }

    [Theory]
    [InlineData("0 0 6 1 1 *", new[] { 1 })]
    [InlineData("0 0 6 1 6,12 *", new[] { 6, 12 })]
    [InlineData("0 0 6 1 JAN,apr,Jul,OCT *", new[] { 1, 4, 7, 10 })]
    [InlineData("0 0 6 1 MAR-MAY *", new[] { 3, 4, 5 })]
    [InlineData("0 0 6 1 2-11/3 *", new[] { 2, 5, 8, 11 })]
    [InlineData("0 0 6 1 */4 *", new[] { 1, 5, 9 })]
    [InlineData("0 0 6 1 9/2 *", new[] { 9, 11 })]
    [InlineData("0 6 1 feb-apr,OCT *", new[] { 2, 3, 4, 10 })]
    public void Months_follow_names_ranges_and_steps(string cron, int[] months) =>
        Assert.Equal(months, CronSchedule.Parse(cron).Months);

    [Fact]
    public void Months_are_those_the_schedule_fires_in_on_the_helsinki_calendar()
    {
        // The 31st exists in seven months only; 29 February only in leap years, which still counts.
        Assert.Equal([1, 3, 5, 7, 8, 10, 12], CronSchedule.Parse("0 0 6 31 * *").Months);
        Assert.Equal([2], CronSchedule.Parse("0 0 6 29 2 *").Months);
        // 22:30 UTC on the last day of December is already New Year's Day in Helsinki.
        Assert.Equal([1], CronSchedule.Parse("0 30 22 31 12 *").Months);
        Assert.Equal(12, CronSchedule.Parse("0 0 0 * * *").Months.Count);
    }

    [Fact]
    public void The_annual_cycle_places_a_step_after_every_firing_of_its_cron_and_none_after_a_bad_one()
    {
        static int[] Months(string cron) => [.. WorkflowCalendar.Walk(System.Text.Json.Nodes.JsonNode.Parse($$"""
            {"activities": [
              {"id": "c", "type": "Elsa.Cron",
               "cronExpression": {"typeName": "String", "expression": {"type": "Literal", "value": "{{cron}}" } } },
              {"id": "s", "type": "Rake.Reporting.CompilePeriodSummary"}],
             "connections": [{"source": {"activity": "c", "port": "Done"}, "target": {"activity": "s", "port": "In"} }]}
            """)!.AsObject(), "test", 2026).Select(step => step.Month)];

        Assert.Equal(Enumerable.Range(1, 12), Months("0 0 6 1 * *"));
        Assert.Empty(Months("0 0 6 1 13 *"));
        Assert.Equal([6, 12], Months("0 0 6 1 6,12 *"));
        // 22:30 UTC on the last day of December is New Year's Day in Helsinki: the firing of 31.12.2025 is January of 2026.
        Assert.Equal([1], Months("0 30 22 31 12 *"));
    }
}
