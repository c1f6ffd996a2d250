using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Rake.Host.Platform;

/// <summary>
/// Wrong passwords counted per account AND client address (docs/adr/0094): a stranger who guesses locks only their own
/// address out of the account, and the owner signing in from elsewhere is not affected. Kept in memory per Host, like the
/// rate limiter.
/// </summary>
internal sealed class SignInGuard(IOptions<SignInLimits> limits, TimeProvider clock)
{
    private readonly Dictionary<(Guid User, string Client), Failures> failures = new();
    private readonly Lock gate = new();

    /// <summary>A hash of no one's password, verified for unknown user names so that they cost what a known one costs.</summary>
    public string? DummyHash { get; set; }

    public bool IsLockedOut(Guid user, string client)
    {
        lock (gate)
        {
            return failures.TryGetValue((user, client), out var entry) && entry.LockedUntil > clock.GetUtcNow();
        }
    }

    public void RecordFailure(Guid user, string client)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(limits.Value.ClientLockoutMinutes);
        lock (gate)
        {
            if (failures.Count > 100_000)
            {
                // Old entries go when the table grows: nobody can fill the memory with made-up addresses.
                foreach (var stale in failures.Where(f => f.Value.LastFailure + window < now).Select(f => f.Key).ToList())
                {
                    failures.Remove(stale);
                }
            }
            var entry = failures.TryGetValue((user, client), out var found) && found.LastFailure + window >= now
                ? found
                : new Failures(0, now, DateTimeOffset.MinValue);
            var count = entry.Count + 1;
            failures[(user, client)] = new Failures(
                count, now, count >= limits.Value.MaxFailuresPerClient ? now + window : entry.LockedUntil);
        }
    }

    public void Reset(Guid user, string client)
    {
        lock (gate)
        {
            failures.Remove((user, client));
        }
    }

    private sealed record Failures(int Count, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);
}

/// <summary>Identity's sign-in with the per-address lockout in front of it, and a hasher run for unknown user names.</summary>
internal sealed class RakeSignInManager(
    UserManager<RakeUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<RakeUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<RakeUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<RakeUser> confirmation,
    SignInGuard guard,
    IPasswordHasher<RakeUser> hasher)
    : SignInManager<RakeUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(
        string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await FindAsync(userName, password);
        return user is null ? SignInResult.Failed : await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>The token endpoint's check: the same lockout and the same cost as the form, without a cookie.</summary>
    public async Task<(RakeUser? User, SignInResult Result)> CheckPasswordAsync(string userName, string password)
    {
        var user = await FindAsync(userName, password);
        return user is null ? (null, SignInResult.Failed) : (user, await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(RakeUser user, string password, bool lockoutOnFailure)
    {
        var client = Sessions.ClientAddress(Context);
        if (guard.IsLockedOut(user.Id, client))
        {
            return SignInResult.LockedOut;
        }
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.Succeeded)
        {
            guard.Reset(user.Id, client);
        }
        else if (!result.IsNotAllowed)
        {
            guard.RecordFailure(user.Id, client);
        }
        return result;
    }

    private async Task<RakeUser?> FindAsync(string userName, string password)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // Without this an unknown name answers faster than a known one, and the difference tells who has an account.
            var nobody = new RakeUser();
            guard.DummyHash ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(nobody, guard.DummyHash, password);
        }
        return user;
    }
}
