using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Features.ViewReports;

namespace Rake.Modules.Reporting.Features.ProcessReport;

/// <summary>The ten fields of the supervisor's processing record (Kainuu's supervisors' sheet).</summary>
internal sealed record SupervisorRecordRequest(
    [ScreenedText] string? CoreOfReport, [ScreenedText] string? CommunicationGoal, [ScreenedText] string? Audience,
    [ScreenedText] string? CoreMessage, [ScreenedText] string? ChannelAndMethod,
    [ScreenedText] string? Timing, string? Responsible, [ScreenedText] string? FollowUp, int? Priority, [ScreenedText] string? Result);

internal sealed record StatusChangeRequest(string? Status, [ScreenedText] string? Comment);

internal sealed record FeedbackRequest([ScreenedText] string? Comment);

internal static class ProcessReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Supervisor processing";
        api.MapPut("/social-reports/{id:guid}/supervisor-record",
                (Guid id, SupervisorRecordRequest request, ProcessReportHandler handler, CancellationToken ct) =>
                    handler.SaveRecordAsync(id, request, ct))
            .WithTags(tag).WithSummary("Save the supervisor's ten-field processing record; a received report moves to the supervisor.");
        api.MapPost("/social-reports/{id:guid}/status-changes",
                (Guid id, StatusChangeRequest request, ProcessReportHandler handler, CancellationToken ct) =>
                    handler.ChangeStatusAsync(id, request, ct))
            .WithTags(tag).WithSummary("Move a report to its next status, optionally with a comment to the reporter.");
        api.MapPost("/social-reports/{id:guid}/feedback",
                (Guid id, FeedbackRequest request, ProcessReportHandler handler, CancellationToken ct) =>
                    handler.GiveFeedbackAsync(id, request, ct))
            .WithTags(tag).WithSummary("Send a comment back to the reporter; it appears in their timeline.");
    }
}

/// <summary>
/// The supervisor's side of a report. Fields are checked by the validators before this runs; what is left here is what
/// only the stored report can tell: whether the caller may see it (404), process it (403) or move it that way (409).
/// </summary>
internal sealed class ProcessReportHandler(
    ReportingDbContext db, IRequestContext actor, IUserDirectory users, TextCatalog texts, TimeProvider clock, ViewReportsHandler view)
{
    public async Task<SocialReportDto> SaveRecordAsync(Guid id, SupervisorRecordRequest request, CancellationToken ct)
    {
        static string? Field(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var values = new SupervisorRecord
        {
            CoreOfReport = Field(request.CoreOfReport),
            CommunicationGoal = Field(request.CommunicationGoal),
            Audience = Field(request.Audience),
            CoreMessage = Field(request.CoreMessage),
            ChannelAndMethod = Field(request.ChannelAndMethod),
            Timing = Field(request.Timing),
            Responsible = Field(request.Responsible),
            FollowUp = Field(request.FollowUp),
            Priority = request.Priority,
            Result = Field(request.Result),
        };
        var report = await LoadForProcessingAsync(id, ct);
        var me = await DisplayNameAsync(ct);
        var now = clock.GetUtcNow();
        if (report.Record is null)
        {
            report.Record = new SupervisorRecord { ReportId = report.Id };
        }
        var record = report.Record;
        (record.CoreOfReport, record.CommunicationGoal, record.Audience, record.CoreMessage, record.ChannelAndMethod) =
            (values.CoreOfReport, values.CommunicationGoal, values.Audience, values.CoreMessage, values.ChannelAndMethod);
        (record.Timing, record.Responsible, record.FollowUp, record.Priority, record.Result) =
            (values.Timing, values.Responsible, values.FollowUp, values.Priority, values.Result);
        record.UpdatedAt = now;
        record.UpdatedBy = me;
        if (report.Status == ReportStatus.Received)
        {
            Move(report, ReportStatus.WithSupervisor, null, me, now);
        }
        await db.SaveChangesAsync(ct);
        return await view.GetAsync(id, ct);
    }

    public async Task<SocialReportDto> ChangeStatusAsync(Guid id, StatusChangeRequest request, CancellationToken ct)
    {
        var to = Enum.Parse<ReportStatus>(request.Status!.Trim(), ignoreCase: true);
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var report = await LoadVisibleAsync(id, ct);
        if (!ReportRules.CanMove(report, to, actor))
        {
            var allowed = ReportRules.NextStatuses(report.Status).Where(s => ReportRules.CanMove(report, s, actor)).ToList();
            throw new ConflictException(texts.Get("reporting.status.notAllowed", report.Status, to,
                allowed.Count == 0 ? "-" : string.Join(", ", allowed)));
        }
        Move(report, to, comment, await DisplayNameAsync(ct), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await view.GetAsync(id, ct);
    }

    public async Task<SocialReportDto> GiveFeedbackAsync(Guid id, FeedbackRequest request, CancellationToken ct)
    {
        var comment = request.Comment!.Trim();
        var report = await LoadForProcessingAsync(id, ct);
        var now = clock.GetUtcNow();
        db.Timeline.Add(new TimelineEntry
        {
            Id = Guid.CreateVersion7(now),
            ReportId = report.Id,
            At = now,
            Status = report.Status,
            Actor = await DisplayNameAsync(ct),
            Comment = comment,
        });
        db.Publish(new SocialReportStatusChanged(Guid.CreateVersion7(now), actor.RequireRegion(), now, report.Id, report.Number,
            report.Status.ToString(), report.Status.ToString(), Reporters(report), comment));
        await db.SaveChangesAsync(ct);
        return await view.GetAsync(id, ct);
    }

    private void Move(SocialReport report, ReportStatus to, string? comment, string actorName, DateTimeOffset now)
    {
        var from = report.Status;
        report.Status = to;
        db.Timeline.Add(new TimelineEntry
        {
            Id = Guid.CreateVersion7(now),
            ReportId = report.Id,
            At = now,
            Status = to,
            Actor = actorName,
            Comment = comment,
        });
        db.Publish(new SocialReportStatusChanged(Guid.CreateVersion7(now), actor.RequireRegion(), now, report.Id, report.Number,
            from.ToString(), to.ToString(), Reporters(report), comment));
    }

    private static List<Guid> Reporters(SocialReport report) => [report.ReporterId, .. report.CoReporters.Select(c => c.UserId)];

    private async Task<SocialReport> LoadVisibleAsync(Guid id, CancellationToken ct)
    {
        var report = await db.Reports.Include(r => r.CoReporters).Include(r => r.Record)
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !ReportRules.CanRead(report, actor))
        {
            throw new NotFoundException($"No social report {id} that you may see in this region.");
        }
        return report;
    }

    private async Task<SocialReport> LoadForProcessingAsync(Guid id, CancellationToken ct)
    {
        var report = await LoadVisibleAsync(id, ct);
        if (!ReportRules.CanProcess(report, actor))
        {
            throw new ForbiddenException(texts["reporting.process.notYours"]);
        }
        return report;
    }

    private async Task<string> DisplayNameAsync(CancellationToken ct) =>
        (await users.FindByIdAsync(actor.UserId!.Value, ct))?.DisplayName ?? actor.UserName ?? "";
}
