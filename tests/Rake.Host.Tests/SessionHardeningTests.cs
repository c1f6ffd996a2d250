using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>A password hasher that counts how often a password was verified, to see that unknown names are hashed too.</summary>
public sealed class CountingHasher : IPasswordHasher<RakeUser>
{
    private readonly PasswordHasher<RakeUser> inner =
        new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));

    private int verified;

    public int Verified => Volatile.Read(ref verified);

    public string HashPassword(RakeUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(RakeUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verified);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The Host of <see cref="SessionHardeningTests"/>: a counting password hasher and a generous sign-in rate limit.</summary>
public sealed class SessionsHost : IAsyncLifetime
{
    public CountingHasher Hasher { get; } = new();

    public RakeTestHost Host { get; private set; } = default!;

    public async Task InitializeAsync() => Host = await RakeTestHost.StartAsync(configure: builder =>
    {
        builder.Configuration["Rake:SignIn:PermitLimit"] = "1000";
        builder.Services.AddSingleton<IPasswordHasher<RakeUser>>(Hasher);
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Sign-in and session hardening of issue 12, tried as an attacker would (docs/adr/0094, 0095).</summary>
public sealed class SessionHardeningTests(SessionsHost fixture) : IClassFixture<SessionsHost>
{
    private const string ReportsUrl = "/api/v1/regions/kainuu/social-reports?pageSize=1";
    private RakeTestHost Host => fixture.Host;

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        var cookies = new CookieContainer();
        using var browser = CookieSignIn.Client(Host.BaseAddress, cookies);
        var signIn = await CookieSignIn.PostLoginAsync(browser, "kainuu-professional", RakeTestHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var copied = cookies.GetCookies(new Uri(Host.BaseAddress))["rake.auth"]!.Value;
        using var thief = CookieSignIn.WithCookie(Host.BaseAddress, copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(ReportsUrl)).StatusCode);

        // GET does not sign out, and a POST without the form's token is refused.
        await browser.GetAsync("/account/logout");
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(ReportsUrl)).StatusCode);
        var bare = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal("application/problem+json", bare.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(ReportsUrl)).StatusCode);

        var token = await CookieSignIn.TokenOfAsync(browser, "/kainuu");
        var signOut = await browser.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync(ReportsUrl)).StatusCode);
        var page = await thief.GetAsync("/kainuu");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "null")]
    public async Task A_cross_site_post_with_the_cookie_is_refused_and_stores_nothing(string header, string value)
    {
        var cookie = await CookieSignIn.CookieAsync(Host.BaseAddress, "kainuu-responsibleperson");
        using var victim = CookieSignIn.WithCookie(Host.BaseAddress, cookie);
        using var bearer = await Host.ClientFor("kainuu-responsibleperson");
        var before = await Reports.CountVisibleAsync(bearer, "kainuu");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = ReportingOutputsTests.Csv([ReportingOutputsTests.Header, ImportRow(tag)]);

        using var import = new HttpRequestMessage(HttpMethod.Post, "/api/v1/regions/kainuu/imports?fileName=x.csv")
        {
            Content = new ByteArrayContent(file) { Headers = { { "Content-Type", "text/csv" } } },
        };
        import.Headers.TryAddWithoutValidation(header, value);
        var refused = await victim.SendAsync(import);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await Reports.CountVisibleAsync(bearer, "kainuu"));

        // Approving a publication: refused before the handler looks for it (404 would mean it got through).
        using var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/regions/kainuu/publications/{Guid.NewGuid()}/approve")
        {
            Content = new FormUrlEncodedContent([]),
        };
        approve.Headers.TryAddWithoutValidation(header, value);
        Assert.Equal(HttpStatusCode.Forbidden, (await victim.SendAsync(approve)).StatusCode);
    }

    [Fact]
    public async Task A_same_origin_call_with_the_cookie_and_a_bearer_call_without_origin_go_through()
    {
        var cookie = await CookieSignIn.CookieAsync(Host.BaseAddress, "kainuu-responsibleperson");
        using var page = CookieSignIn.WithCookie(Host.BaseAddress, cookie);
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var preview = new HttpRequestMessage(HttpMethod.Post, "/api/v1/regions/kainuu/imports/preview?fileName=x.csv")
        {
            Content = new ByteArrayContent(ReportingOutputsTests.Csv([ReportingOutputsTests.Header, ImportRow(tag)]))
            {
                Headers = { { "Content-Type", "text/csv" } },
            },
        };
        preview.Headers.TryAddWithoutValidation("Origin", Host.BaseAddress.TrimEnd('/'));
        Assert.Equal(HttpStatusCode.OK, (await page.SendAsync(preview)).StatusCode);

        // No Origin and no Sec-Fetch-Site: with the cookie that is not a browser page of ours, so it is refused…
        using var bare = new HttpRequestMessage(HttpMethod.Post, "/api/v1/regions/kainuu/imports/preview?fileName=x.csv")
        {
            Content = new ByteArrayContent(ReportingOutputsTests.Csv([ReportingOutputsTests.Header, ImportRow(tag)])),
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await page.SendAsync(bare)).StatusCode);
        // …and with a bearer token it is an integration, which no browser sends on its own.
        using var integration = await Host.ClientFor("kainuu-responsibleperson");
        var response = await ReportingOutputsTests.PostFileAsync(integration, "/api/v1/regions/kainuu/imports/preview",
            ReportingOutputsTests.Csv([ReportingOutputsTests.Header, ImportRow(tag)]), "x.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_hash_like_a_known_one()
    {
        using var anonymous = Host.Anonymous();
        var before = fixture.Hasher.Verified;
        var token = await anonymous.PostAsJsonAsync(
            "/api/v1/auth/token", new { userName = $"nobody-{Guid.NewGuid():N}", password = "Wrong-2026!" });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(before + 1, fixture.Hasher.Verified);

        var cookies = new CookieContainer();
        using var browser = CookieSignIn.Client(Host.BaseAddress, cookies);
        var form = await CookieSignIn.PostLoginAsync(browser, $"nobody-{Guid.NewGuid():N}", "Wrong-2026!");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(before + 2, fixture.Hasher.Verified);
    }

    [Fact]
    public async Task A_failed_sign_in_does_not_send_the_typed_password_back()
    {
        var cookies = new CookieContainer();
        using var browser = CookieSignIn.Client(Host.BaseAddress, cookies);
        var typed = $"Secret-{Guid.NewGuid():N}";
        var response = await CookieSignIn.PostLoginAsync(browser, "kainuu-planner", typed);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", body);
        Assert.DoesNotContain(typed, body);
        Assert.Contains("kainuu-planner", body);
    }

    [Fact]
    public async Task A_stranger_who_guesses_locks_out_only_their_own_address()
    {
        var stranger = new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.9" };
        var owner = new Dictionary<string, string> { ["X-Forwarded-For"] = "198.51.100.7" };
        var cookies = new CookieContainer();
        using var browser = CookieSignIn.Client(Host.BaseAddress, cookies);
        for (var i = 0; i < 5; i++)
        {
            await CookieSignIn.PostLoginAsync(browser, "kymenlaakso-planner", $"Guess-{i}", headers: stranger);
        }
        // The stranger is now locked out of the account even with the right password…
        var locked = await CookieSignIn.PostLoginAsync(browser, "kymenlaakso-planner", RakeTestHost.Password, headers: stranger);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        using var strangerApi = Host.Anonymous();
        strangerApi.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.Unauthorized, (await strangerApi.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "kymenlaakso-planner", password = RakeTestHost.Password })).StatusCode);

        // …and the owner, from their own address, is not.
        var signedIn = await CookieSignIn.PostLoginAsync(
            CookieSignIn.Client(Host.BaseAddress, new CookieContainer()), "kymenlaakso-planner", RakeTestHost.Password, headers: owner);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var ownerApi = Host.Anonymous();
        ownerApi.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        Assert.Equal(HttpStatusCode.OK, (await ownerApi.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "kymenlaakso-planner", password = RakeTestHost.Password })).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/%09/evil.example/")]
    public async Task Sign_in_and_the_language_switch_accept_only_local_return_urls(string returnUrl)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(Host.BaseAddress),
        };
        var escaped = returnUrl.Contains('%') ? returnUrl : Uri.EscapeDataString(returnUrl);
        var login = await anonymous.GetAsync($"/login?returnUrl={escaped}");
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal("application/problem+json", login.Content.Headers.ContentType?.MediaType);
        var culture = await anonymous.GetAsync($"/account/culture?culture=sv&returnUrl={escaped}");
        Assert.Equal(HttpStatusCode.BadRequest, culture.StatusCode);

        var local = await anonymous.GetAsync("/account/culture?culture=sv&returnUrl=%2Fkainuu");
        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/login?returnUrl=%2Fkainuu")).StatusCode);
    }

    [Fact]
    public async Task Every_kind_of_answer_carries_the_security_headers_and_personal_data_is_not_cached()
    {
        var cookie = await CookieSignIn.CookieAsync(Host.BaseAddress, "kainuu-regionadmin");
        using var signedIn = CookieSignIn.WithCookie(Host.BaseAddress, cookie);
        using var professional = CookieSignIn.WithCookie(
            Host.BaseAddress, await CookieSignIn.CookieAsync(Host.BaseAddress, "kymenlaakso-professional"));
        using var anonymous = Host.Anonymous();
        var css = System.Text.RegularExpressions.Regex.Match(
            await anonymous.GetStringAsync("/login"), "href=\"(rake[^\"]*\\.css)\"").Groups[1].Value;
        // Personal: true must not be stored by a cache, false must keep its caching, null either (a page with a form is no-store).
        var walk = new (string Kind, HttpClient Client, string Url, string? Type, bool? Personal)[]
        {
            ("sign-in page", anonymous, "/login", "text/html", null),
            ("page of a signed-in user", signedIn, "/kainuu", "text/html", true),
            ("API JSON", professional, "/api/v1/regions/kymenlaakso/social-reports?pageSize=1", "application/json", true),
            ("ProblemDetails", professional, $"/api/v1/regions/kymenlaakso/social-reports/{Guid.NewGuid()}",
                "application/problem+json", true),
            ("report HTML", professional, "/api/v1/regions/kymenlaakso/plan/export.html?lang=fi", "text/html", true),
            ("Atom feed", anonymous, "/feeds/kainuu/intranet.atom", "application/atom+xml", false),
            ("designer page", signedIn, "/kainuu/designer", "text/html", true),
            ("static file", signedIn, "/" + css, "text/css", false),
            ("designer bundle", signedIn, "/kainuu/designer/_framework/blazor.webassembly.js", "text/javascript", false),
            ("unknown API path", anonymous, "/api/v1/nothing-here", null, true),
        };
        foreach (var (kind, client, url, type, personal) in walk)
        {
            var response = await client.GetAsync(url);
            Assert.True(type is null || response.Content.Headers.ContentType?.MediaType == type,
                $"{kind}: {url} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{kind}: {url} has no Content-Security-Policy");
            var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("default-src 'self'", csp);
            var scripts = csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
            Assert.DoesNotContain("'unsafe-inline'", scripts);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            var noStore = response.Headers.CacheControl?.NoStore == true;
            Assert.True(personal is null || personal == noStore,
                $"{kind} ({url}, {(int)response.StatusCode}): Cache-Control {response.Headers.CacheControl}");
        }
        var designer = await signedIn.GetAsync("/kainuu/designer");
        Assert.Contains("'wasm-unsafe-eval'", string.Join(",", designer.Headers.GetValues("Content-Security-Policy")));
        var login = await anonymous.GetAsync("/login");
        Assert.DoesNotContain("wasm-unsafe-eval", string.Join(",", login.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_cookies_are_secure_and_HSTS_is_sent()
    {
        var cookies = new CookieContainer();
        using var browser = CookieSignIn.Client(Host.BaseAddress, cookies);
        var proxy = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-Host"] = "rake.example" };
        using var get = new HttpRequestMessage(HttpMethod.Get, "/login");
        foreach (var (name, value) in proxy)
        {
            get.Headers.TryAddWithoutValidation(name, value);
        }
        var page = await browser.SendAsync(get);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        // The same over plain HTTP from the loopback: no HSTS (the framework never sends it on http), cookies not Secure.
        var plain = await Host.Anonymous().GetAsync("/login");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static string[] ImportRow(string tag) =>
        [$"{tag}-1", "3.2.2023 9:15", "Kielteinen", $"Ristikkäinen {tag}", "Kuvaus.", "Ehdotus.", "income",
            "Aikuisten sosiaalipalvelut", "Kajaani", "Työikäiset"];
}

/// <summary>The sign-in rate limit per client address, on a Host of its own with a small limit.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Too_many_attempts_from_one_address_get_429_with_retry_after_and_other_addresses_do_not()
    {
        await using var host = await RakeTestHost.StartAsync(configure: builder =>
        {
            builder.Configuration["Rake:SignIn:PermitLimit"] = "3";
            builder.Configuration["Rake:SignIn:WindowSeconds"] = "300";
        });
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.20");
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "kainuu-planner", password = "Wrong-1!" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        var refused = await client.PostAsJsonAsync(
            "/api/v1/auth/token", new { userName = "kainuu-planner", password = RakeTestHost.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 300);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(429, problem!["status"]!.GetValue<int>());

        // The sign-in form counts in the same budget; reading the form does not.
        var cookies = new CookieContainer();
        using var browser = CookieSignIn.Client(host.BaseAddress, cookies);
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.20");
        var form = await CookieSignIn.PostLoginAsync(browser, "kainuu-planner", RakeTestHost.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.True(form.Headers.Contains("Retry-After"));

        using var other = host.Anonymous();
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.30");
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "kainuu-planner", password = RakeTestHost.Password })).StatusCode);
    }
}
