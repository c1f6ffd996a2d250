using System.Globalization;
using Rake.BuildingBlocks.Export;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>A meeting's agenda and minutes as a Word document, written by the shared <see cref="WordDocument"/>.</summary>
internal static class MeetingDocument
{
    public const string ContentType = WordDocument.ContentType;

    public static byte[] Write(MeetingDto m, TextCatalog t)
    {
        var title = $"{m.Body.Name}: {m.Meeting.Title}";
        var doc = new WordDocument(title, TextCatalog.CurrentLanguage).Title(title);
        var endsAt = TimeZoneInfo.ConvertTime(m.Meeting.EndsAt, Helsinki.TimeZone);
        doc.Paragraph($"{t["wg.field.startsAt"]}: {Format(m.Meeting.StartsAt)}–{endsAt:HH.mm}");
        if (!string.IsNullOrEmpty(m.Meeting.Location))
        {
            doc.Paragraph($"{t["wg.field.location"]}: {m.Meeting.Location}");
        }
        if (!string.IsNullOrEmpty(m.Meeting.OnlineUrl))
        {
            doc.Paragraph($"{t["wg.field.onlineUrl"]}: {m.Meeting.OnlineUrl}");
        }

        doc.Heading(1, t["wg.meeting.agenda"]);
        foreach (var item in m.Agenda)
        {
            doc.Heading(2, $"{item.Position}. {item.Title}");
            if (!string.IsNullOrEmpty(item.Notes))
            {
                doc.Paragraph(item.Notes);
            }
            if (item.Kind == "Reports")
            {
                if (m.Reports.Count == 0)
                {
                    doc.Paragraph(t["wg.meeting.noReports"]);
                }
                foreach (var r in m.Reports)
                {
                    doc.Paragraph($"{r.Number}: {r.Title} ({Format(r.ReceivedAt)}) – {r.Proposal}");
                }
            }
        }

        doc.Heading(1, t["wg.meeting.minutes"]);
        var present = m.Attendance.Where(a => a.Present).Select(a => $"{a.Name} ({t[$"wg.role.{a.Role}"]})").ToList();
        doc.Paragraph($"{t["wg.meeting.present"]}: {(present.Count == 0 ? "–" : string.Join(", ", present))}");
        if (!string.IsNullOrEmpty(m.Minutes))
        {
            foreach (var line in m.Minutes.Split('\n'))
            {
                doc.Paragraph(line.TrimEnd('\r'));
            }
        }
        doc.Heading(2, t["wg.meeting.decisions"]);
        foreach (var d in m.Decisions)
        {
            doc.Heading(3, $"{d.Phenomenon} – {t[$"wg.outcome.{d.Outcome}"]}").Paragraph(d.Text);
            if (!string.IsNullOrEmpty(d.ResponsiblePerson))
            {
                doc.Paragraph($"{t["wg.field.responsiblePerson"]}: {d.ResponsiblePerson}");
            }
            if (d.ReportNumbers.Count > 0)
            {
                doc.Paragraph($"{t["wg.field.reportNumbers"]}: {string.Join(", ", d.ReportNumbers)}");
            }
        }
        if (m.Proposals.Count > 0)
        {
            doc.Heading(2, t["wg.meeting.proposals"]);
            foreach (var p in m.Proposals)
            {
                doc.Paragraph($"{p.Title} → {t[$"wg.target.{p.TargetKind}"]}: {p.Target}");
            }
        }
        if (m.Assignments.Count > 0)
        {
            doc.Heading(2, t["wg.meeting.assignments"]);
            foreach (var a in m.Assignments)
            {
                var due = a.DueDate.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
                doc.Paragraph($"{a.Title} – {a.AssigneeName}, {t["wg.field.dueDate"]} {due}");
            }
        }
        return doc.ToArray();
    }

    private static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Helsinki.TimeZone).ToString("d.M.yyyy HH.mm", CultureInfo.GetCultureInfo("fi-FI"));
}
