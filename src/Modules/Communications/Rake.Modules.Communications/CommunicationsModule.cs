using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Communications.Features;
using Rake.Modules.Communications.Features.Feed;
using Rake.Modules.Communications.Features.InfoSessions;
using Rake.Modules.Communications.Features.Mail;
using Rake.Modules.Communications.Features.Plan;
using Rake.Modules.Communications.Features.Publications;
using Rake.Modules.Communications.Persistence;

namespace Rake.Modules.Communications;

/// <summary>
/// Communications: the region's communication plan, planned communications from supervisor records and decisions,
/// publications with a public Atom feed per channel, distribution lists with SMTP delivery and retries, info sessions,
/// and e-mail to reporters when their report's handling moves on.
/// </summary>
public sealed class CommunicationsModule : IModule
{
    public string Name => "Communications";

    public Assembly UiAssembly => typeof(CommunicationsModule).Assembly;

    public IReadOnlyList<ModuleNavItem> NavItems { get; } =
    [
        new("communications/publications", "nav.comm.publications"),
        new("communications/plan", "nav.comm.plan", CommRoles.Readers),
        new("communications/mail", "nav.comm.mail", CommRoles.Readers),
        new("communications/info-sessions", "nav.comm.infoSessions"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CommunicationsDbContext>(CommunicationsDbContext.SchemaName);
        services.Scan(scan => scan.FromAssemblies(typeof(CommunicationsModule).Assembly)
            .AddClasses(c => c.Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal)), publicOnly: false)
            .AsSelf()
            .WithScopedLifetime());
        services.AddIntegrationEventHandlers(typeof(CommunicationsModule).Assembly);
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<MailSignal>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<MailDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDeliveryWorker>());
        services.AddTransient<IStartupFilter, PublicFeedStartupFilter>();
    }

    public void MapRegionEndpoints(IEndpointRouteBuilder regionApi)
    {
        PublicationEndpoints.Map(regionApi);
        PlanEndpoints.Map(regionApi);
        MailEndpoints.Map(regionApi);
        InfoSessionEndpoints.Map(regionApi);
    }

    public Task SeedDemoAsync(IServiceProvider regionScope, DemoRegion region, CancellationToken cancellationToken) =>
        CommunicationsDemoData.SeedAsync(regionScope, region, cancellationToken);
}
