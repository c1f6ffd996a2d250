using System.Net;
using System.Text.RegularExpressions;

namespace Rake.Host.Tests;

/// <summary>Signs in through the /login form as a browser would (antiforgery token and all) and hands back the cookie.</summary>
internal static partial class CookieSignIn
{
    /// <summary>A client that keeps its cookies and does not follow redirects, so each answer can be looked at.</summary>
    public static HttpClient Client(string baseAddress, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseAddress) };

    public static async Task<string> TokenOfAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no antiforgery token.");
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(
        HttpClient client, string userName, string password, string path = "/login", IDictionary<string, string>? headers = null)
    {
        var token = await TokenOfAsync(client, path);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request);
    }

    /// <summary>Signs in and returns the value of the <c>rake.auth</c> cookie the Host set.</summary>
    public static async Task<string> CookieAsync(string baseAddress, string userName, string password = RakeTestHost.Password)
    {
        var cookies = new CookieContainer();
        using var client = Client(baseAddress, cookies);
        var response = await PostLoginAsync(client, userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        return cookies.GetCookies(new Uri(baseAddress))["rake.auth"]?.Value
            ?? throw new InvalidOperationException("The sign-in set no rake.auth cookie.");
    }

    /// <summary>A client that sends the given sign-in cookie and nothing else.</summary>
    public static HttpClient WithCookie(string baseAddress, string cookie)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseAddress),
        };
        client.DefaultRequestHeaders.Add("Cookie", $"rake.auth={cookie}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
