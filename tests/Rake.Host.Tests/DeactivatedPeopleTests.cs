using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// A deactivated person is offered by no picker and a deactivated account's token opens no platform endpoint
/// (docs/adr/0115). A Host of its own: these tests deactivate accounts.
/// </summary>
public sealed class DeactivatedPeopleTests(PeopleHost fixture) : IClassFixture<PeopleHost>
{
    private RakeTestHost Host => fixture.Host;

    private static string People(string region) => $"/api/v1/regions/{region}/people";

    [Fact]
    public async Task A_leaver_is_no_longer_offered_as_a_supervisor_nor_accepted_as_one_on_a_report()
    {
        var (id, userName) = await Host.CreateAccountAsync("sup-leaver");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        (await admin.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Supervisor" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync("/api/v1/regions/kainuu/supervisors", new { userName, serviceArea = "adults" })).StatusCode);
        using var professional = await Host.ClientFor("kainuu-professional");
        Assert.Contains(userName, await OfferedSupervisorsAsync(professional));

        (await admin.PostAsync($"{People("kainuu")}/{id}/deactivation", null)).EnsureSuccessStatusCode();

        Assert.DoesNotContain(userName, await OfferedSupervisorsAsync(professional));
        Assert.Contains("kainuu-supervisor", await OfferedSupervisorsAsync(professional));
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/supervisors"))!,
            s => s!["userName"]!.GetValue<string>() == userName);
        var body = Reports.Valid("kainuu");
        body["supervisor"] = userName;
        var problem = await Reports.ReadProblemAsync(
            await professional.PostAsJsonAsync("/api/v1/regions/kainuu/social-reports", body), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["supervisor"]);
        Assert.Single(problem["errors"]!.AsObject());
    }

    [Fact]
    public async Task A_deactivated_account_holds_no_role_in_the_user_directory_even_where_role_rows_remain()
    {
        var (id, userName) = await Host.CreateAccountAsync("dir-leaver");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        (await admin.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Supervisor" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/regions/kainuu/supervisors", new { userName, serviceArea = "adults" }))
            .EnsureSuccessStatusCode();
        var kainuu = new RegionId("kainuu");
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
            Assert.Contains(RegionRole.Supervisor, await directory.RolesAsync(id, kainuu, CancellationToken.None));
            Assert.Contains(await directory.UsersInRoleAsync(kainuu, RegionRole.Supervisor, CancellationToken.None), u => u.Id == id);
            // Deactivated another way than a region's leaver flow (an operator, an older version): the role rows stay.
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.DeactivatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
            Assert.True(await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().RegionRoles.AnyAsync(r => r.UserId == id));
            Assert.Empty(await directory.RolesAsync(id, kainuu, CancellationToken.None));
            Assert.DoesNotContain(await directory.UsersInRoleAsync(kainuu, RegionRole.Supervisor, CancellationToken.None),
                u => u.Id == id);
            Assert.NotNull(await directory.FindByIdAsync(id, CancellationToken.None));
        }
        using var professional = await Host.ClientFor("kainuu-professional");
        Assert.DoesNotContain(userName, await OfferedSupervisorsAsync(professional));
        // A body's member is picked by user name; a deactivated account is not found among the region's people.
        await using (var scope = Host.RegionScope("kainuu"))
        {
            var lookup = scope.ServiceProvider.GetRequiredService<Rake.Modules.WorkingGroup.Features.WgLookup>();
            Assert.Null(await lookup.RegionUserAsync(userName, CancellationToken.None));
            Assert.NotNull(await lookup.RegionUserAsync("kainuu-supervisor", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_deactivated_platform_administrators_token_is_refused_by_the_platform_api()
    {
        var (id, userName) = await Host.CreateAccountAsync("plat-leaver");
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            Assert.True((await users.AddClaimAsync(user, new Claim(PlatformRoles.ClaimType, PlatformRoles.PlatformAdmin))).Succeeded);
        }
        using var platform = await Host.ClientFor(userName);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync("/api/v1/platform/regions")).StatusCode);

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            (await db.Users.SingleAsync(u => u.Id == id)).DeactivatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        await Reports.ReadProblemAsync(await platform.GetAsync("/api/v1/platform/regions"), HttpStatusCode.Unauthorized);
        await Reports.ReadProblemAsync(await platform.PostAsJsonAsync("/api/v1/platform/regions",
            new { code = "lappi", nameFi = "Lapin hyvinvointialue" }), HttpStatusCode.Unauthorized);
        using var active = await Host.ClientFor("platform-admin");
        Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/api/v1/platform/regions")).StatusCode);
        Assert.DoesNotContain((await active.GetFromJsonAsync<JsonArray>("/api/v1/platform/regions"))!,
            r => r!["code"]!.GetValue<string>() == "lappi");
    }

    private static async Task<List<string>> OfferedSupervisorsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/social-report-form"))!["supervisors"]!.AsArray()
            .Select(s => s!["userName"]!.GetValue<string>()).ToList();
}
