using System.Net;
using System.Text;
using Rake.BuildingBlocks.Export;

using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.ExportPlan;

/// <summary>
/// The plan as a Word document (through the shared <see cref="WordDocument"/>) and as a standalone accessible HTML page.
/// </summary>
internal static class PlanExport
{
    public static byte[] Docx(PlanDto plan, TextCatalog texts, string language)
    {
        string L(string key) => texts.GetIn(language, key);
        var doc = new WordDocument(plan.Title, language).Title(plan.Title)
            .Paragraph($"{L("planning.validity")}: {plan.ValidFrom:d.M.yyyy}–{plan.ValidUntil:d.M.yyyy}")
            .Paragraph($"{L("planning.updateResponsible")}: {plan.UpdateResponsible}");
        foreach (var section in plan.Sections)
        {
            doc.Heading(1, L($"planning.section.{section.Key}"));
            foreach (var line in Lines(section.Content))
            {
                doc.Paragraph(line);
            }
            if (section.Key == "goals")
            {
                var rows = plan.Goals.SelectMany(goal => goal.Actions.Select(action => (IReadOnlyList<string>)
                [
                    goal.Title, action.Title + (action.Year is { } y ? $" ({y})" : ""), action.Responsible,
                    L($"planning.status.{action.Status}"),
                ]));
                doc.Caption(L("planning.goalsAndActions"))
                    .Table([L("planning.goal"), L("planning.action"), L("planning.responsible"), L("planning.status")], rows);
            }
            if (section.DevelopmentNeeds.Length > 0)
            {
                doc.Heading(2, L("planning.developmentNeeds"));
                foreach (var line in Lines(section.DevelopmentNeeds))
                {
                    doc.Paragraph(line);
                }
            }
        }
        doc.Heading(1, L("planning.approvals"));
        foreach (var approval in plan.Approvals)
        {
            var approver = approval.Approver is null ? "" : $" ({approval.Approver})";
            doc.Paragraph($"{approval.On:d.M.yyyy} {L($"planning.approval.{approval.Kind}")}: {approval.Body}{approver}");
        }
        return doc.ToArray();
    }

    private const string Style =
        "<style>body{font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b;max-width:60rem;margin:0 auto;padding:1rem}"
        + "table{border-collapse:collapse;width:100%}"
        + "th,td{border:1px solid #6b6b6b;padding:.4rem;text-align:left;vertical-align:top}"
        + "caption{font-weight:600;text-align:left}</style>\n";

    private static IEnumerable<string> Lines(string text) => PlanText.Lines(text);

    /// <summary>
    /// A self-contained HTML page for the intranet and website: landmarks, headings, a captioned table, the plan's language.
    /// </summary>
    public static string Html(PlanDto plan, TextCatalog texts, string language)
    {
        string L(string key) => WebUtility.HtmlEncode(texts.GetIn(language, key));
        static string E(string? s) => WebUtility.HtmlEncode(XmlChars.Clean(s));
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{language}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{E(plan.Title)}</title>\n");
        html.Append(Style).Append("</head>\n<body>\n<main>\n");
        html.Append($"<h1>{E(plan.Title)}</h1>\n<p>{L("planning.validity")}: {plan.ValidFrom:d.M.yyyy}–{plan.ValidUntil:d.M.yyyy}</p>\n");
        foreach (var section in plan.Sections)
        {
            html.Append($"<section aria-labelledby=\"s-{section.Key}\">\n")
                .Append($"<h2 id=\"s-{section.Key}\">{L($"planning.section.{section.Key}")}</h2>\n");
            foreach (var line in Lines(section.Content))
            {
                html.Append($"<p>{E(line)}</p>\n");
            }
            if (section.Key == "goals")
            {
                html.Append($"<table>\n<caption>{L("planning.goalsAndActions")}</caption>\n<thead><tr>")
                    .Append($"<th scope=\"col\">{L("planning.goal")}</th><th scope=\"col\">{L("planning.action")}</th>")
                    .Append($"<th scope=\"col\">{L("planning.responsible")}</th><th scope=\"col\">{L("planning.status")}</th>")
                    .Append("</tr></thead>\n<tbody>\n");
                foreach (var goal in plan.Goals)
                {
                    foreach (var action in goal.Actions)
                    {
                        var year = action.Year is { } y ? $" ({y})" : "";
                        html.Append($"<tr><td>{E(goal.Title)}</td><td>{E(action.Title)}{year}</td><td>{E(action.Responsible)}</td>")
                            .Append($"<td>{L($"planning.status.{action.Status}")}</td></tr>\n");
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
            var approver = approval.Approver is null ? "" : $" ({E(approval.Approver)})";
            html.Append($"<li>{approval.On:d.M.yyyy} {L($"planning.approval.{approval.Kind}")}: {E(approval.Body)}{approver}</li>\n");
        }
        html.Append("</ul>\n</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
