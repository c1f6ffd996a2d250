using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Domain;

/// <summary>
/// The last report number a region has given. Submissions take numbers by incrementing this one row inside their own
/// transaction, so numbers are unique and run without gaps, and nothing in the process has to queue them (docs/adr/0123).
/// </summary>
internal sealed class ReportNumberCounter : IRegionOwned
{
    public string RegionCode { get; set; } = "";
    public int LastNumber { get; set; }
}
