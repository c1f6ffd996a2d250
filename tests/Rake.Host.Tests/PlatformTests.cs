using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.Host.Platform;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Host.Tests;

[Collection(SharedHostCollection.Name)]
public sealed class PlatformTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task Health_and_the_openapi_document_are_served()
    {
        using var anonymous = Host.Anonymous();
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health"));
        var openApi = await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = openApi!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/regions/{region}/social-reports", paths);
        Assert.Contains("/api/v1/auth/token", paths);
    }

    [Fact]
    public async Task A_token_is_issued_only_for_the_right_password()
    {
        using var anonymous = Host.Anonymous();
        var ok = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "kainuu-planner", password = RakeTestHost.Password });
        var token = await ok.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(string.IsNullOrEmpty(token!["accessToken"]!.GetValue<string>()));
        Assert.True(token["expiresIn"]!.GetValue<long>() > 0);

        await Reports.ReadProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "kainuu-planner", password = "wrong" }), HttpStatusCode.Unauthorized);
        var missing = await Reports.ReadProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["userName"]);
        Assert.NotNull(missing["errors"]!["password"]);
        using var forged = Host.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        await Reports.ReadProblemAsync(await forged.GetAsync("/api/v1/regions/kainuu/categories"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_state_change_leaves_an_audit_entry_with_who_when_and_where()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        var (id, _, _) = await Reports.SubmitAsync(professional, "kainuu");
        await using var scope = Host.RegionScope("kainuu");
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "SocialReport" && a.EntityId == id.ToString());
        Assert.Equal("kainuu", entry.RegionCode);
        Assert.Equal("kainuu-professional", entry.Actor);
        Assert.Equal("Added", entry.Action);
        Assert.NotNull(entry.UserId);
    }

    [Fact]
    public async Task The_region_admin_reads_the_audit_trail_of_their_own_region_only()
    {
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        using var supervisor = await Host.ClientFor("kymenlaakso-supervisor");
        var (id, _, location) = await Reports.SubmitAsync(professional, "kymenlaakso");
        await supervisor.PostAsJsonAsync($"{location}/status-changes", new { status = "WithSupervisor" });

        using var admin = await Host.ClientFor("kymenlaakso-regionadmin");
        var trail = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/regions/kymenlaakso/audit?entityId={id}");
        var actions = trail!.Select(e => $"{e!["actor"]}:{e["action"]}:{e["changedProperties"]}").ToList();
        Assert.Contains("kymenlaakso-professional:Added:", actions);
        Assert.Contains("kymenlaakso-supervisor:Modified:Status", actions);
        Assert.All(trail!, e => Assert.Equal("reporting", e!["module"]!.GetValue<string>()));

        using var otherAdmin = await Host.ClientFor("kainuu-regionadmin");
        Assert.Empty((await otherAdmin.GetFromJsonAsync<JsonArray>($"/api/v1/regions/kainuu/audit?entityId={id}"))!);
        await Reports.ReadProblemAsync(await otherAdmin.GetAsync($"/api/v1/regions/kymenlaakso/audit?entityId={id}"),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.GetAsync("/api/v1/regions/kymenlaakso/audit"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_redelivered_event_is_applied_once()
    {
        var supervisor = Guid.NewGuid();
        var submitted = new SocialReportSubmitted(Guid.NewGuid(), new RegionId("kainuu"), DateTimeOffset.UtcNow, Guid.NewGuid(), 99999,
            Guid.NewGuid(), supervisor, "Negative", ["housing"]);
        for (var delivery = 0; delivery < 3; delivery++)
        {
            await using var scope = Host.RegionScope("kainuu");
            foreach (var h in scope.ServiceProvider
                .GetServices<Rake.BuildingBlocks.Messaging.IIntegrationEventHandler<SocialReportSubmitted>>())
            {
                await h.HandleAsync(submitted, CancellationToken.None);
            }
        }
        await using var check = Host.RegionScope("kainuu");
        var db = check.ServiceProvider.GetRequiredService<ReportingDbContext>();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == supervisor));
    }

    [Fact]
    public void Every_text_exists_in_finnish_swedish_and_english()
    {
        var catalog = Host.Services.GetRequiredService<TextCatalog>();
        var incomplete = catalog.Entries
            .Where(e => TextCatalog.Languages.Any(l => string.IsNullOrWhiteSpace(e.Value.GetValueOrDefault(l))))
            .Select(e => e.Key).ToList();
        Assert.Empty(incomplete);
        Assert.Contains("pii.identityCodeDetail", catalog.Entries.Keys);
        Assert.Contains("layout.skipToContent", catalog.Entries.Keys);
        Assert.Contains("validation.required", catalog.Entries.Keys);
    }

    [Fact]
    public async Task Demo_users_exist_in_development_with_their_region_roles()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var region in DatabaseInitializer.DemoRegions)
        {
            foreach (var role in Enum.GetValues<RegionRole>())
            {
                var user = await db.Users.SingleAsync(u => u.UserName == $"{region}-{role.ToString().ToLowerInvariant()}");
                Assert.Equal([role],
                    await db.RegionRoles.Where(r => r.UserId == user.Id && r.RegionCode == region).Select(r => r.Role).ToListAsync());
            }
        }
    }
}

public sealed class ProductionModeTests
{
    [Fact]
    public async Task Production_seeds_no_demo_users_or_data()
    {
        await using var host = await RakeTestHost.StartAsync(environment: "Production");
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.AnyAsync());
        using var anonymous = host.Anonymous();
        await Reports.ReadProblemAsync(
            await anonymous.PostAsJsonAsync("/api/v1/auth/token",
                new { userName = "kainuu-professional", password = RakeTestHost.Password }), HttpStatusCode.Unauthorized);
        Assert.Equal(3, host.Services.GetRequiredService<IRegionAccess>().Regions.Count);
    }
}
