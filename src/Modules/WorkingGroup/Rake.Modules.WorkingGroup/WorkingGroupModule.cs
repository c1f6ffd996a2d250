using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.WorkingGroup;

/// <summary>
/// The WorkingGroup module. Registered so its schema, outbox and audit trail exist from the start; its features
/// come with their own issues (see README, "What is not done yet").
/// </summary>
public sealed class WorkingGroupModule : IModule
{
    public string Name => "WorkingGroup";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<WorkingGroupDbContext>(WorkingGroupDbContext.SchemaName);
}
