using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Rake.BuildingBlocks.Localization;

namespace Rake.Modules.Planning.Features;

/// <summary>The plan as a Word document (headings as real heading styles) and as a standalone accessible HTML page.</summary>
internal static class PlanExport
{
    public static byte[] Docx(PlanDto plan, TextCatalog texts, string language)
    {
        string L(string key) => texts.GetIn(language, key);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(HeadingStyle("Title", "Title", 40), HeadingStyle("Heading1", "heading 1", 32), HeadingStyle("Heading2", "heading 2", 26));
            var body = new Body();
            body.Append(Paragraph(plan.Title, "Title"));
            body.Append(Paragraph($"{L("planning.validity")}: {plan.ValidFrom:d.M.yyyy}–{plan.ValidUntil:d.M.yyyy}"));
            body.Append(Paragraph($"{L("planning.updateResponsible")}: {plan.UpdateResponsible}"));
            foreach (var section in plan.Sections)
            {
                body.Append(Paragraph(L($"planning.section.{section.Key}"), "Heading1"));
                foreach (var line in Lines(section.Content))
                {
                    body.Append(Paragraph(line));
                }
                if (section.Key == "goals")
                {
                    AppendGoals(body, plan, L);
                }
                if (section.DevelopmentNeeds.Length > 0)
                {
                    body.Append(Paragraph(L("planning.developmentNeeds"), "Heading2"));
                    foreach (var line in Lines(section.DevelopmentNeeds))
                    {
                        body.Append(Paragraph(line));
                    }
                }
            }
            body.Append(Paragraph(L("planning.approvals"), "Heading1"));
            foreach (var approval in plan.Approvals)
            {
                body.Append(Paragraph($"{approval.On:d.M.yyyy} {L($"planning.approval.{approval.Kind}")}: {approval.Body}{(approval.Approver is null ? "" : $" ({approval.Approver})")}"));
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            document.PackageProperties.Title = plan.Title;
            document.PackageProperties.Language = language;
        }
        return stream.ToArray();
    }

    private static void AppendGoals(Body body, PlanDto plan, Func<string, string> L)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(new GridColumn { Width = "2400" }, new GridColumn { Width = "3200" }, new GridColumn { Width = "2000" }, new GridColumn { Width = "1400" }));
        table.Append(Row(true, L("planning.goal"), L("planning.action"), L("planning.responsible"), L("planning.status")));
        foreach (var goal in plan.Goals)
        {
            foreach (var action in goal.Actions)
            {
                table.Append(Row(false, goal.Title, action.Title + (action.Year is { } y ? $" ({y})" : ""), action.Responsible, L($"planning.status.{action.Status}")));
            }
        }
        body.Append(table);
        body.Append(Paragraph(""));
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        foreach (var cell in cells)
        {
            var run = new Run();
            if (header)
            {
                run.Append(new RunProperties(new Bold()));
            }
            run.Append(new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            row.Append(new TableCell(new Paragraph(run)));
        }
        return row;
    }

    private static Style HeadingStyle(string id, string name, int halfPoints) =>
        new(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0);

    /// <summary>A self-contained HTML page for the intranet and website: landmarks, headings, a captioned table, the plan's language.</summary>
    public static string Html(PlanDto plan, TextCatalog texts, string language)
    {
        string L(string key) => WebUtility.HtmlEncode(texts.GetIn(language, key));
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{E(plan.Title)}</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b;max-width:60rem;margin:0 auto;padding:1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #6b6b6b;padding:.4rem;text-align:left;vertical-align:top}caption{font-weight:600;text-align:left}</style>\n</head>\n<body>\n<main>\n");
        html.Append($"<h1>{E(plan.Title)}</h1>\n<p>{L("planning.validity")}: {plan.ValidFrom:d.M.yyyy}–{plan.ValidUntil:d.M.yyyy}</p>\n");
        foreach (var section in plan.Sections)
        {
            html.Append($"<section aria-labelledby=\"s-{section.Key}\">\n<h2 id=\"s-{section.Key}\">{L($"planning.section.{section.Key}")}</h2>\n");
            foreach (var line in Lines(section.Content))
            {
                html.Append($"<p>{E(line)}</p>\n");
            }
            if (section.Key == "goals")
            {
                html.Append($"<table>\n<caption>{L("planning.goalsAndActions")}</caption>\n<thead><tr><th scope=\"col\">{L("planning.goal")}</th><th scope=\"col\">{L("planning.action")}</th><th scope=\"col\">{L("planning.responsible")}</th><th scope=\"col\">{L("planning.status")}</th></tr></thead>\n<tbody>\n");
                foreach (var goal in plan.Goals)
                {
                    foreach (var action in goal.Actions)
                    {
                        html.Append($"<tr><td>{E(goal.Title)}</td><td>{E(action.Title)}{(action.Year is { } y ? $" ({y})" : "")}</td><td>{E(action.Responsible)}</td><td>{L($"planning.status.{action.Status}")}</td></tr>\n");
                    }
                }
                html.Append("</tbody>\n</table>\n");
            }
            if (section.DevelopmentNeeds.Length > 0)
            {
                html.Append($"<h3>{L("planning.developmentNeeds")}</h3>\n<ul>\n");
                foreach (var line in Lines(section.DevelopmentNeeds))
                {
                    html.Append($"<li>{E(line)}</li>\n");
                }
                html.Append("</ul>\n");
            }
            html.Append("</section>\n");
        }
        html.Append($"<section aria-labelledby=\"s-approvals\">\n<h2 id=\"s-approvals\">{L("planning.approvals")}</h2>\n<ul>\n");
        foreach (var approval in plan.Approvals)
        {
            html.Append($"<li>{approval.On:d.M.yyyy} {L($"planning.approval.{approval.Kind}")}: {E(approval.Body)}{(approval.Approver is null ? "" : $" ({E(approval.Approver)})")}</li>\n");
        }
        html.Append("</ul>\n</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
