using Rake.BuildingBlocks.Messaging;
using Rake.Modules.Communications.Features.Mail;
using Rake.Modules.Communications.Features.Notify;
using Rake.Modules.Communications.Persistence;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Communications.Features.Feedback;

/// <summary>
/// When a report's handling moves on (or the supervisor sends feedback), Reporting notifies the reporters in the app; each
/// reporter also gets the notice as they chose (e-mail, digest), by default an e-mail where the region switched that on.
/// The mail says only the report number and its new status, and links to the report.
/// </summary>
internal sealed class EmailReportersOfProgress(CommunicationsDbContext db, TimeProvider clock, PersonNotifier notifier, MailSignal signal)
    : IdempotentHandler<SocialReportStatusChanged, CommunicationsDbContext>(db, clock)
{
    protected override async Task ApplyAsync(SocialReportStatusChanged e, CancellationToken ct)
    {
        var template = e.FromStatus == e.ToStatus ? "feedback" : "progress";
        foreach (var reporter in e.ReporterIds.Distinct())
        {
            await notifier.AddAsync(new NoticeRequest(reporter, NoticeKind.ReportProgress, template,
                [e.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), NoticeText.StatusPrefix + e.ToStatus],
                notifier.Link($"reports/{e.ReportId}"), $"progress:{e.EventId:N}:{reporter:N}"), ct);
        }
        signal.Notify();
    }
}
