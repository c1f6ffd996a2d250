using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.WorkingGroup;

/// <summary>
/// Bodies of the region's structural social work (working group, steering group, coordination team, network), their
/// meetings with agendas built from the reports since the previous meeting, minutes, decisions, action proposals,
/// assignments, HYTETU nominations and budget proposals.
/// </summary>
public sealed class WorkingGroupModule : IModule
{
    public string Name => "WorkingGroup";

    public Assembly UiAssembly => typeof(WorkingGroupModule).Assembly;

    public IReadOnlyList<ModuleNavItem> NavItems { get; } =
    [
        new("working-groups", "nav.wg.bodies", WgRoles.Read),
        new("meetings", "nav.wg.meetings", WgRoles.Read),
        new("assignments/mine", "nav.wg.myAssignments"),
        new("working-groups/nominations", "nav.wg.nominations", WgRoles.Read),
        new("working-groups/budget", "nav.wg.budget", WgRoles.Read),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        IntegrationEventTypes.RegisterFrom(typeof(DecisionRecorded).Assembly);
        services.AddModuleDbContext<WorkingGroupDbContext>(WorkingGroupDbContext.SchemaName);
        services.AddStoredTextScreen<WorkingGroupDbContext>(row => row switch
        {
            Meeting m => $"meetings/{m.Id}",
            AgendaItem a => $"meetings/{a.MeetingId}",
            Decision d => $"meetings/{d.MeetingId}",
            ActionProposal { MeetingId: { } meeting } => $"meetings/{meeting}",
            Assignment { MeetingId: { } meeting } => $"meetings/{meeting}",
            Body b => $"working-groups/{b.Id}",
            BudgetProposal => "working-groups/budget",
            WellbeingGroupNomination => "working-groups/nominations",
            _ => null,
        });
        services.Scan(scan => scan.FromAssemblies(typeof(WorkingGroupModule).Assembly)
            .AddClasses(c => c.Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal)
                || t.Name.EndsWith("Access", StringComparison.Ordinal)), publicOnly: false)
            .AsSelf()
            .WithScopedLifetime());
        services.AddScoped<WgLookup>();
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, Features.CalendarSubscription.CalendarFeedStartupFilter>();
        services.AddScoped<IOpenItemsSource, Features.HandOver.AssignmentHandOver>();
        services.AddScoped<Contracts.IAssignmentRemindersApi, Features.AssignmentReminders.AssignmentRemindersApi>();
        services.AddScoped<IGoLiveSource, Features.GoLive.WorkingGroupGoLive>();
        services.AddScoped<IMunicipalGroupsApi, Features.MunicipalGroups.MunicipalGroupsApi>();
        services.AddModuleMapping<WorkingGroupModule>();
        services.AddRequestValidators(typeof(WorkingGroupModule).Assembly);
        services.AddIntegrationEventHandlers(typeof(WorkingGroupModule).Assembly);
    }

    public void MapRegionEndpoints(IEndpointRouteBuilder regionApi)
    {
        ViewBodiesEndpoints.Map(regionApi);
        CreateBodyEndpoint.Map(regionApi);
        AddMemberEndpoint.Map(regionApi);
        EditMemberEndpoints.Map(regionApi);
        ScheduleMeetingEndpoint.Map(regionApi);
        ViewMeetingEndpoints.Map(regionApi);
        ListMeetingsEndpoint.Map(regionApi);
        UpdateMeetingEndpoint.Map(regionApi);
        ChangeMeetingStatusEndpoint.Map(regionApi);
        AddAgendaItemEndpoint.Map(regionApi);
        RecordMinutesEndpoint.Map(regionApi);
        RecordDecisionEndpoint.Map(regionApi);
        Features.CompilationDecisions.CompilationDecisionsEndpoint.Map(regionApi);
        AddProposalEndpoint.Map(regionApi);
        AddAssignmentEndpoint.Map(regionApi);
        MyAssignmentsEndpoint.Map(regionApi);
        UpdateAssignmentEndpoint.Map(regionApi);
        NominationEndpoints.Map(regionApi);
        RenewNominationEndpoints.Map(regionApi);
        BudgetEndpoints.Map(regionApi);
        ChangeProposalStatusEndpoints.Map(regionApi);
        Features.CalendarSubscription.CalendarSubscriptionEndpoints.Map(regionApi);
    }

    public Task SeedDemoAsync(IServiceProvider regionScope, DemoRegion region, CancellationToken cancellationToken) =>
        WorkingGroupDemoData.SeedAsync(regionScope, region, cancellationToken);
}
