using Rake.BuildingBlocks.Export;

namespace Rake.Modules.WorkingGroup.Features.ViewBodies;

internal static class ViewBodiesEndpoints
{
    public const string Tag = "Working group: bodies";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/bodies", (ViewBodiesHandler h, CancellationToken ct) => h.BodiesAsync(ct))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(Tag).WithSummary("The region's bodies (working group, steering group, coordination team, network).");
        api.MapGet("/bodies/{id:guid}", (Guid id, ViewBodiesHandler h, CancellationToken ct) => h.BodyAsync(id, ct))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(Tag).WithSummary("A body with its members (roles, terms) and meetings.");
        api.MapGet("/bodies/{id:guid}/meetings", (Guid id, ViewBodiesHandler h, CancellationToken ct) => h.MeetingsAsync(id, ct))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags("Working group: meetings").WithSummary("The body's meetings, oldest first.");
        api.MapGet("/bodies/{id:guid}/meetings.ics", async (Guid id, ViewBodiesHandler h, IRequestContext actor, TimeProvider clock,
                CancellationToken ct) =>
            {
                var body = await h.BodyAsync(id, ct);
                var region = actor.RequireRegion().Code;
                var events = body.Meetings.OrderBy(m => m.StartsAt).Select(m => new ICalendar.Event(
                    $"{m.Id}@{region}.rake", m.StartsAt, m.EndsAt, $"{body.Body.Name}: {m.Title}", m.Location, m.OnlineUrl,
                    m.OnlineUrl is null ? null : $"Teams: {m.OnlineUrl}", m.Sequence, m.Status == nameof(MeetingStatus.Cancelled),
                    m.UpdatedAt)).ToList();
                return FileDownload.Text(ICalendar.Write(body.Body.Name, clock.GetUtcNow(), events), ICalendar.ContentType,
                    $"{body.Body.Name}.ics");
            })
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags("Working group: meetings")
            .WithSummary("The body's meetings as an iCalendar feed (RFC 5545, times in Europe/Helsinki with its VTIMEZONE).");
    }
}

/// <summary>The region's bodies, one body with its members and meetings, and a body's meetings.</summary>
internal sealed class ViewBodiesHandler(
    WorkingGroupDbContext db, WgLookup lookup, ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock)
{
    public async Task<IReadOnlyList<BodyDto>> BodiesAsync(CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Kind).ThenBy(b => b.Name).ToListAsync(ct);
        var result = new List<BodyDto>();
        foreach (var body in bodies)
        {
            result.Add(mapper.Map<BodyDto>(await lookup.BodyRowAsync(body, clock.GetUtcNow(), ct)));
        }
        return result;
    }

    public async Task<BodyDetailDto> BodyAsync(Guid id, CancellationToken ct)
    {
        var body = await lookup.BodyAsync(id, ct);
        var today = Helsinki.Today(clock);
        var members = await db.Members.AsNoTracking().Where(m => m.BodyId == id).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == id).OrderByDescending(m => m.StartsAt).ToListAsync(ct);
        return new BodyDetailDto(mapper.Map<BodyDto>(await lookup.BodyRowAsync(body, clock.GetUtcNow(), ct)),
            members.OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.CurrentCulture)
                .Select(m => mapper.Map<MemberDto>(new OnDay<BodyMember>(m, today))).ToList(),
            mapper.MapAll<MeetingSummaryDto>(meetings));
    }

    public async Task<IReadOnlyList<MeetingSummaryDto>> MeetingsAsync(Guid bodyId, CancellationToken ct)
    {
        await lookup.BodyAsync(bodyId, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == bodyId).OrderBy(m => m.StartsAt).ToListAsync(ct);
        return mapper.MapAll<MeetingSummaryDto>(meetings);
    }
}
