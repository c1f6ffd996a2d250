using Rake.Modules.Communications.Features.Plan;

namespace Rake.Modules.Communications.Features.AddPlanned;

internal sealed record PlannedRequest(
    [ScreenedText] string? What, [ScreenedText] string? Audience, [ScreenedText] string? CoreMessage, string? Channel,
    [ScreenedText] string? Timing, string? Responsible, [ScreenedText] string? SourceDecision);

internal sealed class PlannedRequestValidator : RequestValidator<PlannedRequest>
{
    public PlannedRequestValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.What, PlannedCommunication.TextMax);
        RequiredText(r => r.Audience, PlannedCommunication.TextMax);
        OptionalText(r => r.CoreMessage, PlannedCommunication.TextMax);
        RequiredText(r => r.Channel, PlannedCommunication.TextMax);
        OptionalText(r => r.Timing, PlannedCommunication.TextMax);
        OptionalText(r => r.Responsible, PlannedCommunication.TextMax);
        OptionalText(r => r.SourceDecision, PlannedCommunication.ShortMax);
    }
}

internal sealed class PlannedRequestMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<PlannedRequest, PlannedCommunication>()
            .IgnoreNonMapped(true)
            .Map(p => p.What, r => r.What!.Trim())
            .Map(p => p.Audience, r => CommValidation.Clean(r.Audience))
            .Map(p => p.CoreMessage, r => CommValidation.Clean(r.CoreMessage))
            .Map(p => p.Channel, r => CommValidation.Clean(r.Channel))
            .Map(p => p.Timing, r => CommValidation.Clean(r.Timing))
            .Map(p => p.Responsible, r => CommValidation.Clean(r.Responsible))
            .Map(p => p.SourceDecision, r => CommValidation.Clean(r.SourceDecision));
}

internal static class AddPlannedEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/planned-communications", async (PlannedRequest r, AddPlannedHandler h, HttpContext http, CancellationToken ct) =>
            {
                var created = await h.HandleAsync(r, ct);
                return Results.Created($"{http.Request.Path}/{created.Id}", created);
            })
            .WithTags("Communication plan")
            .RequireRegionRoles(CommRoles.Edit)
            .WithSummary("Plan a communication, e.g. from a decision.");
}

internal sealed class AddPlannedHandler(CommunicationsDbContext db, TimeProvider clock, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<PlannedDto> HandleAsync(PlannedRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var planned = new PlannedCommunication { Id = Guid.CreateVersion7(now), CreatedAt = now, Status = PlannedStatus.Planned };
        request.Adapt(planned, mapper.Config);
        db.Planned.Add(planned);
        await db.SaveChangesAsync(ct);
        return mapper.Map<PlannedDto>(planned);
    }
}
