using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Competence.Features;
using Rake.Modules.Competence.Features.GoLive;
using Rake.Modules.Competence.Features.Surveys;

namespace Rake.Modules.Competence;

/// <summary>
/// Structural competence: anonymous competence surveys compared between rounds, orientation, training, specialists and needs.
/// </summary>
public sealed class CompetenceModule : IModule
{
    public string Name => "Competence";

    public Assembly UiAssembly => typeof(CompetenceModule).Assembly;

    public IReadOnlyList<ModuleNavItem> NavItems { get; } =
    [
        new("competence/surveys", "nav.competenceSurveys"),
        new("competence/orientation", "nav.orientation"),
        new("competence/setup", "nav.competenceSetup", RegionRole.RegionAdmin, RegionRole.Planner),
        new("competence/staff", "nav.competenceStaff", RegionRole.Planner, RegionRole.RegionAdmin, RegionRole.Supervisor),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CompetenceDbContext>(CompetenceDbContext.SchemaName);
        services.AddStoredTextScreen<CompetenceDbContext>();
        services.Scan(scan => scan.FromAssemblies(typeof(CompetenceModule).Assembly)
            .AddClasses(c => c.Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal)), publicOnly: false)
            .AsSelf()
            .WithScopedLifetime());
        services.AddScoped<SurveyReader>();
        services.AddScoped<IGoLiveSource, CompetenceGoLive>();
        services.AddModuleMapping<CompetenceModule>();
        services.AddRequestValidators(typeof(CompetenceModule).Assembly);
    }

    public void MapRegionEndpoints(IEndpointRouteBuilder regionApi) => CompetenceEndpoints.Map(regionApi);

    public Task SeedDemoAsync(IServiceProvider regionScope, DemoRegion region, CancellationToken cancellationToken) =>
        CompetenceDemoData.SeedAsync(regionScope, region, cancellationToken);
}
