using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Persistence;

namespace Rake.Modules.Communications.Features.InfoSessions;

internal sealed record InfoSessionRequest(string? Kind, string? Title, DateTimeOffset? StartsAt, string? Location, string? Materials);

internal sealed record AttendanceRequest(int? Attendance);

internal sealed record InfoSessionDto(Guid Id, string Kind, string Title, DateTimeOffset StartsAt, string? Location, string? Materials, string MaterialsHtml, int? Attendance);

internal static class InfoSessionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/info-sessions").WithTags("Info sessions");
        g.MapGet("", (InfoSessionsHandler h, CancellationToken ct) => h.ListAsync(ct)).WithSummary("Staff and sector info sessions with materials and attendance; any role in the region may see them.");
        g.MapPost("", async (InfoSessionRequest r, InfoSessionsHandler h, HttpContext http, CancellationToken ct) =>
        {
            var created = await h.ScheduleAsync(r, null, ct);
            return Results.Created($"{http.Request.Path}/{created.Id}", created);
        }).WithSummary("Schedule an info session (StaffInfo after each reporting period, SectorInfo four times a year).");
        g.MapPut("/{id:guid}/attendance", (Guid id, AttendanceRequest r, InfoSessionsHandler h, CancellationToken ct) => h.RecordAttendanceAsync(id, r, ct))
            .WithSummary("Record how many took part.");
    }
}

internal sealed class InfoSessionsHandler(CommunicationsDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock)
{
    public async Task<IReadOnlyList<InfoSessionDto>> ListAsync(CancellationToken ct)
    {
        var rows = await db.InfoSessions.AsNoTracking().ToListAsync(ct);
        return rows.OrderByDescending(s => s.StartsAt).Select(ToDto).ToList();
    }

    public async Task<InfoSessionDto> ScheduleAsync(InfoSessionRequest request, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is null)
        {
            actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        }
        else if (await db.InfoSessions.FirstOrDefaultAsync(s => s.SourceKey == sourceKey, ct) is { } existing)
        {
            return ToDto(existing);
        }
        var errors = new ValidationErrors(texts);
        var kind = Publications.PublicationsHandler.Parse<InfoSessionKind>(errors, "kind", request.Kind, required: true);
        var title = errors.Text("title", request.Title, InfoSession.TitleMax);
        var location = errors.Text("location", request.Location, InfoSession.LocationMax, required: false);
        var materials = errors.Text("materials", request.Materials, InfoSession.MaterialsMax, required: false);
        if (request.StartsAt is null)
        {
            errors.AddText("startsAt", "validation.required");
        }
        else if (request.StartsAt.Value.Year is < 2000 or > 2100)
        {
            errors.AddText("startsAt", "communications.validation.date");
        }
        errors.ThrowIfAny();
        var session = new InfoSession
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Kind = kind!.Value,
            Title = title!,
            StartsAt = request.StartsAt!.Value.ToUniversalTime(),
            Location = location,
            Materials = materials,
            SourceKey = sourceKey,
        };
        db.InfoSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return ToDto(session);
    }

    public async Task<InfoSessionDto> RecordAttendanceAsync(Guid id, AttendanceRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        if (request.Attendance is null or < 0 or > 100000)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["attendance"] = [texts.Get("validation.range", 0, 100000)] });
        }
        var session = await db.InfoSessions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException($"No info session {id} in this region.");
        session.Attendance = request.Attendance;
        await db.SaveChangesAsync(ct);
        return ToDto(session);
    }

    private static InfoSessionDto ToDto(InfoSession s) =>
        new(s.Id, s.Kind.ToString(), s.Title, s.StartsAt, s.Location, s.Materials, MarkdownRenderer.ToHtml(s.Materials), s.Attendance);
}
