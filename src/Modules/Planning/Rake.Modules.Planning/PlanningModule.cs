using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Planning.Contracts;
using Rake.Modules.Planning.Features;
using Rake.Modules.Planning.Persistence;

namespace Rake.Modules.Planning;

/// <summary>The implementation plan on the national template: sections, validity, approvals, goals and actions with status and evidence, versions, evaluation, export.</summary>
public sealed class PlanningModule : IModule
{
    public string Name => "Planning";

    public Assembly UiAssembly => typeof(PlanningModule).Assembly;

    public IReadOnlyList<ModuleNavItem> NavItems { get; } =
    [
        new("plan", "nav.plan"),
        new("plan/evaluation", "nav.planEvaluation", PlanHandler.FollowUpRoles),
        new("plan/annual-cycle", "nav.annualCycle"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PlanningDbContext>(PlanningDbContext.SchemaName);
        services.AddScoped<PlanHandler>();
        services.AddScoped<IPlanningApi, PlanningApi>();
    }

    public void MapRegionEndpoints(IEndpointRouteBuilder regionApi) => PlanEndpoints.Map(regionApi);

    public Task SeedDemoAsync(IServiceProvider regionScope, DemoRegion region, CancellationToken cancellationToken) =>
        PlanningDemoData.SeedAsync(regionScope, region, cancellationToken);
}
