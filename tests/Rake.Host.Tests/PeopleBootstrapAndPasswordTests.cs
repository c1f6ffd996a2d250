using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>The bootstrap platform administrator in Production (docs/adr/0101) and the local-password switch (docs/adr/0100).</summary>
public sealed class PeopleBootstrapAndPasswordTests
{
    private const string AdminPassword = "Boot-Strap-2026!";

    private static Action<WebApplicationBuilder> Configure(string? passwords = null, params string[] breakGlass) => builder =>
    {
        builder.Configuration["Rake:Bootstrap:PlatformAdmin:UserName"] = "root";
        builder.Configuration["Rake:Bootstrap:PlatformAdmin:Email"] = "root@example.invalid";
        builder.Configuration["Rake:Bootstrap:PlatformAdmin:Password"] = AdminPassword;
        if (passwords is not null)
        {
            builder.Configuration["Rake:Auth:LocalPasswords"] = passwords;
        }
        for (var i = 0; i < breakGlass.Length; i++)
        {
            builder.Configuration[$"Rake:Auth:BreakGlassAccounts:{i}"] = breakGlass[i];
        }
    };

    [Fact]
    public async Task Production_on_an_empty_database_creates_the_bootstrap_admin_once_and_a_restart_keeps_the_changed_password()
    {
        await using var database = await WorkflowDurabilityTests.TestDatabase.CreateAsync();
        await using (var host = await RakeTestHost.StartAsync("Production", Configure(), database.ConnectionString))
        {
            Assert.Equal(HttpStatusCode.OK, (await TokenAsync(host, "root", AdminPassword)).StatusCode);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            var root = Assert.Single(await db.Users.ToListAsync());
            Assert.Contains(await users.GetClaimsAsync(root),
                c => c.Type == PlatformRoles.ClaimType && c.Value == PlatformRoles.PlatformAdmin);
            Assert.Empty(await db.RegionRoles.ToListAsync());
            Assert.True((await users.ChangePasswordAsync(root, AdminPassword, "Changed-Since-2026!")).Succeeded);
        }
        await using var again = await RakeTestHost.StartAsync("Production", Configure(), database.ConnectionString);
        await Reports.ReadProblemAsync(await TokenAsync(again, "root", AdminPassword), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(again, "root", "Changed-Since-2026!")).StatusCode);
        await using var check = again.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.CountAsync());
    }

    [Fact]
    public async Task With_local_passwords_disabled_no_password_signs_in_and_the_form_says_why()
    {
        await using var host = await RakeTestHost.StartAsync("Production", Configure("Disabled"));
        var refused = await Reports.ReadProblemAsync(await TokenAsync(host, "root", AdminPassword), HttpStatusCode.Forbidden);
        Assert.Contains("organisaatiosi", refused["detail"]!.GetValue<string>());
        using var anonymous = host.Anonymous();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await anonymous.GetStringAsync("/login");
        Assert.DoesNotContain("id=\"password\"", page);
        Assert.Contains("password-notice", page);
    }

    [Fact]
    public async Task Break_glass_only_lets_in_the_listed_platform_admins_alone()
    {
        await using var host = await RakeTestHost.StartAsync("Production", Configure("BreakGlassOnly", "root", "listed"));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
            foreach (var name in new[] { "listed", "unlisted" })
            {
                Assert.True((await users.CreateAsync(new RakeUser { Id = Guid.CreateVersion7(), UserName = name, DisplayName = name },
                    AdminPassword)).Succeeded);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(host, "root", AdminPassword)).StatusCode);
        // Listed but no platform administrator, and not listed at all: both refused before the password is looked at.
        await Reports.ReadProblemAsync(await TokenAsync(host, "listed", AdminPassword), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await TokenAsync(host, "unlisted", AdminPassword), HttpStatusCode.Forbidden);
        using var anonymous = host.Anonymous();
        var page = await anonymous.GetStringAsync("/login");
        Assert.Contains("id=\"password\"", page);
        Assert.Contains("password-notice", page);
    }

    [Fact]
    public async Task An_unknown_password_mode_stops_the_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RakeTestHost.StartAsync("Production", Configure("Sometimes")));
        Assert.Contains("Rake:Auth:LocalPasswords", error.ToString());
    }

    private static async Task<HttpResponseMessage> TokenAsync(RakeTestHost host, string userName, string password)
    {
        using var anonymous = host.Anonymous();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
    }
}
