using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.WorkingGroup.Domain;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Rake.Modules.WorkingGroup.Features;

internal static class WorkingGroupEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string Bodies = "Working group: bodies";
        const string Meetings = "Working group: meetings";
        const string Follow = "Working group: assignments";
        const string Registers = "Working group: nominations and budget";

        api.MapGet("/bodies", (WorkingGroupHandler h, CancellationToken ct) => h.BodiesAsync(ct))
            .WithTags(Bodies).WithSummary("The region's bodies (working group, steering group, coordination team, network).");
        api.MapPost("/bodies", async (BodyRequest request, WorkingGroupHandler h, HttpContext http, CancellationToken ct) =>
            {
                var body = await h.CreateBodyAsync(request, ct);
                return Results.Created($"{http.Request.Path}/{body.Id}", body);
            })
            .WithTags(Bodies).WithSummary("Create a body (RegionAdmin, ResponsiblePerson).");
        api.MapGet("/bodies/{id:guid}", (Guid id, WorkingGroupHandler h, CancellationToken ct) => h.BodyAsync(id, ct))
            .WithTags(Bodies).WithSummary("A body with its members (roles, terms) and meetings.");
        api.MapPost("/bodies/{id:guid}/members", async (Guid id, MemberRequest request, WorkingGroupHandler h, CancellationToken ct) =>
                Results.Created($"bodies/{id}", await h.AddMemberAsync(id, request, ct)))
            .WithTags(Bodies).WithSummary("Add a member with a role (Chair, ViceChair, Coordinator, Secretary, Member, Deputy) and a term.");
        api.MapGet("/bodies/{id:guid}/meetings", (Guid id, WorkingGroupHandler h, CancellationToken ct) => h.MeetingsAsync(id, ct))
            .WithTags(Meetings).WithSummary("The body's meetings, oldest first.");
        api.MapPost("/bodies/{id:guid}/meetings", async (Guid id, MeetingRequest request, WorkingGroupHandler h, CancellationToken ct) =>
            {
                var meeting = await h.ScheduleMeetingAsync(id, request, ct);
                return Results.Created($"meetings/{meeting.Meeting.Id}", meeting);
            })
            .WithTags(Meetings).WithSummary("Schedule a meeting (Teams link or place); the agenda starts with the standard items.");
        api.MapGet("/bodies/{id:guid}/meetings.ics", async (Guid id, WorkingGroupHandler h, IRequestContext actor, TimeProvider clock, CancellationToken ct) =>
            {
                var body = await h.BodyAsync(id, ct);
                var region = actor.RequireRegion().Code;
                var events = body.Meetings.OrderBy(m => m.StartsAt).Select(m => new ICalendar.Event(
                    $"{m.Id}@{region}.rake", m.StartsAt, m.EndsAt, $"{body.Body.Name}: {m.Title}", m.Location, m.OnlineUrl,
                    m.OnlineUrl is null ? null : $"Teams: {m.OnlineUrl}", m.Sequence, m.Status == nameof(MeetingStatus.Cancelled), m.UpdatedAt)).ToList();
                return Results.Text(ICalendar.Write(body.Body.Name, clock.GetUtcNow(), events), ICalendar.ContentType);
            })
            .WithTags(Meetings)
            .WithSummary("The body's meetings as an iCalendar feed (RFC 5545, times in Europe/Helsinki with its VTIMEZONE).");
        api.MapGet("/meetings/{id:guid}", (Guid id, WorkingGroupHandler h, CancellationToken ct) => h.MeetingAsync(id, ct))
            .WithTags(Meetings).WithSummary("A meeting with its agenda, the reports received since the body's previous meeting, minutes, attendance, decisions, proposals and assignments.");
        api.MapPut("/meetings/{id:guid}", (Guid id, MeetingRequest request, WorkingGroupHandler h, CancellationToken ct) => h.UpdateMeetingAsync(id, request, ct))
            .WithTags(Meetings).WithSummary("Move or edit a meeting; its calendar SEQUENCE goes up.");
        api.MapGet("/meetings/{id:guid}/document.docx", async (Guid id, WorkingGroupHandler h, TextCatalog texts, CancellationToken ct) =>
            {
                var meeting = await h.MeetingAsync(id, ct);
                var name = $"{meeting.Meeting.StartsAt:yyyy-MM-dd}-{Slug(meeting.Body.Name)}.docx";
                return Results.File(MeetingDocument.Write(meeting, texts), MeetingDocument.ContentType, name);
            })
            .WithTags(Meetings).WithSummary("The meeting's agenda and minutes as a Word document.");
        api.MapPost("/meetings/{id:guid}/agenda-items", async (Guid id, AgendaItemRequest request, WorkingGroupHandler h, CancellationToken ct) =>
                Results.Created($"meetings/{id}", await h.AddAgendaItemAsync(id, request, ct)))
            .WithTags(Meetings).WithSummary("Add an agenda item (PlanReview, NominationsReview, Compilation, CurrentMatters, Other).");
        api.MapPut("/meetings/{id:guid}/minutes", (Guid id, MinutesRequest request, WorkingGroupHandler h, CancellationToken ct) => h.RecordMinutesAsync(id, request, ct))
            .WithTags(Meetings).WithSummary("Record the minutes and who of the members were present.");
        api.MapPost("/meetings/{id:guid}/decisions", async (Guid id, DecisionRequest request, WorkingGroupHandler h, CancellationToken ct) =>
                Results.Created($"meetings/{id}", await h.RecordDecisionAsync(id, request, ct)))
            .WithTags(Meetings).WithSummary("Record a decision on a phenomenon (ContinueHandling, FollowUpAction, Noted) with a responsible person; the concerned reports' reporters see it.");
        api.MapPost("/meetings/{id:guid}/action-proposals", async (Guid id, ProposalRequest request, WorkingGroupHandler h, CancellationToken ct) =>
                Results.Created($"meetings/{id}", await h.AddProposalAsync(id, request, ct)))
            .WithTags(Meetings).WithSummary("Record an action proposal to a region unit, a municipality, another actor or the budget.");
        api.MapPost("/meetings/{id:guid}/assignments", async (Guid id, AssignmentRequest request, WorkingGroupHandler h, CancellationToken ct) =>
                Results.Created($"meetings/{id}", await h.AddAssignmentAsync(id, request, ct)))
            .WithTags(Follow).WithSummary("Give an assignment to a named person of the region with a due date.");
        api.MapGet("/assignments/mine", (WorkingGroupHandler h, bool? includeClosed, CancellationToken ct) => h.MyAssignmentsAsync(includeClosed == true, ct))
            .WithTags(Follow).WithSummary("The caller's assignments in this region, overdue first.");
        api.MapPut("/assignments/{id:guid}", (Guid id, AssignmentUpdateRequest request, WorkingGroupHandler h, CancellationToken ct) => h.UpdateAssignmentAsync(id, request, ct))
            .WithTags(Follow).WithSummary("Follow up an assignment: status (Open, InProgress, Done, Cancelled) and a note.");
        api.MapGet("/wellbeing-group-nominations", (RegistersHandler h, CancellationToken ct) => h.NominationsAsync(ct))
            .WithTags(Registers).WithSummary("HYTETU nominations per municipality, with the yearly review date.");
        api.MapPost("/wellbeing-group-nominations", async (NominationRequest request, RegistersHandler h, CancellationToken ct) =>
                Results.Created("wellbeing-group-nominations", await h.NominateAsync(request, ct)))
            .WithTags(Registers).WithSummary("Record a nomination decided by the service-area manager (Supervisor, ResponsiblePerson, RegionAdmin).");
        api.MapGet("/budget-proposals", (RegistersHandler h, [Range(InputRules.MinYear, InputRules.MaxYear)] int? year, CancellationToken ct) => h.BudgetProposalsAsync(year, ct))
            .WithTags(Registers).WithSummary("Budget (appropriation) proposals, by year.");
        api.MapPost("/budget-proposals", async (BudgetProposalRequest request, RegistersHandler h, CancellationToken ct) =>
                Results.Created("budget-proposals", await h.ProposeBudgetAsync(request, ct)))
            .WithTags(Registers).WithSummary("Draw up a budget proposal from a RAKE decision (Supervisor, ResponsiblePerson).");
    }

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) && c < 128 ? c : '-').ToArray()).Trim('-');
}
