using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Persistence;

namespace Rake.Modules.Communications.Features.Feed;

/// <summary>
/// The public Atom feed of a region's published items in one channel, <c>GET /feeds/{region}/{channel}.atom</c>, for the
/// intranet (or website) to embed. It needs no sign-in, so it lives outside the signed-in region API group: a middleware
/// added by a startup filter answers only this path (docs/adr/0031). It shows only published items of that region.
/// </summary>
internal sealed partial class PublicFeedStartupFilter : IStartupFilter
{
    public const int MaxEntries = 50;

    [GeneratedRegex(@"^/feeds/(?<region>[a-z0-9-]{1,40})/(?<channel>[A-Za-z]{1,20})\.atom$")]
    private static partial Regex FeedPath();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            var match = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? FeedPath().Match(http.Request.Path.Value ?? "")
                : Match.Empty;
            if (!match.Success)
            {
                await nextMiddleware(http);
                return;
            }
            await WriteFeedAsync(http, match.Groups["region"].Value, match.Groups["channel"].Value);
        });
        next(app);
    };

    private static async Task WriteFeedAsync(HttpContext http, string regionCode, string channelText)
    {
        var regions = http.RequestServices.GetRequiredService<IRegionAccess>();
        var region = regions.Find(regionCode);
        if (region is null || !Enum.TryParse<PublicationChannel>(channelText, ignoreCase: true, out var channel)
            || channelText.All(char.IsAsciiDigit))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("No such feed.");
            return;
        }
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(region.Id, "public-feed");
        var db = scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var rows = await db.Publications.AsNoTracking()
            .Where(p => p.Channel == channel && p.Status == PublicationStatus.Published)
            .ToListAsync(http.RequestAborted);
        // A published text that holds an identity code (stored before the guard, or written around it) stays out of the feed.
        var entries = rows.Where(p => !StoredTextCheck.AnyIdentityCode(p.Title, p.Summary, p.Body, p.SourceDecision))
            .OrderByDescending(p => p.PublishedAt).Take(MaxEntries)
            .Select(p => new AtomEntry(p.Id, p.Title, p.Summary, MarkdownRenderer.ToHtml(p.Body), p.PublishedAt!.Value,
                p.UpdatedAt > p.PublishedAt.Value ? p.UpdatedAt : p.PublishedAt.Value, p.PublishedBy ?? region.NameFi, p.Language,
                p.Kind.ToString()))
            .ToList();
        var self = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}");
        var channelName = channel == PublicationChannel.Intranet ? "intranet" : "verkkosivu";
        var xml = AtomFeed.Write(self, $"{region.NameFi} – rakenteellinen sosiaalityö ({channelName})", region.NameFi, entries,
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        http.Response.ContentType = "application/atom+xml; charset=utf-8";
        http.Response.Headers.CacheControl = "public, max-age=60";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers.AccessControlAllowOrigin = "*";
        await http.Response.WriteAsync(xml, http.RequestAborted);
    }
}
