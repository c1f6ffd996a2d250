using System.Globalization;
using System.Text;

namespace Rake.Modules.Reporting.Features.Documents;

/// <summary>Hand-drawn SVG: horizontal bar charts and the one-page infographic of the year. Colours meet WCAG AA contrast on
/// white.</summary>
internal static class Svg
{
    public const string Current = "#0b3d6e";
    public const string Previous = "#8a5a00";
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string E(string s) => HtmlWriter.E(s);

    public static string BarChart(DocChart chart, string id)
    {
        const int labelWidth = 220, barArea = 360, rowHeight = 30, top = 34;
        var withPrevious = chart.PreviousSeriesName is not null;
        var max = Math.Max(1, chart.Bars.Select(b => Math.Max(b.Value, b.Previous ?? 0)).DefaultIfEmpty(0).Max());
        var height = top + Math.Max(1, chart.Bars.Count) * rowHeight + 10;
        var width = labelWidth + barArea + 60;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} " +
                $"{height}\" width=\"{width}\" height=\"{height}\" font-family=\"system-ui,sans-serif\" font-size=\"13\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<title id=\"{id}-title\">{E(chart.Title)}: {E(string.Join(", ", chart.Bars.Select(b => $"{b.Label} {b.Value}")))}</title>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{labelWidth}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{Current}\"/><text x=\"{labelWidth + 18}\" " +
            $"y=\"19\" fill=\"#1a1a1a\">{E(chart.SeriesName ?? "")}</text>");
        if (withPrevious)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{labelWidth + 180}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{Previous}\"/><text " +
                $"x=\"{labelWidth + 198}\" y=\"19\" fill=\"#1a1a1a\">{E(chart.PreviousSeriesName!)}</text>");
        }
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var y = top + i * rowHeight;
            var label = bar.Label.Length > 30 ? bar.Label[..29] + "…" : bar.Label;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" fill=\"#1a1a1a\">{E(label)}</text>");
            var h = withPrevious ? 11 : 20;
            var w = barArea * bar.Value / (double)max;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{F(w)}\" height=\"{h}\" fill=\"{Current}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(labelWidth + w + 5)}\" y=\"{y + 2 + h - 1}\" fill=\"#1a1a1a\">{bar.Value}</text>");
            if (withPrevious)
            {
                var p = barArea * (bar.Previous ?? 0) / (double)max;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{labelWidth}\" y=\"{y + 14}\" width=\"{F(p)}\" height=\"{h}\" fill=\"{Previous}\"/>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{F(labelWidth + p + 5)}\" y=\"{y + 24}\" fill=\"#1a1a1a\">{bar.Previous ?? 0}</text>");
            }
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The year on one A4-shaped page: key figures, types, top categories, quarters, service areas.</summary>
    public static string Infographic(InfographicData d)
    {
        const int width = 794, height = 1123;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"ig-title ig-desc\" viewBox=\"0 0 {width} " +
                $"{height}\" width=\"{width}\" height=\"{height}\" font-family=\"system-ui,'Segoe UI',sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<title id=\"ig-title\">{E(d.Title)}</title><desc id=\"ig-desc\">{E(d.Description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"120\" fill=\"{Current}\"/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"40\" y=\"58\" fill=\"#ffffff\" font-size=\"30\" font-weight=\"bold\">{E(d.Title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"40\" y=\"94\" fill=\"#ffffff\" font-size=\"18\">{E(d.Subtitle)}</text>");

        // Key figures in three tiles.
        for (var i = 0; i < d.KeyFigures.Count && i < 3; i++)
        {
            var x = 40 + i * 245;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x}\" y=\"150\" width=\"225\" height=\"130\" rx=\"10\" fill=\"#e8eef5\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + 112}\" y=\"225\" text-anchor=\"middle\" fill=\"{Current}\" font-size=\"54\" " +
                $"font-weight=\"bold\">{d.KeyFigures[i].Value}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + 112}\" y=\"260\" text-anchor=\"middle\" fill=\"#1a1a1a\" " +
                $"font-size=\"16\">{E(d.KeyFigures[i].Label)}</text>");
        }

        var y = 320;
        y = Section(svg, d.TypeTitle, d.ByType, y);
        y = Section(svg, d.CategoryTitle, d.TopCategories, y);
        y = Section(svg, d.QuarterTitle, d.ByQuarter, y);
        Section(svg, d.ServiceAreaTitle, d.ByServiceArea, y);
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"40\" y=\"{height - 24}\" fill=\"#4a4a4a\" font-size=\"13\">{E(d.Footer)}</text>");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static int Section(StringBuilder svg, string title, IReadOnlyList<ChartBar> bars, int y)
    {
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"40\" y=\"{y}\" fill=\"#1a1a1a\" font-size=\"20\" font-weight=\"bold\">{E(title)}</text>");
        y += 14;
        var max = Math.Max(1, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        foreach (var bar in bars.Take(5))
        {
            var label = bar.Label.Length > 34 ? bar.Label[..33] + "…" : bar.Label;
            var w = 380 * bar.Value / (double)max;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"300\" y=\"{y + 19}\" text-anchor=\"end\" fill=\"#1a1a1a\" font-size=\"15\">{E(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"312\" y=\"{y + 4}\" width=\"{F(w)}\" height=\"20\" rx=\"3\" fill=\"{Current}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(318 + w)}\" y=\"{y + 19}\" fill=\"#1a1a1a\" font-size=\"15\" font-weight=\"bold\">{bar.Value}</text>");
            y += 28;
        }
        return y + 40;
    }
}

internal sealed record KeyFigure(string Label, int Value);

internal sealed record InfographicData(
    string Title, string Subtitle, string Description, IReadOnlyList<KeyFigure> KeyFigures,
    string TypeTitle, IReadOnlyList<ChartBar> ByType, string CategoryTitle, IReadOnlyList<ChartBar> TopCategories,
    string QuarterTitle, IReadOnlyList<ChartBar> ByQuarter, string ServiceAreaTitle, IReadOnlyList<ChartBar> ByServiceArea, string Footer);
