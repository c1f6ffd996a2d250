using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>A meeting's agenda and minutes as a Word document (.docx) with real heading styles, so it reads well with a screen reader.</summary>
internal static class MeetingDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(MeetingDto m, TextCatalog t)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = $"{m.Body.Name}: {m.Meeting.Title}";
            doc.PackageProperties.Language = TextCatalog.CurrentLanguage;
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Para($"{m.Body.Name}: {m.Meeting.Title}", "Title"));
            body.Append(Para($"{t["wg.field.startsAt"]}: {Format(m.Meeting.StartsAt)}–{TimeZoneInfo.ConvertTime(m.Meeting.EndsAt, Helsinki.TimeZone):HH.mm}"));
            if (!string.IsNullOrEmpty(m.Meeting.Location))
            {
                body.Append(Para($"{t["wg.field.location"]}: {m.Meeting.Location}"));
            }
            if (!string.IsNullOrEmpty(m.Meeting.OnlineUrl))
            {
                body.Append(Para($"{t["wg.field.onlineUrl"]}: {m.Meeting.OnlineUrl}"));
            }

            body.Append(Para(t["wg.meeting.agenda"], "Heading1"));
            foreach (var item in m.Agenda)
            {
                body.Append(Para($"{item.Position}. {item.Title}", "Heading2"));
                if (!string.IsNullOrEmpty(item.Notes))
                {
                    body.Append(Para(item.Notes));
                }
                if (item.Kind == "Reports")
                {
                    if (m.Reports.Count == 0)
                    {
                        body.Append(Para(t["wg.meeting.noReports"]));
                    }
                    foreach (var r in m.Reports)
                    {
                        body.Append(Para($"{r.Number}: {r.Title} ({Format(r.ReceivedAt)}) – {r.Proposal}"));
                    }
                }
            }

            body.Append(Para(t["wg.meeting.minutes"], "Heading1"));
            var present = m.Attendance.Where(a => a.Present).Select(a => $"{a.Name} ({t[$"wg.role.{a.Role}"]})").ToList();
            body.Append(Para($"{t["wg.meeting.present"]}: {(present.Count == 0 ? "–" : string.Join(", ", present))}"));
            if (!string.IsNullOrEmpty(m.Minutes))
            {
                foreach (var line in m.Minutes.Split('\n'))
                {
                    body.Append(Para(line.TrimEnd('\r')));
                }
            }
            body.Append(Para(t["wg.meeting.decisions"], "Heading2"));
            foreach (var d in m.Decisions)
            {
                body.Append(Para($"{d.Phenomenon} – {t[$"wg.outcome.{d.Outcome}"]}", "Heading3"));
                body.Append(Para(d.Text));
                if (!string.IsNullOrEmpty(d.ResponsiblePerson))
                {
                    body.Append(Para($"{t["wg.field.responsiblePerson"]}: {d.ResponsiblePerson}"));
                }
                if (d.ReportNumbers.Count > 0)
                {
                    body.Append(Para($"{t["wg.field.reportNumbers"]}: {string.Join(", ", d.ReportNumbers)}"));
                }
            }
            if (m.Proposals.Count > 0)
            {
                body.Append(Para(t["wg.meeting.proposals"], "Heading2"));
                foreach (var p in m.Proposals)
                {
                    body.Append(Para($"{p.Title} → {t[$"wg.target.{p.TargetKind}"]}: {p.Target}"));
                }
            }
            if (m.Assignments.Count > 0)
            {
                body.Append(Para(t["wg.meeting.assignments"], "Heading2"));
                foreach (var a in m.Assignments)
                {
                    body.Append(Para($"{a.Title} – {a.AssigneeName}, {t["wg.field.dueDate"]} {a.DueDate.ToString("d.M.yyyy", CultureInfo.InvariantCulture)}"));
                }
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles();
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        foreach (var (id, name, size, level) in new[] { ("Title", "Title", "40", -1), ("Heading1", "heading 1", "32", 0), ("Heading2", "heading 2", "28", 1), ("Heading3", "heading 3", "24", 2) })
        {
            var paragraphProperties = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
            if (level >= 0)
            {
                paragraphProperties.Append(new OutlineLevel { Val = level });
            }
            styles.Append(new Style(
                new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
                paragraphProperties,
                new StyleRunProperties(new Bold(), new FontSize { Val = size })) { Type = StyleValues.Paragraph, StyleId = id });
        }
        part.Styles = styles;
        part.Styles.Save();
    }

    private static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Helsinki.TimeZone).ToString("d.M.yyyy HH.mm", CultureInfo.GetCultureInfo("fi-FI"));
}
