namespace Rake.Modules.Communications.Features.Notify;

/// <summary>Settings of the person notices, section <c>Communications:Notifications</c>.</summary>
internal sealed class NotifyOptions
{
    public const string Section = "Communications:Notifications";

    /// <summary>The address the links in e-mails start with (https://rake.example.fi); relative links when empty.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The Helsinki hour from which the day's digest e-mails go out (and the yearly summary, in its window).</summary>
    public int DigestHour { get; set; } = 16;

    /// <summary>How often the sweep looks for reminders, new tasks, digests and the yearly summary.</summary>
    public int SweepMinutes { get; set; } = 5;

    /// <summary>Off in tests that run the sweep by hand.</summary>
    public bool SweepEnabled { get; set; } = true;

    /// <summary>The yearly "what came of your reports" e-mail goes out from this day of January (docs/adr/0147).</summary>
    public int YearlyDay { get; set; } = 15;
}

/// <summary>Which channel each kind has when a person has chosen nothing, and which channels a person may choose.</summary>
internal static class NoticePolicy
{
    public const int DueSoonDays = 3;

    /// <summary>Notices of a duty (a report waiting for its supervisor, an assignment given or overdue) cannot be switched off.</summary>
    public static bool MayTurnOff(NoticeKind kind) =>
        kind is not (NoticeKind.NewReport or NoticeKind.AssignmentNew or NoticeKind.AssignmentOverdue);

    public static IReadOnlyList<NoticeChannel> Allowed(NoticeKind kind) => kind switch
    {
        // One e-mail a year is its own digest; an in-app copy alone would be a notice nobody looks for.
        NoticeKind.YearlySummary => [NoticeChannel.Email, NoticeChannel.Off],
        _ when MayTurnOff(kind) => [NoticeChannel.InApp, NoticeChannel.Email, NoticeChannel.Digest, NoticeChannel.Off],
        _ => [NoticeChannel.InApp, NoticeChannel.Email, NoticeChannel.Digest],
    };

    /// <summary>Reporters get e-mail on progress by default only where the region switched it on (its earlier setting).</summary>
    public static NoticeChannel Default(NoticeKind kind, bool regionEmailsReporters) => kind switch
    {
        NoticeKind.ReportProgress => regionEmailsReporters ? NoticeChannel.Email : NoticeChannel.InApp,
        NoticeKind.TaskNew => NoticeChannel.Digest,
        _ => NoticeChannel.Email,
    };
}

/// <summary>Renders a stored notice in a person's language: the text key's subject and line, and its link.</summary>
internal static class NoticeText
{
    public const char Separator = '\u001f';
    public const string StatusPrefix = "status:";

    /// <summary>An argument that is a key of this module's <c>notify.step.*</c> texts, worded in the reader's language.</summary>
    public const string StepPrefix = "step:";

    public static string Join(IEnumerable<string> args) => string.Join(Separator, args);

    public static string[] Split(string args) => args.Length == 0 ? [] : args.Split(Separator);

    public static object[] Localise(TextCatalog texts, string language, IEnumerable<string> args) =>
        args.Select(a => (object)(a.StartsWith(StatusPrefix, StringComparison.Ordinal)
            ? texts.GetIn(language, $"communications.reportStatus.{a[StatusPrefix.Length..]}")
            : a.StartsWith(StepPrefix, StringComparison.Ordinal) ? texts.GetIn(language, $"notify.step.{a[StepPrefix.Length..]}") : a))
            .ToArray();

    public static string Subject(TextCatalog texts, string language, string template, string[] args) =>
        texts.GetIn(language, $"notify.{template}.subject", Localise(texts, language, args));

    /// <summary>The notice as one line (the in-app list and a digest's row).</summary>
    public static string Line(TextCatalog texts, string language, string template, string[] args) =>
        texts.GetIn(language, $"notify.{template}.line", Localise(texts, language, args));
}
