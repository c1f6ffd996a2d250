using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;

namespace Rake.BuildingBlocks.Export;

/// <summary>
/// What a sheet holds, written above its table: <paramref name="Title"/> (what it is) and <paramref name="Details"/> (the
/// region's name, the period, when it was made), so a printed or forwarded sheet still says what it is.
/// </summary>
public sealed record XlsxTitle(string Title, string Details)
{
    /// <summary>The title rows in the reader's language; <paramref name="madeAt"/> is shown on Finnish (Helsinki) time.</summary>
    public static XlsxTitle For(TextCatalog texts, string what, string regionName, string? period, DateTimeOffset madeAt)
    {
        var local = TimeZoneInfo.ConvertTime(madeAt, Helsinki.TimeZone);
        var made = texts.Get("export.madeAt", local.ToString("d.M.yyyy H.mm", CultureInfo.InvariantCulture));
        return new(what, string.Join(" · ", new[] { regionName, period, made }.Where(p => !string.IsNullOrWhiteSpace(p))));
    }
}

/// <summary>
/// Writes one-sheet .xlsx files ready to work with: optional title rows, a bold header row that stays in view (frozen
/// pane) and carries an auto-filter, wrapped text aligned to the top, and each column as wide as its content needs
/// (within limits; longer text wraps). Cells are strings, whole numbers or dates (shown d.m.yyyy, the Finnish way).
/// Written with DocumentFormat.OpenXml because ClosedXML's dependencies are not on our package source.
/// Text goes through <see cref="XmlChars"/>; text that starts like a formula is marked as text (quotePrefix, what Excel
/// stores when one types a leading apostrophe), so editing the cell cannot turn it into a formula.
/// </summary>
public static class XlsxWriter
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint QuotedStyle = 3;
    private const uint HeaderQuotedStyle = 4;
    private const uint TextStyle = 5;
    private const uint NumberStyle = 6;
    private const uint TitleStyle = 7;

    private const int MinWidth = 8;
    private const int MaxWidth = 60;
    private const int DateWidth = 10;

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        Write(sheetName, null, headers, rows);

    public static byte[] Write(
        string sheetName, XlsxTitle? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var widths = headers.Select(h => LongestWord(h)).ToArray();
            uint index = 1;
            if (title is not null)
            {
                data.Append(TitleRow(index++, title.Title, TitleStyle));
                data.Append(TitleRow(index++, title.Details, 0));
            }
            var headerRow = index;
            data.Append(Row(index++, headers.Cast<object?>().ToList(), header: true, widths));
            foreach (var row in rows)
            {
                data.Append(Row(index++, row, header: false, widths));
            }
            var lastRow = index - 1;
            var name = SheetName(sheetName);
            var worksheet = new Worksheet(FrozenHeader(headerRow), Columns(widths), data);
            if (headers.Count > 0)
            {
                var range = $"A{headerRow}:{ColumnName(headers.Count - 1)}{lastRow}";
                worksheet.Append(new AutoFilter { Reference = range });
                // Excel keeps a filter's range in this hidden name as well; without it some versions drop the filter on save.
                workbookPart.Workbook.Append(new Sheets(Sheet(workbookPart, sheetPart, name)), new DefinedNames(
                    new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(range)}")
                    {
                        Name = "_xlnm._FilterDatabase",
                        LocalSheetId = 0,
                        Hidden = true,
                    }));
            }
            else
            {
                workbookPart.Workbook.Append(new Sheets(Sheet(workbookPart, sheetPart, name)));
            }
            sheetPart.Worksheet = worksheet;
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Sheet Sheet(WorkbookPart workbookPart, WorksheetPart sheetPart, string name) =>
        new() { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = name };

    /// <summary>Everything down to the header row stays in view while the rows scroll.</summary>
    private static SheetViews FrozenHeader(uint headerRow)
    {
        var firstData = $"A{headerRow + 1}";
        return new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = headerRow,
                TopLeftCell = firstData,
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection
            {
                Pane = PaneValues.BottomLeft,
                ActiveCell = firstData,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData },
            })
        { TabSelected = true, WorkbookViewId = 0 });
    }

    private static Columns Columns(int[] widths)
    {
        var columns = new Columns();
        for (var c = 0; c < widths.Length; c++)
        {
            columns.Append(new Column
            {
                Min = (uint)c + 1,
                Max = (uint)c + 1,
                Width = Math.Clamp(widths[c] + 2, MinWidth, MaxWidth),
                CustomWidth = true,
            });
        }
        if (widths.Length == 0)
        {
            columns.Append(new Column { Min = 1, Max = 1, Width = 28, CustomWidth = true });
        }
        return columns;
    }

    private static Row TitleRow(uint index, string text, uint style)
    {
        // Not wrapped: a title runs on over the empty cells beside it instead of stretching column A.
        var cell = new Cell
        {
            CellReference = $"A{index}",
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(XmlChars.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
        };
        if (style != 0)
        {
            cell.StyleIndex = style;
        }
        return new Row(cell) { RowIndex = index };
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, bool header, int[] widths)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var cell = Cell(values[c]);
            cell.CellReference = $"{ColumnName(c)}{index}";
            if (header)
            {
                cell.StyleIndex = cell.StyleIndex?.Value == QuotedStyle ? HeaderQuotedStyle : HeaderStyle;
            }
            else if (c < widths.Length)
            {
                widths[c] = Math.Max(widths[c], Width(values[c]));
            }
            row.Append(cell);
        }
        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text("")),
            StyleIndex = TextStyle,
        },
        int or long or decimal or double => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            StyleIndex = NumberStyle,
        },
        DateOnly date => new Cell
        {
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
            StyleIndex = DateStyle,
        },
        _ => TextCell(XmlChars.Clean(value.ToString())),
    };

    private static Cell TextCell(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = SpreadsheetText.StartsLikeFormula(text) ? QuotedStyle : TextStyle,
    };

    /// <summary>Characters the value needs on one line: its longest line (wrapped text breaks there anyway).</summary>
    private static int Width(object? value) => value switch
    {
        null => 0,
        DateOnly => DateWidth,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture).Length,
        _ => (value.ToString() ?? "").Split('\n').Max(line => line.TrimEnd('\r').Length),
    };

    /// <summary>A header wraps between words, so its column need only fit its longest word.</summary>
    private static int LongestWord(string header) =>
        header.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length).DefaultIfEmpty(0).Max();

    /// <summary>Excel refuses a sheet name over 31 characters or with any of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(XmlChars.Clean(name).Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : ch).ToArray())
            .Trim();
        clean = clean.Length > 31 ? clean[..31] : clean;
        return clean.Length == 0 ? "Sheet1" : clean;
    }

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(cell =>
        {
            var split = cell.IndexOfAny("0123456789".ToCharArray());
            return $"${cell[..split]}${cell[split..]}";
        }));

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + (index - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Stylesheet()
    {
        static Alignment Wrapped() => new() { WrapText = true, Vertical = VerticalAlignmentValues.Top };
        static Alignment Top() => new() { Vertical = VerticalAlignmentValues.Top };
        return new(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "d.m.yyyy" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold()), new Font(new Bold(), new FontSize { Val = 14 })) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat(Wrapped()) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(Top()) { NumberFormatId = 164, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat(Wrapped()) { QuotePrefix = true, ApplyAlignment = true },
                new CellFormat(Wrapped()) { FontId = 1, ApplyFont = true, QuotePrefix = true, ApplyAlignment = true },
                new CellFormat(Wrapped()) { ApplyAlignment = true },
                new CellFormat(Top()) { ApplyAlignment = true },
                new CellFormat { FontId = 2, ApplyFont = true })
            { Count = 8 });
    }
}
