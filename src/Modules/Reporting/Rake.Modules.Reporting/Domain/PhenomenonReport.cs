using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Domain;

/// <summary>The stages of a phenomenon-based social report (Kymenlaakso, 002_…): chosen, two workshops, draft, comments, decision,
/// publication. Stored by name, so a stage added between two others changes no stored row.</summary>
internal enum PhenomenonReportStage
{
    Chosen,
    Workshop1,
    Workshop2,
    Drafting,
    Commenting,

    /// <summary>The comments are closed and the steering group has the draft to decide on (its own task in the workflow).</summary>
    Deciding,
    Decided,
    Published,
}

internal enum PhenomenonEntryKind
{
    /// <summary>Workshop 1: how the phenomenon shows in the services, and its extent.</summary>
    Extent,

    /// <summary>Workshop 2: action proposals.</summary>
    ActionProposal,

    /// <summary>The working group's comment on the draft.</summary>
    Comment,
}

/// <summary>An in-depth report on one chosen phenomenon (ilmiölähtöinen sosiaalinen raportti), with the criteria it was chosen
/// by.</summary>
internal sealed class PhenomenonReport : IRegionOwned
{
    public const int TextMax = 4000;
    public const int DraftMax = 40000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";

    /// <summary>The register entry the report started from; null only for rows written before the register, until migrated.</summary>
    public Guid? PhenomenonId { get; set; }

    /// <summary>The run of the region's phenomenon-report workflow whose tasks follow this report's stages (docs/adr/0173).</summary>
    public Guid? WorkflowRunId { get; set; }

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Needs { get; set; } = "";
    public string Topicality { get; set; } = "";
    public string Significance { get; set; } = "";
    public string Recurrence { get; set; } = "";

    /// <summary>Numbers of the region's reports that show the phenomenon, comma separated.</summary>
    public string RelatedReports { get; set; } = "";

    public PhenomenonReportStage Stage { get; set; }
    public string Draft { get; set; } = "";
    public string? Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<PhenomenonEntry> Entries { get; set; } = [];
}

internal sealed class PhenomenonEntry : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid PhenomenonReportId { get; set; }
    public PhenomenonEntryKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
