using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Domain;

internal enum ImportOutcome
{
    Imported,
    Refused,
}

/// <summary>
/// The import report (docs/adr/0179): one confirmed import of a Questback/Webropol export, kept so that who imported which
/// file, when, and what became of its rows can be read later. A refused confirmation is kept too, with no reports.
/// </summary>
internal sealed class ImportRun : IRegionOwned
{
    public const int FileNameMax = 260;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string FileName { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public ImportOutcome Outcome { get; set; }
    public int RowCount { get; set; }
    public int NewCount { get; set; }
    public int DuplicateCount { get; set; }
    public int ErrorCount { get; set; }

    /// <summary>The numbers an import takes are consecutive, so the first one and the count name them all.</summary>
    public int? FirstNumber { get; set; }

    /// <summary>
    /// Why a refused import was refused, cell by cell (docs/adr/0184): each bad row's number, column and kind of problem, never
    /// the cell's value, so nothing a row said about a client is kept. Empty for an import that was not refused.
    /// </summary>
    public List<ImportRowProblem> RowProblems { get; set; } = [];
}

/// <summary>What can be wrong in one cell of an imported row; the text that says how to fix it is chosen when it is read.</summary>
internal enum ImportProblem
{
    Required,
    TooLong,
    UnknownType,
    UnknownTerm,
    BadDate,
    FutureDate,
    IdentityCode,
}

/// <summary>
/// One problem of a refused row: the row's number in the file (the header is row 1), the column's key (<c>municipality</c>),
/// the kind of problem and, for <see cref="ImportProblem.TooLong"/>, the longest text allowed.
/// </summary>
internal sealed record ImportRowProblem(int Row, string Column, ImportProblem Problem, int? Limit = null);
