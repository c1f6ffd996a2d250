using Rake.Modules.Competence.Features.CompareSurveys;

namespace Rake.Modules.Competence.Tests;

/// <summary>The comparison chart's SVG: an image with a title and description, a legend, and a bar per round and area.</summary>
public sealed class ComparisonChartTests
{
    private static readonly UnitComparison Families = new("families", "Perheiden palvelut", 7, 5, false,
    [
        new AreaComparison("third-sector", "Kolmannen sektorin toiminnan ja palveluiden tunteminen", 3.1, 4.2, 1.1),
        new AreaComparison("culture", "Kulttuurisensitiivinen osaaminen <b>", null, 2.5, null),
    ]);

    [Fact]
    public void The_chart_is_an_image_described_in_text_with_a_legend_and_bars_to_scale()
    {
        var svg = ComparisonChart.Svg("chart", Families, 5, "Perheiden palvelut", "1", "2");
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" "
            + "viewBox=\"0 0 750 162\" width=\"100%\" style=\"max-width:750px\"><title id=\"chart-title\">Perheiden palvelut</title>", svg);
        Assert.Contains("<desc id=\"chart-desc\">Kolmannen sektorin toiminnan ja palveluiden tunteminen: 1 3.10, 2 4.20; "
            + "Kulttuurisensitiivinen osaaminen &lt;b&gt;: 1 –, 2 2.50</desc>", svg);
        Assert.Contains("<rect x=\"330\" y=\"8\" width=\"14\" height=\"14\" fill=\"#6b6b6b\"/>"
            + "<text x=\"350\" y=\"20\" font-size=\"14\" fill=\"#1b1b1b\">1</text>", svg);
        Assert.Contains("<rect x=\"500\" y=\"8\" width=\"14\" height=\"14\" fill=\"#00497a\"/>"
            + "<text x=\"520\" y=\"20\" font-size=\"14\" fill=\"#1b1b1b\">2</text>", svg);
        // The label is shortened to 41 characters and an ellipsis and the bars are 360 px for the whole scale: 4.2 of 5 is 302.4 px.
        Assert.Contains("<text x=\"322\" y=\"66\" font-size=\"13\" text-anchor=\"end\" fill=\"#1b1b1b\">"
            + "Kolmannen sektorin toiminnan ja palveluid…</text>", svg);
        Assert.Contains("<rect x=\"330\" y=\"62\" width=\"302.4\" height=\"16\" fill=\"#00497a\"/>"
            + "<text x=\"636.4\" y=\"75\" font-size=\"12\" fill=\"#1b1b1b\">4.2</text>", svg);
        // No bar for a round without a mean; one tick per scale step.
        Assert.Equal(4, CountOf(svg, "<rect x=\"330\" y=\""));
        Assert.Equal(5, CountOf(svg, "text-anchor=\"middle\""));
        Assert.EndsWith("</svg>", svg);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
