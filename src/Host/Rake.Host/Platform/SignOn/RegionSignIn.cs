using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.Host.Platform.People;

namespace Rake.Host.Platform.SignOn;

/// <summary>
/// The end of a region's single sign-on: finds or provisions the person by the provider's issuer and subject, sets their
/// roles in that region (and only there) from the group claim, and signs them in with Rake's own cookie (docs/adr/0097).
/// </summary>
internal sealed class RegionSignIn(
    RegionCatalog catalog,
    UserManager<RakeUser> users,
    SignInManager<RakeUser> signIn,
    PlatformDbContext db,
    PersonAuditTrail audit,
    ILogger<RegionSignIn> logger)
{
    public const string AuthenticationMethod = "oidc";

    /// <summary>The actor of role changes that a sign-in makes from the provider's groups.</summary>
    public const string SignOnActor = "single-sign-on";

    public async Task CompleteAsync(TicketReceivedContext context, string regionCode)
    {
        context.HandleResponse();
        var outcome = await SignInAsync(context.Principal!, regionCode, context.HttpContext.RequestAborted);
        var target = context.Properties?.RedirectUri is { Length: > 0 } uri && Sessions.IsLocalUrl(uri) ? uri : $"/{regionCode}";
        context.Response.Redirect(outcome is null
            ? target
            : $"/login/refused?reason={outcome}&region={Uri.EscapeDataString(regionCode)}");
    }

    /// <returns>Null when signed in, else the reason it was refused.</returns>
    private async Task<string?> SignInAsync(ClaimsPrincipal external, string regionCode, CancellationToken cancellationToken)
    {
        var settings = catalog.FindSignOn(regionCode);
        // The handler keeps the validated token's issuer on each claim rather than as an "iss" claim.
        var subjectClaim = external.FindFirst("sub");
        var subject = subjectClaim?.Value;
        var issuer = subjectClaim?.Issuer ?? external.FindFirstValue("iss");
        // The handler validated the token against this region's provider; checked again so no other issuer's subject counts here.
        if (settings is null || issuer is null || subject is null || !settings.HasIssuer(issuer))
        {
            logger.LogWarning("Single sign-on into {Region} refused: issuer {Issuer} is not the region's provider.", regionCode, issuer);
            return "failed";
        }
        var email = external.FindFirstValue("email") ?? external.FindFirstValue("preferred_username");
        if (!settings.AllowsEmail(email))
        {
            return "domain";
        }
        var user = await users.FindByLoginAsync(issuer, subject) ?? await ProvisionAsync(external, issuer, subject, email);
        if (!await signIn.CanSignInAsync(user))
        {
            return "disabled";
        }
        await SetRolesAsync(user, settings, external.FindAll(settings.GroupClaim).Select(c => c.Value), cancellationToken);
        await signIn.SignInAsync(user, isPersistent: false, AuthenticationMethod);
        return null;
    }

    private async Task<RakeUser> ProvisionAsync(ClaimsPrincipal external, string issuer, string subject, string? email)
    {
        var user = new RakeUser
        {
            Id = Guid.CreateVersion7(),
            DisplayName = Truncate(external.FindFirstValue("name") ?? email ?? subject, 200),
            Email = email,
            EmailConfirmed = email is not null,
        };
        user.UserName = email is not null && await users.FindByNameAsync(email) is null && IsAllowedUserName(email)
            ? email
            : $"sso-{user.Id:N}";
        var created = await users.CreateAsync(user);
        var linked = created.Succeeded ? await users.AddLoginAsync(user, new UserLoginInfo(issuer, subject, issuer)) : created;
        if (!linked.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not provision the signed-in user: {string.Join("; ", linked.Errors.Select(e => e.Description))}");
        }
        logger.LogInformation("Provisioned user {UserId} at the first single sign-on.", user.Id);
        return user;
    }

    /// <summary>
    /// Roles the region maps from groups follow the groups at every sign-in; other roles are Rake's to manage. A role single
    /// sign-on gave stays the provider's after a PlatformAdmin takes it out of the mapping, so it goes at the next sign-in
    /// (docs/adr/0116); a role a RegionAdmin gave last is theirs.
    /// </summary>
    private async Task SetRolesAsync(RakeUser user, RegionSignOnSettings settings, IEnumerable<string> groups, CancellationToken ct)
    {
        var wanted = settings.RolesFor(groups);
        var held = await db.RegionRoles.Where(r => r.UserId == user.Id && r.RegionCode == settings.RegionCode).ToListAsync(ct);
        var managed = settings.ManagedRoles.Union(await GrantedBySignOnAsync(user.Id, settings.RegionCode, ct)).ToHashSet();
        var removed = held.Where(r => managed.Contains(r.Role) && !wanted.Contains(r.Role)).ToList();
        var added = wanted.Where(role => held.All(r => r.Role != role))
            .Select(role => new RegionRoleAssignment { UserId = user.Id, RegionCode = settings.RegionCode, Role = role })
            .ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }
        db.RegionRoles.RemoveRange(removed);
        db.RegionRoles.AddRange(added);
        // The same rows as a RegionAdmin's changes, so the person's history shows what the provider's groups did.
        var changes = removed.Select(r => (Action: PersonAuditTrail.RoleRevoked, r.Role)).OrderBy(c => c.Role.ToString())
            .Concat(added.Select(a => (Action: PersonAuditTrail.RoleGranted, a.Role)).OrderBy(c => c.Role.ToString()));
        foreach (var (action, role) in changes)
        {
            audit.Add(settings.RegionCode, null, SignOnActor, user.Id, action, role.ToString());
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Single sign-on set the roles of {UserId} in {Region}: added {Added}, removed {Removed}.",
            user.Id, settings.RegionCode, string.Join(",", added.Select(a => a.Role)), string.Join(",", removed.Select(r => r.Role)));
    }

    /// <summary>The roles whose latest grant in the person's history here was single sign-on's.</summary>
    private async Task<IEnumerable<RegionRole>> GrantedBySignOnAsync(Guid userId, string regionCode, CancellationToken ct)
    {
        var id = userId.ToString();
        var grants = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RegionCode == regionCode && a.EntityType == PersonAuditTrail.PersonEntity && a.EntityId == id
                && a.Action == PersonAuditTrail.RoleGranted)
            .Select(a => new { a.At, a.Actor, a.ChangedProperties })
            .ToListAsync(ct);
        return grants.GroupBy(g => g.ChangedProperties)
            .Where(g => g.OrderBy(x => x.At).Last().Actor == SignOnActor && Enum.TryParse<RegionRole>(g.Key, out _))
            .Select(g => Enum.Parse<RegionRole>(g.Key));
    }

    private bool IsAllowedUserName(string name) =>
        users.Options.User.AllowedUserNameCharacters is not { Length: > 0 } allowed || name.All(allowed.Contains);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
