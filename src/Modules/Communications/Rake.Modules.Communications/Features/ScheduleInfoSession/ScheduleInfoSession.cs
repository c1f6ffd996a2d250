using Rake.Modules.Communications.Features.InfoSessions;

namespace Rake.Modules.Communications.Features.ScheduleInfoSession;

internal sealed record InfoSessionRequest(
    string? Kind, [ScreenedText] string? Title, DateTimeOffset? StartsAt, [ScreenedText] string? Location,
    [ScreenedText] string? Materials);

internal sealed class InfoSessionRequestValidator : RequestValidator<InfoSessionRequest>
{
    public InfoSessionRequestValidator(TextCatalog texts) : base(texts)
    {
        this.OneOf<InfoSessionRequest, InfoSessionKind>(texts, r => r.Kind, required: true);
        RequiredText(r => r.Title, InfoSession.TitleMax);
        Required(r => r.StartsAt);
        RuleFor(r => r.StartsAt).Must(s => s is null || s.Value.Year is >= 2000 and <= 2100)
            .WithMessage(_ => Texts["communications.validation.date"]);
        OptionalText(r => r.Location, InfoSession.LocationMax);
        OptionalText(r => r.Materials, InfoSession.MaterialsMax);
    }
}

internal sealed class InfoSessionRequestMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<InfoSessionRequest, InfoSession>()
            .IgnoreNonMapped(true)
            .Map(s => s.Kind, r => CommValidation.Parse<InfoSessionKind>(r.Kind)!.Value)
            .Map(s => s.Title, r => r.Title!.Trim())
            .Map(s => s.StartsAt, r => r.StartsAt!.Value.ToUniversalTime())
            .Map(s => s.Location, r => CommValidation.Clean(r.Location))
            .Map(s => s.Materials, r => CommValidation.Clean(r.Materials));
}

internal static class ScheduleInfoSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/info-sessions", async (InfoSessionRequest r, ScheduleInfoSessionHandler h, HttpContext http, CancellationToken ct) =>
            {
                var created = await h.HandleAsync(r, null, ct);
                return Results.Created($"{http.Request.Path}/{created.Id}", created);
            })
            .WithTags("Info sessions")
            .RequireRegionRoles(CommRoles.Edit)
            .WithSummary("Schedule an info session (StaffInfo after each reporting period, SectorInfo four times a year).");
}

internal sealed class ScheduleInfoSessionHandler(CommunicationsDbContext db, TimeProvider clock, ModuleMapper<CommunicationsModule> mapper)
{
    /// <summary>
    /// Schedules a session. A workflow activity passes its <paramref name="sourceKey"/>, and a retried run gets the
    /// session it scheduled before instead of a second one.
    /// </summary>
    public async Task<InfoSessionDto> HandleAsync(InfoSessionRequest request, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await db.InfoSessions.FirstOrDefaultAsync(s => s.SourceKey == sourceKey, ct) is { } existing)
        {
            return mapper.Map<InfoSessionDto>(existing);
        }
        var session = new InfoSession { Id = Guid.CreateVersion7(clock.GetUtcNow()), SourceKey = sourceKey };
        request.Adapt(session, mapper.Config);
        db.InfoSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return mapper.Map<InfoSessionDto>(session);
    }
}
