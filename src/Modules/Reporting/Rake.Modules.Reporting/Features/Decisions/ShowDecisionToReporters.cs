using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;
using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.Reporting.Features.Decisions;

/// <summary>
/// A body decided on a phenomenon: each concerned report gets a decision step in its timeline with the decision and the
/// responsible person, so the reporter sees how their report was handled, and the reporters are notified. The supervisor's
/// step is never skipped: a report without the supervisor's record keeps its status and its step says the decision came
/// before the record (docs/adr/0148). A decision on a period's compilation is also kept as a compilation note, so the
/// annual social report lists it.
/// </summary>
internal sealed class ShowDecisionToReporters(ReportingDbContext db, TimeProvider clock)
    : IdempotentHandler<DecisionRecorded, ReportingDbContext>(db, clock)
{
    protected override async Task ApplyAsync(DecisionRecorded e, CancellationToken ct)
    {
        var numbers = e.ReportNumbers.Distinct().Order().ToList();
        if (e.PeriodId is { Length: > 0 and <= CompilationNote.PeriodIdMax } periodId)
        {
            Db.CompilationNotes.Add(new CompilationNote
            {
                Id = Guid.CreateVersion7(e.OccurredAt),
                PeriodId = periodId,
                Kind = CompilationNoteKind.SteeringGroupDecision,
                ReportNumber = numbers.Count == 1 ? numbers[0] : null,
                Text = Clip($"{e.Phenomenon} ({string.Join(", ", numbers)}): {e.DecisionText}", CompilationNote.TextMax),
                ResponsiblePerson = string.IsNullOrEmpty(e.ResponsiblePerson) ? null : Clip(e.ResponsiblePerson, 200),
                Author = Clip(e.BodyName, 200),
                At = e.OccurredAt,
            });
        }
        if (numbers.Count == 0)
        {
            return;
        }
        var reports = await Db.Reports.Include(r => r.CoReporters).Include(r => r.Record)
            .Where(r => numbers.Contains(r.Number)).ToListAsync(ct);
        var comment = Clip(string.IsNullOrEmpty(e.ResponsiblePerson)
            ? $"{e.Phenomenon}: {e.DecisionText}"
            : $"{e.Phenomenon}: {e.DecisionText} ({e.ResponsiblePerson})", TimelineEntry.CommentMax);
        foreach (var report in reports)
        {
            var from = report.Status;
            var beforeRecord = report.Record is null;
            // A decision moves a processed report on, never back (a published or closed report keeps its status); an
            // unprocessed one waits for its supervisor, so the figures never count a decided report nobody processed.
            if (!beforeRecord && report.Status < ReportStatus.Decided)
            {
                report.Status = ReportStatus.Decided;
            }
            Db.Timeline.Add(new TimelineEntry
            {
                Id = Guid.CreateVersion7(e.OccurredAt),
                ReportId = report.Id,
                At = e.OccurredAt,
                Status = report.Status,
                Kind = TimelineKind.Decision,
                Code = e.Outcome.Length > TimelineEntry.CodeMax ? null : e.Outcome,
                BeforeSupervisorRecord = beforeRecord,
                Actor = Clip(e.BodyName, 200),
                Comment = comment,
            });
            Db.Publish(new SocialReportStatusChanged(Guid.CreateVersion7(e.OccurredAt), e.Region, e.OccurredAt, report.Id, report.Number,
                from.ToString(), report.Status.ToString(), [report.ReporterId, .. report.CoReporters.Select(c => c.UserId)], comment));
        }
    }

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>
/// What a decision set going (an assignment, an action or budget proposal) and how it ended reach the timeline of each of the decision's
/// reports, once per follow-up and step. The report's status stays as it is: the follow-up belongs to the decision.
/// </summary>
internal sealed class ShowFollowUpToReporters(ReportingDbContext db, TimeProvider clock)
    : IdempotentHandler<FollowUpStarted, ReportingDbContext>(db, clock)
{
    protected override Task ApplyAsync(FollowUpStarted e, CancellationToken ct)
    {
        var due = e.DueDate is { } d ? $", {d:d.M.yyyy}" : "";
        return FollowUpSteps.AddAsync(Db, e.ReportNumbers, e.FollowUpId, TimelineKind.FollowUp, e.Kind, e.OccurredAt, e.Responsible,
            $"{e.Title} ({e.Responsible}{due})",
            (report, number, reporters) => new SocialReportFollowUpShown(Guid.CreateVersion7(e.OccurredAt), e.Region, e.OccurredAt,
                report, number, e.FollowUpId, e.Kind, Ended: false, Status: null, e.DueDate, Result: null, reporters), ct);
    }
}

internal sealed class ShowFollowUpEndToReporters(ReportingDbContext db, TimeProvider clock)
    : IdempotentHandler<FollowUpEnded, ReportingDbContext>(db, clock)
{
    protected override Task ApplyAsync(FollowUpEnded e, CancellationToken ct) =>
        FollowUpSteps.AddAsync(Db, e.ReportNumbers, e.FollowUpId, TimelineKind.FollowUpEnded, $"{e.Kind}.{e.Status}", e.OccurredAt,
            "", string.IsNullOrWhiteSpace(e.Result) ? e.Title : $"{e.Title}: {e.Result.Trim()}",
            (report, number, reporters) => new SocialReportFollowUpShown(Guid.CreateVersion7(e.OccurredAt), e.Region, e.OccurredAt,
                report, number, e.FollowUpId, e.Kind, Ended: true, e.Status, DueDate: null, e.Result?.Trim(), reporters), ct);
}

internal static class FollowUpSteps
{
    public static async Task AddAsync(
        ReportingDbContext db, IReadOnlyList<int> reportNumbers, Guid sourceId, TimelineKind kind, string code, DateTimeOffset at,
        string actor, string comment, Func<Guid, int, IReadOnlyList<Guid>, SocialReportFollowUpShown> told, CancellationToken ct)
    {
        var numbers = reportNumbers.Distinct().ToList();
        if (numbers.Count == 0 || code.Length > TimelineEntry.CodeMax)
        {
            return;
        }
        var reports = await db.Reports.Where(r => numbers.Contains(r.Number))
            .Select(r => new { r.Id, r.Number, r.Status, r.ReporterId, CoReporters = r.CoReporters.Select(c => c.UserId).ToList() })
            .ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        // Once per follow-up and step: an action proposal is accepted first and done later, and both reach the reporter.
        var shown = await db.Timeline.Where(t => ids.Contains(t.ReportId) && t.SourceId == sourceId && t.Kind == kind && t.Code == code)
            .Select(t => t.ReportId).ToListAsync(ct);
        foreach (var report in reports.Where(r => !shown.Contains(r.Id)))
        {
            db.Timeline.Add(new TimelineEntry
            {
                Id = Guid.CreateVersion7(at),
                ReportId = report.Id,
                At = at,
                Status = report.Status,
                Kind = kind,
                Code = code,
                SourceId = sourceId,
                Actor = ShowDecisionToReporters.Clip(actor, 200),
                Comment = ShowDecisionToReporters.Clip(comment, TimelineEntry.CommentMax),
            });
            // In the same transaction as the step: the reporters are told of each step they can see, once (docs/adr/0181).
            db.Publish(told(report.Id, report.Number, [report.ReporterId, .. report.CoReporters]));
        }
    }
}
