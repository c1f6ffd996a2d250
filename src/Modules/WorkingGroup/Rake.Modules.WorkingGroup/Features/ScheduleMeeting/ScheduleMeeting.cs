using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.ScheduleMeeting;

internal sealed record ScheduleMeetingRequest(
    [ScreenedText] string? Title, DateTimeOffset? StartsAt, int? DurationMinutes, [ScreenedText] string? Location, string? OnlineUrl)
{
    public const int DefaultDurationMinutes = 120;
}

internal static class ScheduleMeetingEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bodies/{id:guid}/meetings", async (Guid id, ScheduleMeetingRequest request, ScheduleMeetingHandler h,
                ViewMeetingHandler view, CancellationToken ct) =>
            {
                var meeting = await h.HandleAsync(id, request, sourceKey: null, ct);
                return Results.Created($"meetings/{meeting.Id}", await view.HandleAsync(meeting.Id, ct));
            })
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(ViewMeetingEndpoints.Tag)
            .WithSummary("Schedule a meeting (Teams link or place); the agenda starts with the standard items.");
}

internal sealed class ScheduleMeetingValidator : WgValidator<ScheduleMeetingRequest>
{
    public ScheduleMeetingValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Title, Limits.Name);
        OptionalText(r => r.Location, Limits.Name);
        HttpsUrl(r => r.OnlineUrl);
        RuleFor(r => r.Location).Must((r, location) => !string.IsNullOrWhiteSpace(location) || !string.IsNullOrWhiteSpace(r.OnlineUrl))
            .WithMessage(_ => Texts["wg.validation.placeOrLink"]);
        Required(r => r.StartsAt);
        Duration(r => r.DurationMinutes);
    }
}

/// <summary>
/// Schedules a meeting with the standard agenda. A workflow run passes its <c>sourceKey</c>, so a retried activity finds
/// the meeting it scheduled the first time instead of scheduling another.
/// </summary>
internal sealed class ScheduleMeetingHandler(WorkingGroupDbContext db, WgLookup lookup, TextCatalog texts, TimeProvider clock)
{
    public async Task<Meeting> HandleAsync(Guid bodyId, ScheduleMeetingRequest request, string? sourceKey, CancellationToken ct)
    {
        await lookup.BodyAsync(bodyId, ct);
        if (sourceKey is not null && await db.Meetings.FirstOrDefaultAsync(m => m.SourceKey == sourceKey, ct) is { } existing)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var startsAt = request.StartsAt!.Value.ToUniversalTime();
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(now),
            BodyId = bodyId,
            Title = request.Title!.Trim(),
            StartsAt = startsAt,
            EndsAt = startsAt.AddMinutes(request.DurationMinutes ?? ScheduleMeetingRequest.DefaultDurationMinutes),
            Location = WgValidator<ScheduleMeetingRequest>.Clean(request.Location),
            OnlineUrl = WgValidator<ScheduleMeetingRequest>.Clean(request.OnlineUrl),
            Status = MeetingStatus.Scheduled,
            CreatedAt = now,
            UpdatedAt = now,
            SourceKey = sourceKey,
        };
        db.Meetings.Add(meeting);
        // The standard items of every meeting (Kainuu 5.3.1: the reports since the previous meeting, current matters).
        db.AgendaItems.Add(new AgendaItem
        {
            Id = Guid.CreateVersion7(now),
            MeetingId = meeting.Id,
            Position = 1,
            Kind = AgendaItemKind.Reports,
            Title = texts.GetIn("fi", "wg.agenda.reports"),
        });
        db.AgendaItems.Add(new AgendaItem
        {
            Id = Guid.CreateVersion7(now),
            MeetingId = meeting.Id,
            Position = 2,
            Kind = AgendaItemKind.CurrentMatters,
            Title = texts.GetIn("fi", "wg.agenda.currentMatters"),
        });
        await db.SaveChangesAsync(ct);
        return meeting;
    }
}
