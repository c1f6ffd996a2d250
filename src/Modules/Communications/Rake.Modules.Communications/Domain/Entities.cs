using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Communications.Domain;

/// <summary>One row of the region's communication plan: a target group, its goals and its main channels (Keski-Suomi Table 6).</summary>
internal sealed class PlanRow : IRegionOwned
{
    public const int TargetGroupMax = 200;
    public const int TextMax = 2000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public int SortOrder { get; set; }
    public string TargetGroup { get; set; } = "";

    /// <summary>Goals, one per line.</summary>
    public string Goals { get; set; } = "";

    /// <summary>Channels, one per line.</summary>
    public string Channels { get; set; } = "";
}

internal enum PlannedStatus
{
    Planned,
    Done,
    Cancelled,
}

/// <summary>
/// A communication someone has to carry out: what, to whom, core message, channel, timing and who does it — taken from
/// a supervisor's processing record (fields 2–7) or written from a decision.
/// </summary>
internal sealed class PlannedCommunication : IRegionOwned
{
    public const int TextMax = 2000;
    public const int ShortMax = 200;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string What { get; set; } = "";
    public string? Audience { get; set; }
    public string? CoreMessage { get; set; }
    public string? Channel { get; set; }
    public string? Timing { get; set; }
    public string? Responsible { get; set; }
    public PlannedStatus Status { get; set; }

    /// <summary>The social report whose supervisor record this came from, if any (unique per region).</summary>
    public int? SourceReportNumber { get; set; }

    /// <summary>The decision it carries out (e.g. "Ohjausryhmä 12.6.2026 § 4"), if any.</summary>
    public string? SourceDecision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal enum PublicationKind
{
    IntranetPage,
    News,
    BlogPost,
    Newsletter,
    MediaRelease,
    HalfYearCompilation,
    AnnualSocialReport,
}

/// <summary>Where a publication appears; each channel has its own public Atom feed per region.</summary>
internal enum PublicationChannel
{
    Intranet,
    Website,
}

internal enum PublicationStatus
{
    Draft,
    Approved,
    Published,
}

internal sealed class Publication : IRegionOwned
{
    public const int TitleMax = 200;
    public const int SummaryMax = 500;
    public const int BodyMax = 20000;
    public const int SourceMax = 500;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public PublicationKind Kind { get; set; }
    public PublicationChannel Channel { get; set; }
    public string Language { get; set; } = "fi";
    public string Title { get; set; } = "";
    public string? Summary { get; set; }

    /// <summary>Markdown; rendered without raw HTML and with unsafe links removed (<see cref="MarkdownRenderer"/>).</summary>
    public string Body { get; set; } = "";

    public string? SourceDecision { get; set; }
    public PublicationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>Set by workflow activities: <c>wf:{instance}:{activity}</c>, so a retried run creates nothing twice.</summary>
    public string? SourceKey { get; set; }
}

internal sealed class DistributionList : IRegionOwned
{
    public const int NameMax = 200;
    public const int DescriptionMax = 1000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<ListMember> Members { get; set; } = [];
}

internal sealed class ListMember : IRegionOwned
{
    public const int EmailMax = 256;

    public Guid ListId { get; set; }
    public string Email { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string? Name { get; set; }
}

internal enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One e-mail to one recipient, written in the same transaction as what caused it and sent by the
/// <see cref="Features.Mail.MailDeliveryWorker"/>. A failed attempt stays with its error and the time of the next attempt;
/// after <see cref="MaxAttempts"/> it is <see cref="DeliveryStatus.Failed"/> and waits, visible, for a person to retry it.
/// </summary>
internal sealed class MailDelivery : IRegionOwned
{
    public const int MaxAttempts = 5;
    public const int SubjectMax = 300;
    public const int BodyMax = 20000;
    public const int ErrorMax = 2000;
    public const int SourceKeyMax = 200;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid? ListId { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    public string? SourceKey { get; set; }
}

internal enum InfoSessionKind
{
    /// <summary>Staff info on the social-reporting summary, after each reporting period (Kymenlaakso 2×/year).</summary>
    StaffInfo,

    /// <summary>Sector info of the social services (toimialainfo, Kymenlaakso 4×/year).</summary>
    SectorInfo,
}

internal sealed class InfoSession : IRegionOwned
{
    public const int TitleMax = 200;
    public const int LocationMax = 200;
    public const int MaterialsMax = 4000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public InfoSessionKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public string? Location { get; set; }

    /// <summary>Materials: links and notes in Markdown, rendered safely.</summary>
    public string? Materials { get; set; }

    /// <summary>How many took part, recorded after the session.</summary>
    public int? Attendance { get; set; }

    public string? SourceKey { get; set; }
}

/// <summary>A region's communication settings.</summary>
internal sealed class CommunicationSettings : IRegionOwned
{
    public string RegionCode { get; set; } = "";

    /// <summary>Reporters also get an e-mail when their report's handling moves on (the in-app notice always comes).</summary>
    public bool EmailReporters { get; set; }
}
