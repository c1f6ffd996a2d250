using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Host.Tests;

/// <summary>
/// The secret calendar address Outlook and Teams subscribe to without a cookie (docs/adr/0120): it answers while the person
/// may read meetings, and 404 once revoked, replaced, used in another region, or when the person leaves or loses the role.
/// A Host of its own: these tests take roles away and deactivate accounts.
/// </summary>
public sealed class CalendarSubscriptionTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private const string Path = "calendar-subscription";

    private RakeTestHost Host => fixture.Host;

    private static string Api(string region) => $"/api/v1/regions/{region}";

    private static async Task<JsonObject> CreateAsync(HttpClient client, string region)
    {
        var response = await client.PostAsync($"{Api(region)}/{Path}", null);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string Url(JsonObject created) => created["url"]!.GetValue<string>();

    private static string Secret(JsonObject created) =>
        Url(created).Split('/').Last().Replace(".ics", "", StringComparison.Ordinal);

    private async Task<HttpResponseMessage> FeedAsync(string url)
    {
        using var anonymous = Host.Anonymous();
        return await anonymous.GetAsync(new Uri(url).PathAndQuery);
    }

    private async Task AssertGoneAsync(string url)
    {
        var response = await FeedAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_address_serves_the_meetings_without_a_cookie_until_it_is_revoked()
    {
        using var responsible = await Host.ClientFor("kainuu-responsibleperson");
        using var member = await Host.ClientFor("kainuu-workinggroupmember");
        var body = await WorkingGroupApiTests.CreateBodyAsync(responsible, "kainuu", "WorkingGroup",
            $"Työryhmä Ääni {Guid.NewGuid():N}"[..24]);
        var bodyName = body["name"]!.GetValue<string>();
        await WorkingGroupApiTests.ScheduleAsync(responsible, "kainuu", body["id"]!.GetValue<Guid>(),
            DateTimeOffset.UtcNow.AddDays(3), "Kalenteritilauksen kokous");

        var before = await member.GetFromJsonAsync<JsonObject>($"{Api("kainuu")}/{Path}");
        var created = await CreateAsync(member, "kainuu");
        var url = Url(created);
        Assert.StartsWith($"{Host.BaseAddress.TrimEnd('/')}/calendars/kainuu/", url);
        Assert.Equal("webcal://" + url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..], created["webcalUrl"]!.GetValue<string>());
        Assert.Equal(43, Secret(created).Length);

        var feed = await FeedAsync(url);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        Assert.Contains("filename*=UTF-8''", feed.Content.Headers.ContentDisposition!.ToString());
        Assert.Contains("no-store", feed.Headers.CacheControl!.ToString());
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        Assert.Contains(calendar.Events, e => e.Summary == $"{bodyName}: Kalenteritilauksen kokous");
        Assert.Equal("RAKE-kokoukset – Kainuun hyvinvointialue", calendar.Properties["X-WR-CALNAME"]?.Value);

        var status = (await member.GetFromJsonAsync<JsonObject>($"{Api("kainuu")}/{Path}"))!;
        Assert.False(before!["active"]!.GetValue<bool>());
        Assert.True(status["active"]!.GetValue<bool>());
        Assert.DoesNotContain(Secret(created), status.ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync($"{Api("kainuu")}/{Path}")).StatusCode);
        await AssertGoneAsync(url);
        await Reports.ReadProblemAsync(await member.DeleteAsync($"{Api("kainuu")}/{Path}"), HttpStatusCode.NotFound);
        Assert.False((await member.GetFromJsonAsync<JsonObject>($"{Api("kainuu")}/{Path}"))!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_new_address_replaces_the_old_one_and_only_a_hash_of_the_secret_is_stored_and_audited()
    {
        var (id, userName) = await Host.CreateAccountAsync("cal-hash");
        using var admin = await Host.ClientFor("kymenlaakso-regionadmin");
        (await admin.PostAsJsonAsync($"{Api("kymenlaakso")}/people/{id}/roles", new { role = "SteeringGroupMember" }))
            .EnsureSuccessStatusCode();
        using var person = await Host.ClientFor(userName);

        var first = await CreateAsync(person, "kymenlaakso");
        var second = await CreateAsync(person, "kymenlaakso");
        await AssertGoneAsync(Url(first));
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(Url(second))).StatusCode);

        await using var scope = Host.RegionScope("kymenlaakso");
        var db = scope.ServiceProvider.GetRequiredService<WorkingGroupDbContext>();
        var rows = await db.CalendarSubscriptions.AsNoTracking().Where(s => s.UserId == id).OrderBy(s => s.CreatedAt).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.NotNull(rows[0].RevokedAt);
        Assert.Null(rows[1].RevokedAt);
        var secret = Secret(second);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), rows[1].TokenHash);
        foreach (var row in rows)
        {
            // No column of the row holds a secret, whole or in part.
            foreach (var value in db.Entry(row).Properties.Select(p => p.CurrentValue?.ToString() ?? ""))
            {
                Assert.DoesNotContain(secret[..16], value);
                Assert.DoesNotContain(Secret(first)[..16], value);
            }
        }
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "CalendarSubscription").ToListAsync();
        Assert.Contains(audit, a => a.EntityId == rows[0].Id.ToString() && a.Action == "Added" && a.Actor == userName);
        Assert.Contains(audit, a => a.EntityId == rows[0].Id.ToString() && a.Action == "Modified" && a.Actor == userName
            && a.ChangedProperties.Contains("RevokedAt", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityId == rows[1].Id.ToString() && a.Action == "Added");
    }

    [Fact]
    public async Task A_secret_opens_only_its_own_region_and_person_and_a_guessed_one_nothing()
    {
        using var kainuu = await Host.ClientFor("kainuu-steeringgroupmember");
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-workinggroupmember");
        var kainuuUrl = Url(await CreateAsync(kainuu, "kainuu"));
        var kymenlaaksoUrl = Url(await CreateAsync(kymenlaakso, "kymenlaakso"));

        // The same secret under the other region's path, and made-up or malformed secrets.
        await AssertGoneAsync(kainuuUrl.Replace("/calendars/kainuu/", "/calendars/kymenlaakso/", StringComparison.Ordinal));
        await AssertGoneAsync(kymenlaaksoUrl.Replace("/calendars/kymenlaakso/", "/calendars/kainuu/", StringComparison.Ordinal));
        await AssertGoneAsync(kainuuUrl.Replace("/calendars/kainuu/", "/calendars/nowhere/", StringComparison.Ordinal));
        var guessed = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await AssertGoneAsync($"{Host.BaseAddress.TrimEnd('/')}/calendars/kainuu/{guessed}.ics");
        await AssertGoneAsync($"{Host.BaseAddress.TrimEnd('/')}/calendars/kainuu/{Secret(new() { ["url"] = kainuuUrl })[..20]}.ics");

        // Another person revoking their own address leaves this one working; a role that reads no meetings makes none.
        using var other = await Host.ClientFor("kainuu-responsibleperson");
        await CreateAsync(other, "kainuu");
        Assert.Equal(HttpStatusCode.NoContent, (await other.DeleteAsync($"{Api("kainuu")}/{Path}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(kainuuUrl)).StatusCode);
        using var professional = await Host.ClientFor("kainuu-professional");
        await Reports.ReadProblemAsync(await professional.PostAsync($"{Api("kainuu")}/{Path}", null), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await kainuu.PostAsync($"{Api("kymenlaakso")}/{Path}", null), HttpStatusCode.Forbidden);
        using var anonymous = Host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Api("kainuu")}/{Path}", null)).StatusCode);
    }

    [Fact]
    public async Task The_address_stops_when_the_person_loses_the_role_or_is_deactivated()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var (roleId, roleUser) = await Host.CreateAccountAsync("cal-role");
        var (leaverId, leaverUser) = await Host.CreateAccountAsync("cal-leaver");
        foreach (var id in new[] { roleId, leaverId })
        {
            (await admin.PostAsJsonAsync($"{Api("kainuu")}/people/{id}/roles", new { role = "WorkingGroupMember" }))
                .EnsureSuccessStatusCode();
        }
        using var roleClient = await Host.ClientFor(roleUser);
        using var leaverClient = await Host.ClientFor(leaverUser);
        var roleUrl = Url(await CreateAsync(roleClient, "kainuu"));
        var leaverUrl = Url(await CreateAsync(leaverClient, "kainuu"));
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(roleUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(leaverUrl)).StatusCode);

        // Professional reads no meetings: with only that role left the address answers 404.
        (await admin.PostAsJsonAsync($"{Api("kainuu")}/people/{roleId}/roles", new { role = "Professional" })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"{Api("kainuu")}/people/{roleId}/roles/WorkingGroupMember")).EnsureSuccessStatusCode();
        await AssertGoneAsync(roleUrl);

        (await admin.PostAsync($"{Api("kainuu")}/people/{leaverId}/deactivation", null)).EnsureSuccessStatusCode();
        await AssertGoneAsync(leaverUrl);
    }
}
