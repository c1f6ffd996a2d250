using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.WorkingGroup.Contracts;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>Who may do what with the region's bodies.</summary>
internal static class WgRoles
{
    public static readonly RegionRole[] Read =
        [RegionRole.RegionAdmin, RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember, RegionRole.Supervisor, RegionRole.Planner];

    public static readonly RegionRole[] ManageBodies = [RegionRole.RegionAdmin, RegionRole.ResponsiblePerson];

    public static readonly RegionRole[] Meetings = [RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember];

    /// <summary>A steering group's decisions are recorded by its own members or the responsible person.</summary>
    public static readonly RegionRole[] SteeringDecisions = [RegionRole.ResponsiblePerson, RegionRole.SteeringGroupMember];

    /// <summary>HYTETU nominations are decided by the service-area manager (a supervisor here).</summary>
    public static readonly RegionRole[] Nominations = [RegionRole.Supervisor, RegionRole.ResponsiblePerson, RegionRole.RegionAdmin];

    /// <summary>Budget proposals are drawn up by service-area managers with the responsible person.</summary>
    public static readonly RegionRole[] Budget = [RegionRole.Supervisor, RegionRole.ResponsiblePerson];
}

/// <summary>Bodies, members, meetings with their agendas, minutes, decisions, action proposals and assignments.</summary>
internal sealed class WorkingGroupHandler(
    WorkingGroupDbContext db, IRequestContext actor, IUserDirectory users, IReportingApi reporting, TextCatalog texts, TimeProvider clock)
{
    public const int MaxDurationMinutes = 12 * 60;

    // ---- bodies and members ----

    public async Task<IReadOnlyList<BodyDto>> BodiesAsync(CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.read"], WgRoles.Read);
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Kind).ThenBy(b => b.Name).ToListAsync(ct);
        var result = new List<BodyDto>();
        foreach (var body in bodies)
        {
            result.Add(await ToDtoAsync(body, ct));
        }
        return result;
    }

    public async Task<BodyDetailDto> BodyAsync(Guid id, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.read"], WgRoles.Read);
        var body = await FindBodyAsync(id, ct);
        var today = Helsinki.Today(clock);
        var members = await db.Members.AsNoTracking().Where(m => m.BodyId == id).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == id).OrderByDescending(m => m.StartsAt).ToListAsync(ct);
        return new BodyDetailDto(await ToDtoAsync(body, ct),
            members.OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.CurrentCulture).Select(m => ToDto(m, today)).ToList(),
            meetings.Select(ToSummary).ToList());
    }

    public async Task<BodyDto> CreateBodyAsync(BodyRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.manageBodies"], WgRoles.ManageBodies);
        var errors = new ValidationErrors(texts);
        var kind = ParseEnum<BodyKind>(errors, "kind", request.Kind);
        var name = errors.Text("name", request.Name, Limits.Name);
        var description = errors.Text("description", request.Description, Limits.Text, required: false);
        errors.ThrowIfAny();
        if (await db.Bodies.AnyAsync(b => b.Name == name, ct))
        {
            errors.AddText("name", "wg.validation.nameTaken", name!);
            errors.ThrowIfAny();
        }
        var body = new Body { Id = Guid.CreateVersion7(), Kind = kind!.Value, Name = name!, Description = description, CreatedAt = clock.GetUtcNow() };
        db.Bodies.Add(body);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(body, ct);
    }

    public async Task<MemberDto> AddMemberAsync(Guid bodyId, MemberRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.manageBodies"], WgRoles.ManageBodies);
        await FindBodyAsync(bodyId, ct);
        var errors = new ValidationErrors(texts);
        var name = errors.Text("name", request.Name, Limits.Name, required: string.IsNullOrWhiteSpace(request.UserName));
        var title = errors.Text("title", request.Title, Limits.Name, required: false);
        var role = ParseEnum<MemberRole>(errors, "role", request.Role);
        if (request.TermStart is null)
        {
            errors.AddText("termStart", "validation.required");
        }
        if (request.TermStart is { } start && request.TermEnd is { } end && end < start)
        {
            errors.AddText("termEnd", "wg.validation.termEndBeforeStart");
        }
        UserRef? user = null;
        if (!string.IsNullOrWhiteSpace(request.UserName))
        {
            user = await RegionUserAsync(request.UserName.Trim(), ct);
            if (user is null)
            {
                errors.AddText("userName", "wg.validation.unknownUser", request.UserName.Trim());
            }
        }
        errors.ThrowIfAny();
        var member = new BodyMember
        {
            Id = Guid.CreateVersion7(),
            BodyId = bodyId,
            Name = name ?? user!.DisplayName,
            Title = title,
            UserId = user?.Id,
            UserName = user?.UserName,
            Role = role!.Value,
            TermStart = request.TermStart!.Value,
            TermEnd = request.TermEnd,
        };
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return ToDto(member, Helsinki.Today(clock));
    }

    // ---- meetings ----

    public async Task<MeetingDto> ScheduleMeetingAsync(Guid bodyId, MeetingRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.meetings"], WgRoles.Meetings);
        var body = await FindBodyAsync(bodyId, ct);
        var errors = new ValidationErrors(texts);
        var title = errors.Text("title", request.Title, Limits.Name);
        var location = errors.Text("location", request.Location, Limits.Name, required: false);
        var url = errors.Text("onlineUrl", request.OnlineUrl, Limits.Url, required: false);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.AddText("onlineUrl", "wg.validation.https");
        }
        if (location is null && url is null)
        {
            errors.AddText("location", "wg.validation.placeOrLink");
        }
        if (request.StartsAt is null)
        {
            errors.AddText("startsAt", "validation.required");
        }
        var duration = request.DurationMinutes ?? 120;
        if (duration is < 15 or > MaxDurationMinutes)
        {
            errors.AddText("durationMinutes", "validation.range", 15, MaxDurationMinutes);
        }
        errors.ThrowIfAny();
        var meeting = await ScheduleCoreAsync(body, title!, request.StartsAt!.Value, duration, location, url, null, ct);
        return await MeetingAsync(meeting.Id, ct);
    }

    /// <summary>Schedules a meeting with the standard agenda; with a <paramref name="sourceKey"/> a repeated call returns the first meeting.</summary>
    public async Task<Meeting> ScheduleCoreAsync(Body body, string title, DateTimeOffset startsAt, int durationMinutes, string? location, string? onlineUrl, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await db.Meetings.FirstOrDefaultAsync(m => m.SourceKey == sourceKey, ct) is { } existing)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(now),
            BodyId = body.Id,
            Title = title,
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = startsAt.ToUniversalTime().AddMinutes(durationMinutes),
            Location = location,
            OnlineUrl = onlineUrl,
            Status = MeetingStatus.Scheduled,
            CreatedAt = now,
            UpdatedAt = now,
            SourceKey = sourceKey,
        };
        db.Meetings.Add(meeting);
        // The standard items of every meeting (Kainuu 5.3.1: the reports since the previous meeting, current matters).
        db.AgendaItems.Add(new AgendaItem { Id = Guid.CreateVersion7(now), MeetingId = meeting.Id, Position = 1, Kind = AgendaItemKind.Reports, Title = texts.GetIn("fi", "wg.agenda.reports") });
        db.AgendaItems.Add(new AgendaItem { Id = Guid.CreateVersion7(now), MeetingId = meeting.Id, Position = 2, Kind = AgendaItemKind.CurrentMatters, Title = texts.GetIn("fi", "wg.agenda.currentMatters") });
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public async Task<IReadOnlyList<MeetingSummaryDto>> MeetingsAsync(Guid bodyId, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.read"], WgRoles.Read);
        await FindBodyAsync(bodyId, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == bodyId).OrderBy(m => m.StartsAt).ToListAsync(ct);
        return meetings.Select(ToSummary).ToList();
    }

    public async Task<MeetingDto> MeetingAsync(Guid id, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.read"], WgRoles.Read);
        var meeting = await FindMeetingAsync(id, ct);
        var body = await FindBodyAsync(meeting.BodyId, ct);
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
        return new MeetingDto(ToSummary(meeting), await ToDtoAsync(body, ct), since, reports,
            agenda.Select(a => new AgendaItemDto(a.Id, a.Position, a.Kind.ToString(), a.Title, a.Notes)).ToList(),
            meeting.Minutes, attendance, decisions.Select(ToDto).ToList(), proposals.Select(ToDto).ToList(),
            assignments.Select(a => ToDto(a, today)).ToList(),
            WgRoles.Meetings.Any(actor.IsInRole), DecisionRolesFor(body).Any(actor.IsInRole));
    }

    public async Task<MeetingDto> UpdateMeetingAsync(Guid id, MeetingRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.meetings"], WgRoles.Meetings);
        var meeting = await FindMeetingAsync(id, ct, tracked: true);
        var errors = new ValidationErrors(texts);
        var title = errors.Text("title", request.Title, Limits.Name);
        var location = errors.Text("location", request.Location, Limits.Name, required: false);
        var url = errors.Text("onlineUrl", request.OnlineUrl, Limits.Url, required: false);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.AddText("onlineUrl", "wg.validation.https");
        }
        if (request.StartsAt is null)
        {
            errors.AddText("startsAt", "validation.required");
        }
        var duration = request.DurationMinutes ?? (int)(meeting.EndsAt - meeting.StartsAt).TotalMinutes;
        if (duration is < 15 or > MaxDurationMinutes)
        {
            errors.AddText("durationMinutes", "validation.range", 15, MaxDurationMinutes);
        }
        errors.ThrowIfAny();
        meeting.Title = title!;
        meeting.StartsAt = request.StartsAt!.Value.ToUniversalTime();
        meeting.EndsAt = meeting.StartsAt.AddMinutes(duration);
        meeting.Location = location;
        meeting.OnlineUrl = url;
        meeting.Sequence++;
        meeting.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await MeetingAsync(id, ct);
    }

    public async Task<AgendaItemDto> AddAgendaItemAsync(Guid meetingId, AgendaItemRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.meetings"], WgRoles.Meetings);
        var meeting = await FindMeetingAsync(meetingId, ct);
        var errors = new ValidationErrors(texts);
        var kind = request.Kind is null ? AgendaItemKind.Other : ParseEnum<AgendaItemKind>(errors, "kind", request.Kind);
        var title = errors.Text("title", request.Title, Limits.Name);
        var notes = errors.Text("notes", request.Notes, Limits.Text, required: false);
        errors.ThrowIfAny();
        var item = await AddAgendaItemCoreAsync(meeting, kind!.Value, title!, notes, null, ct);
        return new AgendaItemDto(item.Id, item.Position, item.Kind.ToString(), item.Title, item.Notes);
    }

    public async Task<AgendaItem> AddAgendaItemCoreAsync(Meeting meeting, AgendaItemKind kind, string title, string? notes, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await db.AgendaItems.FirstOrDefaultAsync(a => a.SourceKey == sourceKey, ct) is { } existing)
        {
            return existing;
        }
        var last = await db.AgendaItems.Where(a => a.MeetingId == meeting.Id).MaxAsync(a => (int?)a.Position, ct) ?? 0;
        var item = new AgendaItem { Id = Guid.CreateVersion7(), MeetingId = meeting.Id, Position = last + 1, Kind = kind, Title = title, Notes = notes, SourceKey = sourceKey };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<MeetingDto> RecordMinutesAsync(Guid meetingId, MinutesRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.meetings"], WgRoles.Meetings);
        var meeting = await FindMeetingAsync(meetingId, ct, tracked: true);
        var errors = new ValidationErrors(texts);
        var minutes = errors.Text("minutes", request.Minutes, Limits.Text, required: false);
        var members = await db.Members.Where(m => m.BodyId == meeting.BodyId).Select(m => m.Id).ToListAsync(ct);
        var present = (request.PresentMemberIds ?? []).Distinct().ToList();
        if (present.Any(p => !members.Contains(p)))
        {
            errors.AddText("presentMemberIds", "wg.validation.notMember");
        }
        errors.ThrowIfAny();
        meeting.Minutes = minutes;
        if (meeting.StartsAt <= clock.GetUtcNow() && meeting.Status == MeetingStatus.Scheduled)
        {
            meeting.Status = MeetingStatus.Held;
        }
        meeting.UpdatedAt = clock.GetUtcNow();
        db.Attendance.RemoveRange(await db.Attendance.Where(a => a.MeetingId == meetingId).ToListAsync(ct));
        foreach (var memberId in members)
        {
            db.Attendance.Add(new Attendance { MeetingId = meetingId, MemberId = memberId, Present = present.Contains(memberId) });
        }
        await db.SaveChangesAsync(ct);
        return await MeetingAsync(meetingId, ct);
    }

    // ---- decisions, proposals, assignments ----

    public async Task<DecisionDto> RecordDecisionAsync(Guid meetingId, DecisionRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.meetings"], WgRoles.Meetings);
        var meeting = await FindMeetingAsync(meetingId, ct);
        var body = await FindBodyAsync(meeting.BodyId, ct);
        actor.RequireAnyRole(texts["wg.forbidden.steeringDecision"], DecisionRolesFor(body));
        var errors = new ValidationErrors(texts);
        var phenomenon = errors.Text("phenomenon", request.Phenomenon, Limits.Name);
        var outcome = ParseEnum<DecisionOutcome>(errors, "outcome", request.Outcome);
        var text = errors.Text("text", request.Text, Limits.Text);
        var responsible = errors.Text("responsiblePerson", request.ResponsiblePerson, Limits.Name, required: outcome != DecisionOutcome.Noted);
        var numbers = (request.ReportNumbers ?? []).Distinct().Order().ToList();
        if (numbers.Count > 100)
        {
            errors.AddText("reportNumbers", "wg.validation.tooManyReports", 100);
        }
        else if (numbers.Count > 0)
        {
            var found = (await reporting.FindAsync(numbers, ct)).Select(r => r.Number).ToHashSet();
            var unknown = numbers.Where(n => !found.Contains(n)).ToList();
            if (unknown.Count > 0)
            {
                errors.AddText("reportNumbers", "wg.validation.unknownReports", string.Join(", ", unknown));
            }
        }
        errors.ThrowIfAny();
        var decision = await RecordDecisionCoreAsync(meeting, body, phenomenon!, outcome!.Value, text!, responsible ?? "", numbers, null, ct);
        return ToDto(decision);
    }

    /// <summary>Stores the decision and publishes <see cref="DecisionRecorded"/> in the same transaction.</summary>
    public async Task<Decision> RecordDecisionCoreAsync(Meeting meeting, Body body, string phenomenon, DecisionOutcome outcome, string text, string responsible, IReadOnlyList<int> numbers, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await db.Decisions.FirstOrDefaultAsync(d => d.SourceKey == sourceKey, ct) is { } existing)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(now),
            MeetingId = meeting.Id,
            Phenomenon = phenomenon,
            Outcome = outcome,
            Text = text,
            ResponsiblePerson = responsible,
            ReportNumbers = string.Join(',', numbers),
            DecidedAt = now,
            SourceKey = sourceKey,
        };
        db.Decisions.Add(decision);
        db.Publish(new DecisionRecorded(Guid.CreateVersion7(now), actor.RequireRegion(), now, decision.Id, meeting.Id, body.Name,
            phenomenon, outcome.ToString(), text, responsible, numbers));
        await db.SaveChangesAsync(ct);
        return decision;
    }

    public async Task<ProposalDto> AddProposalAsync(Guid meetingId, ProposalRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.meetings"], WgRoles.Meetings);
        await FindMeetingAsync(meetingId, ct);
        var errors = new ValidationErrors(texts);
        var title = errors.Text("title", request.Title, Limits.Name);
        var description = errors.Text("description", request.Description, Limits.Text, required: false);
        var targetKind = ParseEnum<ProposalTarget>(errors, "targetKind", request.TargetKind);
        var target = errors.Text("target", request.Target, Limits.Name);
        if (request.DecisionId is { } decisionId && !await db.Decisions.AnyAsync(d => d.Id == decisionId && d.MeetingId == meetingId, ct))
        {
            errors.AddText("decisionId", "wg.validation.unknownDecision");
        }
        errors.ThrowIfAny();
        var proposal = new ActionProposal
        {
            Id = Guid.CreateVersion7(),
            MeetingId = meetingId,
            DecisionId = request.DecisionId,
            Title = title!,
            Description = description,
            TargetKind = targetKind!.Value,
            Target = target!,
            Status = ProposalStatus.Proposed,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return ToDto(proposal);
    }

    public async Task<AssignmentDto> AddAssignmentAsync(Guid meetingId, AssignmentRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["wg.forbidden.meetings"], WgRoles.Meetings);
        await FindMeetingAsync(meetingId, ct);
        var errors = new ValidationErrors(texts);
        var title = errors.Text("title", request.Title, Limits.Name);
        var assigneeName = errors.Text("assignee", request.Assignee, 256);
        if (request.DueDate is null)
        {
            errors.AddText("dueDate", "validation.required");
        }
        UserRef? assignee = null;
        if (assigneeName is not null && (assignee = await RegionUserAsync(assigneeName, ct)) is null)
        {
            errors.AddText("assignee", "wg.validation.unknownUser", assigneeName);
        }
        if (request.DecisionId is { } decisionId && !await db.Decisions.AnyAsync(d => d.Id == decisionId && d.MeetingId == meetingId, ct))
        {
            errors.AddText("decisionId", "wg.validation.unknownDecision");
        }
        errors.ThrowIfAny();
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(),
            MeetingId = meetingId,
            DecisionId = request.DecisionId,
            Title = title!,
            AssigneeId = assignee!.Id,
            AssigneeUserName = assignee.UserName,
            AssigneeName = assignee.DisplayName,
            DueDate = request.DueDate!.Value,
            Status = AssignmentStatus.Open,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return ToDto(assignment, Helsinki.Today(clock));
    }

    /// <summary>The caller's own assignments in this region (any role): open and overdue first.</summary>
    public async Task<IReadOnlyList<AssignmentDto>> MyAssignmentsAsync(bool includeClosed, CancellationToken ct)
    {
        var me = actor.UserId!.Value;
        var rows = await db.Assignments.AsNoTracking().Where(a => a.AssigneeId == me).ToListAsync(ct);
        var today = Helsinki.Today(clock);
        return rows.Where(a => includeClosed || a.IsOpen)
            .OrderByDescending(a => a.IsOverdue(today)).ThenByDescending(a => a.IsOpen).ThenBy(a => a.DueDate)
            .Select(a => ToDto(a, today)).ToList();
    }

    /// <summary>Follow-up: the assignee (or a member of the bodies) records progress and status.</summary>
    public async Task<AssignmentDto> UpdateAssignmentAsync(Guid id, AssignmentUpdateRequest request, CancellationToken ct)
    {
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == id, ct);
        var mine = assignment?.AssigneeId == actor.UserId;
        if (assignment is null || (!mine && !WgRoles.Read.Any(actor.IsInRole)))
        {
            throw new NotFoundException(texts["wg.notFound.assignment"]);
        }
        if (!mine)
        {
            actor.RequireAnyRole(texts["wg.forbidden.meetings"], WgRoles.Meetings);
        }
        var errors = new ValidationErrors(texts);
        var status = ParseEnum<AssignmentStatus>(errors, "status", request.Status);
        var followUp = errors.Text("followUp", request.FollowUp, Limits.Text, required: false);
        errors.ThrowIfAny();
        assignment.Status = status!.Value;
        assignment.FollowUp = followUp ?? assignment.FollowUp;
        assignment.CompletedAt = assignment.IsOpen ? null : clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(assignment, Helsinki.Today(clock));
    }

    // ---- helpers ----

    public static RegionRole[] DecisionRolesFor(Body body) => body.Kind == BodyKind.SteeringGroup ? WgRoles.SteeringDecisions : WgRoles.Meetings;

    public async Task<Body> FindBodyAsync(Guid id, CancellationToken ct) =>
        await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException(texts["wg.notFound.body"]);

    public async Task<Meeting> FindMeetingAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Meetings : db.Meetings.AsNoTracking();
        return await query.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException(texts["wg.notFound.meeting"]);
    }

    /// <summary>A person holding any role in this region; people of other regions are not found.</summary>
    private async Task<UserRef?> RegionUserAsync(string userName, CancellationToken ct)
    {
        var user = await users.FindByUserNameAsync(userName, ct);
        return user is not null && (await users.RolesAsync(user.Id, actor.RequireRegion(), ct)).Count > 0 ? user : null;
    }

    public static TEnum? ParseEnum<TEnum>(ValidationErrors errors, string field, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.AddText(field, "validation.required");
            return null;
        }
        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }
        errors.AddText(field, "wg.validation.oneOf", string.Join(", ", Enum.GetNames<TEnum>()));
        return null;
    }

    private async Task<BodyDto> ToDtoAsync(Body b, CancellationToken ct)
    {
        var count = await db.Members.CountAsync(m => m.BodyId == b.Id, ct);
        var now = clock.GetUtcNow();
        var next = await db.Meetings.Where(m => m.BodyId == b.Id && m.StartsAt >= now && m.Status == MeetingStatus.Scheduled)
            .OrderBy(m => m.StartsAt).Select(m => (DateTimeOffset?)m.StartsAt).FirstOrDefaultAsync(ct);
        return new BodyDto(b.Id, b.Kind.ToString(), b.Name, b.Description, count, next);
    }

    public static MemberDto ToDto(BodyMember m, DateOnly today) => new(m.Id, m.Name, m.Title, m.UserName, m.Role.ToString(), m.TermStart, m.TermEnd, m.ActiveOn(today));

    public static MeetingSummaryDto ToSummary(Meeting m) => new(m.Id, m.BodyId, m.Title, m.StartsAt, m.EndsAt, m.Location, m.OnlineUrl, m.Status.ToString(), m.Sequence, m.UpdatedAt);

    public static DecisionDto ToDto(Decision d) => new(d.Id, d.Phenomenon, d.Outcome.ToString(), d.Text, d.ResponsiblePerson, d.Numbers(), d.DecidedAt);

    public static ProposalDto ToDto(ActionProposal p) => new(p.Id, p.Title, p.Description, p.TargetKind.ToString(), p.Target, p.Status.ToString(), p.DecisionId);

    public static AssignmentDto ToDto(Assignment a, DateOnly today) =>
        new(a.Id, a.Title, a.AssigneeUserName, a.AssigneeName, a.DueDate, a.Status.ToString(), a.FollowUp, a.IsOverdue(today), a.MeetingId, a.DecisionId);
}
