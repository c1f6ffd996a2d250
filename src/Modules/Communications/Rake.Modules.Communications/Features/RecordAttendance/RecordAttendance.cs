using Rake.Modules.Communications.Features.InfoSessions;

namespace Rake.Modules.Communications.Features.RecordAttendance;

internal sealed record AttendanceRequest(int? Attendance);

internal sealed class AttendanceRequestValidator : RequestValidator<AttendanceRequest>
{
    public const int MaxAttendance = 100000;

    public AttendanceRequestValidator(TextCatalog texts) : base(texts) =>
        RuleFor(r => r.Attendance).Must(a => a is >= 0 and <= MaxAttendance)
            .WithMessage(_ => Texts.Get("validation.range", 0, MaxAttendance));
}

internal static class RecordAttendanceEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/info-sessions/{id:guid}/attendance", (Guid id, AttendanceRequest r, RecordAttendanceHandler h, CancellationToken ct) =>
                h.HandleAsync(id, r, ct))
            .WithTags("Info sessions")
            .RequireRegionRoles(CommRoles.Edit)
            .WithSummary("Record how many took part.");
}

internal sealed class RecordAttendanceHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<InfoSessionDto> HandleAsync(Guid id, AttendanceRequest request, CancellationToken ct)
    {
        var session = await db.InfoSessions.FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException($"No info session {id} in this region.");
        session.Attendance = request.Attendance;
        await db.SaveChangesAsync(ct);
        return mapper.Map<InfoSessionDto>(session);
    }
}
