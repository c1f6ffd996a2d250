using System.Security.Claims;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;
using Rake.Host.Platform.SignOn;

namespace Rake.Host.Api;

/// <summary>The region catalogue for PlatformAdmins: create a region and set its identity provider, no deploy, no restart.</summary>
internal static class PlatformRegionEndpoints
{
    public static void MapPlatformRegionEndpoints(this IEndpointRouteBuilder platformApi)
    {
        var regions = platformApi.MapGroup("/regions").WithTags("Platform: regions");
        regions.MapGet("", (ClaimsPrincipal user, RegionCatalogEditor editor, TextCatalog texts, CancellationToken ct) =>
            {
                RequirePlatformAdmin(user, texts);
                return editor.ListAsync(ct);
            })
            .WithSummary("Every region with its identity-provider settings (PlatformAdmin); client secrets are never returned.");

        regions.MapGet("/{code}", async (string code, ClaimsPrincipal user, RegionCatalogEditor editor, TextCatalog texts,
                CancellationToken ct) =>
            {
                RequirePlatformAdmin(user, texts);
                return await editor.FindAsync(code, ct) ?? throw new NotFoundException(texts.Get("platformRegions.notFound", code));
            })
            .WithSummary("One region with its identity-provider settings (PlatformAdmin).");

        regions.MapPost("", async (RegionInput input, ClaimsPrincipal user, RegionCatalogEditor editor, TextCatalog texts,
                CancellationToken ct) =>
            {
                RequirePlatformAdmin(user, texts);
                var created = await editor.CreateAsync(input, ct);
                return Results.Created($"/api/v1/platform/regions/{created.Code}", created);
            })
            .WithSummary("Create a region, optionally with its identity provider (PlatformAdmin); in force at once.");

        regions.MapPut("/{code}", async (string code, RegionInput input, ClaimsPrincipal user, RegionCatalogEditor editor,
                TextCatalog texts, CancellationToken ct) =>
            {
                RequirePlatformAdmin(user, texts);
                return await editor.UpdateAsync(code, input, ct);
            })
            .WithSummary("Change a region's names and identity provider (PlatformAdmin); an empty clientSecret keeps the stored one.");
    }

    public static bool IsPlatformAdmin(ClaimsPrincipal user) => user.HasClaim(PlatformRoles.ClaimType, PlatformRoles.PlatformAdmin);

    private static void RequirePlatformAdmin(ClaimsPrincipal user, TextCatalog texts)
    {
        if (!IsPlatformAdmin(user))
        {
            throw new ForbiddenException(texts["platformRegions.forbidden"]);
        }
    }
}
