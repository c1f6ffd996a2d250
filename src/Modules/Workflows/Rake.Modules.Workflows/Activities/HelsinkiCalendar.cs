using System.Globalization;

namespace Rake.Modules.Workflows.Activities;

/// <summary>
/// Calendar days as the regions count them: in Europe/Helsinki. A task due "in 14 days" is due at the end of the
/// fourteenth Helsinki calendar day after today, whatever the server's own time zone.
/// </summary>
internal static class HelsinkiCalendar
{
    public static readonly TimeZoneInfo Zone = Rake.BuildingBlocks.Regions.Helsinki.TimeZone;

    public static DateOnly Today(TimeProvider time) => Rake.BuildingBlocks.Regions.Helsinki.Today(time);

    /// <summary>The last second of <paramref name="date"/> in Helsinki, as an instant.</summary>
    public static DateTimeOffset EndOf(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>
    /// Reads a due date: <c>yyyy-MM-dd</c>, or <c>MM-dd</c> for the next such day on or after <paramref name="today"/>
    /// (a yearly deadline such as 31 August written as <c>08-31</c>).
    /// </summary>
    public static bool TryParseDueDate(string text, DateOnly today, out DateOnly date)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }
        var parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && day >= 1 && day <= DateTime.DaysInMonth(2024, month))
        {
            for (var year = today.Year; year <= today.Year + 4; year++)
            {
                if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) is var candidate && candidate >= today)
                {
                    date = candidate;
                    return true;
                }
            }
        }
        date = default;
        return false;
    }
}
