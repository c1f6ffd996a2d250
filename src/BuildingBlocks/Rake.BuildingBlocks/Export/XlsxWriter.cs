using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rake.BuildingBlocks.Export;

/// <summary>
/// Writes one-sheet .xlsx files with a bold header row. Cells are strings, whole numbers or dates (shown d.m.yyyy,
/// the Finnish way). Written with DocumentFormat.OpenXml because ClosedXML's dependencies are not on our package source.
/// Text goes through <see cref="XmlChars"/>; text that starts like a formula is marked as text (quotePrefix, what Excel
/// stores when one types a leading apostrophe), so editing the cell cannot turn it into a formula.
/// </summary>
public static class XlsxWriter
{
    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;
    private const uint QuotedStyle = 3;
    private const uint BoldQuotedStyle = 4;

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
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
            data.Append(Row(1, headers.Cast<object?>().ToList(), BoldStyle));
            uint index = 2;
            foreach (var row in rows)
            {
                data.Append(Row(index++, row, null));
            }
            var columns = new Columns(new Column { Min = 1, Max = (uint)Math.Max(headers.Count, 1), Width = 28, CustomWidth = true });
            sheetPart.Worksheet = new Worksheet(columns, data);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = SheetName(sheetName),
            }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, uint? style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var cell = Cell(values[c]);
            cell.CellReference = $"{ColumnName(c)}{index}";
            if (style is not null)
            {
                cell.StyleIndex = cell.StyleIndex?.Value == QuotedStyle ? BoldQuotedStyle : style;
            }
            row.Append(cell);
        }
        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("")) },
        int or long or decimal or double => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        },
        DateOnly date => new Cell
        {
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
            StyleIndex = DateStyle,
        },
        _ => TextCell(XmlChars.Clean(value.ToString())),
    };

    private static Cell TextCell(string text)
    {
        var cell = new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        };
        if (SpreadsheetText.StartsLikeFormula(text))
        {
            cell.StyleIndex = QuotedStyle;
        }
        return cell;
    }

    /// <summary>Excel refuses a sheet name over 31 characters or with any of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(XmlChars.Clean(name).Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : ch).ToArray())
            .Trim();
        clean = clean.Length > 31 ? clean[..31] : clean;
        return clean.Length == 0 ? "Sheet1" : clean;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + (index - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "d.m.yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { QuotePrefix = true },
            new CellFormat { FontId = 1, ApplyFont = true, QuotePrefix = true })
        { Count = 5 });
}
