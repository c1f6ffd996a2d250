using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rake.Modules.Reporting.Features.Import;

/// <summary>A cell as read: text, or a number (Excel stores dates as numbers).</summary>
internal readonly record struct RawCell(string Text, double? Number = null);

/// <summary>Rows of an exported form file: the first row is the header. Reads .csv (";" "," or tab, quoted fields, UTF-8 with or
/// without BOM, Windows-1252) and .xlsx (first sheet).</summary>
internal static class TableReader
{
    public static bool LooksLikeXlsx(ReadOnlySpan<byte> content) => content.Length > 4 && content[0] == (byte)'P'
        && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4;

    public static List<List<RawCell>> Read(byte[] content) => LooksLikeXlsx(content) ? ReadXlsx(content) : ReadCsv(Decode(content));

    /// <summary>UTF-8 (BOM or not) when the bytes are valid UTF-8; otherwise Windows-1252, what Excel writes on Finnish Windows.</summary>
    public static string Decode(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(content);
        }
    }

    /// <summary>
    /// CsvHelper detects the separator from the first lines (";" from Finnish Excel, "," or tab from the form services) and
    /// reads RFC 4180 quoting; a stray quote is kept as text, as the form exports have them, but an unclosed one is an error.
    /// </summary>
    public static List<List<RawCell>> ReadCsv(string text)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            OnMalformedRecord = record =>
            {
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    throw new FormatException("A quoted field is not closed.");
                }
            },
        };
        var rows = new List<List<RawCell>>();
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            var row = new List<RawCell>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Add(new RawCell(reader.GetString(i) ?? ""));
            }
            rows.Add(row);
        }
        return rows;
    }

    public static List<List<RawCell>> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new FormatException("The workbook has no content.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new FormatException("The workbook has no sheet.");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = new List<List<RawCell>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<RawCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(new RawCell(""));
                }
                cells.Add(CellValue(cell, shared));
            }
            var index = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
            while (rows.Count < index - 1)
            {
                rows.Add([]);
            }
            rows.Add(cells);
        }
        return rows;
    }

    private static RawCell CellValue(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return new RawCell(int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "");
        }
        if (type == CellValues.InlineString)
        {
            return new RawCell(cell.InlineString?.InnerText ?? "");
        }
        if (type == CellValues.String || type == CellValues.Boolean)
        {
            return new RawCell(raw);
        }
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? new RawCell(raw, number)
            : new RawCell(raw);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return index - 1;
    }
}
