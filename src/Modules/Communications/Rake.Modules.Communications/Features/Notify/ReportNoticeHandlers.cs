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
