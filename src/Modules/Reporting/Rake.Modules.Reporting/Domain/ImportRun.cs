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
}
