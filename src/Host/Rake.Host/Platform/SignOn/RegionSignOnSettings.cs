using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Host.Platform.SignOn;

/// <summary>A region's identity-provider settings as the handlers use them, the client secret unprotected (memory only).</summary>
internal sealed record RegionSignOnSettings(
    string RegionCode,
    string Authority,
    string ClientId,
    string? ClientSecret,
    IReadOnlyList<string> Scopes,
    string GroupClaim,
    IReadOnlyList<(string Group, RegionRole Role)> GroupRoles,
    IReadOnlyList<string> AllowedEmailDomains,
    string? ApiAudience,
    Guid Version)
{
    public const string DefaultGroupClaim = "groups";

    public static RegionSignOnSettings From(RegionIdentityProviderRecord row, IDataProtector protector) => new(
        row.RegionCode,
        row.Authority,
        row.ClientId,
        row.ProtectedClientSecret is { Length: > 0 } secret ? protector.Unprotect(secret) : null,
        Lines(row.Scopes),
        string.IsNullOrWhiteSpace(row.GroupClaim) ? DefaultGroupClaim : row.GroupClaim,
        ParseGroupRoles(row.GroupRoles),
        Lines(row.AllowedEmailDomains),
        string.IsNullOrWhiteSpace(row.ApiAudience) ? null : row.ApiAudience,
        row.Version);

    /// <summary>The roles the provider decides in this region: every role some group maps to (docs/adr/0097).</summary>
    public IReadOnlySet<RegionRole> ManagedRoles => GroupRoles.Select(m => m.Role).ToHashSet();

    public bool HasIssuer(string issuer) =>
        string.Equals(Authority.TrimEnd('/'), issuer.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    public IReadOnlySet<RegionRole> RolesFor(IEnumerable<string> groups)
    {
        var set = groups.ToHashSet(StringComparer.Ordinal);
        return GroupRoles.Where(m => set.Contains(m.Group)).Select(m => m.Role).ToHashSet();
    }

    public bool AllowsEmail(string? email)
    {
        if (AllowedEmailDomains.Count == 0)
        {
            return true;
        }
        var at = email?.LastIndexOf('@') ?? -1;
        if (email is null || at <= 0 || at == email.Length - 1)
        {
            return false;
        }
        var domain = email[(at + 1)..];
        return AllowedEmailDomains.Any(d => string.Equals(d, domain, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;

    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<(string Group, RegionRole Role)> ParseGroupRoles(string text) =>
        Lines(text)
            .Select(line => (Line: line, At: line.LastIndexOf('=')))
            .Where(x => x.At > 0 && Enum.TryParse<RegionRole>(x.Line[(x.At + 1)..], out _))
            .Select(x => (x.Line[..x.At], Enum.Parse<RegionRole>(x.Line[(x.At + 1)..])))
            .ToList();
}

/// <summary>
/// The principal of an integration that calls with an access token of a region's provider: bound to that one region, with
/// the roles mapped from the token's group and app-role claims. Rake's own tokens and cookies never carry these claims.
/// </summary>
internal static class IntegrationPrincipal
{
    public const string AuthenticationType = "rake-region-token";
    public const string RegionClaim = "rake:integration-region";
    public const string RoleClaim = "rake:integration-role";

    /// <summary>Entra ID puts an application's app roles into <c>roles</c>; the region's group claim is read as well.</summary>
    public const string AppRolesClaim = "roles";

    public static ClaimsPrincipal Create(RegionSignOnSettings settings, ClaimsPrincipal token)
    {
        var issuer = token.FindFirstValue("iss") ?? "";
        var client = token.FindFirstValue("client_id") ?? token.FindFirstValue("azp") ?? token.FindFirstValue("appid")
            ?? token.FindFirstValue("sub") ?? "";
        var values = token.FindAll(settings.GroupClaim).Concat(token.FindAll(AppRolesClaim)).Select(c => c.Value);
        var identity = new ClaimsIdentity(AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, StableId(settings.RegionCode, issuer, client).ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, $"client:{client}"));
        identity.AddClaim(new Claim(RegionClaim, settings.RegionCode));
        foreach (var role in settings.RolesFor(values))
        {
            identity.AddClaim(new Claim(RoleClaim, role.ToString()));
        }
        return new ClaimsPrincipal(identity);
    }

    public static bool IsIntegration(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.AuthenticationType == AuthenticationType && i.HasClaim(c => c.Type == RegionClaim));

    public static IReadOnlySet<RegionRole> RolesIn(ClaimsPrincipal user, string regionCode) =>
        user.HasClaim(RegionClaim, regionCode)
            ? user.FindAll(RoleClaim).Select(c => Enum.Parse<RegionRole>(c.Value)).ToHashSet()
            : new HashSet<RegionRole>();

    /// <summary>The same client always acts as the same actor id in the audit trail, without a user row of its own.</summary>
    private static Guid StableId(string region, string issuer, string client)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{region}\n{issuer}\n{client}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
