namespace Rake.Modules.WorkingGroup.Features.AddAgendaItem;

/// <summary>An agenda item; without a kind it is <see cref="AgendaItemKind.Other"/>.</summary>
internal sealed record AddAgendaItemRequest(string? Kind, [ScreenedText] string? Title, [ScreenedText] string? Notes);

internal static class AddAgendaItemEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/agenda-items", async (Guid id, AddAgendaItemRequest request, AddAgendaItemHandler h,
                CancellationToken ct) => Results.Created($"meetings/{id}", await h.HandleAsync(id, request, sourceKey: null, ct)))
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(ViewMeetingEndpoints.Tag)
            .WithSummary("Add an agenda item (PlanReview, NominationsReview, Compilation, CurrentMatters, Other).");
}

internal sealed class AddAgendaItemValidator : WgValidator<AddAgendaItemRequest>
{
    public AddAgendaItemValidator(TextCatalog texts) : base(texts)
    {
        // Only a kind that is sent is checked: null means Other, but a blank one is refused as before.
        When(r => r.Kind is not null, () => OneOf<AgendaItemKind>(r => r.Kind));
        RequiredText(r => r.Title, Limits.Name);
        OptionalText(r => r.Notes, Limits.Text);
    }
}

/// <summary>Adds an item at the end of a meeting's agenda; a workflow run's <c>sourceKey</c> makes a retry add nothing more.</summary>
internal sealed class AddAgendaItemHandler(WorkingGroupDbContext db, WgLookup lookup, ModuleMapper<WorkingGroupModule> mapper)
{
    public async Task<AgendaItemDto> HandleAsync(Guid meetingId, AddAgendaItemRequest request, string? sourceKey, CancellationToken ct)
    {
        await lookup.MeetingAsync(meetingId, ct);
        if (sourceKey is not null && await db.AgendaItems.FirstOrDefaultAsync(a => a.SourceKey == sourceKey, ct) is { } existing)
        {
            return mapper.Map<AgendaItemDto>(existing);
        }
        var last = await db.AgendaItems.Where(a => a.MeetingId == meetingId).MaxAsync(a => (int?)a.Position, ct) ?? 0;
        var item = new AgendaItem
        {
            Id = Guid.CreateVersion7(),
            MeetingId = meetingId,
            Position = last + 1,
            Kind = request.Kind is null
                ? AgendaItemKind.Other
                : WgValidator<AddAgendaItemRequest>.Parse<AgendaItemKind>(request.Kind)!.Value,
            Title = request.Title!.Trim(),
            Notes = WgValidator<AddAgendaItemRequest>.Clean(request.Notes),
            SourceKey = sourceKey,
        };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(ct);
        return mapper.Map<AgendaItemDto>(item);
    }
}
