using System.Globalization;
using System.Text.RegularExpressions;

namespace Rake.Modules.Reporting.Domain;

/// <summary>A reporting period in Finnish local dates, both ends inclusive; interim periods are cumulative from the year's start.</summary>
internal sealed partial record ReportingPeriod(string Id, DateOnly From, DateOnly To, bool IsInterim)
{
    public static IReadOnlyList<ReportingPeriod> ForYear(PeriodScheme scheme, int year) => scheme.Kind switch
    {
        PeriodKind.CalendarYear =>
        [
            new($"{year}-Q1", new(year, 1, 1), new(year, 3, 31), true),
            new($"{year}-Q2", new(year, 1, 1), new(year, 6, 30), true),
            new($"{year}-Q3", new(year, 1, 1), new(year, 9, 30), true),
            new($"{year}", new(year, 1, 1), new(year, 12, 31), false),
        ],
        PeriodKind.HalfYears => [HalfYear(year, 1, scheme.StartMonth), HalfYear(year, 2, scheme.StartMonth)],
        _ => throw new ArgumentOutOfRangeException(nameof(scheme)),
    };

    /// <summary>
    /// Half-year <paramref name="n"/> of <paramref name="year"/>: the first begins in the start month and ends in that year
    /// (from December: 1.12. of the year before to 31.5.), the second follows it. The workflows' period names
    /// (<see cref="Workflows.ReportingPeriod"/>) count the same way, so a workflow and the API mean the same days by 2026-H1.
    /// </summary>
    private static ReportingPeriod HalfYear(int year, int n, int startMonth)
    {
        var start = new DateOnly(startMonth <= 7 ? year : year - 1, startMonth, 1).AddMonths((n - 1) * 6);
        return new($"{year}-H{n}", start, start.AddMonths(6).AddDays(-1), false);
    }

    /// <summary>Parses a period id of the region's scheme (e.g. <c>2026</c>, <c>2026-Q2</c>, <c>2026-H1</c>); null if it is not
    /// one.</summary>
    public static ReportingPeriod? Parse(PeriodScheme scheme, string id)
    {
        var match = IdPattern().Match(id);
        if (!match.Success)
        {
            return null;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        return year is < 2000 or > 2100 ? null : ForYear(scheme, year).FirstOrDefault(p => p.Id == id);
    }

    /// <summary>The period to compare with: the previous half-year, or the same (cumulative) span a year earlier.</summary>
    public ReportingPeriod Previous(PeriodScheme scheme)
    {
        var year = int.Parse(Id[..4], CultureInfo.InvariantCulture);
        var suffix = Id[4..];
        var previousId = (scheme.Kind, suffix) switch
        {
            (PeriodKind.HalfYears, "-H2") => $"{year}-H1",
            (PeriodKind.HalfYears, _) => $"{year - 1}-H2",
            _ => $"{year - 1}{suffix}",
        };
        return Parse(scheme, previousId)!;
    }

    /// <summary>The main (non-interim) period that contains the date.</summary>
    public static ReportingPeriod CurrentFor(PeriodScheme scheme, DateOnly date) =>
        new[] { date.Year - 1, date.Year, date.Year + 1 }.SelectMany(year => ForYear(scheme, year))
            .First(p => !p.IsInterim && p.From <= date && date <= p.To);

    [GeneratedRegex(@"^(?<year>\d{4})(-(Q[1-3]|H[12]))?$")]
    private static partial Regex IdPattern();
}
