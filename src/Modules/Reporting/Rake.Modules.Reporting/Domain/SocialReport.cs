using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Domain;

internal enum PhenomenonType
{
    Negative,
    Positive,
    Other,
}

/// <summary>The handling path a reporter follows in their timeline.</summary>
internal enum ReportStatus
{
    Received,
    WithSupervisor,
    ToWorkingGroup,
    Decided,
    Published,
    Closed,
}

/// <summary>One submitted social report (sosiaalinen raportointi): a phenomenon seen in client work, never a single client's
/// case.</summary>
internal sealed class SocialReport : IRegionOwned
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 8000;
    public const int ProposalMax = 4000;
    public const int TriedAlreadyMax = 4000;
    public const int CodeMax = 100;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public int Number { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public Guid ReporterId { get; set; }
    public string ReporterUserName { get; set; } = "";
    public string ReporterName { get; set; } = "";
    public PhenomenonType PhenomenonType { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Proposal { get; set; } = "";
    public string? TriedAlready { get; set; }
    public string ServiceArea { get; set; } = "";
    public string Municipality { get; set; } = "";
    public string TargetGroup { get; set; } = "";
    public Guid SupervisorId { get; set; }
    public string SupervisorUserName { get; set; } = "";
    public string SupervisorName { get; set; } = "";
    public string Language { get; set; } = "fi";
    public ReportStatus Status { get; set; }

    /// <summary>The reporter confirmed that the warned-about details (names, phone numbers…) identify no client.</summary>
    public bool WarningsConfirmed { get; set; }

    public List<ReportCategory> Categories { get; set; } = [];
    public List<CoReporter> CoReporters { get; set; } = [];
    public List<TimelineEntry> Timeline { get; set; } = [];
    public SupervisorRecord? Record { get; set; }

    public bool IsReporter(Guid userId) => ReporterId == userId || CoReporters.Any(c => c.UserId == userId);
}

internal sealed class ReportCategory : IRegionOwned
{
    public Guid ReportId { get; set; }
    public string RegionCode { get; set; } = "";
    public string Code { get; set; } = "";
}

internal sealed class CoReporter : IRegionOwned
{
    public Guid ReportId { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
}

/// <summary>
/// What a timeline step is: a move of the report's status, a body's decision on it, a follow-up the decision set going
/// (assignment, action proposal, budget proposal) or that follow-up's end.
/// </summary>
internal enum TimelineKind
{
    Status,
    Decision,
    FollowUp,
    FollowUpEnded,
}

/// <summary>One step of a report's handling, shown to the reporter with the feedback given.</summary>
internal sealed class TimelineEntry : IRegionOwned
{
    public const int CommentMax = 2000;
    public const int CodeMax = 40;

    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public string RegionCode { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public ReportStatus Status { get; set; }
    public string Actor { get; set; } = "";
    public string? Comment { get; set; }
    public TimelineKind Kind { get; set; }

    /// <summary>A code the page words in the reader's language: the decision's outcome (FollowUpAction), the follow-up's kind
    /// (Assignment), or the kind and end of a follow-up (Assignment.Done).</summary>
    public string? Code { get; set; }

    /// <summary>A decision that came before the supervisor had recorded their processing: the report keeps its status, and
    /// the reporter sees the supervisor's step is still to come.</summary>
    public bool BeforeSupervisorRecord { get; set; }

    /// <summary>The follow-up (assignment, proposal) a FollowUp or FollowUpEnded step is about, so each is shown once.</summary>
    public Guid? SourceId { get; set; }
}

/// <summary>The supervisor's processing record: the ten fields of the Kainuu supervisors' sheet.</summary>
internal sealed class SupervisorRecord : IRegionOwned
{
    public const int FieldMax = 2000;

    public Guid ReportId { get; set; }
    public string RegionCode { get; set; } = "";
    public string? CoreOfReport { get; set; }
    public string? CommunicationGoal { get; set; }
    public string? Audience { get; set; }
    public string? CoreMessage { get; set; }
    public string? ChannelAndMethod { get; set; }
    public string? Timing { get; set; }
    public string? Responsible { get; set; }
    public string? FollowUp { get; set; }
    public int? Priority { get; set; }
    public string? Result { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
