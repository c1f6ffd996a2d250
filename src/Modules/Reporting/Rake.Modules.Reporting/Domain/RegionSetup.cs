using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Domain;

internal enum TermKind
{
    Category,
    ServiceArea,
    Municipality,
    TargetGroup,
}

/// <summary>An entry of the region's own taxonomy, maintained by its RegionAdmin.</summary>
internal sealed class TaxonomyTerm : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public TermKind Kind { get; set; }
    public string Code { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string NameSv { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool Active { get; set; } = true;

    public string Name(string language) => language switch
    {
        "sv" when NameSv.Length > 0 => NameSv,
        "en" when NameEn.Length > 0 => NameEn,
        _ => NameFi,
    };
}

/// <summary>A supervisor reporters may send their report to, with the service area they lead.</summary>
internal sealed class SupervisorListing : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string ServiceArea { get; set; } = "";
    public bool Active { get; set; } = true;
}

internal enum PeriodScheme
{
    /// <summary>Kainuu, Keski-Suomi: the calendar year, with quarter-cumulative interim figures (Jan–Mar, Jan–Jun, Jan–Sep).</summary>
    CalendarYear,

    /// <summary>Kymenlaakso: 1.12.–31.5. and 1.6.–30.11.</summary>
    HalfYearsFromDecember,
}

internal sealed class ReportingSettings : IRegionOwned
{
    public string RegionCode { get; set; } = "";
    public PeriodScheme PeriodScheme { get; set; }
}

/// <summary>Something a person should see in their inbox: a report sent to them, or news on their report.</summary>
internal sealed class Notification : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid UserId { get; set; }
    public Guid ReportId { get; set; }
    public int ReportNumber { get; set; }
    public string Kind { get; set; } = "";
    public ReportStatus? Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
