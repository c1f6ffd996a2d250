using System.Globalization;
using Rake.BuildingBlocks.Export;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.WorkingGroup.Features.ViewMeeting;

internal static class ViewMeetingEndpoints
{
    public const string Tag = "Working group: meetings";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/{id:guid}", (Guid id, ViewMeetingHandler h, CancellationToken ct) => h.HandleAsync(id, ct))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(Tag)
            .WithSummary("A meeting with its agenda, the reports received since the body's previous meeting, minutes, attendance, "
                + "decisions, proposals and assignments.");
        api.MapGet("/meetings/{id:guid}/document.docx", async (Guid id, ViewMeetingHandler h, TextCatalog texts, CancellationToken ct) =>
            {
                var meeting = await h.HandleAsync(id, ct);
                var day = Helsinki.ToLocalDate(meeting.Meeting.StartsAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return FileDownload.File(MeetingDocument.Write(meeting, texts), MeetingDocument.ContentType,
                    $"{day} {meeting.Body.Name}.docx");
            })
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(Tag).WithSummary("The meeting's agenda and minutes as a Word document.");
    }
}

/// <summary>A meeting with its agenda, the reports received since the body's previous meeting and what the meeting decided.</summary>
internal sealed class ViewMeetingHandler(
    WorkingGroupDbContext db, WgLookup lookup, IRequestContext actor, IReportingApi reporting, ModuleMapper<WorkingGroupModule> mapper,
    TimeProvider clock, TextCatalog texts, IEnumerable<Rake.Modules.Workflows.Contracts.IWorkflowTextsApi> workflowTexts,
    IPhenomenonRegisterApi phenomena)
{
    public async Task<MeetingDto> HandleAsync(Guid id, CancellationToken ct)
    {
        var meeting = await lookup.MeetingAsync(id, ct);
        var body = await lookup.BodyAsync(meeting.BodyId, ct);
        var previous = await db.Meetings.AsNoTracking()
            .Where(m => m.BodyId == meeting.BodyId && m.StartsAt < meeting.StartsAt && m.Status != MeetingStatus.Cancelled)
            .OrderByDescending(m => m.StartsAt).FirstOrDefaultAsync(ct);
        var since = previous?.StartsAt;
        var reports = await reporting.ReceivedAsync(since ?? DateTimeOffset.UnixEpoch, meeting.StartsAt, ct);
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Position).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().Where(m => m.BodyId == body.Id).ToListAsync(ct);
        var present = await db.Attendance.AsNoTracking().Where(a => a.MeetingId == id).ToListAsync(ct);
        var meetingDay = Helsinki.ToLocalDate(meeting.StartsAt);
        var attendance = members.Where(m => m.ActiveOn(meetingDay) || present.Any(p => p.MemberId == m.Id))
            .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .Select(m => new AttendanceDto(m.Id, m.Name, m.Role.ToString(), present.Any(p => p.MemberId == m.Id && p.Present))).ToList();
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.DecidedAt).ToListAsync(ct);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.MeetingId == id).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.DueDate).ToListAsync(ct);
        var today = Helsinki.Today(clock);
        // What the page offers: the same requirements the endpoints of those changes declare.
        var bodyRow = await lookup.BodyRowAsync(body, clock.GetUtcNow(), ct);
        var (summary, agendaItems) = await MeetingTexts.LocaliseAsync(meeting, mapper.Map<MeetingSummaryDto>(meeting), agenda,
            mapper.MapAll<AgendaItemDto>(agenda), texts, workflowTexts, ct);
        var canEdit = WgRoles.MeetingsRequirement.IsMetBy(actor);
        var suggested = canEdit && meeting.Status == MeetingStatus.Scheduled
            ? (await phenomena.RecurringAsync(ct)).Where(p => !agenda.Any(a => a.Title == p.Title)).ToList()
            : new List<RecurringPhenomenon>();
        var shown = new MeetingDto(summary, mapper.Map<BodyDto>(bodyRow),
            since, reports, agendaItems, meeting.Minutes, attendance, mapper.MapAll<DecisionDto>(decisions),
            mapper.MapAll<ProposalDto>(proposals),
            assignments.Select(a => mapper.Map<AssignmentDto>(new OnDay<Assignment>(a, today))).ToList(),
            canEdit, WgRoles.DecisionsFor(body.Kind).IsMetBy(actor));
        return shown with { SuggestedPhenomena = suggested };
    }
}
