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

internal enum PeriodKind
{
    /// <summary>Kainuu, Keski-Suomi: the calendar year, with quarter-cumulative interim figures (Jan–Mar, Jan–Jun, Jan–Sep).</summary>
    CalendarYear,

    /// <summary>Two half-years a year from the region's start month; Kymenlaakso's start in December (1.12.–31.5., 1.6.–30.11.).
    /// </summary>
    HalfYears,
}

/// <summary>How a region cuts its reporting into periods. <see cref="StartMonth"/> is 1–12 and means something only for
/// half-years.</summary>
internal sealed record PeriodScheme(PeriodKind Kind, int StartMonth)
{
    public static readonly PeriodScheme CalendarYear = new(PeriodKind.CalendarYear, 1);

    /// <summary>What a region that has not chosen yet reports by, so periods, summaries and workflows work before set-up;
    /// the go-live checklist still shows the choice as missing.</summary>
    public static PeriodScheme Default => CalendarYear;

    public static PeriodScheme HalfYears(int startMonth) => new(PeriodKind.HalfYears, startMonth);
}

/// <summary>The region's choice of period scheme; no row means not chosen yet (<see cref="PeriodScheme.Default"/> applies).</summary>
internal sealed class ReportingSettings : IRegionOwned
{
    public string RegionCode { get; set; } = "";

    public PeriodKind PeriodKind { get; set; }

    public int HalfYearStartMonth { get; set; } = 1;

    public PeriodScheme Scheme =>
        PeriodKind == PeriodKind.HalfYears ? PeriodScheme.HalfYears(HalfYearStartMonth) : PeriodScheme.CalendarYear;
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
