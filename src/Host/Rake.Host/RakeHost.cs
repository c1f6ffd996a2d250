using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Radzen;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Ui;
using Rake.BuildingBlocks.Web;
using Rake.Host.Api;
using Rake.Host.Benchmark;
using Rake.Host.Components;
using Rake.Host.Designer;
using Rake.Host.Observability;
using Rake.Host.Platform;
using Rake.Host.Platform.GoLive;
using Rake.Host.Platform.People;
using Rake.Host.Platform.SignOn;

namespace Rake.Host;

/// <summary>Builds the Rake web application; Program.cs runs it and the tests start it in-process on a loopback port.</summary>
public static class RakeHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name locates the static-asset manifest, also when a test process hosts Rake.
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { Args = args, ApplicationName = typeof(RakeHost).Assembly.GetName().Name });
        if (!builder.Environment.IsDevelopment())
        {
            // Packages' assets (blazor.web.js, Radzen) live outside wwwroot until publish; a Host run from the build output
            // in Production or Demo finds them through the runtime manifest. A published Host has none, so this changes nothing.
            builder.WebHost.UseStaticWebAssets();
        }
        configure?.Invoke(builder);
        var modules = RakeModules.Create();
        AddServices(builder, modules);
        builder.AddClusterBenchmark();
        var app = builder.Build();
        app.Services.UseRakeRegionSignOn();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await app.UseClusterBenchmarkAsync();
        Configure(app, modules);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var services = builder.Services;
        EnsureDataFolder(builder.Configuration);
        services.AddSingleton(modules);
        services.AddRakeBuildingBlocks(builder.Configuration);
        foreach (var module in modules)
        {
            module.AddServices(services, builder.Configuration);
        }
        services.AddSingleton(new TextCatalog(
            new[] { typeof(TextCatalog).Assembly, typeof(RakeHost).Assembly }.Concat(modules.Select(m => m.GetType().Assembly))));

        services.AddDbContext<PlatformDbContext>((sp, options) =>
            options.UseRakeDatabase(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, PlatformDbContext.SchemaName),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<RegionRoleCache>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<IUserDirectory>(sp => sp.GetRequiredService<UserDirectory>());
        services.AddScoped<IRegionPeopleFinder>(sp => sp.GetRequiredService<UserDirectory>());
        services.AddSingleton<RegionCatalog>();
        services.AddSingleton<IRegionAccess>(sp => sp.GetRequiredService<RegionCatalog>());
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<StartupLockHolder>();
        // On SIGTERM Kestrel stops accepting, then in-flight requests, the outbox and Quartz get this long to finish.
        services.Configure<HostOptions>(options => options.ShutdownTimeout =
            TimeSpan.FromSeconds(builder.Configuration.GetValue<double?>("Rake:ShutdownTimeoutSeconds") ?? 30));
        services.AddRakeRegionSignOn();
        services.AddScoped<RegionCatalogEditor>();
        services.AddScoped<RegionEndpointFilter>();
        services.AddStoredIdentityCodes();
        services.AddGoLiveChecklist();
        services.AddScoped<ElsaTenantFilter>();
        services.AddSingleton<DesignerAssets>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = "rake";
                options.DefaultChallengeScheme = "rake";
            })
            .AddPolicyScheme("rake", "Cookie for people, bearer token for integrations", options =>
                options.ForwardDefaultSelector = http =>
                    http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? RegionSignOn.BearerSchemeFor(http)
                        : IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.LoginPath = "/login";
                options.Cookie.Name = "rake.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                // The API answers 401/403 as ProblemDetails instead of redirecting to the login page.
                options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, 401);
                options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, 403);
            })
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1));
        services.AddAuthorization();
        services.AddIdentityCore<RakeUser>(options =>
            {
                // Wrong passwords lock out per account and client address (docs/adr/0094); this is only the backstop.
                options.Lockout.MaxFailedAccessAttempts = 100;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddRakePeople(builder.Configuration);
        builder.AddRakeSessions();
        services.AddCascadingAuthenticationState();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<RakeExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            StrictJson.Apply(options.SerializerOptions);
        });
        services.AddOpenApi(options => options.CreateSchemaReferenceId = new OpenApiSchemaIds().Create);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddRakeReadiness();
        builder.AddRakeObservability();
        services.AddLocalization();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        // Radzen's own texts (pager, filters, column picker) from the text catalog, in the page's language.
        services.AddSingleton<ILocalizer, RadzenTexts>();
        services.AddScoped<GridColumns>();
        services.AddHttpContextAccessor();
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static bool WantsPage(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api")
        && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private static void Configure(WebApplication app, IReadOnlyList<IModule> modules)
    {
        app.UseExceptionHandler();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        // A browser asking for a page that answers 403/404 with nothing in it would show its own English error page:
        // Rake's own page is written instead, keeping the status code (docs/adr/0134).
        app.UseWhen(WantsPage, page => page.UseStatusCodePages(context => StatusPages.WriteAsync(context.HttpContext)));
        var cultures = new[] { "fi", "sv", "en" }.Select(c => new CultureInfo(c)).ToList();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("fi"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        });
        app.UseRakeSessions();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapRakeHealth();
        app.MapRakeMetrics();
        // Every endpoint below holds route, query and header values to the same rules as JSON bodies (docs/adr/0070).
        var endpoints = app.MapGroup("").AddInputGuard();
        endpoints.MapAuthEndpoints();
        endpoints.MapRegionCatalogEndpoints();
        endpoints.MapRegionSignOn();
        var regionApi = endpoints.MapGroup("/api/v1/regions/{region}")
            .RequireAuthorization()
            .AddEndpointFilter<RegionEndpointFilter>()
            .AddRegionRoleChecks()
            .AddRequestValidation();
        regionApi.MapAuditEndpoints();
        regionApi.MapPeopleEndpoints();
        regionApi.MapStoredIdentityCodeEndpoints();
        regionApi.MapGoLiveRegionEndpoints();
        foreach (var module in modules)
        {
            module.MapRegionEndpoints(regionApi);
        }
        var platformApi = endpoints.MapGroup("/api/v1/platform").RequireAuthorization()
            .AddEndpointFilter<PlatformEndpointFilter>()
            .AddRequestValidation();
        platformApi.MapPlatformRegionEndpoints();
        platformApi.MapGoLivePlatformEndpoints();
        foreach (var module in modules)
        {
            module.MapPlatformEndpoints(platformApi);
        }
        endpoints.MapDesigner(modules);
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(modules.Select(m => m.UiAssembly).OfType<System.Reflection.Assembly>().Distinct().ToArray());
    }

    private static void EnsureDataFolder(IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
    }
}
