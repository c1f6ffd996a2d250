using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Rake.Host.Platform.SignOn;

/// <summary>
/// Single sign-on per region (docs/adr/0096): an OpenID Connect scheme <c>oidc:{region}</c> for people and a JwtBearer scheme
/// <c>jwt:{region}</c> for integrations, added and refreshed at run time as the region catalogue changes.
/// </summary>
internal static class RegionSignOn
{
    public const string OidcPrefix = "oidc:";
    public const string JwtPrefix = "jwt:";

    public static IServiceCollection AddRakeRegionSignOn(this IServiceCollection services)
    {
        // What AddOpenIdConnect/AddJwtBearer register besides a scheme; the schemes themselves come from the catalogue.
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<JwtBearerOptions>, JwtBearerPostConfigureOptions>());
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, RegionOidcOptions>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, RegionJwtOptions>();
        services.AddSingleton<RegionSchemes>();
        services.AddScoped<RegionSignIn>();
        services.AddHostedService<RegionCatalogRefresher>();
        return services;
    }

    /// <summary>Subscribes the schemes to the catalogue before its first load.</summary>
    public static void UseRakeRegionSignOn(this IServiceProvider services) => services.GetRequiredService<RegionSchemes>().Attach();

    /// <summary>
    /// The bearer scheme for a request: a JWT whose issuer and audience belong to a region goes to that region's scheme;
    /// anything else to Rake's own bearer tokens (which refuse it).
    /// </summary>
    public static string BearerSchemeFor(HttpContext http)
    {
        var token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var reader = new JsonWebTokenHandler();
        if (!reader.CanReadToken(token))
        {
            return IdentityConstants.BearerScheme;
        }
        try
        {
            var jwt = reader.ReadJsonWebToken(token);
            var region = http.RequestServices.GetRequiredService<RegionCatalog>().FindByIssuerAndAudience(jwt.Issuer, jwt.Audiences);
            return region is null ? IdentityConstants.BearerScheme : JwtPrefix + region.RegionCode;
        }
        catch (ArgumentException)
        {
            return IdentityConstants.BearerScheme;
        }
    }

    public static void MapRegionSignOn(this IEndpointRouteBuilder app) =>
        app.MapGet("/login/sso/{region}", async (string region, RegionCatalog catalog, HttpContext http) =>
            {
                if (await catalog.FindOrReloadAsync(region, http.RequestAborted) is null || catalog.FindSignOn(region) is null)
                {
                    return Results.LocalRedirect($"/login/refused?reason=unknown");
                }
                return Results.Challenge(new AuthenticationProperties { RedirectUri = $"/{region}" }, [OidcPrefix + region]);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}

/// <summary>Keeps one scheme pair per region with a provider, and drops cached handler options whose settings changed.</summary>
internal sealed class RegionSchemes(
    RegionCatalog catalog,
    IAuthenticationSchemeProvider schemes,
    IOptionsMonitorCache<OpenIdConnectOptions> oidcOptions,
    IOptionsMonitorCache<JwtBearerOptions> jwtOptions)
{
    private readonly Lock gate = new();

    public void Attach()
    {
        catalog.SignOnChanged += Apply;
        Apply(new Dictionary<string, RegionSignOnSettings>(), catalog.SignOn);
    }

    private void Apply(IReadOnlyDictionary<string, RegionSignOnSettings> before, IReadOnlyDictionary<string, RegionSignOnSettings> after)
    {
        lock (gate)
        {
            foreach (var (code, old) in before)
            {
                if (!after.TryGetValue(code, out var now) || now.Version != old.Version)
                {
                    Remove(code);
                }
            }
            foreach (var (code, settings) in after)
            {
                if (!before.TryGetValue(code, out var old) || old.Version != settings.Version)
                {
                    Remove(code);
                    schemes.TryAddScheme(new AuthenticationScheme(RegionSignOn.OidcPrefix + code, null, typeof(OpenIdConnectHandler)));
                    if (settings.ApiAudience is not null)
                    {
                        schemes.TryAddScheme(new AuthenticationScheme(RegionSignOn.JwtPrefix + code, null, typeof(JwtBearerHandler)));
                    }
                }
            }
        }
    }

    private void Remove(string code)
    {
        schemes.RemoveScheme(RegionSignOn.OidcPrefix + code);
        schemes.RemoveScheme(RegionSignOn.JwtPrefix + code);
        oidcOptions.TryRemove(RegionSignOn.OidcPrefix + code);
        jwtOptions.TryRemove(RegionSignOn.JwtPrefix + code);
    }
}

internal sealed class RegionOidcOptions(RegionCatalog catalog) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options)
    {
    }

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name is null || !name.StartsWith(RegionSignOn.OidcPrefix, StringComparison.Ordinal)
            || catalog.FindSignOn(name[RegionSignOn.OidcPrefix.Length..]) is not { } settings)
        {
            return;
        }
        var code = settings.RegionCode;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = "code";
        options.UsePkce = true;
        // A GET callback carries the SameSite=Lax correlation cookie; form_post would need SameSite=None.
        options.ResponseMode = "query";
        options.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
        options.Scope.Clear();
        foreach (var scope in settings.Scopes.Append("openid").Distinct())
        {
            options.Scope.Add(scope);
        }
        // Each region has its own callback, so a response is only ever handled by the scheme (and issuer) that asked for it.
        options.CallbackPath = $"/signin-oidc/{code}";
        options.SignInScheme = IdentityConstants.ApplicationScheme;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;
        options.DisableTelemetry = true;
        options.RequireHttpsMetadata = !RegionSignOnSettings.IsLoopback(settings.Authority);
        options.TokenValidationParameters.NameClaimType = "name";
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events.OnTicketReceived = context =>
            context.HttpContext.RequestServices.GetRequiredService<RegionSignIn>().CompleteAsync(context, code);
        options.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILogger<RegionSignIn>>()
                .LogWarning(context.Failure, "Single sign-on into region {Region} failed.", code);
            context.Response.Redirect($"/login/refused?reason=failed&region={Uri.EscapeDataString(code)}");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}

internal sealed class RegionJwtOptions(RegionCatalog catalog) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(JwtBearerOptions options)
    {
    }

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name is null || !name.StartsWith(RegionSignOn.JwtPrefix, StringComparison.Ordinal)
            || catalog.FindSignOn(name[RegionSignOn.JwtPrefix.Length..]) is not { ApiAudience: not null } settings)
        {
            return;
        }
        options.Authority = settings.Authority;
        options.Audience = settings.ApiAudience;
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = !RegionSignOnSettings.IsLoopback(settings.Authority);
        options.TokenValidationParameters.ValidAudience = settings.ApiAudience;
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = IntegrationPrincipal.Create(settings, context.Principal!);
                return Task.CompletedTask;
            },
        };
    }
}
