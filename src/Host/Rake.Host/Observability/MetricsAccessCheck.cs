using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Rake.BuildingBlocks.Localization;

namespace Rake.Host.Observability;

/// <summary>
/// Lets a scrape through only with the configured token, or from loopback when that is allowed; everyone else gets a
/// 401 ProblemDetails and no metrics (docs/adr/0075).
/// </summary>
internal sealed class MetricsAccessCheck(RequestDelegate next, ObservabilityOptions options)
{
    private readonly byte[]? tokenHash = options.Metrics.ScrapeToken is { Length: > 0 } token ? Hash(token) : null;

    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems, TextCatalog texts)
    {
        if (HasToken(http) || (options.Metrics.AllowLoopback && IsLoopback(http.Connection.RemoteIpAddress)))
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = texts["observability.metrics.refused.title"],
                Detail = texts["observability.metrics.refused.detail"],
            },
        });
    }

    private bool HasToken(HttpContext http)
    {
        if (tokenHash is null)
        {
            return false;
        }
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Comparing hashes in fixed time tells an attacker neither the token's length nor how much of it matched.
        return CryptographicOperations.FixedTimeEquals(Hash(header[scheme.Length..].Trim()), tokenHash);
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
