namespace Rake.Modules.WorkingGroup.Features.UpdateMeeting;

/// <summary>A moved or edited meeting; without a duration the meeting keeps its length.</summary>
internal sealed record UpdateMeetingRequest(
    [ScreenedText] string? Title, DateTimeOffset? StartsAt, int? DurationMinutes, [ScreenedText] string? Location, string? OnlineUrl);

internal static class UpdateMeetingEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/meetings/{id:guid}", async (Guid id, UpdateMeetingRequest request, UpdateMeetingHandler h, ViewMeetingHandler view,
                CancellationToken ct) =>
            {
                await h.HandleAsync(id, request, ct);
                return await view.HandleAsync(id, ct);
            })
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(ViewMeetingEndpoints.Tag).WithSummary("Move or edit a meeting; its calendar SEQUENCE goes up.");
}

internal sealed class UpdateMeetingValidator : WgValidator<UpdateMeetingRequest>
{
    public UpdateMeetingValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Title, Limits.Name);
        OptionalText(r => r.Location, Limits.Name);
        HttpsUrl(r => r.OnlineUrl);
        Required(r => r.StartsAt);
        Duration(r => r.DurationMinutes);
    }
}

internal sealed class UpdateMeetingHandler(WorkingGroupDbContext db, WgLookup lookup, TimeProvider clock)
{
    public async Task HandleAsync(Guid id, UpdateMeetingRequest request, CancellationToken ct)
    {
        var meeting = await lookup.MeetingAsync(id, ct, tracked: true);
        var duration = request.DurationMinutes ?? (int)(meeting.EndsAt - meeting.StartsAt).TotalMinutes;
        meeting.Title = request.Title!.Trim();
        meeting.StartsAt = request.StartsAt!.Value.ToUniversalTime();
        meeting.EndsAt = meeting.StartsAt.AddMinutes(duration);
        meeting.Location = WgValidator<UpdateMeetingRequest>.Clean(request.Location);
        meeting.OnlineUrl = WgValidator<UpdateMeetingRequest>.Clean(request.OnlineUrl);
        meeting.Sequence++;
        meeting.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
