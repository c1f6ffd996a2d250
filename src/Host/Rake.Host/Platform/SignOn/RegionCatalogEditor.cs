using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Platform.SignOn;

internal sealed record GroupRoleInput(string? Group, string? Role);

internal sealed record IdentityProviderInput(
    string? Authority,
    string? ClientId,
    string? ClientSecret,
    IReadOnlyList<string>? Scopes,
    string? GroupClaim,
    IReadOnlyList<GroupRoleInput>? GroupRoles,
    IReadOnlyList<string>? AllowedEmailDomains,
    string? ApiAudience);

/// <summary>A region as a PlatformAdmin writes it; <c>identityProvider</c> null means the region has no single sign-on.</summary>
internal sealed record RegionInput(string? Code, string? NameFi, string? NameSv, string? NameEn, IdentityProviderInput? IdentityProvider);

internal sealed record GroupRoleDto(string Group, RegionRole Role);

/// <summary>The client secret is never returned, only whether one is stored.</summary>
internal sealed record IdentityProviderDto(
    string Authority,
    string ClientId,
    bool HasClientSecret,
    IReadOnlyList<string> Scopes,
    string GroupClaim,
    IReadOnlyList<GroupRoleDto> GroupRoles,
    IReadOnlyList<string> AllowedEmailDomains,
    string? ApiAudience,
    string CallbackPath);

internal sealed record PlatformRegionDto(string Code, string NameFi, string NameSv, string NameEn, IdentityProviderDto? IdentityProvider);

/// <summary>Creates and edits regions and their identity providers; every change is in force at once on this Host.</summary>
internal sealed class RegionCatalogEditor(
    PlatformDbContext db, RegionCatalog catalog, IDataProtectionProvider protection, TextCatalog texts)
{
    public async Task<IReadOnlyList<PlatformRegionDto>> ListAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var providers = await db.RegionIdentityProviders.AsNoTracking().ToDictionaryAsync(p => p.RegionCode, cancellationToken);
        return regions.Select(r => ToDto(r, providers.GetValueOrDefault(r.Code))).ToList();
    }

    public async Task<PlatformRegionDto?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken);
        return region is null
            ? null
            : ToDto(region,
                await db.RegionIdentityProviders.AsNoTracking().FirstOrDefaultAsync(p => p.RegionCode == code, cancellationToken));
    }

    public async Task<PlatformRegionDto> CreateAsync(RegionInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!RegionId.IsValidCode(input.Code))
        {
            errors["code"] = [texts["platformRegions.codeInvalid"]];
        }
        await ValidateAsync(input, input.Code ?? "", existingSecret: false, errors, cancellationToken);
        Throw(errors);
        if (await db.Regions.AnyAsync(r => r.Code == input.Code, cancellationToken))
        {
            throw new ConflictException(texts.Get("platformRegions.codeTaken", input.Code!));
        }
        var region = new RegionRecord { Code = input.Code! };
        db.Regions.Add(region);
        Apply(input, region, null);
        await db.SaveChangesAsync(cancellationToken);
        await catalog.LoadAsync(cancellationToken);
        return (await FindAsync(region.Code, cancellationToken))!;
    }

    public async Task<PlatformRegionDto> UpdateAsync(string code, RegionInput input, CancellationToken cancellationToken)
    {
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == code, cancellationToken)
            ?? throw new NotFoundException(texts.Get("platformRegions.notFound", code));
        var provider = await db.RegionIdentityProviders.FirstOrDefaultAsync(p => p.RegionCode == code, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (input.Code is not null && input.Code != code)
        {
            errors["code"] = [texts["platformRegions.codeFixed"]];
        }
        await ValidateAsync(input, code, existingSecret: provider?.ProtectedClientSecret is not null, errors, cancellationToken);
        Throw(errors);
        Apply(input, region, provider);
        await db.SaveChangesAsync(cancellationToken);
        await catalog.LoadAsync(cancellationToken);
        return (await FindAsync(code, cancellationToken))!;
    }

    private void Apply(RegionInput input, RegionRecord region, RegionIdentityProviderRecord? provider)
    {
        region.NameFi = input.NameFi!.Trim();
        region.NameSv = string.IsNullOrWhiteSpace(input.NameSv) ? region.NameFi : input.NameSv.Trim();
        region.NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? region.NameFi : input.NameEn.Trim();
        region.Active = true;
        if (input.IdentityProvider is not { } idp)
        {
            if (provider is not null)
            {
                db.RegionIdentityProviders.Remove(provider);
            }
            return;
        }
        if (provider is null)
        {
            db.RegionIdentityProviders.Add(provider = new RegionIdentityProviderRecord { RegionCode = region.Code });
        }
        provider.Authority = idp.Authority!.Trim();
        provider.ClientId = idp.ClientId!.Trim();
        if (!string.IsNullOrEmpty(idp.ClientSecret))
        {
            provider.ProtectedClientSecret = protection.CreateProtector(RegionCatalog.SecretPurpose).Protect(idp.ClientSecret);
        }
        provider.Scopes = Join(idp.Scopes is { Count: > 0 } scopes ? scopes : ["openid", "profile", "email"]);
        provider.GroupClaim = string.IsNullOrWhiteSpace(idp.GroupClaim) ? RegionSignOnSettings.DefaultGroupClaim : idp.GroupClaim.Trim();
        provider.GroupRoles = Join((idp.GroupRoles ?? []).Select(m => $"{m.Group!.Trim()}={Enum.Parse<RegionRole>(m.Role!, true)}"));
        provider.AllowedEmailDomains = Join((idp.AllowedEmailDomains ?? []).Select(d => d.Trim().ToLowerInvariant()));
        provider.ApiAudience = string.IsNullOrWhiteSpace(idp.ApiAudience) ? null : idp.ApiAudience.Trim();
        provider.Version = Guid.NewGuid();
    }

    private async Task ValidateAsync(
        RegionInput input, string code, bool existingSecret, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.NameFi))
        {
            errors["nameFi"] = [texts["platformRegions.nameRequired"]];
        }
        foreach (var (field, value) in new[] { ("nameFi", input.NameFi), ("nameSv", input.NameSv), ("nameEn", input.NameEn) })
        {
            if (value is { Length: > 200 })
            {
                errors[field] = [texts.Get("platformRegions.tooLong", 200)];
            }
        }
        if (input.IdentityProvider is not { } idp)
        {
            return;
        }
        const string p = "identityProvider.";
        if (!IsAuthority(idp.Authority))
        {
            errors[p + "authority"] = [texts["platformRegions.authorityInvalid"]];
        }
        if (string.IsNullOrWhiteSpace(idp.ClientId) || idp.ClientId.Length > 200)
        {
            errors[p + "clientId"] = [texts["platformRegions.clientIdRequired"]];
        }
        if (string.IsNullOrEmpty(idp.ClientSecret) ? !existingSecret : idp.ClientSecret.Length > 1000)
        {
            errors[p + "clientSecret"] = [texts["platformRegions.clientSecretRequired"]];
        }
        for (var i = 0; i < (idp.Scopes?.Count ?? 0); i++)
        {
            if (!IsToken(idp.Scopes![i], 200))
            {
                errors[$"{p}scopes[{i}]"] = [texts["platformRegions.valueInvalid"]];
            }
        }
        if (idp.GroupClaim is { Length: > 0 } && !IsToken(idp.GroupClaim, 200))
        {
            errors[p + "groupClaim"] = [texts["platformRegions.valueInvalid"]];
        }
        for (var i = 0; i < (idp.GroupRoles?.Count ?? 0); i++)
        {
            var mapping = idp.GroupRoles![i];
            if (string.IsNullOrWhiteSpace(mapping?.Group) || mapping.Group.Length > 200 || mapping.Group.Contains('\n'))
            {
                errors[$"{p}groupRoles[{i}].group"] = [texts["platformRegions.groupRequired"]];
            }
            // Enum.TryParse also takes numbers and comma-joined flags; only a role's own name is a role here.
            if (mapping?.Role is null || !Enum.TryParse<RegionRole>(mapping.Role, true, out var role) || !Enum.IsDefined(role)
                || mapping.Role.Any(c => char.IsDigit(c) || c == ','))
            {
                errors[$"{p}groupRoles[{i}].role"] =
                    [texts.Get("platformRegions.roleUnknown", string.Join(", ", Enum.GetNames<RegionRole>()))];
            }
        }
        for (var i = 0; i < (idp.AllowedEmailDomains?.Count ?? 0); i++)
        {
            var domain = idp.AllowedEmailDomains![i]?.Trim();
            if (domain is null || Uri.CheckHostName(domain) != UriHostNameType.Dns || !domain.Contains('.') || domain.Length > 200)
            {
                errors[$"{p}allowedEmailDomains[{i}]"] = [texts["platformRegions.domainInvalid"]];
            }
        }
        // The lists are stored one per line in columns of a fixed size.
        foreach (var (field, values, max) in new (string Field, IReadOnlyList<string?>? Values, int Max)[]
        {
            ("scopes", idp.Scopes, 1000),
            ("groupRoles", idp.GroupRoles?.Select(m => $"{m?.Group}={m?.Role}").ToList(), 8000),
            ("allowedEmailDomains", idp.AllowedEmailDomains, 4000),
        })
        {
            if (values is not null && values.Sum(v => (v?.Length ?? 0) + 1) > max)
            {
                errors[p + field] = [texts.Get("platformRegions.tooLong", max)];
            }
        }
        if (idp.ApiAudience is { Length: > 0 } audience)
        {
            if (!IsToken(audience, 500))
            {
                errors[p + "apiAudience"] = [texts["platformRegions.valueInvalid"]];
            }
            else if (IsAuthority(idp.Authority))
            {
                // The issuer and audience of a token name its region, so no two regions may share both.
                var authority = idp.Authority!.Trim().TrimEnd('/');
                var others = await db.RegionIdentityProviders.AsNoTracking()
                    .Where(o => o.RegionCode != code && o.ApiAudience == audience.Trim())
                    .Select(o => o.Authority)
                    .ToListAsync(cancellationToken);
                if (others.Any(o => string.Equals(o.TrimEnd('/'), authority, StringComparison.OrdinalIgnoreCase)))
                {
                    errors[p + "apiAudience"] = [texts["platformRegions.audienceTaken"]];
                }
            }
        }
    }

    private void Throw(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors, texts["validation.nothingStored"]);
        }
    }

    /// <summary>An absolute https address; plain http only on this machine (a provider in the tests).</summary>
    private static bool IsAuthority(string? value) =>
        value is { Length: <= 500 } && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    private static bool IsToken(string? value, int max) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= max && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static string Join(IEnumerable<string> values) => string.Join('\n', values.Where(v => v.Length > 0).Distinct());

    private static PlatformRegionDto ToDto(RegionRecord region, RegionIdentityProviderRecord? provider) => new(
        region.Code, region.NameFi, region.NameSv, region.NameEn,
        provider is null
            ? null
            : new IdentityProviderDto(
                provider.Authority,
                provider.ClientId,
                provider.ProtectedClientSecret is not null,
                RegionSignOnSettings.Lines(provider.Scopes),
                provider.GroupClaim,
                RegionSignOnSettings.ParseGroupRoles(provider.GroupRoles).Select(m => new GroupRoleDto(m.Group, m.Role)).ToList(),
                RegionSignOnSettings.Lines(provider.AllowedEmailDomains),
                provider.ApiAudience,
                $"/signin-oidc/{region.Code}"));
}
