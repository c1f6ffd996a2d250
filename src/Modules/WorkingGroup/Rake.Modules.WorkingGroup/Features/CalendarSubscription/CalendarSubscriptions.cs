using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Rake.Modules.WorkingGroup.Features.CalendarSubscription;

/// <summary>What the person's subscription looks like without its secret (the secret is never shown again).</summary>
internal sealed record CalendarSubscriptionDto(bool Active, DateTimeOffset? CreatedAt);

/// <summary>A new subscription: the address with its secret, shown this once, and the same as a webcal:// link.</summary>
internal sealed record CreatedCalendarSubscriptionDto(string Url, string WebcalUrl, DateTimeOffset CreatedAt);

internal static class CalendarSubscriptionEndpoints
{
    public const string Tag = "Working group: calendar subscription";
    public const string Path = "/calendar-subscription";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet(Path, (CalendarSubscriptionHandler h, CancellationToken ct) => h.StatusAsync(ct))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(Tag).WithSummary("Whether the caller has a calendar address in this region, and since when (never the address).");
        api.MapPost(Path, async (CalendarSubscriptionHandler h, HttpContext http, CancellationToken ct) =>
            {
                var created = await h.CreateAsync(CalendarFeedAddress.BaseOf(http.Request), ct);
                return Results.Created($"{http.Request.Path}", created);
            })
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(Tag)
            .WithSummary("Makes the caller's secret calendar address for Outlook or Teams (shown only in this answer); "
                + "an address made before stops working.");
        api.MapDelete(Path, async (CalendarSubscriptionHandler h, TextCatalog texts, CancellationToken ct) =>
                await h.RevokeAsync(ct) ? Results.NoContent() : throw new NotFoundException(texts["wg.subscription.none"]))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(Tag).WithSummary("Revokes the caller's calendar address: it answers 404 from now on.");
    }
}

/// <summary>The address of a subscription: <c>/calendars/{region}/{secret}.ics</c>; the secret is 256 random bits.</summary>
internal static class CalendarFeedAddress
{
    public const int SecretBytes = 32;

    public static string BaseOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Url(string baseUrl, string region, string secret) => $"{baseUrl}/calendars/{region}/{secret}.ics";

    /// <summary>The same address for calendar programs that open webcal:// links (it always means HTTPS to them).</summary>
    public static string Webcal(string url) => "webcal://" + url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
}

/// <summary>The signed-in person's own subscription in the current region: see whether there is one, make one, revoke it.</summary>
internal sealed class CalendarSubscriptionHandler(WorkingGroupDbContext db, IRequestContext actor, TimeProvider clock)
{
    public async Task<CalendarSubscriptionDto> StatusAsync(CancellationToken ct)
    {
        var userId = actor.UserId!.Value;
        var active = await db.CalendarSubscriptions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .OrderByDescending(s => s.CreatedAt).FirstOrDefaultAsync(ct);
        return new(active is not null, active?.CreatedAt);
    }

    /// <summary>One address per person and region: making a new one revokes the old, so a leaked address is replaced in one step.</summary>
    public async Task<CreatedCalendarSubscriptionDto> CreateAsync(string baseUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await RevokeActiveAsync(now, ct);
        var secret = CalendarFeedAddress.NewSecret();
        db.CalendarSubscriptions.Add(new()
        {
            Id = Guid.CreateVersion7(now),
            UserId = actor.UserId!.Value,
            TokenHash = CalendarFeedAddress.Hash(secret),
            Language = TextCatalog.CurrentLanguage,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        var url = CalendarFeedAddress.Url(baseUrl, actor.RequireRegion().Code, secret);
        return new(url, CalendarFeedAddress.Webcal(url), now);
    }

    public async Task<bool> RevokeAsync(CancellationToken ct)
    {
        var revoked = await RevokeActiveAsync(clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return revoked;
    }

    private async Task<bool> RevokeActiveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var userId = actor.UserId!.Value;
        var active = await db.CalendarSubscriptions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(ct);
        foreach (var subscription in active)
        {
            subscription.RevokedAt = now;
        }
        return active.Count > 0;
    }
}
