using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>
/// The meetings as an iCalendar (RFC 5545) feed written by Ical.Net (docs/adr/0080): times in Europe/Helsinki with its
/// VTIMEZONE, so a client shows the meeting at the Finnish wall-clock time across daylight-saving changes; a stable
/// UID per meeting and SEQUENCE bumped on each change so calendar clients replace the event; a cancelled meeting stays
/// in the feed with STATUS:CANCELLED so clients remove it.
/// </summary>
internal static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string TimeZoneId = "Europe/Helsinki";

    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
    private static readonly DateTimeOffset Epoch = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed record Event(string Uid, DateTimeOffset Start, DateTimeOffset End, string Summary, string? Location, string? Url,
        string? Description, int Sequence, bool Cancelled, DateTimeOffset LastModified);

    public static string Write(string calendarName, DateTimeOffset stamp, IReadOnlyCollection<Event> events)
    {
        var calendar = new Calendar { ProductId = "-//Rake//WorkingGroup meetings//FI", Method = "PUBLISH", Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        // The zone's rules from the earliest meeting (or today) on, so older offsets are not dragged along.
        var earliest = events.Select(e => e.Start).Append(stamp).Min();
        calendar.AddTimeZone(TimeZoneId, (earliest < Epoch ? Epoch : earliest).UtcDateTime, includeHistoricalData: false);
        foreach (var e in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = e.Uid,
                DtStamp = Utc(stamp),
                DtStart = Local(e.Start),
                DtEnd = Local(e.End),
                LastModified = Utc(e.LastModified),
                Sequence = e.Sequence,
                Summary = e.Summary,
                Location = string.IsNullOrEmpty(e.Location) ? null : e.Location,
                Url = Uri.TryCreate(e.Url, UriKind.Absolute, out var url) ? url : null,
                Description = string.IsNullOrEmpty(e.Description) ? null : e.Description,
                Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>Helsinki wall-clock time; in UTC only where that would pass the end of year 9999.</summary>
    private static CalDateTime Local(DateTimeOffset at) =>
        at.UtcDateTime <= DateTime.MaxValue - Helsinki.BaseUtcOffset - TimeSpan.FromHours(1)
            ? new(TimeZoneInfo.ConvertTime(at, Helsinki).DateTime, TimeZoneId)
            : Utc(at);

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime, CalDateTime.UtcTzId);
}
