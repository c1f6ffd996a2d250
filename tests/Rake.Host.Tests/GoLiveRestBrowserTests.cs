using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.BuildingBlocks.Contracts;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// <see cref="GoLiveSteps.CompetenceAsync"/>, <see cref="GoLiveSteps.CommunicationsAsync"/> and
/// <see cref="GoLiveSteps.WorkingGroupAsync"/> on a region the platform admin has just created (no demo data): each page
/// renders empty, the set-up is done through the forms by the region's admin, the pages pass axe, a deactivated person is not
/// offered as a member, and the go-live items of the three modules turn done from the rows the pages made.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class GoLiveRestBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_new_regions_admin_sets_up_competence_communications_and_bodies_in_the_ui()
    {
        var region = $"rest-{Guid.NewGuid():N}"[..16];
        using (var platform = await Host.ClientFor("platform-admin"))
        {
            var created = await platform.PostAsJsonAsync("/api/v1/platform/regions",
                new { code = region, nameFi = "Testialue", nameSv = "Testområde", nameEn = "Test region" });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        var admin = $"{region}-admin";
        await CreatePersonAsync($"{region}-kollega", "Kaija Kollega", region, RegionRole.Planner);
        var leaver = await CreatePersonAsync($"{region}-lahtija", "Leo Lähtijä", region, RegionRole.Professional);
        await CreatePersonAsync(admin, "Aino Alueadmin", region, RegionRole.RegionAdmin);
        using (var api = await Host.ClientFor(admin))
        {
            var left = await api.PostAsync($"/api/v1/regions/{region}/people/{leaver}/deactivation", null);
            Assert.True(left.IsSuccessStatusCode, await left.Content.ReadAsStringAsync());
        }
        Assert.All(await GoLiveItemsAsync(region), i => Assert.False(i.Done, i.Key));

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, admin, outside);
        foreach (var (path, empty) in new[]
                 {
                     ("competence/setup", "#units-empty"), ("communications/plan", "#targetGroup"), ("working-groups", "#kind"),
                 })
        {
            var response = await page.GotoAsync($"/{region}/{path}");
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator(empty)).ToBeVisibleAsync();
        }

        await GoLiveSteps.CompetenceAsync(page, region);
        await page.GotoAsync($"/{region}/competence/setup");
        await Browser.AssertAccessibleAsync(page, "golive-rest-01-competence");
        await GoLiveSteps.CommunicationsAsync(page, region);
        await Browser.AssertAccessibleAsync(page, "golive-rest-02-plan");
        await GoLiveSteps.WorkingGroupAsync(page, region, "Aino");
        await Browser.AssertAccessibleAsync(page, "golive-rest-03-bodies");

        var items = await GoLiveItemsAsync(region);
        Assert.Equal(
            ["communications.plan", "competence.orientationItems", "competence.units", "workinggroup.steeringGroup",
                "workinggroup.workingGroup"],
            items.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.True(i.Done, i.Key));
        Assert.Equal(2, items.Single(i => i.Key == "competence.units").Count);

        // The member picker offers the region's people, not the leaver.
        await page.ClickAsync($"#bodies a:has-text('{GoLiveSteps.WorkingGroupName}')");
        // "le" is in both names, so one answer shows whether the leaver would be offered.
        var offered = await InteractiveSteps.SearchPersonAsync(page, "userName", "le");
        await Assertions.Expect(offered.Filter(new() { HasText = "Kaija Kollega" })).ToHaveCountAsync(1);
        Assert.DoesNotContain(await offered.AllTextContentsAsync(), o => o.Contains("Leo Lähtijä", StringComparison.Ordinal));
        await Browser.AssertAccessibleAsync(page, "golive-rest-04-body");

        await RenameAndRetireAsync(page, region);
        Assert.Empty(outside);
    }

    /// <summary>A unit renamed and taken out of use, an item taken off the checklist, and a bad code refused on its field.</summary>
    private static async Task RenameAndRetireAsync(IPage page, string region)
    {
        await page.GotoAsync($"/{region}/competence/setup");
        await page.FillAsync("#unitCode", "Iso Koodi");
        await page.FillAsync("#unitName", "Vammaispalvelut");
        await page.ClickAsync("form:has(#unitCode) button[type=submit]");
        await Assertions.Expect(page.Locator(".rake-problem a[href='#unitCode']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#unitCode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(page, "golive-rest-05-refused");

        var row = page.Locator("#units tr:has(th:text-is('perheet'))");
        await row.Locator("input[type=text]").FillAsync("Perhepalvelut");
        await row.Locator("form").First.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("input[type=text]")).ToHaveValueAsync("Perhepalvelut");
        await row.Locator("form").Nth(1).Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Poistettu käytöstä");
        var item = page.Locator("#orientation-setup tr:has(input[value='Perehdytyskeskustelu esihenkilön kanssa'])");
        await item.Locator("form").Nth(1).Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("Poistettu käytöstä");

        await page.GotoAsync($"/{region}/competence/orientation");
        await Assertions.Expect(page.Locator("#orientation-items")).ToContainTextAsync(GoLiveSteps.StructuralItem);
        await Assertions.Expect(page.Locator("#orientation-items")).Not.ToContainTextAsync("Perehdytyskeskustelu");
        await Assertions.Expect(page.Locator("#unit option[value=perheet]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#unit option[value=aikuiset]")).ToHaveCountAsync(1);
    }

    private async Task<Guid> CreatePersonAsync(string userName, string displayName, string region, RegionRole role)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
        var user = new RakeUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName };
        Assert.True((await users.CreateAsync(user, RakeTestHost.Password)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.RegionRoles.Add(new RegionRoleAssignment { UserId = user.Id, RegionCode = region, Role = role });
        await db.SaveChangesAsync();
        return user.Id;
    }

    private async Task<List<GoLiveItem>> GoLiveItemsAsync(string region)
    {
        await using var scope = Host.RegionScope(region);
        var items = new List<GoLiveItem>();
        foreach (var source in scope.ServiceProvider.GetServices<IGoLiveSource>())
        {
            items.AddRange(await source.GoLiveItemsAsync(CancellationToken.None));
        }
        return items.Where(i => i.Module is "Competence" or "Communications" or "WorkingGroup").ToList();
    }
}
