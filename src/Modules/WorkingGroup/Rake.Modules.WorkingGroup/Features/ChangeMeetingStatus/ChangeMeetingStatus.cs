using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.ChangeMeetingStatus;

/// <summary>Held or Cancelled: a meeting only leaves Scheduled, it never comes back to it.</summary>
internal sealed record ChangeMeetingStatusRequest(string? Status);

internal static class ChangeMeetingStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/meetings/{id:guid}/status", async (Guid id, ChangeMeetingStatusRequest request, ChangeMeetingStatusHandler h,
                ViewMeetingHandler view, CancellationToken ct) =>
            {
                await h.HandleAsync(id, request, ct);
                return await view.HandleAsync(id, ct);
            })
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(ViewMeetingEndpoints.Tag)
            .WithSummary("Cancel a scheduled meeting (its calendar SEQUENCE goes up) or mark a meeting that has begun held.");
}

internal sealed class ChangeMeetingStatusValidator : WgValidator<ChangeMeetingStatusRequest>
{
    public ChangeMeetingStatusValidator(TextCatalog texts) : base(texts)
    {
        OneOf<MeetingStatus>(r => r.Status);
        RuleFor(r => r.Status).Must(v => Parse<MeetingStatus>(v) != MeetingStatus.Scheduled)
            .WithMessage(_ => Texts["wg.validation.meetingStatus"]);
    }
}

internal sealed class ChangeMeetingStatusHandler(WorkingGroupDbContext db, WgLookup lookup, TextCatalog texts, TimeProvider clock)
{
    public async Task HandleAsync(Guid id, ChangeMeetingStatusRequest request, CancellationToken ct)
    {
        var meeting = await lookup.MeetingAsync(id, ct, tracked: true);
        var status = WgValidator<ChangeMeetingStatusRequest>.Parse<MeetingStatus>(request.Status)!.Value;
        var now = clock.GetUtcNow();
        if (meeting.Status != MeetingStatus.Scheduled)
        {
            throw new ConflictException(texts.Get("wg.conflict.meetingNotScheduled", texts[$"wg.meetingStatus.{meeting.Status}"]));
        }
        if (status == MeetingStatus.Held && meeting.StartsAt > now)
        {
            throw new ConflictException(texts["wg.conflict.meetingNotBegun"]);
        }
        meeting.Status = status;
        if (status == MeetingStatus.Cancelled)
        {
            // Calendars that imported the meeting replace it only when the sequence grows.
            meeting.Sequence++;
        }
        meeting.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }
}
