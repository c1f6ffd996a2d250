using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Planning.Persistence;

namespace Rake.Modules.Planning;

/// <summary>
/// The Planning module. Registered so its schema, outbox and audit trail exist from the start; its features
/// come with their own issues (see README, "What is not done yet").
/// </summary>
public sealed class PlanningModule : IModule
{
    public string Name => "Planning";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<PlanningDbContext>(PlanningDbContext.SchemaName);
}
