using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Rake.BuildingBlocks.Modules;

/// <summary>
/// What the Host needs from a module. The Host lists its modules explicitly; a module's
/// implementation exports exactly one public type, the class implementing this interface.
/// </summary>
public interface IModule
{
    /// <summary>The module's name; also its database schema (lower case).</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the module's endpoints on the region-scoped API group <c>/api/v1/regions/{region}</c>.</summary>
    void MapRegionEndpoints(IEndpointRouteBuilder regionApi) { }

    /// <summary>Maps endpoints above the regions on <c>/api/v1/platform</c> (signed-in users; each endpoint checks its
    /// platform role, ADR 0051).</summary>
    void MapPlatformEndpoints(IEndpointRouteBuilder platformApi) { }

    /// <summary>The assembly that holds the module's staff pages, if it has any.</summary>
    Assembly? UiAssembly => null;

    /// <summary>Links to the module's staff pages in the region menu, each shown to the roles that may use it.</summary>
    IReadOnlyList<ModuleNavItem> NavItems => [];

    /// <summary>Demo content for one demo region; called only in the Development/demo mode.</summary>
    Task SeedDemoAsync(IServiceProvider regionScope, DemoRegion region, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A demo region and the user names of its seeded demo users, by role.</summary>
public sealed record DemoRegion(string Code, IReadOnlyDictionary<Rake.BuildingBlocks.Contracts.RegionRole, string> UserNames);

/// <summary>A region-menu link: <paramref name="Path"/> is relative to <c>/{region}/</c>; no roles means every role.</summary>
public sealed record ModuleNavItem(string Path, string TextKey, params Rake.BuildingBlocks.Contracts.RegionRole[] Roles)
{
    /// <summary>The page is a document of its own (the Elsa Studio designer), so the link loads it whole instead of
    /// patching it into the staff layout by enhanced navigation (docs/adr/0004).</summary>
    public bool FullPageLoad { get; init; }
}
