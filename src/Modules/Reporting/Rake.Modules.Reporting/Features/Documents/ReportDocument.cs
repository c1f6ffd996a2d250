namespace Rake.Modules.Reporting.Features.Documents;

/// <summary>
/// An output as a list of blocks, written once by the compilation and the annual report and rendered as .docx
/// (<see cref="DocxWriter"/>) and as an accessible HTML page (<see cref="HtmlWriter"/>) from the same content.
/// </summary>
internal sealed record ReportDocument(string Language, string Title, string Subtitle, IReadOnlyList<DocBlock> Blocks);

internal abstract record DocBlock;

internal sealed record DocHeading(int Level, string Text) : DocBlock;

/// <summary>Plain text; blank lines separate paragraphs.</summary>
internal sealed record DocText(string Text) : DocBlock;

internal sealed record DocTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : DocBlock;

/// <summary>A bar chart; the HTML shows it as SVG with the same figures as a table next to it, the .docx as the table.</summary>
internal sealed record DocChart(string Title, IReadOnlyList<ChartBar> Bars, string? SeriesName = null,
    string? PreviousSeriesName = null) : DocBlock;

internal sealed record ChartBar(string Label, int Value, int? Previous = null);
