using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Domain;

/// <summary>
/// What a municipal wellbeing group (HYTETU) did with its municipality pack of one period, as its nominated member recorded it.
/// Rows are only added: a correction is a new row, so the pack keeps the whole trail (docs/adr/0171).
/// </summary>
internal sealed class MunicipalResponse : IRegionOwned
{
    public const int TextMax = 4000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string PeriodId { get; set; } = "";

    /// <summary>The municipality's taxonomy code, as reports carry it.</summary>
    public string Municipality { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>The day the group handled the pack (its meeting), not the day it was recorded.</summary>
    public DateOnly HandledOn { get; set; }

    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
