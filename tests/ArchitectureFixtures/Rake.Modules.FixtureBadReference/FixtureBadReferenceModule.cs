using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Competence;

namespace Rake.Modules.FixtureBadReference;

/// <summary>Broken on purpose: reaches into the Competence module's implementation instead of its Contracts.</summary>
public sealed class FixtureBadReferenceModule : IModule
{
    public string Name => "FixtureBadReference";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        new CompetenceModule().AddServices(services, configuration);
}
