using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Communications.Features.Mail;
using Rake.Modules.Communications.Persistence;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Communications.Features.Feedback;

/// <summary>
/// When a report's handling moves on (or the supervisor sends feedback), Reporting notifies the reporters in the app;
/// if the region has switched it on, Communications also e-mails each reporter who has an address. The mail says only
/// the report number and its new status — no report content leaves the system by e-mail.
/// </summary>
internal sealed class EmailReportersOfProgress(CommunicationsDbContext db, TimeProvider clock, IUserDirectory users, TextCatalog texts,
    MailQueue mail, MailSignal signal)
    : IdempotentHandler<SocialReportStatusChanged, CommunicationsDbContext>(db, clock)
{
    protected override async Task ApplyAsync(SocialReportStatusChanged e, CancellationToken ct)
    {
        var settings = await Db.Settings.AsNoTracking().FirstOrDefaultAsync(ct);
        if (settings?.EmailReporters != true)
        {
            return;
        }
        var feedback = e.FromStatus == e.ToStatus;
        foreach (var reporter in e.ReporterIds.Distinct())
        {
            var user = await users.FindByIdAsync(reporter, ct);
            if (string.IsNullOrWhiteSpace(user?.Email) || !MailQueue.IsAddress(user.Email))
            {
                continue;
            }
            var status = texts.GetIn("fi", $"communications.reportStatus.{e.ToStatus}");
            var subjectKey = feedback ? "communications.reporterMail.feedbackSubject" : "communications.reporterMail.subject";
            var subject = texts.GetIn("fi", subjectKey, e.Number);
            var body = texts.GetIn("fi", "communications.reporterMail.body", e.Number, status, $"/{e.Region.Code}/reports/{e.ReportId}");
            mail.Queue(user.Email, subject, body, null, $"report-status:{e.EventId:N}");
        }
        signal.Notify();
    }
}
