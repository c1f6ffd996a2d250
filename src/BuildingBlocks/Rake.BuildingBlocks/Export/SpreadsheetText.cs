using System.Buffers;

namespace Rake.BuildingBlocks.Export;

/// <summary>
/// Formula injection (OWASP "CSV injection"): a cell whose text starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab
/// or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets when the file is opened or the cell
/// edited. Report text comes from any signed-in user, so every CSV and .xlsx export asks here before writing a text cell.
/// </summary>
public static class SpreadsheetText
{
    // The full-width forms too: Excel with an East Asian input method reads them as the ASCII operators.
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20");

    public static bool StartsLikeFormula(string? text) => !string.IsNullOrEmpty(text) && FormulaStarts.Contains(text[0]);

    /// <summary>
    /// For CSV, where a cell has no type: a leading apostrophe, as OWASP advises, which Excel shows as text and the reader
    /// sees as the marker it is. (.xlsx cells are typed; <see cref="XlsxWriter"/> marks them as text with quotePrefix.)
    /// </summary>
    public static string ForCsv(string text) => StartsLikeFormula(text) ? "'" + text : text;
}
