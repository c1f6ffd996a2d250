using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rake.BuildingBlocks.Localization;

namespace Rake.Host.Platform;

/// <summary>Limits on signing in (configuration section <c>Rake:SignIn</c>, docs/adr/0094).</summary>
internal sealed class SignInLimits
{
    public const string Section = "Rake:SignIn";

    /// <summary>Sign-in attempts (form and token endpoint together) one client address may make per window.</summary>
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Wrong passwords for one account from one client address before that address is locked out of it.</summary>
    public int MaxFailuresPerClient { get; set; } = 5;

    public int ClientLockoutMinutes { get; set; } = 15;
}

/// <summary>Proxies whose X-Forwarded-* headers are believed (configuration section <c>Rake:ForwardedHeaders</c>).</summary>
internal sealed class ForwardedHeadersSettings
{
    public const string Section = "Rake:ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];

    /// <summary>CIDR networks, such as <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public int? ForwardLimit { get; set; } = 1;
}

/// <summary>
/// Keys and sessions (docs/adr/0093, 0094): the data-protection key ring in the platform schema, cookies checked against
/// the user's security stamp on every request, sign-in rate limits and lockout per account and client address, and the
/// same-origin rule for cookie-authenticated API calls that change data.
/// </summary>
internal static class Sessions
{
    public const string ApplicationName = "Rake";
    public const string AuthCookieName = "rake.auth";

    public static void ConfigureKeyTable(ModelBuilder builder) =>
        builder.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>(b =>
        {
            b.ToTable("DataProtectionKeys");
            b.Property(k => k.FriendlyName).HasMaxLength(200);
        });

    public static void AddRakeSessions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // One application name and one key table: every Host on the database reads the others' cookies and tokens.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PlatformDbContext>();
        var certificatePath = configuration["Rake:DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["Rake:DataProtection:CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        // The stamp is checked on every request (SecurityStampValidator's check with a zero interval), so a sign-out, which
        // renews it, ends every copy of the cookie. Unlike the validator this does not re-issue the cookie on each request,
        // which would put a Set-Cookie and no-store on every static file.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            o.Events.OnValidatePrincipal = ValidateStampAsync;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddOptions<SignInLimits>().Bind(configuration.GetSection(SignInLimits.Section));
        services.AddSingleton<SignInGuard>();
        services.AddScoped<RakeSignInManager>();
        services.Replace(ServiceDescriptor.Scoped<SignInManager<RakeUser>>(sp => sp.GetRequiredService<RakeSignInManager>()));
        var limits = configuration.GetSection(SignInLimits.Section).Get<SignInLimits>() ?? new SignInLimits();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignInAttempt(http.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => TooManyAttemptsAsync(context);
        });

        var forwarded = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>()
            ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Loopback stays trusted (the framework's default); a TLS proxy elsewhere must be named.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = forwarded.ForwardLimit;
            foreach (var proxy in forwarded.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in forwarded.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddRakeSecurityHeaders();
    }

    /// <summary>Runs after localisation (the answers are worded in the caller's language) and before the endpoints.</summary>
    public static void UseRakeSessions(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(async (http, next) =>
        {
            if (NeedsSameOrigin(http.Request) && !IsSameOrigin(http.Request)
                && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                var texts = http.RequestServices.GetRequiredService<TextCatalog>();
                await WriteProblemAsync(http, StatusCodes.Status403Forbidden, texts["sessions.crossSite.title"],
                    texts["sessions.crossSite.detail"]);
                return;
            }
            await next(http);
        });
    }

    /// <summary>POST /account/logout: only with the form's antiforgery token; the new security stamp ends every copy of the
    /// cookie, not only the one in this browser.</summary>
    public static async Task<IResult> SignOutAsync(
        HttpContext http, IAntiforgery antiforgery, SignInManager<RakeUser> signIn, UserManager<RakeUser> users, TextCatalog texts)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(
                statusCode: 400, title: texts["sessions.logoutToken.title"], detail: texts["sessions.logoutToken.detail"]);
        }
        if (await users.GetUserAsync(http.User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    private static async Task ValidateStampAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<RakeUser>>();
        if (context.Principal is null || await signIn.ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>The framework's rule for a local URL: one slash, not followed by a slash or a backslash, and no control
    /// character (a browser drops a tab, so "/\t/host" would become "//host").</summary>
    public static bool IsLocalUrl(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    /// <summary>The address the rate limit and the lockout count: the client's, once a trusted proxy's X-Forwarded-For is
    /// applied.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/v1/auth/token", StringComparison.OrdinalIgnoreCase));

    /// <summary>A data-changing API call that rides on the sign-in cookie; bearer tokens are never sent by a browser on its own.</summary>
    private static bool NeedsSameOrigin(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method))
        && (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/elsa/api"))
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && request.Cookies.ContainsKey(AuthCookieName);

    /// <summary>Browsers send Sec-Fetch-Site or Origin with every POST; a request with neither is not trusted with a cookie.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"];
        if (site.Count > 0)
        {
            return site.ToString() == "same-origin";
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }

    private static async ValueTask TooManyAttemptsAsync(OnRejectedContext context)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var texts = http.RequestServices.GetRequiredService<TextCatalog>();
        await WriteProblemAsync(http, StatusCodes.Status429TooManyRequests, texts["sessions.tooMany.title"],
            texts.Get("sessions.tooMany.detail", seconds));
    }

    private static async Task WriteProblemAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                .TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
        {
            await http.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }
}
