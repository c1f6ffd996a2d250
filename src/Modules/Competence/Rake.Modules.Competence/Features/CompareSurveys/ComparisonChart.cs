using System.Globalization;
using System.Net;
using System.Text;
using Rake.BuildingBlocks.Export;

namespace Rake.Modules.Competence.Features.CompareSurveys;

/// <summary>
/// A horizontal bar chart of one unit's area means in two rounds, drawn on the server as SVG. The SVG is an image with a
/// title and description; the page shows the same figures in a table, which is the text alternative.
/// </summary>
internal static class ComparisonChart
{
    private const int LabelWidth = 330;
    private const int BarArea = 360;
    private const int RowHeight = 46;
    private const string BeforeColour = "#6b6b6b";
    private const string AfterColour = "#00497a";

    public static string Svg(string id, UnitComparison unit, int scaleMax, string title, string beforeLabel, string afterLabel)
    {
        static string E(string s) => WebUtility.HtmlEncode(XmlChars.Clean(s));
        static string N(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);
        var width = LabelWidth + BarArea + 60;
        var height = 40 + unit.Areas.Count * RowHeight + 30;
        var svg = new StringBuilder();
        var description = string.Join("; ",
            unit.Areas.Select(a => $"{a.Name}: {beforeLabel} {Show(a.Before)}, {afterLabel} {Show(a.After)}"));
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" ");
        svg.Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" width=\"100%\" style=\"max-width:{width}px\">");
        svg.Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        Legend(svg, LabelWidth, BeforeColour, E(beforeLabel));
        Legend(svg, LabelWidth + 170, AfterColour, E(afterLabel));
        var y = 40;
        foreach (var area in unit.Areas)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 26}\" font-size=\"13\" text-anchor=\"end\" ");
            svg.Append($"fill=\"#1b1b1b\">{E(Shorten(area.Name))}</text>");
            Bar(svg, y + 4, area.Before, scaleMax, BeforeColour);
            Bar(svg, y + 22, area.After, scaleMax, AfterColour);
            y += RowHeight;
        }
        for (var tick = 1; tick <= scaleMax; tick++)
        {
            var x = LabelWidth + BarArea * tick / (double)scaleMax;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{N(x)}\" y=\"{y + 16}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1b1b1b\">{tick}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();

        static void Bar(StringBuilder svg, int top, double? value, int scaleMax, string colour)
        {
            if (value is not { } v)
            {
                return;
            }
            var length = BarArea * v / scaleMax;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{LabelWidth}\" y=\"{top}\" width=\"{N(length)}\" height=\"16\" fill=\"{colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{N(LabelWidth + length + 4)}\" y=\"{top + 13}\" font-size=\"12\" fill=\"#1b1b1b\">{N(v)}</text>");
        }

        static void Legend(StringBuilder svg, int x, string colour, string encodedLabel)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"8\" width=\"14\" height=\"14\" fill=\"{colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + 20}\" y=\"20\" font-size=\"14\" fill=\"#1b1b1b\">{encodedLabel}</text>");
        }
    }

    public static string Show(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";

    private static string Shorten(string name) => name.Length <= 42 ? name : name[..41] + "…";
}
