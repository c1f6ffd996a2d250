using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Host.Platform;

/// <summary>The <c>Rake:Bootstrap:PlatformAdmin</c> section: the first administrator of a deployment that starts empty.</summary>
internal sealed class BootstrapAdminSettings
{
    public const string Section = "Rake:Bootstrap:PlatformAdmin";

    public string? UserName { get; set; }
    public string? Email { get; set; }
    public string? DisplayName { get; set; }

    /// <summary>A one-time password: used only when the account is created, so changing it later is not undone at a restart.</summary>
    public string? Password { get; set; }

    /// <summary>Instead of <see cref="Password"/>: a hash in ASP.NET Core Identity's format (V3, as PasswordHasher writes it).</summary>
    public string? PasswordHash { get; set; }
}

/// <summary>
/// Creates the configured platform administrator once, when the database has no account at all (docs/adr/0101). It never
/// changes an existing account, so a second start keeps the password the administrator has set since.
/// </summary>
internal sealed class PlatformAdminBootstrap(
    IServiceProvider services, IConfiguration configuration, ILogger<PlatformAdminBootstrap> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = configuration.GetSection(BootstrapAdminSettings.Section).Get<BootstrapAdminSettings>();
        if (settings is null || string.IsNullOrWhiteSpace(settings.UserName))
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            logger.LogInformation("{Section} is ignored: the database already has accounts.", BootstrapAdminSettings.Section);
            return;
        }
        var hasPassword = !string.IsNullOrEmpty(settings.Password);
        if (hasPassword == !string.IsNullOrEmpty(settings.PasswordHash))
        {
            throw new InvalidOperationException($"{BootstrapAdminSettings.Section} needs exactly one of Password and PasswordHash.");
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RakeUser>>();
        var user = new RakeUser
        {
            Id = Guid.CreateVersion7(),
            UserName = settings.UserName.Trim(),
            Email = string.IsNullOrWhiteSpace(settings.Email) ? null : settings.Email.Trim(),
            EmailConfirmed = !string.IsNullOrWhiteSpace(settings.Email),
            DisplayName = string.IsNullOrWhiteSpace(settings.DisplayName) ? settings.UserName.Trim() : settings.DisplayName.Trim(),
        };
        if (!hasPassword)
        {
            user.PasswordHash = settings.PasswordHash!.Trim();
        }
        var created = hasPassword ? await users.CreateAsync(user, settings.Password!) : await users.CreateAsync(user);
        if (created.Succeeded)
        {
            created = await users.AddClaimAsync(user, new Claim(PlatformRoles.ClaimType, PlatformRoles.PlatformAdmin));
        }
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create the bootstrap platform administrator: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }
        logger.LogWarning("Created the bootstrap platform administrator {UserName}; remove {Section} from the configuration.",
            user.UserName, BootstrapAdminSettings.Section);
    }
}
