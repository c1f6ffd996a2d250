using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Communications.Persistence;

namespace Rake.Modules.Communications;

/// <summary>
/// The Communications module. Registered so its schema, outbox and audit trail exist from the start; its features
/// come with their own issues (see README, "What is not done yet").
/// </summary>
public sealed class CommunicationsModule : IModule
{
    public string Name => "Communications";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CommunicationsDbContext>(CommunicationsDbContext.SchemaName);
}
