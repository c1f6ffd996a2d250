using Rake.BuildingBlocks.Messaging;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Reporting.Features.ReassignReport;

/// <summary>To whom (a supervisor's user name in this region) and why; the reason goes into the report's timeline.</summary>
internal sealed record ReassignRequest(string? Supervisor, [ScreenedText] string? Reason)
{
    public const int SupervisorMax = 256;
}

/// <summary>
/// The report's new supervisor. The caller may no longer see the report afterwards, so the report itself is not returned.
/// </summary>
internal sealed record ReassignResultDto(Guid ReportId, int Number, string SupervisorUserName, string SupervisorName);

internal static class ReassignReportEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/social-reports/{id:guid}/reassignment",
                (Guid id, ReassignRequest request, ReassignReportHandler handler, CancellationToken ct) =>
                    handler.HandleAsync(id, request, ct))
            .WithTags("Supervisor processing")
            .WithSummary("Pass a report to another supervisor of the region, with a reason; the new supervisor and the reporters " +
                "are told.");
}

internal sealed class ReassignRequestValidator : RequestValidator<ReassignRequest>
{
    public ReassignRequestValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Supervisor, ReassignRequest.SupervisorMax);
        RequiredText(r => r.Reason, TimelineEntry.CommentMax);
    }
}

/// <summary>
/// The named supervisor (or a responsible person) passes a report that is still at the supervisor's step to another
/// supervisor. The change is audited as a timeline entry (who, when, to whom, why) that the reporters see too.
/// </summary>
internal sealed class ReassignReportHandler(
    ReportingDbContext db, IRequestContext actor, IUserDirectory users, TextCatalog texts, TimeProvider clock)
{
    public async Task<ReassignResultDto> HandleAsync(Guid id, ReassignRequest request, CancellationToken ct)
    {
        var report = await db.Reports.Include(r => r.CoReporters).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !ReportRules.CanRead(report, actor))
        {
            throw new NotFoundException($"No social report {id} that you may see in this region.");
        }
        if (!ReportRules.CanProcess(report, actor))
        {
            throw new ForbiddenException(texts["reporting.process.notYours"]);
        }
        if (report.Status is not (ReportStatus.Received or ReportStatus.WithSupervisor))
        {
            throw new ConflictException(texts.Get("reporting.reassign.tooLate", texts[$"reporting.status.{report.Status}"]));
        }
        var region = actor.RequireRegion();
        var target = await users.FindByUserNameAsync(request.Supervisor!.Trim(), ct);
        if (target is null || !(await users.RolesAsync(target.Id, region, ct)).Contains(RegionRole.Supervisor))
        {
            throw Invalid(texts.Get("reporting.reassign.notSupervisor", request.Supervisor.Trim()));
        }
        if (target.Id == report.SupervisorId)
        {
            throw Invalid(texts["reporting.reassign.same"]);
        }
        var from = report.SupervisorId;
        var me = (await users.FindByIdAsync(actor.UserId!.Value, ct))?.DisplayName ?? actor.UserName ?? "";
        var now = clock.GetUtcNow();
        (report.SupervisorId, report.SupervisorUserName, report.SupervisorName) = (target.Id, target.UserName, target.DisplayName);
        db.Timeline.Add(new TimelineEntry
        {
            Id = Guid.CreateVersion7(now),
            ReportId = report.Id,
            At = now,
            Status = report.Status,
            Actor = me,
            // The reporter's language is not known here, so the entry names the new supervisor in the report's language.
            Comment = texts.GetIn(report.Language, "reporting.reassign.timeline", target.DisplayName, request.Reason!.Trim()),
        });
        db.Publish(new SocialReportReassigned(Guid.CreateVersion7(now), region, now, report.Id, report.Number, from, target.Id,
            [report.ReporterId, .. report.CoReporters.Select(c => c.UserId)]));
        await db.SaveChangesAsync(ct);
        return new ReassignResultDto(report.Id, report.Number, target.UserName, target.DisplayName);
    }

    private static ValidationException Invalid(string message) =>
        new(new Dictionary<string, string[]> { ["supervisor"] = [message] });
}

/// <summary>The new supervisor finds the report in their inbox; the reporters see that someone else now handles it.</summary>
internal sealed class NotifyOfReassignment(ReportingDbContext db, TimeProvider clock)
    : IdempotentHandler<SocialReportReassigned, ReportingDbContext>(db, clock)
{
    protected override async Task ApplyAsync(SocialReportReassigned e, CancellationToken ct)
    {
        var status = (await Db.Reports.AsNoTracking().Where(r => r.Id == e.ReportId).Select(r => (ReportStatus?)r.Status)
            .FirstOrDefaultAsync(ct)) ?? ReportStatus.Received;
        Db.Notifications.Add(Notice(e, e.ToSupervisorId, "received", status));
        foreach (var reporter in e.ReporterIds.Distinct())
        {
            Db.Notifications.Add(Notice(e, reporter, "reassigned", status));
        }
    }

    private static Notification Notice(SocialReportReassigned e, Guid userId, string kind, ReportStatus status) => new()
    {
        Id = Guid.CreateVersion7(e.OccurredAt),
        UserId = userId,
        ReportId = e.ReportId,
        ReportNumber = e.Number,
        Kind = kind,
        Status = status,
        CreatedAt = e.OccurredAt,
    };
}
