using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Export;

namespace Rake.Modules.WorkingGroup.Features.CalendarSubscription;

/// <summary>
/// <c>GET /calendars/{region}/{secret}.ics</c>: a person's meetings for Outlook and Teams, which subscribe without a cookie.
/// The secret is the only credential, so this lives outside the signed-in region API (as the public Atom feed does): a
/// middleware added by a startup filter answers only this path. Every refusal is the same 404 — unknown region, unknown
/// or revoked secret, a person deactivated or no longer holding a role that reads meetings — so a calendar client stops
/// asking and nobody learns which part was wrong (docs/adr/0120).
/// </summary>
internal sealed partial class CalendarFeedStartupFilter : IStartupFilter
{
    /// <summary>Meetings older than this stay out: a feed polled every few hours should not grow for ever.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(400);

    [GeneratedRegex(@"^/calendars/(?<region>[a-z0-9-]{1,40})/(?<secret>[A-Za-z0-9_-]{43})\.ics$")]
    private static partial Regex FeedPath();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            var path = http.Request.Path.Value ?? "";
            if (!path.StartsWith("/calendars/", StringComparison.Ordinal))
            {
                await nextMiddleware(http);
                return;
            }
            var match = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? FeedPath().Match(path)
                : Match.Empty;
            var feed = match.Success ? await FeedAsync(http, match.Groups["region"].Value, match.Groups["secret"].Value) : null;
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            await (feed ?? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "No such calendar. Make a new address in Rake.")).ExecuteAsync(http);
        });
        next(app);
    };

    private static async Task<IResult?> FeedAsync(HttpContext http, string regionCode, string secret)
    {
        var ct = http.RequestAborted;
        var region = http.RequestServices.GetRequiredService<IRegionAccess>().Find(regionCode);
        if (region is null)
        {
            return null;
        }
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<RequestContext>();
        context.SetSystem(region.Id, "calendar-subscription");
        var db = services.GetRequiredService<WorkingGroupDbContext>();
        var hash = CalendarFeedAddress.Hash(secret);
        var subscription = await db.CalendarSubscriptions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAt == null, ct);
        if (subscription is null)
        {
            return null;
        }
        // Read again at every poll: a deactivated person holds no role anywhere, and a role taken away ends the feed at once.
        var people = services.GetRequiredService<IUserDirectory>();
        var roles = await people.RolesAsync(subscription.UserId, region.Id, ct);
        var person = await people.FindByIdAsync(subscription.UserId, ct);
        if (person is null || !WgRoles.Read.Any(roles.Contains))
        {
            return null;
        }
        context.SetUser(person.Id, person.UserName, roles);
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var from = now - History;
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.EndsAt >= from).ToListAsync(ct);
        // Only what the meetings page shows everyone who may read it: body, title, time, place and the online link.
        var events = meetings.Where(m => bodies.ContainsKey(m.BodyId)).OrderBy(m => m.StartsAt).Select(m => new ICalendar.Event(
            $"{m.Id}@{region.Id.Code}.rake", m.StartsAt, m.EndsAt, $"{bodies[m.BodyId]}: {m.Title}", m.Location, m.OnlineUrl,
            m.OnlineUrl is null ? null : $"Teams: {m.OnlineUrl}", m.Sequence, m.Status == MeetingStatus.Cancelled, m.UpdatedAt))
            .ToList();
        var texts = services.GetRequiredService<TextCatalog>();
        var regionName = region.Name(subscription.Language);
        var name = texts.GetIn(subscription.Language, "wg.subscription.calendarName", regionName);
        return FileDownload.Text(ICalendar.Write(name, now, events), ICalendar.ContentType, $"{name}.ics");
    }
}
