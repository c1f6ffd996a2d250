using System.Globalization;
using System.Text.RegularExpressions;

namespace Rake.Modules.Reporting.Workflows;

/// <summary>
/// A span of reporting days with its label. Read from what a workflow designer writes: a fixed period
/// (<c>2026</c>, <c>2026-H1</c>, <c>2026-Q3</c>) or one relative to today (<c>previous half-year</c>, <c>current year</c>,
/// <c>interim Q2</c> = 1 January to the end of June this year, as Kainuu's interim figures are counted). The ids mean
/// what the Reporting API's period ids mean (<see cref="Domain.ReportingPeriod"/>): a quarter id is cumulative from
/// 1 January, so a compilation a workflow asks for is the same span the period summary shows.
/// Half-years start in the region's first month: Kymenlaakso's run 1.12.–31.5. and 1.6.–30.11. (first month 12);
/// a half-year is labelled by the year it ends in.
/// </summary>
internal sealed partial record ReportingPeriod(string Label, DateOnly From, DateOnly To)
{
    public static bool TryResolve(string? text, DateOnly today, int firstMonth, out ReportingPeriod? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text) || firstMonth is < 1 or > 12)
        {
            return false;
        }
        var t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "current year":
                period = Year(today.Year);
                return true;
            case "previous year":
                period = Year(today.Year - 1);
                return true;
            case "current half-year":
                period = HalfYearContaining(today, firstMonth);
                return true;
            case "previous half-year":
                period = HalfYearContaining(HalfYearContaining(today, firstMonth).From.AddDays(-1), firstMonth);
                return true;
        }
        if (Interim().Match(t) is { Success: true } interim)
        {
            var q = int.Parse(interim.Groups[1].Value, CultureInfo.InvariantCulture);
            period = Interim(today.Year, q);
            return true;
        }
        if (Fixed().Match(t) is not { Success: true } match)
        {
            return false;
        }
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }
        var part = match.Groups[2].Value;
        if (part.Length == 0)
        {
            period = Year(year);
            return true;
        }
        var n = part[1] - '0';
        if (part[0] == 'h')
        {
            period = HalfYear(year, n, firstMonth);
            return true;
        }
        period = Interim(year, n);
        return true;
    }

    /// <summary>Interim figures run from 1 January to the end of quarter <paramref name="quarter"/> (1–3).</summary>
    private static ReportingPeriod Interim(int year, int quarter) =>
        new($"{year}-Q{quarter}", new DateOnly(year, 1, 1), new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1));

    public string FromText => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string ToText => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ReportingPeriod Year(int year) =>
        new(year.ToString(CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Half-year <paramref name="n"/> (1 or 2) labelled <paramref name="year"/>: the first is the one ending in that year
    /// first.</summary>
    private static ReportingPeriod HalfYear(int year, int n, int firstMonth)
    {
        var start = new DateOnly(firstMonth + 5 <= 12 ? year : year - 1, firstMonth, 1).AddMonths((n - 1) * 6);
        return new ReportingPeriod($"{year}-H{n}", start, start.AddMonths(6).AddDays(-1));
    }

    private static ReportingPeriod HalfYearContaining(DateOnly day, int firstMonth)
    {
        foreach (var year in new[] { day.Year - 1, day.Year, day.Year + 1 })
        {
            foreach (var n in new[] { 1, 2 })
            {
                var candidate = HalfYear(year, n, firstMonth);
                if (candidate.From <= day && day <= candidate.To)
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException($"No half-year contains {day}.");
    }

    [GeneratedRegex(@"^interim\s*q([1-3])$")]
    private static partial Regex Interim();

    [GeneratedRegex(@"^(\d{4})(?:-(h[12]|q[1-3]))?$")]
    private static partial Regex Fixed();
}
