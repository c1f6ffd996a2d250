using System.Globalization;
using System.Text;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>
/// An iCalendar (RFC 5545) feed written by hand (Ical.Net is not obtainable): CRLF line ends, content lines folded at
/// 75 octets without splitting a UTF-8 character, TEXT values escaped, times in UTC (so no VTIMEZONE is needed),
/// a stable UID per meeting and SEQUENCE bumped on each change so calendar clients replace the event.
/// </summary>
internal static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public sealed record Event(string Uid, DateTimeOffset Start, DateTimeOffset End, string Summary, string? Location, string? Url, string? Description, int Sequence, bool Cancelled, DateTimeOffset LastModified);

    public static string Write(string calendarName, DateTimeOffset stamp, IEnumerable<Event> events)
    {
        var sb = new StringBuilder();
        void Line(string name, string value) => sb.Append(Fold($"{name}:{value}")).Append("\r\n");
        Line("BEGIN", "VCALENDAR");
        Line("VERSION", "2.0");
        Line("PRODID", "-//Rake//WorkingGroup meetings//FI");
        Line("CALSCALE", "GREGORIAN");
        Line("METHOD", "PUBLISH");
        Line("X-WR-CALNAME", Escape(calendarName));
        foreach (var e in events)
        {
            Line("BEGIN", "VEVENT");
            Line("UID", e.Uid);
            Line("DTSTAMP", Utc(stamp));
            Line("DTSTART", Utc(e.Start));
            Line("DTEND", Utc(e.End));
            Line("LAST-MODIFIED", Utc(e.LastModified));
            Line("SEQUENCE", e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line("SUMMARY", Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Location))
            {
                Line("LOCATION", Escape(e.Location));
            }
            if (!string.IsNullOrEmpty(e.Url))
            {
                Line("URL", e.Url);
            }
            if (!string.IsNullOrEmpty(e.Description))
            {
                Line("DESCRIPTION", Escape(e.Description));
            }
            Line("STATUS", e.Cancelled ? "CANCELLED" : "CONFIRMED");
            Line("END", "VEVENT");
        }
        Line("END", "VCALENDAR");
        return sb.ToString();
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>Folds a content line into lines of at most 75 octets; each continuation starts with one space (RFC 5545 3.1).</summary>
    public static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= 75)
        {
            return line;
        }
        var sb = new StringBuilder();
        var octets = 0;
        var limit = 75;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            sb.Append(element);
            octets += size;
        }
        return sb.ToString();
    }
}
