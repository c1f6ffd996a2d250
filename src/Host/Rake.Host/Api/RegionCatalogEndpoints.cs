using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.Host.Platform;

namespace Rake.Host.Api;

internal sealed record RegionDto(string Code, string Name, IReadOnlyList<string> Roles);

internal static class RegionCatalogEndpoints
{
    public static void MapRegionCatalogEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/regions", async (HttpContext http, IRegionAccess regions) =>
            {
                var result = new List<RegionDto>();
                foreach (var region in await regions.RegionsOfAsync(http.User, http.RequestAborted))
                {
                    var access = await regions.ResolveAsync(http.User, region.Id.Code, http.RequestAborted);
                    result.Add(new RegionDto(
                        region.Id.Code, region.Name(TextCatalog.CurrentLanguage), access.Roles.Select(r => r.ToString()).Order().ToList()));
                }
                return result;
            })
            .RequireAuthorization()
            .WithTags("Regions")
            .WithSummary("The regions where the caller holds roles, with those roles.");
}

internal sealed class DatabaseHealthCheck(PlatformDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
