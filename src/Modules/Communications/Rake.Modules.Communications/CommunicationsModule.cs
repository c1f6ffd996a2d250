using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Communications.Features.AddPlanned;
using Rake.Modules.Communications.Features.ApprovePublication;
using Rake.Modules.Communications.Features.CreateDistributionList;
using Rake.Modules.Communications.Features.CreatePublication;
using Rake.Modules.Communications.Features.Feed;
using Rake.Modules.Communications.Features.GetPlan;
using Rake.Modules.Communications.Features.GetPublication;
using Rake.Modules.Communications.Features.GetSettings;
using Rake.Modules.Communications.Features.GoLive;
using Rake.Modules.Communications.Features.ImportPlanned;
using Rake.Modules.Communications.Features.ListDeliveries;
using Rake.Modules.Communications.Features.ListDistributionLists;
using Rake.Modules.Communications.Features.ListInfoSessions;
using Rake.Modules.Communications.Features.ListPlanned;
using Rake.Modules.Communications.Features.ListPublications;
using Rake.Modules.Communications.Features.Mail;
using Rake.Modules.Communications.Features.Notify;
using Rake.Modules.Communications.Features.Publications;
using Rake.Modules.Communications.Features.PublishPublication;
using Rake.Modules.Communications.Features.RecordAttendance;
using Rake.Modules.Communications.Features.RetryDelivery;
using Rake.Modules.Communications.Features.SavePlan;
using Rake.Modules.Communications.Features.SaveSettings;
using Rake.Modules.Communications.Features.ScheduleInfoSession;
using Rake.Modules.Communications.Features.SendToList;
using Rake.Modules.Communications.Features.SetPlannedStatus;
using Rake.Modules.Communications.Features.UpdateDistributionList;
using Rake.Modules.Communications.Features.UpdatePublication;

namespace Rake.Modules.Communications;

/// <summary>
/// Communications: the region's communication plan, planned communications from supervisor records and decisions,
/// publications with a public Atom feed per channel, distribution lists with SMTP delivery and retries, info sessions,
/// and notices to people (in the app, by e-mail or in a daily digest, as each person chooses): new reports, assignments,
/// workflow tasks and their reminders, progress of a report, and the yearly summary to each reporter.
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
        new("notification-settings", "nav.comm.notificationSettings"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CommunicationsDbContext>(CommunicationsDbContext.SchemaName);
        services.AddStoredTextScreen<CommunicationsDbContext>(row => row switch
        {
            Publication p => $"communications/publications/{p.Id}",
            PlannedCommunication or PlanRow => "communications/plan",
            InfoSession => "communications/info-sessions",
            DistributionList or MailDelivery => "communications/mail",
            _ => null,
        });
        services.Scan(scan => scan.FromAssemblies(typeof(CommunicationsModule).Assembly)
            .AddClasses(c => c.Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal)), publicOnly: false)
            .AsSelf()
            .WithScopedLifetime());
        services.AddScoped<PublicationStore>();
        services.AddScoped<IOpenItemsSource, Features.HandOver.PlannedCommunicationHandOver>();
        services.AddScoped<IGoLiveSource, CommunicationsGoLive>();
        services.AddScoped<MailQueue>();
        services.AddModuleMapping<CommunicationsModule>();
        services.AddRequestValidators(typeof(CommunicationsModule).Assembly);
        services.AddIntegrationEventHandlers(typeof(CommunicationsModule).Assembly);
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<MailSignal>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<MailDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDeliveryWorker>());
        services.Configure<NotifyOptions>(configuration.GetSection(NotifyOptions.Section));
        services.AddScoped<PersonNotifier>();
        services.AddSingleton<NotificationSweep>();
        services.AddHostedService<NotificationSweepWorker>();
        services.AddTransient<IStartupFilter, PublicFeedStartupFilter>();
    }

    public void MapRegionEndpoints(IEndpointRouteBuilder regionApi)
    {
        ListPublicationsEndpoint.Map(regionApi);
        CreatePublicationEndpoint.Map(regionApi);
        GetPublicationEndpoint.Map(regionApi);
        UpdatePublicationEndpoint.Map(regionApi);
        ApprovePublicationEndpoint.Map(regionApi);
        PublishPublicationEndpoint.Map(regionApi);
        GetPlanEndpoint.Map(regionApi);
        SavePlanEndpoint.Map(regionApi);
        ListPlannedEndpoint.Map(regionApi);
        AddPlannedEndpoint.Map(regionApi);
        ImportPlannedEndpoint.Map(regionApi);
        SetPlannedStatusEndpoint.Map(regionApi);
        ListDistributionListsEndpoint.Map(regionApi);
        CreateDistributionListEndpoint.Map(regionApi);
        UpdateDistributionListEndpoint.Map(regionApi);
        SendToListEndpoint.Map(regionApi);
        ListDeliveriesEndpoint.Map(regionApi);
        RetryDeliveryEndpoint.Map(regionApi);
        GetSettingsEndpoint.Map(regionApi);
        SaveSettingsEndpoint.Map(regionApi);
        ListInfoSessionsEndpoint.Map(regionApi);
        ScheduleInfoSessionEndpoint.Map(regionApi);
        RecordAttendanceEndpoint.Map(regionApi);
        NotificationSettingsEndpoints.Map(regionApi);
    }

    public Task SeedDemoAsync(IServiceProvider regionScope, DemoRegion region, CancellationToken cancellationToken) =>
        CommunicationsDemoData.SeedAsync(regionScope, region, cancellationToken);
}
