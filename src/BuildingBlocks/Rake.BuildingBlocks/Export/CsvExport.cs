using System.Globalization;
using CsvHelper;
using Rake.BuildingBlocks.Regions;

namespace Rake.BuildingBlocks.Export;

/// <summary>
/// CSV the way Finnish Excel opens it by double-click: UTF-8 with a BOM, ";" between fields (the decimal comma takes ","),
/// CRLF line ends, dates d.M.yyyy. CsvHelper quotes; text that starts like a formula gets <see cref="SpreadsheetText.ForCsv"/>.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CultureInfo Finnish = FinnishWithAsciiMinus();

    // Formula injection is handled by SpreadsheetText, the one rule the .xlsx writer shares, so CsvHelper's own is off.
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        FormatProvider = Finnish,
        Injection = CsvInjection.None,
    };

    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var header in headers)
            {
                csv.WriteField(Field(header));
            }
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(Field(value));
                }
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>Numbers and dates as Finnish Excel reads them; only text can carry a formula, so only text is neutralised.</summary>
    public static string Field(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture),
        DateTimeOffset t => Helsinki.ToLocalDate(t).ToString("d.M.yyyy", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("d.M.yyyy", CultureInfo.InvariantCulture),
        string s => SpreadsheetText.ForCsv(s),
        IFormattable f => f.ToString(null, Finnish),
        _ => SpreadsheetText.ForCsv(value.ToString() ?? ""),
    };

    /// <summary>Decimal comma, but "-" for minus: ICU's fi-FI writes U+2212, which Excel does not read as a number.</summary>
    private static CultureInfo FinnishWithAsciiMinus()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("fi-FI").Clone();
        culture.NumberFormat.NegativeSign = "-";
        return CultureInfo.ReadOnly(culture);
    }
}
