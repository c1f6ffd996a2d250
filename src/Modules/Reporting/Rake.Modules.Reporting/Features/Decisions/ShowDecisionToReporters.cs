using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;
using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.Reporting.Features.Decisions;

/// <summary>
/// A body decided on a phenomenon: each concerned report gets a "Decided" step in its timeline with the decision and the
/// responsible person, so the reporter sees how their report was handled, and the reporters are notified.
/// </summary>
internal sealed class ShowDecisionToReporters(ReportingDbContext db, TimeProvider clock)
    : IdempotentHandler<DecisionRecorded, ReportingDbContext>(db, clock)
{
    protected override async Task ApplyAsync(DecisionRecorded e, CancellationToken ct)
    {
        if (e.ReportNumbers.Count == 0)
        {
            return;
        }
        var numbers = e.ReportNumbers.Distinct().ToList();
        var reports = await Db.Reports.Include(r => r.CoReporters).Where(r => numbers.Contains(r.Number)).ToListAsync(ct);
        var comment = string.IsNullOrEmpty(e.ResponsiblePerson)
            ? $"{e.Phenomenon}: {e.DecisionText}"
            : $"{e.Phenomenon}: {e.DecisionText} (vastuuhenkilö / ansvarsperson / responsible: {e.ResponsiblePerson})";
        if (comment.Length > TimelineEntry.CommentMax)
        {
            comment = comment[..(TimelineEntry.CommentMax - 1)] + "…";
        }
        foreach (var report in reports)
        {
            var from = report.Status;
            // A decision moves a report on, never back (a published or closed report keeps its status).
            if (report.Status < ReportStatus.Decided)
            {
                report.Status = ReportStatus.Decided;
            }
            Db.Timeline.Add(new TimelineEntry
            {
                Id = Guid.CreateVersion7(e.OccurredAt),
                ReportId = report.Id,
                At = e.OccurredAt,
                Status = ReportStatus.Decided,
                Actor = e.BodyName.Length > 200 ? e.BodyName[..200] : e.BodyName,
                Comment = comment,
            });
            Db.Publish(new SocialReportStatusChanged(Guid.CreateVersion7(e.OccurredAt), e.Region, e.OccurredAt, report.Id, report.Number,
                from.ToString(), report.Status.ToString(), [report.ReporterId, .. report.CoReporters.Select(c => c.UserId)], comment));
        }
    }
}
