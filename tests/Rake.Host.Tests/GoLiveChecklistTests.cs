using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>A module's checklist items, as a test module would give them: done in kainuu only, and it tells which region asked.</summary>
internal sealed class FakeGoLiveSource(IRequestContext scope) : IGoLiveSource
{
    public static readonly ConcurrentBag<string> AskedFor = [];

    public Task<IReadOnlyList<GoLiveItem>> GoLiveItemsAsync(CancellationToken cancellationToken)
    {
        var region = scope.RequireRegion().Code;
        AskedFor.Add(region);
        var done = region == "kainuu";
        return Task.FromResult<IReadOnlyList<GoLiveItem>>(
            [new GoLiveItem("Fake", "fake.thing", done, "fake/page", done ? 3 : 0),
                new GoLiveItem("Fake", "fake.escape", false, "../kymenlaakso")]);
    }
}

public sealed class GoLiveHost : IAsyncLifetime
{
    public RakeTestHost Host { get; private set; } = default!;

    public async Task InitializeAsync() =>
        Host = await RakeTestHost.StartAsync(configure: builder => builder.Services.AddScoped<IGoLiveSource, FakeGoLiveSource>());

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The go-live checklist (docs/adr/0111): every source in the region's scope, the Host's own items from real rows,
/// RegionAdmins of the region only, and PlatformAdmins read-only for any region.</summary>
public sealed class GoLiveChecklistTests(GoLiveHost fixture) : IClassFixture<GoLiveHost>
{
    private RakeTestHost Host => fixture.Host;

    [Fact]
    public async Task The_region_admin_gets_every_module_and_the_test_source_in_their_own_region_with_texts_and_links()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var checklist = await admin.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/go-live");
        Assert.Contains("kainuu", FakeGoLiveSource.AskedFor);

        var fake = Item(checklist!, "fake.thing");
        Assert.True(fake["done"]!.GetValue<bool>());
        Assert.Equal(3, fake["count"]!.GetValue<int>());
        Assert.Equal("/kainuu/fake/page", fake["href"]!.GetValue<string>());
        // A link that tries to leave the region's root is not passed on.
        Assert.Null(Item(checklist!, "fake.escape")["href"]);

        var workflows = Item(checklist!, "workflows.published");
        Assert.True(workflows["done"]!.GetValue<bool>());
        Assert.True(workflows["count"]!.GetValue<int>() >= 1);
        Assert.Equal("At least one published workflow", workflows["title"]!.GetValue<string>());
        Assert.Equal("/kainuu/workflows/templates", workflows["href"]!.GetValue<string>());
        Assert.True(Item(checklist!, "platform.signIn")["done"]!.GetValue<bool>());
        Assert.Equal(1, Item(checklist!, "platform.regionAdmin")["count"]!.GetValue<int>());

        var modules = checklist!["modules"]!.AsArray();
        Assert.Equal("Platform", modules[0]!["module"]!.GetValue<string>());
        Assert.Contains(modules, m => m!["module"]!.GetValue<string>() == "Workflows" && m["name"]!.GetValue<string>() == "Workflows");
        var items = modules.SelectMany(m => m!["items"]!.AsArray()).ToList();
        Assert.Equal(items.Count, checklist["total"]!.GetValue<int>());
        Assert.Equal(items.Count(i => i!["done"]!.GetValue<bool>()), checklist["done"]!.GetValue<int>());

        using var other = await Host.ClientFor("kymenlaakso-regionadmin");
        var theirs = await other.GetFromJsonAsync<JsonObject>("/api/v1/regions/kymenlaakso/go-live");
        Assert.False(Item(theirs!, "fake.thing")["done"]!.GetValue<bool>());
        Assert.Equal(0, Item(theirs!, "fake.thing")["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_regions_admin_a_professional_and_the_platform_admin_on_the_region_route_are_refused()
    {
        using var other = await Host.ClientFor("kymenlaakso-regionadmin");
        await Reports.ReadProblemAsync(await other.GetAsync("/api/v1/regions/kainuu/go-live"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await other.GetAsync("/api/v1/platform/regions/kainuu/go-live"), HttpStatusCode.Forbidden);
        using var professional = await Host.ClientFor("kainuu-professional");
        await Reports.ReadProblemAsync(await professional.GetAsync("/api/v1/regions/kainuu/go-live"), HttpStatusCode.Forbidden);
        using var platform = await Host.ClientFor("platform-admin");
        await Reports.ReadProblemAsync(await platform.GetAsync("/api/v1/regions/kainuu/go-live"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await platform.GetAsync("/api/v1/platform/regions/nowhere/go-live"), HttpStatusCode.NotFound);
        using var anonymous = Host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/regions/kainuu/go-live")).StatusCode);

        var read = await platform.GetFromJsonAsync<JsonObject>("/api/v1/platform/regions/kainuu/go-live");
        Assert.True(Item(read!, "fake.thing")["done"]!.GetValue<bool>());
        Assert.Equal("kainuu", read!["region"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_region_starts_with_everything_missing_and_items_follow_real_rows_and_deactivation()
    {
        var code = $"golive{Guid.NewGuid():N}"[..14];
        using var platform = await Host.ClientFor("platform-admin");
        var created = await platform.PostAsJsonAsync("/api/v1/platform/regions",
            new { code, nameFi = "Testialue", nameSv = "Testområde", nameEn = "Test region" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        var empty = await platform.GetFromJsonAsync<JsonObject>($"/api/v1/platform/regions/{code}/go-live");
        // Passwords are allowed in this deployment, so only the way to sign in is there; people and workflows are not.
        Assert.Equal(1, empty!["done"]!.GetValue<int>());
        Assert.True(Item(empty, "platform.signIn")["done"]!.GetValue<bool>());
        foreach (var key in new[] { "platform.regionAdmin", "platform.supervisor", "platform.professional", "workflows.published" })
        {
            Assert.False(Item(empty, key)["done"]!.GetValue<bool>(), key);
            Assert.Equal(0, Item(empty, key)["count"]!.GetValue<int>());
        }

        var adminName = $"{code}-admin";
        var supervisorId = Guid.Empty;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            foreach (var (name, role) in new[] { (adminName, RegionRole.RegionAdmin), ($"{code}-sup", RegionRole.Supervisor) })
            {
                var user = new RakeUser { Id = Guid.CreateVersion7(), UserName = name, DisplayName = name };
                Assert.True((await users.CreateAsync(user, RakeTestHost.Password)).Succeeded);
                db.RegionRoles.Add(new RegionRoleAssignment { UserId = user.Id, RegionCode = code, Role = role });
                supervisorId = user.Id;
            }
            await db.SaveChangesAsync();
        }

        // The new region's admin copies another region's published workflow and publishes the copy.
        using var admin = await Host.ClientFor(adminName);
        var templates = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/regions/{code}/workflow-templates");
        var template = templates!.First(t => t!["region"]!.GetValue<string>() == "kainuu")!;
        var copy = await admin.PostAsJsonAsync($"/api/v1/regions/{code}/workflow-templates/copies",
            new { templateId = template["templateId"]!.GetValue<Guid>() });
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var definitionId = (await copy.Content.ReadFromJsonAsync<JsonObject>())!["definitionId"]!.GetValue<string>();
        var drafted = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{code}/go-live");
        Assert.False(Item(drafted!, "workflows.published")["done"]!.GetValue<bool>());
        var published = await admin.PostAsync($"/api/v1/regions/{code}/workflow-definitions/{definitionId}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());

        var after = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{code}/go-live");
        Assert.True(Item(after!, "platform.regionAdmin")["done"]!.GetValue<bool>());
        Assert.True(Item(after!, "platform.supervisor")["done"]!.GetValue<bool>());
        Assert.False(Item(after!, "platform.professional")["done"]!.GetValue<bool>());
        Assert.Equal(1, Item(after!, "workflows.published")["count"]!.GetValue<int>());
        Assert.Equal(4, after!["done"]!.GetValue<int>());

        // A leaver does not count, even while the role row is still there.
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var supervisor = await db.Users.SingleAsync(u => u.Id == supervisorId);
            supervisor.DeactivatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        var left = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{code}/go-live");
        Assert.False(Item(left!, "platform.supervisor")["done"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_page_shows_the_summary_and_each_item_in_words_and_another_region_gets_no_checklist()
    {
        var cookie = await CookieSignIn.CookieAsync(Host.BaseAddress, "kainuu-regionadmin");
        using var client = CookieSignIn.WithCookie(Host.BaseAddress, cookie);
        var page = await client.GetStringAsync("/kainuu/admin/go-live");
        Assert.Contains("id=\"golive-summary\"", page);
        Assert.Contains("id=\"golive-item-fake-thing\"", page);
        Assert.Contains("href=\"/kainuu/fake/page\"", page);
        Assert.Contains("href=\"/kainuu/admin/go-live\"", page);
        var refused = await client.GetAsync("/kymenlaakso/admin/go-live");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("golive-summary", await refused.Content.ReadAsStringAsync());
    }

    private static JsonObject Item(JsonObject checklist, string key) =>
        checklist["modules"]!.AsArray().SelectMany(m => m!["items"]!.AsArray())
            .Single(i => i!["key"]!.GetValue<string>() == key)!.AsObject();
}
