using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Competence.Persistence;

namespace Rake.Modules.Competence;

/// <summary>
/// The Competence module. Registered so its schema, outbox and audit trail exist from the start; its features
/// come with their own issues (see README, "What is not done yet").
/// </summary>
public sealed class CompetenceModule : IModule
{
    public string Name => "Competence";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CompetenceDbContext>(CompetenceDbContext.SchemaName);
}
