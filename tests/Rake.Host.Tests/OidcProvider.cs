using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rake.Host.Tests;

/// <summary>
/// A real OpenID provider (npm oidc-provider, tests/idp) on 127.0.0.1 and a free port, with one confidential client per test
/// region. Users live in a JSON file the provider reads at every sign-in, so a test can change someone's groups.
/// </summary>
public sealed partial class OidcProvider : IAsyncDisposable
{
    public static readonly string[] Regions = ["kainuu", "kymenlaakso", "lappi"];

    private readonly Process process;
    private readonly string folder;
    private readonly Dictionary<string, JsonObject> users = [];
    private readonly Lock gate = new();

    private OidcProvider(Process process, string folder, string issuer)
    {
        this.process = process;
        this.folder = folder;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public static string ClientId(string region) => $"rake-{region}";

    public static string ClientSecret(string region) => $"secret-of-{region}-client";

    public static string Audience(string region) => $"api://rake-{region}";

    /// <summary>The group an integration client of the region carries in its token's <c>roles</c> claim.</summary>
    public static string ApiGroup(string region) => $"{region}-integrations";

    public static async Task<OidcProvider> StartAsync()
    {
        var idp = FindIdpFolder();
        if (!Directory.Exists(Path.Combine(idp, "node_modules", "oidc-provider")))
        {
            // scripts/setup-machine.sh runs this once; done here too so the tests also run from an IDE on a fresh clone.
            await RunAsync("npm", "ci --no-audit --no-fund --ignore-scripts", idp);
        }
        var folder = Path.Combine(Path.GetTempPath(), "rake-idp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clients = Regions.Select(region => new
        {
            client_id = ClientId(region),
            client_secret = ClientSecret(region),
            // Native: oidc-provider then accepts the loopback redirect on any port, as the test Hosts' ports are not known here.
            application_type = "native",
            redirect_uris = new[] { $"http://127.0.0.1/signin-oidc/{region}" },
            grant_types = new[] { "authorization_code", "client_credentials" },
            response_types = new[] { "code" },
            token_endpoint_auth_method = "client_secret_post",
            roles = new[] { ApiGroup(region) },
        });
        await File.WriteAllTextAsync(Path.Combine(folder, "clients.json"), JsonSerializer.Serialize(clients));
        await File.WriteAllTextAsync(Path.Combine(folder, "users.json"), "{}");
        var start = new ProcessStartInfo("node", "idp.mjs")
        {
            WorkingDirectory = idp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["IDP_CLIENTS"] = Path.Combine(folder, "clients.json");
        start.Environment["IDP_USERS"] = Path.Combine(folder, "users.json");
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("The test OpenID provider stopped before it was ready.");
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                return new OidcProvider(process, folder, line["READY ".Length..].Trim());
            }
        }
    }

    /// <summary>Adds or changes a person at the provider; their next sign-in carries these claims.</summary>
    public void SetUser(string subject, string email, params string[] groups)
    {
        lock (gate)
        {
            users[subject] = new JsonObject
            {
                ["email"] = email,
                ["name"] = $"Test {subject}",
                ["groups"] = new JsonArray(groups.Select(g => (JsonNode)g).ToArray()),
            };
            File.WriteAllText(Path.Combine(folder, "users.json"), new JsonObject(users.Select(u =>
                KeyValuePair.Create(u.Key, (JsonNode?)u.Value.DeepClone()))).ToJsonString());
        }
    }

    /// <summary>The settings a PlatformAdmin enters in Rake for a test region.</summary>
    public object ProviderSettings(string region, object[] groupRoles, string[]? allowedEmailDomains = null) => new
    {
        authority = Issuer,
        clientId = ClientId(region),
        clientSecret = ClientSecret(region),
        scopes = new[] { "openid", "profile", "email", "groups" },
        groupClaim = "groups",
        groupRoles,
        allowedEmailDomains = allowedEmailDomains ?? [],
        apiAudience = Audience(region),
    };

    /// <summary>A client-credentials access token (a JWT) of the region's client for the given audience.</summary>
    public async Task<string> ClientTokenAsync(string region, string? audience = null)
    {
        using var http = new HttpClient();
        var response = await http.PostAsync($"{Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId(region),
            ["client_secret"] = ClientSecret(region),
            ["resource"] = audience ?? Audience(region),
            ["scope"] = "api",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    /// <summary>
    /// Signs a person in through the provider's login form, following redirects by hand: Rake → provider → login form →
    /// provider → Rake's callback. Returns the client (holding Rake's cookie) and where Rake sent the browser at the end.
    /// </summary>
    public async Task<SignOnResult> SignInAsync(RakeTestHost host, string region, string subject, Func<Uri, Uri>? rewriteCallback = null)
    {
        var handler = new CookieJar { InnerHandler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false } };
        var client = new HttpClient(handler)
        {
            BaseAddress = new Uri(host.BaseAddress),
        };
        var uri = new Uri(new Uri(host.BaseAddress), $"/login/sso/{region}");
        for (var hop = 0; hop < 20; hop++)
        {
            using var response = await client.GetAsync(uri);
            if (response.StatusCode == HttpStatusCode.OK && uri.AbsolutePath.StartsWith("/interaction/", StringComparison.Ordinal))
            {
                var form = await response.Content.ReadAsStringAsync();
                var action = WebUtility.HtmlDecode(FormAction().Match(form).Groups[1].Value);
                using var posted = await client.PostAsync(new Uri(uri, action), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["prompt"] = "login",
                    ["login"] = subject,
                    ["password"] = "any",
                }));
                uri = Next(uri, posted);
                continue;
            }
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                throw new InvalidOperationException($"Sign-on stopped at {uri} with {(int)response.StatusCode}.");
            }
            var next = Next(uri, response);
            var atRake = next.Authority == new Uri(host.BaseAddress).Authority;
            if (atRake && !next.AbsolutePath.StartsWith("/signin-oidc/", StringComparison.Ordinal))
            {
                return new SignOnResult(client, next.PathAndQuery);
            }
            uri = next.AbsolutePath.StartsWith("/signin-oidc/", StringComparison.Ordinal) && rewriteCallback is not null
                ? rewriteCallback(next)
                : next;
        }
        throw new InvalidOperationException("Sign-on did not end after 20 redirects.");
    }

    private static Uri Next(Uri current, HttpResponseMessage response) =>
        new(current, response.Headers.Location ?? throw new InvalidOperationException($"No redirect from {current}."));

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }

    private static string FindIdpFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "idp");
            if (File.Exists(Path.Combine(candidate, "idp.mjs")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("tests/idp not found above " + AppContext.BaseDirectory);
    }

    private static async Task RunAsync(string file, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, UseShellExecute = false })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed in {folder}.");
        }
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}

public sealed record SignOnResult(HttpClient Client, string Location);

/// <summary>
/// Cookies per host and port, path ignored: the provider sets its interaction cookie for <c>/interaction/{uid}</c> in the
/// answer to <c>/auth</c>, which a browser keeps but .NET's CookieContainer drops (it wants the path to cover the request).
/// </summary>
internal sealed class CookieJar : DelegatingHandler
{
    private readonly Dictionary<(string Authority, string Name), string> cookies = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authority = request.RequestUri!.Authority;
        var sent = cookies.Where(c => c.Key.Authority == authority).Select(c => $"{c.Key.Name}={c.Value}").ToList();
        if (sent.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", sent));
        }
        var response = await base.SendAsync(request, cancellationToken);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var at = pair.IndexOf('=');
            var (name, value) = (pair[..at].Trim(), pair[(at + 1)..].Trim());
            var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
            if (expired)
            {
                cookies.Remove((authority, name));
            }
            else
            {
                cookies[(authority, name)] = value;
            }
        }
        return response;
    }
}
