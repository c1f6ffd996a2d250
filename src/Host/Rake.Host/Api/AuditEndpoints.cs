using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Api;

internal sealed record AuditEntryDto(
    DateTimeOffset At, string Module, string Actor, string Action, string EntityType, string EntityId, string ChangedProperties);

/// <summary>The region's audit trail across modules, for its administrators: who changed what, and when.</summary>
internal static class AuditEndpoints
{
    public const int MaxEntries = 500;

    public static void MapAuditEndpoints(this IEndpointRouteBuilder regionApi) =>
        regionApi.MapGet("/audit", async (
                IRequestContext actor, IEnumerable<MigratableContext> contexts, IServiceProvider services, string? entityId, int? take,
                Platform.PlatformDbContext platform, CancellationToken ct) =>
            {
                var region = actor.RequireRegion().Code;
                var limit = Math.Clamp(take ?? 100, 1, MaxEntries);
                var entries = new List<AuditEntryDto>();
                foreach (var context in contexts)
                {
                    // Audit rows are not region-owned entities (they record system work too), so the region is filtered here explicitly.
                    var db = (ModuleDbContext)services.GetRequiredService(context.DbContextType);
                    var query = db.AuditEntries.AsNoTracking().Where(a => a.RegionCode == region);
                    if (!string.IsNullOrEmpty(entityId))
                    {
                        query = query.Where(a => a.EntityId == entityId);
                    }
                    var rows = await query.OrderByDescending(a => a.At).Take(limit).ToListAsync(ct);
                    entries.AddRange(rows.Select(a =>
                        new AuditEntryDto(a.At, db.Schema, a.Actor, a.Action, a.EntityType, a.EntityId, a.ChangedProperties)));
                }
                // Changes of people's rights (docs/adr/0099) are the platform's own audit rows.
                var rights = platform.AuditEntries.AsNoTracking().Where(a => a.RegionCode == region);
                if (!string.IsNullOrEmpty(entityId))
                {
                    rights = rights.Where(a => a.EntityId == entityId);
                }
                entries.AddRange((await rights.OrderByDescending(a => a.At).Take(limit).ToListAsync(ct)).Select(a =>
                    new AuditEntryDto(a.At, Platform.PlatformDbContext.SchemaName, a.Actor, a.Action, a.EntityType, a.EntityId,
                        a.ChangedProperties)));
                return entries.OrderByDescending(e => e.At).Take(limit).ToList();
            })
            .RequireRegionRoles("audit.forbidden", RegionRole.RegionAdmin)
            .WithTags("Audit")
            .WithSummary("The region's latest audit entries across modules (RegionAdmin); filter by entityId.");
}
