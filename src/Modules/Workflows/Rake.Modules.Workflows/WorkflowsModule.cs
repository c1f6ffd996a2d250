using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows;

/// <summary>
/// The Workflows module. Registered so its schema, outbox and audit trail exist from the start; its features
/// come with their own issues (see README, "What is not done yet").
/// </summary>
public sealed class WorkflowsModule : IModule
{
    public string Name => "Workflows";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<WorkflowsDbContext>(WorkflowsDbContext.SchemaName);
}
