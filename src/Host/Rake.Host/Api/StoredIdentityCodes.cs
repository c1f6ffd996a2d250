using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Privacy;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Api;

/// <summary>
/// Stored texts of the caller's region that the PII guard would refuse today, gathered from every module's
/// <see cref="IStoredTextScreen"/> (each answers for its own tables, inside the region), so old data can be cleaned.
/// </summary>
internal sealed class StoredIdentityCodes(IEnumerable<IStoredTextScreen> screens)
{
    public async Task<PagedResult<StoredTextFinding>> PageAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var request = new PageRequest(Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? 50, 1, PageRequest.MaxPageSize));
        var all = new List<StoredTextFinding>();
        foreach (var screen in screens.OrderBy(s => s.Module, StringComparer.Ordinal))
        {
            all.AddRange(await screen.FindIdentityCodesAsync(ct));
        }
        var items = all.Skip(request.Skip).Take(request.PageSize).ToList();
        return new PagedResult<StoredTextFinding>(items, all.Count, request.Page, request.PageSize);
    }
}

internal static class StoredIdentityCodeEndpoints
{
    public static IServiceCollection AddStoredIdentityCodes(this IServiceCollection services) =>
        services.AddScoped<StoredIdentityCodes>();

    public static void MapStoredIdentityCodeEndpoints(this IEndpointRouteBuilder regionApi) =>
        regionApi.MapGet("/admin/stored-identity-codes",
                (int? page, int? pageSize, StoredIdentityCodes codes, CancellationToken ct) => codes.PageAsync(page, pageSize, ct))
            .RequireRegionRoles("storedCodes.forbidden", RegionRole.RegionAdmin)
            .WithTags("Audit")
            .WithSummary("Stored texts of the region that hold a personal identity code, masked, with where to edit them (RegionAdmin).");
}
