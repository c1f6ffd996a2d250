using System.Globalization;

namespace Rake.Benchmarks;

/// <summary>Plain-text output: sections, lines and aligned tables.</summary>
internal sealed class Report
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(new string('=', title.Length));
    }

    public void Line(string text) => Console.WriteLine(text);

    /// <summary>First column left-aligned, the others right-aligned.</summary>
    public void Table(string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Format(string[] cells) => string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
        Console.WriteLine();
        Console.WriteLine(Format(header));
        Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Console.WriteLine(Format(row));
        }
        Console.WriteLine();
    }
}
