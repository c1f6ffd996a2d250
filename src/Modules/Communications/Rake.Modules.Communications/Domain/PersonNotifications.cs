using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Communications.Domain;

/// <summary>What a person is told about; each person chooses a <see cref="NoticeChannel"/> per kind.</summary>
internal enum NoticeKind
{
    NewReport,
    ReportProgress,
    AssignmentNew,
    AssignmentDueSoon,
    AssignmentOverdue,
    TaskNew,
    TaskDueSoon,
    YearlySummary,
}

/// <summary>In the app only, an e-mail at once, one e-mail a day listing the day's notices, or nothing.</summary>
internal enum NoticeChannel
{
    Off,
    InApp,
    Email,
    Digest,
}

/// <summary>A person's choice for one kind of notice in one region.</summary>
internal sealed class NoticePreference : IRegionOwned
{
    public string RegionCode { get; set; } = "";
    public Guid UserId { get; set; }
    public NoticeKind Kind { get; set; }
    public NoticeChannel Channel { get; set; }
}

/// <summary>The language a person's notices and e-mails are written in (fi, sv or en).</summary>
internal sealed class NoticeLanguage : IRegionOwned
{
    public string RegionCode { get; set; } = "";
    public Guid UserId { get; set; }
    public string Language { get; set; } = "fi";
}

/// <summary>
/// That one notice (or digest) went out: the unique key makes a reminder go exactly once per item, kind and person, also
/// when the sweep runs again after a restart or on several Hosts at once (the second insert fails and is skipped).
/// </summary>
internal sealed class NoticeMarker : IRegionOwned
{
    public const int KeyMax = 200;

    public string RegionCode { get; set; } = "";
    public string Key { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// One notice to one person, kept for the in-app list and, when the person chose a digest, until the day's digest e-mail
/// takes it. Only a text key, arguments (report numbers, dates, status codes) and a link: never report content.
/// </summary>
internal sealed class PersonNotice : IRegionOwned
{
    public const int TemplateMax = 60;
    public const int ArgsMax = 4000;
    public const int LinkMax = 500;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid UserId { get; set; }
    public NoticeKind Kind { get; set; }
    public string Template { get; set; } = "";

    /// <summary>The text's arguments, separated by <see cref="NoticeText.Separator"/>.</summary>
    public string Args { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool InDigest { get; set; }
    public DateTimeOffset? DigestedAt { get; set; }
}
