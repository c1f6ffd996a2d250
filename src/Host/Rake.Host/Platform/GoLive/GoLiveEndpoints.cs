using System.Security.Claims;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Host.Api;

namespace Rake.Host.Platform.GoLive;

/// <summary>
/// The checklist as JSON: for the region's RegionAdmins under the region's API, and read-only for PlatformAdmins under the
/// platform API (docs/adr/0111), which holds no role in any region and so cannot pass the region gate.
/// </summary>
internal static class GoLiveEndpoints
{
    public static readonly RegionRoleRequirement Admin = new("goLivePage.forbidden", [RegionRole.RegionAdmin]);

    public static IServiceCollection AddGoLiveChecklist(this IServiceCollection services) =>
        services.AddScoped<GoLiveChecklist>().AddScoped<GoLiveReader>();

    public static void MapGoLiveRegionEndpoints(this IEndpointRouteBuilder regionApi) =>
        regionApi.MapGet("/go-live", (GoLiveChecklist checklist, CancellationToken ct) => checklist.BuildAsync(ct))
            .RequireRegionRoles(Admin)
            .WithTags("Go-live")
            .WithSummary("What the region still needs before its staff start: every module's items, done or missing (RegionAdmin).");

    public static void MapGoLivePlatformEndpoints(this IEndpointRouteBuilder platformApi) =>
        platformApi.MapGet("/regions/{code}/go-live", (string code, ClaimsPrincipal user, GoLiveReader reader, TextCatalog texts,
                CancellationToken ct) =>
            {
                if (!PlatformRegionEndpoints.IsPlatformAdmin(user))
                {
                    throw new ForbiddenException(texts["platformRegions.forbidden"]);
                }
                return reader.ReadAsync(code, user.Identity?.Name ?? "platform", ct);
            })
            .WithTags("Platform: regions")
            .WithSummary("Any region's go-live checklist, read-only (PlatformAdmin): counts and done or missing, no personal data.");
}

/// <summary>Reads a region's checklist for someone who holds no role there (a PlatformAdmin): a scope of its own, set to
/// the region as a reader with no roles, so the sources see only that region's rows and nothing can be changed.</summary>
internal sealed class GoLiveReader(IServiceScopeFactory scopes, RegionCatalog catalog, TextCatalog texts)
{
    public async Task<GoLiveChecklistDto> ReadAsync(string code, string reader, CancellationToken ct)
    {
        var region = await catalog.FindOrReloadAsync(code, ct) ?? throw new NotFoundException(texts.Get("platformRegions.notFound", code));
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(region.Id, $"platform:{reader}");
        return await scope.ServiceProvider.GetRequiredService<GoLiveChecklist>().BuildAsync(ct);
    }
}
