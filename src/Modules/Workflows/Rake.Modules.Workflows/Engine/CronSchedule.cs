using Cronos;

namespace Rake.Modules.Workflows.Engine;

/// <summary>
/// A cron expression read by Cronos, the parser Elsa's Cron activity uses: six fields with seconds first
/// (<c>0 0 * * * *</c>, Elsa's form) or the classic five. Parse errors are Cronos's own texts, which Elsa reports
/// verbatim. Occurrences are computed in UTC, as Elsa does, so a definition fires at the same instant on an Elsa
/// server (docs/adr/0080).
/// </summary>
internal sealed class CronSchedule
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    // 28 years hold every combination of weekday and leap year, so a month that fires in none of them never fires.
    private const int MonthSearchYears = 28;
    private const int MonthSearchFrom = 2024;

    private readonly CronExpression _expression;

    private CronSchedule(CronExpression expression) => _expression = expression;

    /// <exception cref="FormatException">A <see cref="CronFormatException"/> naming the field at fault.</exception>
    public static CronSchedule Parse(string expression)
    {
        var fields = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        return new CronSchedule(CronExpression.Parse(expression, fields == 5 ? CronFormat.Standard : CronFormat.IncludeSeconds));
    }

    public static bool TryParse(string expression, out CronSchedule? schedule, out string? error)
    {
        try
        {
            schedule = Parse(expression);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            schedule = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in the offset of <paramref name="after"/>.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after) =>
        _expression.GetNextOccurrence(after, TimeZoneInfo.Utc) is { } next ? next.ToOffset(after.Offset) : null;

    /// <summary>
    /// The months (1–12) in which the schedule fires, read on the Helsinki calendar the annual cycle is drawn in: a month
    /// counts when some occurrence falls inside it, so a day of month that a month lacks (the 31st) leaves it out.
    /// </summary>
    public IReadOnlyList<int> Months => [.. Enumerable.Range(1, 12).Where(FiresIn)];

    private bool FiresIn(int month)
    {
        for (var year = MonthSearchFrom; year < MonthSearchFrom + MonthSearchYears; year++)
        {
            var start = LocalMidnight(year, month);
            var end = month == 12 ? LocalMidnight(year + 1, 1) : LocalMidnight(year, month + 1);
            if (_expression.GetNextOccurrence(start, TimeZoneInfo.Utc, inclusive: true) is { } next && next < end)
            {
                return true;
            }
        }
        return false;
    }

    private static DateTimeOffset LocalMidnight(int year, int month)
    {
        var local = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Helsinki.GetUtcOffset(local));
    }
}
