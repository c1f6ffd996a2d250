using System.Globalization;
using Rake.BuildingBlocks.Messaging;
using Rake.Modules.Communications.Features.Mail;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Communications.Features.Notify;

/// <summary>The supervisor a new report names is told (in-app in Reporting's inbox; e-mail or digest as they chose).</summary>
internal sealed class NotifySupervisorOfReport(CommunicationsDbContext db, TimeProvider clock, PersonNotifier notifier, MailSignal signal)
    : IdempotentHandler<SocialReportSubmitted, CommunicationsDbContext>(db, clock)
{
    protected override async Task ApplyAsync(SocialReportSubmitted e, CancellationToken ct)
    {
        await notifier.AddAsync(new NoticeRequest(e.SupervisorId, NoticeKind.NewReport, "newReport",
            [e.Number.ToString(CultureInfo.InvariantCulture)], notifier.Link($"reports/{e.ReportId}"),
            $"report-new:{e.ReportId:N}:{e.SupervisorId:N}"), ct);
        signal.Notify();
    }
}

/// <summary>A report passed to another supervisor: the new supervisor gets it as a new report, the reporters are told.</summary>
internal sealed class NotifyOfReportReassignment(CommunicationsDbContext db, TimeProvider clock, PersonNotifier notifier, MailSignal signal)
    : IdempotentHandler<SocialReportReassigned, CommunicationsDbContext>(db, clock)
{
    protected override async Task ApplyAsync(SocialReportReassigned e, CancellationToken ct)
    {
        var number = e.Number.ToString(CultureInfo.InvariantCulture);
        var link = notifier.Link($"reports/{e.ReportId}");
        await notifier.AddAsync(new NoticeRequest(e.ToSupervisorId, NoticeKind.NewReport, "reassignedToYou", [number], link,
            $"reassigned:{e.EventId:N}:{e.ToSupervisorId:N}"), ct);
        foreach (var reporter in e.ReporterIds.Distinct())
        {
            await notifier.AddAsync(new NoticeRequest(reporter, NoticeKind.ReportProgress, "reassigned", [number], link,
                $"reassigned:{e.EventId:N}:{reporter:N}"), ct);
        }
        signal.Notify();
    }
}

/// <summary>A workflow's NotifyReporter step: each reporter is told their report's current status.</summary>
internal sealed class NotifyReportersFromWorkflow(
    CommunicationsDbContext db, TimeProvider clock, PersonNotifier notifier, MailSignal signal)
    : IdempotentHandler<ReportersNotified, CommunicationsDbContext>(db, clock)
{
    protected override async Task ApplyAsync(ReportersNotified e, CancellationToken ct)
    {
        foreach (var report in e.Reports)
        {
            foreach (var reporter in report.ReporterIds.Distinct())
            {
                await notifier.AddAsync(new NoticeRequest(reporter, NoticeKind.ReportProgress, "progress",
                    [report.Number.ToString(CultureInfo.InvariantCulture), NoticeText.StatusPrefix + report.Status],
                    notifier.Link($"reports/{report.ReportId}"), $"handled:{e.EventId:N}:{report.ReportId:N}:{reporter:N}"), ct);
            }
        }
        signal.Notify();
    }
}

/// <summary>
/// A follow-up of the decision on a report was given or made (an assignment, an action or budget proposal) or came to an end:
/// each reporter is told as they chose for their report's progress, so the same opt-out holds (docs/adr/0181). The notice names
/// the report number, the step, an assignment's due date and the recorded result, never the follow-up's title or the report's text.
/// </summary>
internal sealed class NotifyReportersOfFollowUp(
    CommunicationsDbContext db, TimeProvider clock, PersonNotifier notifier, TextCatalog texts, MailSignal signal)
    : IdempotentHandler<SocialReportFollowUpShown, CommunicationsDbContext>(db, clock)
{
    /// <summary>The longest result an e-mail quotes; the report's page has the rest.</summary>
    public const int ResultMax = 500;

    protected override async Task ApplyAsync(SocialReportFollowUpShown e, CancellationToken ct)
    {
        var step = e.Ended ? $"{e.Kind}.{e.Status}" : e.Kind;
        // A step with no wording of its own (a kind or status added later) is not mailed half-worded; the timeline shows it.
        if (!texts.Entries.ContainsKey($"notify.step.{step}"))
        {
            return;
        }
        var number = e.Number.ToString(CultureInfo.InvariantCulture);
        var result = Result(e.Result);
        var (template, args) = (e.Ended, e.DueDate, result) switch
        {
            (false, { } due, _) => ("followUpDue", new[] { number, NoticeText.StepPrefix + step,
                due.ToString("d.M.yyyy", CultureInfo.InvariantCulture) }),
            (false, null, _) => ("followUp", new[] { number, NoticeText.StepPrefix + step }),
            (true, _, { } text) => ("followUpResult", new[] { number, NoticeText.StepPrefix + step, text }),
            (true, _, null) => ("followUpEnded", new[] { number, NoticeText.StepPrefix + step }),
        };
        foreach (var reporter in e.ReporterIds.Distinct())
        {
            await notifier.AddAsync(new NoticeRequest(reporter, NoticeKind.ReportProgress, template, args,
                notifier.Link($"reports/{e.ReportId}"), $"followup:{e.EventId:N}:{reporter:N}"), ct);
        }
        signal.Notify();
    }

    /// <summary>The result on one line and clipped; none when empty or when it holds an identity code (it was screened when
    /// written, this is the last guard before it leaves the system).</summary>
    internal static string? Result(string? result)
    {
        if (string.IsNullOrWhiteSpace(result) || PiiGuard.ContainsIdentityCode(result))
        {
            return null;
        }
        var line = string.Join(' ', result.Split((char[])['\r', '\n', NoticeText.Separator], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Trim()).Where(p => p.Length > 0));
        return line.Length <= ResultMax ? line : line[..(ResultMax - 1)] + "…";
    }
}
