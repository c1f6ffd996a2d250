namespace Rake.Modules.WorkingGroup.Features.RecordMinutes;

internal sealed record RecordMinutesRequest([ScreenedText] string? Minutes, IReadOnlyList<Guid>? PresentMemberIds);

internal static class RecordMinutesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/meetings/{id:guid}/minutes", async (Guid id, RecordMinutesRequest request, RecordMinutesHandler h,
                ViewMeetingHandler view, CancellationToken ct) =>
            {
                await h.HandleAsync(id, request, ct);
                return await view.HandleAsync(id, ct);
            })
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(ViewMeetingEndpoints.Tag).WithSummary("Record the minutes and who of the members were present.");
}

internal sealed class RecordMinutesValidator : WgValidator<RecordMinutesRequest>
{
    public RecordMinutesValidator(TextCatalog texts) : base(texts) => OptionalText(r => r.Minutes, Limits.Text);
}

/// <summary>Stores the minutes and the attendance; a meeting that has begun is held from then on.</summary>
internal sealed class RecordMinutesHandler(WorkingGroupDbContext db, WgLookup lookup, TextCatalog texts, TimeProvider clock)
{
    public async Task HandleAsync(Guid meetingId, RecordMinutesRequest request, CancellationToken ct)
    {
        var meeting = await lookup.MeetingAsync(meetingId, ct, tracked: true);
        // Who is a member depends on the meeting's body, which only the route names.
        var members = await db.Members.Where(m => m.BodyId == meeting.BodyId).Select(m => m.Id).ToListAsync(ct);
        var present = (request.PresentMemberIds ?? []).Distinct().ToList();
        if (present.Any(p => !members.Contains(p)))
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["presentMemberIds"] = [texts["wg.validation.notMember"]] });
        }
        meeting.Minutes = WgValidator<RecordMinutesRequest>.Clean(request.Minutes);
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
    }
}
