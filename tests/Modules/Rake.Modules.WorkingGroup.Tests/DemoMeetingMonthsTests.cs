using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.WorkingGroup.Tests;

/// <summary>Kainuu's demo meetings fall in the months its plan names (000_… Figure 1: February, May, September, November).</summary>
public sealed class DemoMeetingMonthsTests
{
    private static readonly int[] KainuuMonths = [2, 5, 9, 11];

    [Theory]
    [InlineData("2026-11-27", "2026-11-22", "2027-02-22", "2027-05-22")]
    [InlineData("2026-11-22", "2026-09-22", "2027-02-22", "2027-05-22")]
    [InlineData("2026-03-01", "2026-02-22", "2026-05-22", "2026-09-22")]
    [InlineData("2026-01-05", "2025-11-22", "2026-02-22", "2026-05-22")]
    public void The_held_meeting_is_the_last_plan_month_before_today_and_the_next_two_follow_it(
        string today, string held, string next, string afterThat)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

        var meetings = new[] { -1, 1, 2 }.Select(n => WorkingGroupDemoData.InPlanMonths(day, KainuuMonths, n).ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([held, next, afterThat], meetings);
    }
}
