using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rake.BuildingBlocks.Export;

/// <summary>
/// Writes one-sheet .xlsx files with a bold header row. Cells are strings, whole numbers or dates (shown d.m.yyyy,
/// the Finnish way). Written with DocumentFormat.OpenXml because ClosedXML's dependencies are not on our package source.
/// </summary>
public static class XlsxWriter
{
    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;

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
                Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
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
                cell.StyleIndex = style;
            }
            row.Append(cell);
        }
        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("")) },
        int or long or decimal or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)) },
        DateOnly date => new Cell { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)), StyleIndex = DateStyle },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(value.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve }) },
    };

    /// <summary>XML cannot carry most control characters; a stray one from pasted text must not break the file.</summary>
    private static string Clean(string text) => new(text.Where(ch => ch is '\t' or '\n' or '\r' || !char.IsControl(ch)).ToArray());

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
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });
}
