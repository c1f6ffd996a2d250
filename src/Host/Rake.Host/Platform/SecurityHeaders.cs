namespace Rake.Host.Platform;

/// <summary>
/// Headers every answer carries, whatever wrote it (page, API JSON, ProblemDetails, report HTML, Atom, designer, static
/// file): set when the response starts, so no endpoint can forget them (docs/adr/0095).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Scripts only from this origin (Blazor, Radzen, reconnect.js; no eval, no inline script) and connections only to
    /// it: in CSP level 3 'self' also matches the circuit's ws:/wss: WebSocket to the same host (docs/adr/0004). Styles allow
    /// inline for the components' style attributes.</summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>Elsa Studio is Blazor WebAssembly: it compiles WebAssembly and Monaco starts its workers from blob URLs.</summary>
    public const string DesignerPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
        + "frame-ancestors 'none'";

    /// <summary>First in the pipeline, ahead of the middleware that modules add by startup filters (the public Atom feed):
    /// the proxy's headers decide the scheme (Secure cookies, HSTS) and the client address.</summary>
    public static void AddRakeSecurityHeaders(this IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, FirstInPipeline>());

    private sealed class FirstInPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            app.UseHsts();
            // Every cookie (sign-in, antiforgery, language) is Secure when the request came over HTTPS.
            app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
            app.Use((http, nextMiddleware) =>
            {
                http.Response.OnStarting(static state => Apply((HttpContext)state), http);
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    private static Task Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        // A workflow's HTTP answer carries its own sandboxing policy, stricter than the pages' (docs/adr/0158).
        if (!headers.ContentSecurityPolicy.ToString().StartsWith("sandbox", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = IsDesigner(http.Request.Path) ? DesignerPolicy : Policy;
        }
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        var path = http.Request.Path;
        // Personal data must not stay in a shared computer's cache; static files keep the caching they were served with.
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/elsa/api")
            || (http.User.Identity?.IsAuthenticated == true && headers.CacheControl.Count == 0))
        {
            headers.CacheControl = "no-store";
        }
        return Task.CompletedTask;
    }

    /// <summary><c>/{region}/designer</c> and everything below it.</summary>
    private static bool IsDesigner(PathString path)
    {
        var segments = path.Value?.Split('/', 4) ?? [];
        return segments.Length >= 3 && segments[2] == "designer";
    }
}
