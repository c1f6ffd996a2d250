using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Platform;

/// <summary>At start: applies every context's migrations, seeds configured regions that are missing, and in demo mode seeds demo users and
/// data.</summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services,
    IEnumerable<MigratableContext> contexts,
    IConfiguration configuration,
    IHostEnvironment environment,
    RegionCatalog catalog,
    IReadOnlyList<IModule> modules,
    StartupLockHolder startupLock,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoPassword = "Demo-2026!";
    public static readonly string[] DemoRegions = ["kainuu", "kymenlaakso", "keski-suomi"];

    public static bool IsDemoMode(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Demo");

    /// <summary>
    /// Runs under the startup lock (docs/adr/0126), held until the Host has started: a second Host starting on the same
    /// database waits here, then finds the migrations applied and the seed data present.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var held = await StartupLock.AcquireAsync(database, logger, cancellationToken);
        try
        {
            await InitializeLockedAsync(cancellationToken);
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
        startupLock.Hold(held);
    }

    private async Task InitializeLockedAsync(CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            if (platform.Database.IsSqlite())
            {
                // WAL lets readers proceed while a module writes; the modules share one SQLite file.
                await platform.Database.OpenConnectionAsync(cancellationToken);
                await platform.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await platform.Database.CloseConnectionAsync();
            }
            await RakeMigrator.MigrateAsync(platform, cancellationToken);
            foreach (var context in contexts)
            {
                await RakeMigrator.MigrateAsync((DbContext)scope.ServiceProvider.GetRequiredService(context.DbContextType),
                    cancellationToken);
            }
            await SyncRegionsAsync(platform, cancellationToken);
        }
        await catalog.LoadAsync(cancellationToken);
        await services.GetRequiredService<PlatformAdminBootstrap>().RunAsync(cancellationToken);
        if (IsDemoMode(environment))
        {
            await SeedDemoAsync(cancellationToken);
        }
    }

    private async Task SyncRegionsAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var configured = configuration.GetSection("Rake:Regions").Get<List<RegionSettings>>() ?? [];
        foreach (var region in configured)
        {
            if (!RegionId.IsValidCode(region.Code))
            {
                throw new InvalidOperationException(
                    $"Rake:Regions has an invalid code '{region.Code}': use lower-case letters, digits and hyphens.");
            }
            // The database is the catalogue (docs/adr/0096): configuration adds a region that is missing, and never
            // overwrites what a PlatformAdmin changed.
            if (await db.Regions.FindAsync([region.Code], cancellationToken) is not null)
            {
                continue;
            }
            db.Regions.Add(new RegionRecord
            {
                Code = region.Code,
                NameFi = region.NameFi,
                NameSv = string.IsNullOrEmpty(region.NameSv) ? region.NameFi : region.NameSv,
                NameEn = string.IsNullOrEmpty(region.NameEn) ? region.NameFi : region.NameEn,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        foreach (var code in DemoRegions.Where(c => catalog.Find(c) is not null))
        {
            var region = catalog.Find(code)!;
            var userNames = new Dictionary<RegionRole, string>();
            await using (var scope = services.CreateAsyncScope())
            {
                foreach (var role in Enum.GetValues<RegionRole>())
                {
                    var userName = $"{code}-{role.ToString().ToLowerInvariant()}";
                    await EnsureUserAsync(scope.ServiceProvider, userName, $"{DemoRoleNames.Finnish(role)} ({region.NameFi})",
                        [(code, role)], cancellationToken);
                    userNames[role] = userName;
                }
            }
            foreach (var module in modules)
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(region.Id, "demo-seed");
                await module.SeedDemoAsync(scope.ServiceProvider, new DemoRegion(code, userNames), cancellationToken);
            }
        }
        await using (var scope = services.CreateAsyncScope())
        {
            // One person working in two regions, to show that roles are per region.
            await EnsureUserAsync(scope.ServiceProvider, "rake-multi", "Monialue Ammattilainen",
                [("kainuu", RegionRole.Professional), ("kymenlaakso", RegionRole.Professional)], cancellationToken);
            // A national observer: no region role at all, only the platform role (ADR 0051).
            await EnsureUserAsync(scope.ServiceProvider, "national-observer", "Kansallinen tarkastelija", [], cancellationToken);
            await EnsurePlatformRoleAsync(scope.ServiceProvider, "national-observer", PlatformRoles.NationalObserver);
            // A platform administrator: creates regions and sets their identity providers (docs/adr/0096).
            await EnsureUserAsync(scope.ServiceProvider, "platform-admin", "Alustan ylläpitäjä", [], cancellationToken);
            await EnsurePlatformRoleAsync(scope.ServiceProvider, "platform-admin", PlatformRoles.PlatformAdmin);
        }
        logger.LogInformation("Demo users are seeded; the password of each is {Password}.", DemoPassword);
    }

    private static async Task EnsurePlatformRoleAsync(IServiceProvider sp, string userName, string platformRole)
    {
        var users = sp.GetRequiredService<UserManager<RakeUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        if (!(await users.GetClaimsAsync(user)).Any(c => c.Type == PlatformRoles.ClaimType && c.Value == platformRole))
        {
            await users.AddClaimAsync(user, new System.Security.Claims.Claim(PlatformRoles.ClaimType, platformRole));
        }
    }

    private static async Task EnsureUserAsync(IServiceProvider sp, string userName, string displayName,
        (string Region, RegionRole Role)[] roles, CancellationToken cancellationToken)
    {
        var users = sp.GetRequiredService<UserManager<RakeUser>>();
        var db = sp.GetRequiredService<PlatformDbContext>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new RakeUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                DisplayName = displayName,
                Email = $"{userName}@demo.rake.invalid",
                EmailConfirmed = true
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create demo user {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }
        foreach (var (region, role) in roles)
        {
            if (!await db.RegionRoles.AnyAsync(r => r.UserId == user.Id && r.RegionCode == region && r.Role == role, cancellationToken))
            {
                db.RegionRoles.Add(new RegionRoleAssignment { UserId = user.Id, RegionCode = region, Role = role });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class DemoRoleNames
{
    public static string Finnish(RegionRole role) => role switch
    {
        RegionRole.RegionAdmin => "Pääkäyttäjä",
        RegionRole.Professional => "Ammattilainen",
        RegionRole.Supervisor => "Esihenkilö",
        RegionRole.ResponsiblePerson => "Vastuuhenkilö",
        RegionRole.WorkingGroupMember => "Työryhmän jäsen",
        RegionRole.SteeringGroupMember => "Johtoryhmän jäsen",
        RegionRole.Communications => "Viestijä",
        RegionRole.Planner => "Suunnittelija",
        _ => role.ToString(),
    };
}
