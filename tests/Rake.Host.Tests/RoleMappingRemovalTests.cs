using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// A role that leaves a region's group → role mapping leaves the people single sign-on gave it to, at their next sign-in
/// (docs/adr/0116). A provider and Host of their own: the test changes kymenlaakso's mapping.
/// </summary>
public sealed class RoleMappingRemovalTests(SignOnFixture fixture) : IClassFixture<SignOnFixture>
{
    private RakeTestHost Host => fixture.Host;
    private OidcProvider Provider => fixture.Provider;

    [Fact]
    public async Task A_role_taken_out_of_the_mapping_goes_at_the_next_sign_in_and_a_role_given_by_an_administrator_stays()
    {
        using var platform = await Host.ClientFor("platform-admin");
        await MapAsync(platform, SignOnFixture.Map("kymenlaakso-pros", "Professional"), SignOnFixture.Map("kymenlaakso-sups", "Supervisor"),
            SignOnFixture.Map("kymenlaakso-planners", "Planner"));
        var subject = $"ville-{Guid.NewGuid():N}"[..20];
        Provider.SetUser(subject, $"{subject}@kymenlaakso.example", "kymenlaakso-pros", "kymenlaakso-sups", "kymenlaakso-planners");
        var first = await Provider.SignInAsync(Host, "kymenlaakso", subject);
        Assert.Equal(["Planner", "Professional", "Supervisor"], await RolesAsync(first.Client));

        // A RegionAdmin gives Planner again by hand: from then on the role is theirs, not the provider's.
        var userId = await UserIdAsync(subject);
        using var admin = await Host.ClientFor("kymenlaakso-regionadmin");
        (await admin.DeleteAsync($"/api/v1/regions/kymenlaakso/people/{userId}/roles/Planner")).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/regions/kymenlaakso/people/{userId}/roles", new { role = "Planner" }))
            .EnsureSuccessStatusCode();

        // The PlatformAdmin takes Supervisor and Planner out of the mapping; the person is still in every group.
        await MapAsync(platform, SignOnFixture.Map("kymenlaakso-pros", "Professional"));
        var second = await Provider.SignInAsync(Host, "kymenlaakso", subject);
        Assert.Equal("/kymenlaakso", second.Location);
        Assert.Equal(["Planner", "Professional"], await RolesAsync(second.Client));

        await using var scope = Host.Services.CreateAsyncScope();
        var last = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries
            .Where(a => a.EntityId == userId.ToString()).OrderByDescending(a => a.At)
            .Select(a => $"{a.Actor} {a.Action} {a.ChangedProperties}").FirstAsync();
        Assert.Equal("single-sign-on RoleRevoked Supervisor", last);

        // Nothing more to take at the sign-in after that.
        var third = await Provider.SignInAsync(Host, "kymenlaakso", subject);
        Assert.Equal(["Planner", "Professional"], await RolesAsync(third.Client));
    }

    private async Task MapAsync(HttpClient platform, params object[] groupRoles)
    {
        var response = await platform.PutAsJsonAsync("/api/v1/platform/regions/kymenlaakso", new
        {
            nameFi = "Kymenlaakson hyvinvointialue",
            identityProvider = Provider.ProviderSettings("kymenlaakso", groupRoles),
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<Guid> UserIdAsync(string subject)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>().FindByLoginAsync(Provider.Issuer, subject);
        return Assert.IsType<RakeUser>(user).Id;
    }

    private static async Task<List<string>> RolesAsync(HttpClient client)
    {
        var regions = await client.GetFromJsonAsync<JsonArray>("/api/v1/regions");
        var entry = regions!.SingleOrDefault(r => r!["code"]!.GetValue<string>() == "kymenlaakso");
        return entry is null ? [] : entry["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Order().ToList();
    }
}
