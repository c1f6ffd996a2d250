using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// A region with no demo data at all, made as a platform admin makes one (the platform API), and a local account that is
/// its RegionAdmin and nothing else, so the plan's set-up can be tried from empty on the shared Development host.
/// </summary>
internal static class PlanningEmptyRegion
{
    /// <returns>The new region's code and its admin's user name (password <see cref="RakeTestHost.Password"/>).</returns>
    public static async Task<(string Region, string Admin)> CreateAsync(RakeTestHost host, string prefix)
    {
        var region = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        using var platform = await host.ClientFor("platform-admin");
        var created = await platform.PostAsJsonAsync("/api/v1/platform/regions",
            new { code = region, nameFi = $"Testialue {region}", nameSv = $"Testområde {region}", nameEn = $"Test region {region}" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var admin = $"{region}-admin";
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
        var user = new RakeUser
        {
            Id = Guid.CreateVersion7(),
            UserName = admin,
            DisplayName = "Aluepääkäyttäjä",
            Email = $"{admin}@example.invalid",
            EmailConfirmed = true,
        };
        var result = await users.CreateAsync(user, RakeTestHost.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.RegionRoles.Add(new RegionRoleAssignment { UserId = user.Id, RegionCode = region, Role = RegionRole.RegionAdmin });
        await db.SaveChangesAsync();
        return (region, admin);
    }
}
