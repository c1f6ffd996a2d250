using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Rake.BuildingBlocks.Contracts;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>One real OpenID provider and one Host whose regions kainuu and kymenlaakso sign in through it.</summary>
public sealed class SignOnFixture : IAsyncLifetime
{
    public OidcProvider Provider { get; private set; } = default!;
    public RakeTestHost Host { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        Host = await RakeTestHost.StartAsync();
        using var admin = await Host.ClientFor("platform-admin");
        await PutAsync(admin, "kainuu", "Kainuun hyvinvointialue", Provider.ProviderSettings("kainuu",
            [
                Map("kainuu-pros", "Professional"), Map("kainuu-sups", "Supervisor"), Map("kainuu-admins", "RegionAdmin"),
                Map(OidcProvider.ApiGroup("kainuu"), "Professional"),
            ],
            ["kainuu.example"]));
        await PutAsync(admin, "kymenlaakso", "Kymenlaakson hyvinvointialue", Provider.ProviderSettings("kymenlaakso",
            [Map("kymenlaakso-pros", "Professional"), Map(OidcProvider.ApiGroup("kymenlaakso"), "Professional")]));
    }

    public static object Map(string group, string role) => new { group, role };

    private static async Task PutAsync(HttpClient admin, string code, string name, object provider)
    {
        var response = await admin.PutAsJsonAsync($"/api/v1/platform/regions/{code}", new { nameFi = name, identityProvider = provider });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class RegionSignOnTests(SignOnFixture fixture) : IClassFixture<SignOnFixture>
{
    private RakeTestHost Host => fixture.Host;
    private OidcProvider Provider => fixture.Provider;

    [Fact]
    public async Task Roles_follow_the_groups_at_every_sign_in_and_a_role_given_by_hand_outside_the_mapping_stays()
    {
        var subject = Unique("maija");
        Provider.SetUser(subject, $"{subject}@kainuu.example", "kainuu-pros", "kainuu-sups", "unmapped-group");
        var first = await Provider.SignInAsync(Host, "kainuu", subject);
        Assert.Equal("/kainuu", first.Location);
        Assert.Equal(["Professional", "Supervisor"], await RolesAsync(first.Client, "kainuu"));

        var userId = await UserIdAsync(subject);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            // Planner is not mapped from any group in kainuu, so Rake manages it by hand and single sign-on leaves it alone.
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.RegionRoles.Add(new RegionRoleAssignment { UserId = userId, RegionCode = "kainuu", Role = RegionRole.Planner });
            await db.SaveChangesAsync();
        }

        Provider.SetUser(subject, $"{subject}@kainuu.example", "kainuu-pros");
        var second = await Provider.SignInAsync(Host, "kainuu", subject);
        Assert.Equal("/kainuu", second.Location);
        Assert.Equal(["Planner", "Professional"], await RolesAsync(second.Client, "kainuu"));
        Assert.Equal(userId, await UserIdAsync(subject));
        // The session signed in before the group was removed no longer reaches what only a supervisor may see.
        Assert.Equal(["Planner", "Professional"], await RolesAsync(first.Client, "kainuu"));

        // Both sign-ins are in the person's history of rights, by single sign-on. One sign-in's rows may share an instant
        // (the database keeps less than a tick), so they are compared in a fixed order within it.
        await using var audit = Host.Services.CreateAsyncScope();
        var history = await audit.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries
            .Where(a => a.EntityId == userId.ToString())
            .OrderBy(a => a.At).ThenBy(a => a.Action).ThenBy(a => a.ChangedProperties)
            .Select(a => $"{a.RegionCode} {a.Actor} {a.Action} {a.ChangedProperties}").ToListAsync();
        Assert.Equal(
            [
                "kainuu single-sign-on RoleGranted Professional",
                "kainuu single-sign-on RoleGranted Supervisor",
                "kainuu single-sign-on RoleRevoked Supervisor",
            ],
            history);
    }

    [Fact]
    public async Task A_region_provider_never_signs_anyone_into_another_region()
    {
        var subject = Unique("kalle");
        Provider.SetUser(subject, $"{subject}@kymenlaakso.example", "kainuu-pros", "kainuu-admins", "kymenlaakso-pros");

        // The kainuu groups mean nothing in kymenlaakso: roles are written only for the region signed into.
        var kymenlaakso = await Provider.SignInAsync(Host, "kymenlaakso", subject);
        Assert.Equal("/kymenlaakso", kymenlaakso.Location);
        var regions = await kymenlaakso.Client.GetFromJsonAsync<JsonArray>("/api/v1/regions");
        Assert.Equal(["kymenlaakso"], regions!.Select(r => r!["code"]!.GetValue<string>()).ToList());
        Assert.Equal(HttpStatusCode.Forbidden, (await kymenlaakso.Client.GetAsync("/api/v1/regions/kainuu/categories")).StatusCode);

        // kymenlaakso's answer carried to kainuu's callback (a code of the other client, state of the other scheme) is refused.
        var other = Unique("liisa");
        Provider.SetUser(other, $"{other}@kainuu.example", "kainuu-pros");
        var crossed = await Provider.SignInAsync(Host, "kymenlaakso", other,
            callback => new UriBuilder(callback) { Path = "/signin-oidc/kainuu" }.Uri);
        Assert.StartsWith("/login/refused?reason=failed", crossed.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, (await crossed.Client.GetAsync("/api/v1/regions")).StatusCode);
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
        Assert.Null(await users.FindByLoginAsync(Provider.Issuer, other));
    }

    [Fact]
    public async Task An_e_mail_domain_the_region_does_not_allow_is_refused_with_a_page_and_nobody_is_provisioned()
    {
        var subject = Unique("outsider");
        Provider.SetUser(subject, $"{subject}@gmail.example", "kainuu-admins");
        var result = await Provider.SignInAsync(Host, "kainuu", subject);
        Assert.Equal("/login/refused?reason=domain&region=kainuu", result.Location);
        var refused = await result.Client.GetAsync(result.Location);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("verkkotunnus ei ole tämän alueen sallimissa", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await result.Client.GetAsync("/api/v1/regions")).StatusCode);
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>().FindByLoginAsync(Provider.Issuer, subject));
    }

    [Fact]
    public async Task A_client_credentials_token_of_the_region_provider_acts_in_its_region_only()
    {
        using var client = Host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Provider.ClientTokenAsync("kainuu"));
        var regions = await client.GetFromJsonAsync<JsonArray>("/api/v1/regions");
        var kainuu = Assert.Single(regions!);
        Assert.Equal("kainuu", kainuu!["code"]!.GetValue<string>());
        Assert.Equal(["Professional"], kainuu["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/regions/kainuu/categories")).StatusCode);
        await Reports.ReadProblemAsync(await client.GetAsync("/api/v1/regions/kymenlaakso/categories"), HttpStatusCode.Forbidden);
        // Professional is what the mapping gives; the audit trail is RegionAdmin's.
        await Reports.ReadProblemAsync(await client.GetAsync("/api/v1/regions/kainuu/audit"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_for_another_audience_or_signed_by_someone_else_is_refused()
    {
        using var wrongAudience = Host.Anonymous();
        wrongAudience.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await Provider.ClientTokenAsync("kainuu", "api://somebody-else"));
        await Reports.ReadProblemAsync(await wrongAudience.GetAsync("/api/v1/regions/kainuu/categories"), HttpStatusCode.Unauthorized);

        // The region's issuer and audience, but not signed by the region's provider.
        using var rsa = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Provider.Issuer,
            Audience = OidcProvider.Audience("kainuu"),
            Claims = new Dictionary<string, object>
            {
                ["client_id"] = "rake-kainuu",
                ["roles"] = new[] { OidcProvider.ApiGroup("kainuu") },
            },
            Expires = DateTime.UtcNow.AddMinutes(5),
            // The provider's development key id, so only the signature tells the two apart.
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(rsa) { KeyId = "keystore-CHANGE-ME" }, SecurityAlgorithms.RsaSha256),
        });
        using var forger = Host.Anonymous();
        forger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        await Reports.ReadProblemAsync(await forger.GetAsync("/api/v1/regions/kainuu/categories"), HttpStatusCode.Unauthorized);

        // A token the provider issued, expired: the same claims, the lifetime over.
        var expired = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Provider.Issuer,
            Audience = OidcProvider.Audience("kainuu"),
            NotBefore = DateTime.UtcNow.AddHours(-2),
            Expires = DateTime.UtcNow.AddHours(-1),
            IssuedAt = DateTime.UtcNow.AddHours(-2),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        });
        using var late = Host.Anonymous();
        late.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", expired);
        await Reports.ReadProblemAsync(await late.GetAsync("/api/v1/regions/kainuu/categories"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_platform_admin_creates_a_region_and_its_people_sign_in_at_once_without_a_restart()
    {
        using var admin = await Host.ClientFor("platform-admin");
        var lappi = new
        {
            code = "lappi",
            nameFi = "Lapin hyvinvointialue",
            nameSv = "Lapplands välfärdsområde",
            nameEn = "Lapland Wellbeing Services County",
            identityProvider = Provider.ProviderSettings("lappi",
                [SignOnFixture.Map("lappi-admins", "RegionAdmin"), SignOnFixture.Map("lappi-planners", "Planner")], ["lappi.example"]),
        };
        var created = await admin.PostAsJsonAsync("/api/v1/platform/regions", lappi);
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        Assert.DoesNotContain(OidcProvider.ClientSecret("lappi"), body);
        Assert.Contains("\"hasClientSecret\":true", body);
        Assert.DoesNotContain(OidcProvider.ClientSecret("lappi"), await admin.GetStringAsync("/api/v1/platform/regions"));
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            // Stored only as a data-protection payload.
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var row = await db.RegionIdentityProviders.SingleAsync(p => p.RegionCode == "lappi");
            Assert.DoesNotContain(OidcProvider.ClientSecret("lappi"), row.ProtectedClientSecret);
        }
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/regions", lappi), HttpStatusCode.Conflict);

        var subject = Unique("aila");
        Provider.SetUser(subject, $"{subject}@lappi.example", "lappi-admins");
        var signedIn = await Provider.SignInAsync(Host, "lappi", subject);
        Assert.Equal("/lappi", signedIn.Location);
        Assert.Equal(["RegionAdmin"], await RolesAsync(signedIn.Client, "lappi"));
        Assert.Equal(HttpStatusCode.OK, (await signedIn.Client.GetAsync("/api/v1/regions/lappi/audit")).StatusCode);

        // Changing the provider settings takes effect at once too: the group now maps to another role, and RegionAdmin
        // (still mapped, from another group) is taken away at the next sign-in.
        var changed = await admin.PutAsJsonAsync("/api/v1/platform/regions/lappi", new
        {
            nameFi = "Lapin hyvinvointialue",
            identityProvider = Provider.ProviderSettings("lappi",
                [SignOnFixture.Map("lappi-admins", "Planner"), SignOnFixture.Map("lappi-superusers", "RegionAdmin")], ["lappi.example"]),
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var again = await Provider.SignInAsync(Host, "lappi", subject);
        Assert.Equal(["Planner"], await RolesAsync(again.Client, "lappi"));
    }

    [Fact]
    public async Task Only_a_platform_admin_manages_regions_and_bad_input_is_a_problem_with_the_fields_named()
    {
        using var regionAdmin = await Host.ClientFor("kainuu-regionadmin");
        await Reports.ReadProblemAsync(await regionAdmin.GetAsync("/api/v1/platform/regions"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(
            await regionAdmin.PostAsJsonAsync("/api/v1/platform/regions", new { code = "pohjanmaa", nameFi = "Pohjanmaa" }),
            HttpStatusCode.Forbidden);
        using var anonymous = Host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/platform/regions")).StatusCode);

        using var admin = await Host.ClientFor("platform-admin");
        var problem = await Reports.ReadProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/regions", new
        {
            code = "Bad Code",
            nameFi = "",
            identityProvider = new
            {
                authority = "http://idp.example.com",
                clientId = "",
                groupRoles = new[] { SignOnFixture.Map("g", "Emperor") },
                allowedEmailDomains = new[] { "not a domain" },
            },
        }), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(
            [
                "code", "identityProvider.allowedEmailDomains[0]", "identityProvider.authority", "identityProvider.clientId",
                "identityProvider.clientSecret", "identityProvider.groupRoles[0].role", "nameFi",
            ],
            errors);
        await Reports.ReadProblemAsync(
            await admin.PutAsJsonAsync("/api/v1/platform/regions/nowhere", new { nameFi = "Ei ole" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Single_sign_on_into_a_region_without_a_provider_ends_on_the_refusal_page()
    {
        using var client = Host.Anonymous();
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(Host.BaseAddress),
        };
        var response = await noRedirects.GetAsync("/login/sso/keski-suomi");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login/refused?reason=unknown", response.Headers.Location!.OriginalString);
        // The refusal page answers 403, so a client that reads only the status is refused too.
        var refused = await client.GetAsync("/login/refused?reason=unknown");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.StartsWith("text/html", refused.Content.Headers.ContentType?.ToString());
        Assert.Contains("Tällä alueella ei ole kertakirjautumista", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    private async Task<Guid> UserIdAsync(string subject)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>().FindByLoginAsync(Provider.Issuer, subject);
        return Assert.IsType<RakeUser>(user).Id;
    }

    private static async Task<List<string>> RolesAsync(HttpClient client, string region)
    {
        var regions = await client.GetFromJsonAsync<JsonArray>("/api/v1/regions");
        var entry = regions!.SingleOrDefault(r => r!["code"]!.GetValue<string>() == region);
        return entry is null ? [] : entry["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20];
}
