using Microsoft.AspNetCore.Identity;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Host.Platform;

/// <summary>Whether people may sign in with a password kept by Rake (<c>Rake:Auth:LocalPasswords</c>, docs/adr/0100).</summary>
internal enum LocalPasswordMode
{
    /// <summary>Every account with a password may use it (demo mode, small deployments).</summary>
    Enabled,

    /// <summary>Only the PlatformAdmin accounts listed in <c>Rake:Auth:BreakGlassAccounts</c>, for when single sign-on is down.</summary>
    BreakGlassOnly,

    /// <summary>No password sign-in at all: single sign-on only.</summary>
    Disabled,
}

/// <summary>The one place that decides whether a password sign-in may be tried; the sign-in page and the token endpoint ask it.</summary>
internal sealed class LocalPasswordPolicy
{
    private readonly HashSet<string> breakGlass;

    public LocalPasswordPolicy(IConfiguration configuration)
    {
        var mode = configuration["Rake:Auth:LocalPasswords"];
        if (string.IsNullOrWhiteSpace(mode))
        {
            Mode = LocalPasswordMode.Enabled;
        }
        else if (!Enum.TryParse<LocalPasswordMode>(mode.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)
            || int.TryParse(mode, out _))
        {
            // A typo must not silently leave passwords on (or lock everyone out): refuse to start instead.
            throw new InvalidOperationException(
                $"Rake:Auth:LocalPasswords is '{mode}': use {string.Join(", ", Enum.GetNames<LocalPasswordMode>())}.");
        }
        else
        {
            Mode = parsed;
        }
        breakGlass = (configuration.GetSection("Rake:Auth:BreakGlassAccounts").Get<string[]>() ?? [])
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public LocalPasswordMode Mode { get; }

    /// <summary>
    /// Whether <paramref name="userName"/> may try a password. In break-glass mode the account must be listed and hold the
    /// PlatformAdmin role; an unlisted name is refused without looking the account up, so the answer tells nothing about it.
    /// </summary>
    public async Task<bool> AllowsAsync(string userName, UserManager<RakeUser> users)
    {
        switch (Mode)
        {
            case LocalPasswordMode.Enabled:
                return true;
            case LocalPasswordMode.Disabled:
                return false;
        }
        if (!breakGlass.Contains(userName.Trim()))
        {
            return false;
        }
        var user = await users.FindByNameAsync(userName.Trim());
        return user is not null && (await users.GetClaimsAsync(user))
            .Any(c => c.Type == PlatformRoles.ClaimType && c.Value == PlatformRoles.PlatformAdmin);
    }

    /// <summary>The text-catalog key of the sign-in form's explanation of the mode, when passwords are limited.</summary>
    public string? NoticeKey => Mode switch
    {
        LocalPasswordMode.Disabled => "login.passwordsDisabled",
        LocalPasswordMode.BreakGlassOnly => "login.passwordsBreakGlass",
        _ => null,
    };
}
