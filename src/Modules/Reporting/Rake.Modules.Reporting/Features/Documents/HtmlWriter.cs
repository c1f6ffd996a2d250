using System.Globalization;
using System.Net;
using System.Text;
using Rake.BuildingBlocks.Export;

namespace Rake.Modules.Reporting.Features.Documents;

/// <summary>
/// A self-contained, accessible HTML page of a <see cref="ReportDocument"/>: one main landmark, a heading hierarchy,
/// tables with captions and header cells, charts as SVG with a text alternative and their figures in a table. No scripts,
/// no outside fetches, so it can be published on an intranet page as it is.
/// </summary>
internal static class HtmlWriter
{
    public static string Write(ReportDocument document)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<!DOCTYPE html>\n<html lang=\"{E(document.Language)}\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(document.Title)}</title>\n<style>{Css}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<header><p class=\"subtitle\">{E(document.Subtitle)}</p></header>\n<main>\n<h1>{E(document.Title)}</h1>\n");
        var chartNumber = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocHeading h:
                    var level = Math.Clamp(h.Level + 1, 2, 4);
                    html.Append(CultureInfo.InvariantCulture, $"<h{level}>{E(h.Text)}</h{level}>\n");
                    break;
                case DocText t:
                    foreach (var part in DocxWriter.Paragraphs(t.Text))
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<p>{E(part).Replace("\n", "<br>", StringComparison.Ordinal)}</p>\n");
                    }
                    break;
                case DocTable table:
                    Table(html, table.Caption, table.Headers, table.Rows);
                    break;
                case DocChart chart:
                    chartNumber++;
                    html.Append("<figure>\n");
                    html.Append(Svg.BarChart(chart, $"chart-{chartNumber}"));
                    html.Append(CultureInfo.InvariantCulture, $"<figcaption>{E(chart.Title)}</figcaption>\n</figure>\n");
                    Table(html, chart.Title, DocxWriter.ChartHeaders(chart), DocxWriter.ChartRows(chart));
                    break;
            }
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, string caption, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(caption)}</caption>\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(header)}</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i == 0 ? $"<th scope=\"row\">{E(row[i])}</th>" : $"<td>{E(row[i])}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>Also the SVG charts' escaping: SVG is XML, so what XML cannot hold is dropped first.</summary>
    internal static string E(string? text) => WebUtility.HtmlEncode(XmlChars.Clean(text));

    private const string Css =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.5}" +
        "header{background:#0b3d6e;color:#fff;padding:.5rem 1.5rem}header p{margin:0}" +
        "main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}" +
        "h1{font-size:1.8rem}h2{font-size:1.4rem;border-bottom:2px solid #0b3d6e;margin-top:2rem}h3{font-size:1.15rem}" +
        "table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}caption{text-align:left;font-weight:bold;padding:.25rem 0}" +
        "th,td{border:1px solid #6b6b6b;padding:.25rem .5rem;text-align:left;vertical-align:top}thead th{background:#e8eef5}" +
        "figure{margin:1rem 0}figcaption{font-style:italic}svg{max-width:100%;height:auto}";
}
