using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Domain;

/// <summary>
/// A lasting phenomenon (ilmiö) in the region's register: the reports that show it are linked to it across periods, so its
/// recurrence can be seen. An in-depth phenomenon report starts from an entry and records its four criteria here.
/// </summary>
internal sealed class Phenomenon : IRegionOwned
{
    public const int TitleMax = 200;
    public const int TextMax = 4000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The four criteria of Kymenlaakso's phenomenon report; empty until a report is chosen from the entry.</summary>
    public string Needs { get; set; } = "";

    public string Topicality { get; set; } = "";
    public string Significance { get; set; } = "";
    public string Recurrence { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public List<PhenomenonLink> Links { get; set; } = [];
}

/// <summary>A social report shown to be an instance of a phenomenon; a report may belong to several.</summary>
internal sealed class PhenomenonLink : IRegionOwned
{
    public Guid PhenomenonId { get; set; }
    public Guid ReportId { get; set; }
    public string RegionCode { get; set; } = "";
    public string LinkedBy { get; set; } = "";
    public DateTimeOffset LinkedAt { get; set; }
}
