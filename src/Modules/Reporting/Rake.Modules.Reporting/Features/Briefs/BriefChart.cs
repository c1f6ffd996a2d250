using System.Globalization;
using Rake.Modules.Reporting.Features.Documents;
using ScottPlot;

namespace Rake.Modules.Reporting.Features.Briefs;

/// <summary>
/// The brief's chart as a PNG drawn on the server with ScottPlot (SkiaSharp with its own native assets, no browser): reports
/// by service area and the most reported categories, this period against the previous one. 1600 × 1000 pixels prints about
/// 13.5 cm wide at 300 dpi, the width of an agenda attachment's text column; the same data always gives the same image.
/// </summary>
internal static class BriefChart
{
    public const string ContentType = "image/png";
    public const int Width = 1600;
    public const int Height = 1000;

    private const float LeftPadding = 330;

    public static byte[] Render(BriefDto brief)
    {
        var multiplot = new Multiplot();
        // AddPlots sets how many subplots there are (a new multiplot already has one), so both panels exist after it.
        multiplot.AddPlots(2);
        Panel(multiplot.GetPlot(0), brief.ServiceAreaTitle, brief.ByServiceArea, brief);
        Panel(multiplot.GetPlot(1), brief.CategoryTitle, brief.TopCategories, brief);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Rows();
        return multiplot.Render(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    private static void Panel(Plot plot, string title, IReadOnlyList<BriefCountDto> counts, BriefDto brief)
    {
        // Debian's default sans font; where it is missing Skia falls back to the system's default face.
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 26;
        // The same padding in both panels lines their bars up under each other.
        plot.Layout.Fixed(new PixelPadding(LeftPadding, 30, 50, 60));
        var current = Color.FromHex(Svg.Current);
        var previous = Color.FromHex(Svg.Previous);
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < counts.Count; i++)
        {
            // The first row at the top: positions count down.
            var slot = (counts.Count - 1 - i) * 3.0;
            var c = counts[i];
            bars.Add(new Bar { Position = slot + 1, Value = c.Count, FillColor = current, LineWidth = 0, Label = N(c.Count) });
            bars.Add(new Bar
            {
                Position = slot,
                Value = c.Previous,
                FillColor = previous,
                LineWidth = 0,
                Label = N(c.Previous),
            });
            var label = c.Name.Length > 28 ? c.Name[..27] + "…" : c.Name;
            ticks.Add(new Tick(slot + 0.5, label));
        }
        if (bars.Count == 0)
        {
            // Empty axes running from -10 to 10 would suggest figures; say there are none instead.
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
            plot.HideGrid();
            var empty = plot.Add.Annotation(brief.ChartEmpty, Alignment.MiddleCenter);
            empty.LabelFontSize = 22;
            empty.LabelBackgroundColor = Colors.White;
            empty.LabelBorderColor = Colors.Transparent;
            empty.LabelShadowColor = Colors.Transparent;
            return;
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 20;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.TickLabelStyle.FontSize = 20;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Bottom.TickLabelStyle.FontSize = 18;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        // The value labels sit right of the longest bar; the margin keeps them inside the image.
        plot.Axes.Margins(left: 0, right: 0.12, bottom: 0.05, top: 0.05);
        plot.Legend.IsVisible = true;
        plot.Legend.FontSize = 18;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = brief.PeriodLabel, FillColor = current });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = brief.PreviousLabel, FillColor = previous });
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
