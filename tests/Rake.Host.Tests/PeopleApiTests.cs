using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.Host.Platform;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Host.Tests;

/// <summary>A Host of its own: these tests deactivate accounts and change the regions' administrators.</summary>
public sealed class PeopleHost : IAsyncLifetime
{
    public RakeTestHost Host { get; private set; } = default!;

    public async Task InitializeAsync() => Host = await RakeTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>People and roles in the region API (docs/adr/0099): roles given and removed with an audit trail, regions kept apart,
/// leavers refused everywhere, their open items handed over.</summary>
public sealed class PeopleApiTests(PeopleHost fixture) : IClassFixture<PeopleHost>
{
    private RakeTestHost Host => fixture.Host;

    private static string People(string region) => $"/api/v1/regions/{region}/people";

    [Fact]
    public async Task A_role_given_and_removed_is_written_to_the_audit_trail_and_the_persons_history()
    {
        var (id, userName) = await Host.CreateAccountAsync("audit");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var given = await admin.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Supervisor" });
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        Assert.Equal(["Supervisor"], Roles(await given.Content.ReadFromJsonAsync<JsonObject>()));
        await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Supervisor" }), HttpStatusCode.Conflict);

        var found = await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}?search={userName}&role=Supervisor");
        Assert.Equal(id, Assert.Single(found!["items"]!.AsArray())!["id"]!.GetValue<Guid>());

        var removed = await admin.DeleteAsync($"{People("kainuu")}/{id}/roles/Supervisor");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty(Roles(await removed.Content.ReadFromJsonAsync<JsonObject>()));

        var trail = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/regions/kainuu/audit?entityId={id}");
        var actions = trail!.Select(e => $"{e!["module"]}:{e["actor"]}:{e["action"]}:{e["changedProperties"]}").ToList();
        Assert.Equal(["platform:kainuu-regionadmin:RoleRevoked:Supervisor", "platform:kainuu-regionadmin:RoleGranted:Supervisor"], actions);
        var person = await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{id}");
        Assert.Equal(["RoleRevoked", "RoleGranted"], person!["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()));
        // Removed from every role, the person is still one of the region's people, found by a part of the name.
        found = await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}?search={userName[..8]}");
        Assert.Contains(found!["items"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_other_roles_are_refused()
    {
        var (id, _) = await Host.CreateAccountAsync("bad");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var unknownRole = await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Emperor" }), HttpStatusCode.BadRequest);
        Assert.NotNull(unknownRole["errors"]!["role"]);
        var badPage = await Reports.ReadProblemAsync(
            await admin.GetAsync($"{People("kainuu")}?pageSize=0&role=1"), HttpStatusCode.BadRequest);
        Assert.NotNull(badPage["errors"]!["pageSize"]);
        Assert.NotNull(badPage["errors"]!["role"]);
        var noTarget = await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync($"{People("kainuu")}/{id}/hand-over", new { }), HttpStatusCode.BadRequest);
        Assert.NotNull(noTarget["errors"]!["toUserId"]);

        using var professional = await Host.ClientFor("kainuu-professional");
        await Reports.ReadProblemAsync(await professional.GetAsync(People("kainuu")), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(
            await professional.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "RegionAdmin" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_name_with_a_and_o_umlauts_is_found_in_either_case_on_both_databases()
    {
        var (id, _) = await Host.CreateAccountAsync("umlaut");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            user.DisplayName = $"Hämäläinen Åsa Öhman {tag}";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        (await admin.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Professional" })).EnsureSuccessStatusCode();

        // SQLite's own upper() leaves ä, å and ö as they are; the search must not depend on it.
        foreach (var search in new[] { $"hämäläinen åsa öhman {tag}", $"HÄMÄLÄINEN ÅSA ÖHMAN {tag}", $"äinen åsa ö" })
        {
            var found = await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}?search={Uri.EscapeDataString(search)}");
            Assert.Contains(found!["items"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == id);
        }
    }

    [Fact]
    public async Task A_removed_role_or_a_deactivation_takes_effect_at_the_next_request_though_the_roles_were_just_read()
    {
        // The gate's answers are cached per person and region (docs/adr/0196); every change path on this Host empties it.
        var (id, userName) = await Host.CreateAccountAsync("cached");
        using var kainuu = await Host.ClientFor("kainuu-regionadmin");
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-regionadmin");
        (await kainuu.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Professional" })).EnsureSuccessStatusCode();
        (await kymenlaakso.PostAsJsonAsync($"{People("kymenlaakso")}/{id}/roles", new { role = "Professional" })).EnsureSuccessStatusCode();
        using var person = await Host.ClientFor(userName);
        const string Own = "me/notification-settings";
        (await person.GetAsync($"/api/v1/regions/kainuu/{Own}")).EnsureSuccessStatusCode();
        (await person.GetAsync($"/api/v1/regions/kymenlaakso/{Own}")).EnsureSuccessStatusCode();

        (await kainuu.DeleteAsync($"{People("kainuu")}/{id}/roles/Professional")).EnsureSuccessStatusCode();
        await Reports.ReadProblemAsync(await person.GetAsync($"/api/v1/regions/kainuu/{Own}"), HttpStatusCode.Forbidden);
        // Kainuu's change leaves the person's Kymenlaakso role as it was.
        (await person.GetAsync($"/api/v1/regions/kymenlaakso/{Own}")).EnsureSuccessStatusCode();
        (await person.GetAsync($"/api/v1/regions/kymenlaakso/{Own}")).EnsureSuccessStatusCode();

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            // Deactivated from outside the people API (as Identity's own saves would): the token is refused at once.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var user = await users.FindByIdAsync(id.ToString());
            user!.DeactivatedAt = DateTimeOffset.UtcNow;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync($"/api/v1/regions/kymenlaakso/{Own}")).StatusCode);
    }

    [Fact]
    public async Task A_kymenlaakso_admin_cannot_see_or_touch_kainuu_roles()
    {
        var (id, userName) = await Host.CreateAccountAsync("cross");
        using var kainuu = await Host.ClientFor("kainuu-regionadmin");
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-regionadmin");
        (await kainuu.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Professional" })).EnsureSuccessStatusCode();

        // Kymenlaakso's list does not hold the Kainuu person (found only by the exact user name, without Kainuu's roles).
        var byPart = await kymenlaakso.GetFromJsonAsync<JsonObject>($"{People("kymenlaakso")}?search={userName[..8]}");
        Assert.DoesNotContain(byPart!["items"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == id);
        var exact = await kymenlaakso.GetFromJsonAsync<JsonObject>($"{People("kymenlaakso")}?search={userName}");
        Assert.Empty(Assert.Single(exact!["items"]!.AsArray())!["roles"]!.AsArray());
        Assert.Empty(Roles(await kymenlaakso.GetFromJsonAsync<JsonObject>($"{People("kymenlaakso")}/{id}")));

        await Reports.ReadProblemAsync(
            await kymenlaakso.DeleteAsync($"{People("kymenlaakso")}/{id}/roles/Professional"), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(
            await kymenlaakso.PostAsync($"{People("kymenlaakso")}/{id}/deactivation", null), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kymenlaakso.GetAsync($"{People("kainuu")}/{id}"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(
            await kymenlaakso.DeleteAsync($"{People("kainuu")}/{id}/roles/Professional"), HttpStatusCode.Forbidden);

        // A person working in both regions who leaves Kymenlaakso keeps Kainuu: only Kymenlaakso's roles go, the account stays.
        (await kymenlaakso.PostAsJsonAsync($"{People("kymenlaakso")}/{id}/roles", new { role = "Supervisor" })).EnsureSuccessStatusCode();
        var left = await kymenlaakso.PostAsync($"{People("kymenlaakso")}/{id}/deactivation", null);
        var result = await left.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.False(result!["accountDeactivated"]!.GetValue<bool>());
        Assert.Equal(["Supervisor"], result["removedRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["Professional"], Roles(await kainuu.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{id}")));
        Assert.True((await kainuu.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{id}"))!["active"]!.GetValue<bool>());
        // Kainuu's history shows nothing of what Kymenlaakso did.
        Assert.Equal(["RoleGranted"], (await kainuu.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{id}"))!["history"]!.AsArray()
            .Select(h => h!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_regions_last_administrator_cannot_be_removed_nor_deactivate_themselves()
    {
        using var admin = await Host.ClientFor("keski-suomi-regionadmin");
        var me = (await admin.GetFromJsonAsync<JsonObject>($"{People("keski-suomi")}?search=keski-suomi-regionadmin"))!["items"]![0]!;
        var id = me["id"]!.GetValue<Guid>();
        var own = await Reports.ReadProblemAsync(
            await admin.DeleteAsync($"{People("keski-suomi")}/{id}/roles/RegionAdmin"), HttpStatusCode.Conflict);
        Assert.Contains("pääkäyttäjä", own["detail"]!.GetValue<string>());
        await Reports.ReadProblemAsync(await admin.PostAsync($"{People("keski-suomi")}/{id}/deactivation", null), HttpStatusCode.Conflict);
        Assert.Contains("RegionAdmin", Roles(await admin.GetFromJsonAsync<JsonObject>($"{People("keski-suomi")}/{id}")));

        // While another administrator remains, an administrator role can be removed.
        var (second, _) = await Host.CreateAccountAsync("admin2");
        (await admin.PostAsJsonAsync($"{People("keski-suomi")}/{second}/roles", new { role = "RegionAdmin" })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"{People("keski-suomi")}/{second}/roles/RegionAdmin")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_deactivated_person_is_refused_by_password_sign_in_and_their_existing_token_by_the_api()
    {
        var (id, userName) = await Host.CreateAccountAsync("leaver");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        (await admin.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Professional" })).EnsureSuccessStatusCode();
        using var leaver = await Host.ClientFor(userName);
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/v1/regions/kainuu/categories")).StatusCode);
        string stampBefore;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            stampBefore = (await users.FindByIdAsync(id.ToString()))!.SecurityStamp!;
        }

        var response = await admin.PostAsync($"{People("kainuu")}/{id}/deactivation", null);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(result!["accountDeactivated"]!.GetValue<bool>());

        await Reports.ReadProblemAsync(await leaver.GetAsync("/api/v1/regions/kainuu/categories"), HttpStatusCode.Unauthorized);
        Assert.Empty((await leaver.GetFromJsonAsync<JsonArray>("/api/v1/regions"))!);
        using var anonymous = Host.Anonymous();
        await Reports.ReadProblemAsync(
            await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = RakeTestHost.Password }),
            HttpStatusCode.Unauthorized);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            Assert.NotEqual(stampBefore, user.SecurityStamp);
            Assert.Equal("kainuu-regionadmin", user.DeactivatedBy);
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<RakeUser>>();
            // What every sign-in path asks before it signs anyone in (password form, token endpoint, single sign-on).
            Assert.False(await signIn.CanSignInAsync(user));
        }
        // A deactivated account gets no role until it is taken back into use.
        await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync($"{People("kainuu")}/{id}/roles", new { role = "Professional" }), HttpStatusCode.Conflict);
        var back = await admin.DeleteAsync($"{People("kainuu")}/{id}/deactivation");
        Assert.True((await back.Content.ReadFromJsonAsync<JsonObject>())!["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK,
            (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = RakeTestHost.Password })).StatusCode);
        var history = (await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{id}"))!["history"]!.AsArray()
            .Select(h => h!["action"]!.GetValue<string>());
        Assert.Equal(["Reactivated", "Deactivated", "RoleRevoked", "RoleGranted"], history);
    }

    [Fact]
    public async Task A_leavers_open_assignments_are_listed_and_handed_to_another_active_person()
    {
        var (leaverId, _) = await Host.CreateAccountAsync("handfrom");
        var (takerId, takerName) = await Host.CreateAccountAsync("handto");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        (await admin.PostAsJsonAsync($"{People("kainuu")}/{leaverId}/roles", new { role = "WorkingGroupMember" }))
            .EnsureSuccessStatusCode();
        var open = await AddAssignmentAsync("kainuu", leaverId, AssignmentStatus.Open);
        var done = await AddAssignmentAsync("kainuu", leaverId, AssignmentStatus.Done);
        var otherRegion = await AddAssignmentAsync("kymenlaakso", leaverId, AssignmentStatus.Open);

        var person = await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{leaverId}");
        var item = Assert.Single(person!["openItems"]!.AsArray())!;
        Assert.Equal(open.ToString(), item["id"]!.GetValue<string>());
        Assert.Equal("Assignment", item["kind"]!.GetValue<string>());

        // The taker must be active and hold a role here.
        await Reports.ReadProblemAsync(
            await admin.PostAsJsonAsync($"{People("kainuu")}/{leaverId}/hand-over", new { toUserId = takerId }), HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync($"{People("kainuu")}/{takerId}/roles", new { role = "WorkingGroupMember" })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{People("kainuu")}/{leaverId}/deactivation", null)).EnsureSuccessStatusCode();
        var handed = await admin.PostAsJsonAsync($"{People("kainuu")}/{leaverId}/hand-over", new { toUserId = takerId });
        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        Assert.Single((await handed.Content.ReadFromJsonAsync<JsonObject>())!["handedOver"]!.AsArray());

        await using (var scope = Host.RegionScope("kainuu"))
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkingGroupDbContext>();
            var moved = await db.Assignments.SingleAsync(a => a.Id == open);
            Assert.Equal((takerId, takerName), (moved.AssigneeId, moved.AssigneeUserName));
            Assert.Equal(leaverId, (await db.Assignments.SingleAsync(a => a.Id == done)).AssigneeId);
            Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == open.ToString()).Select(a => a.ChangedProperties).ToListAsync(),
                c => c.Contains("AssigneeId"));
        }
        await using (var scope = Host.RegionScope("kymenlaakso"))
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkingGroupDbContext>();
            Assert.Equal(leaverId, (await db.Assignments.SingleAsync(a => a.Id == otherRegion)).AssigneeId);
        }
        Assert.Empty((await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{leaverId}"))!["openItems"]!.AsArray());
        var trail = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/regions/kainuu/audit?entityId={leaverId}");
        Assert.Contains(trail!, e => e!["action"]!.GetValue<string>() == "HandedOver"
            && e["changedProperties"]!.GetValue<string>() == $"{takerName}:WorkingGroup.Assignment×1");
    }

    private async Task<Guid> AddAssignmentAsync(string region, Guid assignee, AssignmentStatus status)
    {
        await using var scope = Host.RegionScope(region);
        var db = scope.ServiceProvider.GetRequiredService<WorkingGroupDbContext>();
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(),
            Title = $"Selvitys {Guid.NewGuid():N}"[..20],
            AssigneeId = assignee,
            AssigneeUserName = "leaver",
            AssigneeName = "Lähtijä",
            DueDate = new DateOnly(2027, 3, 31),
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment.Id;
    }


    private static List<string> Roles(JsonObject? person) => person!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
}
