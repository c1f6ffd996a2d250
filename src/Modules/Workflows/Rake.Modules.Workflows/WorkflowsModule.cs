using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rake.BuildingBlocks.Mapping;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Privacy;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Expressions;
using Rake.Modules.Workflows.Features.Definitions;
using Rake.Modules.Workflows.Features.ElsaApi;
using Rake.Modules.Workflows.Features.GoLive;
using Rake.Modules.Workflows.Features.Instances;
using Rake.Modules.Workflows.Features.Tasks;
using Rake.Modules.Workflows.Features.Templates;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows;

/// <summary>
/// Workflows: region-scoped definitions in Elsa 3 JSON with draft and published versions, durable instances and
/// bookmarks, human tasks for region roles, events, and the import of <c>workflows/&lt;region&gt;/*.json</c> in demo mode.
/// </summary>
public sealed class WorkflowsModule : IModule
{
    public string Name => "Workflows";

    public System.Reflection.Assembly UiAssembly => typeof(WorkflowsModule).Assembly;

    public IReadOnlyList<ModuleNavItem> NavItems { get; } = [new("tasks", "nav.myTasks"),
        new("tasks/start", "nav.handStart", [.. Features.WorkflowRoles.HandStart.Roles]),
        new("designer", "nav.designer", Rake.BuildingBlocks.Contracts.RegionRole.RegionAdmin) { FullPageLoad = true },
        new("workflows/templates", "nav.workflowTemplates", Rake.BuildingBlocks.Contracts.RegionRole.RegionAdmin),
        new("workflows/instances", "nav.workflowInstances", Rake.BuildingBlocks.Contracts.RegionRole.RegionAdmin)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<WorkflowsDbContext>(WorkflowsDbContext.SchemaName);
        // A child's start is stored in the outbox with its parent's save (docs/adr/0190), the fault of a child recovery
        // faulted with that fault (docs/adr/0194).
        Rake.BuildingBlocks.Messaging.IntegrationEventTypes.Register(typeof(ChildWorkflowStartRequested));
        Rake.BuildingBlocks.Messaging.IntegrationEventTypes.Register(typeof(StoppedChildWorkflowFaulted));
        services.AddIntegrationEventHandlers(typeof(WorkflowsModule).Assembly);
        services.AddStoredTextScreen<WorkflowsDbContext>(_ => "tasks");
        services.TryAddSingleton(_ => WorkflowEngineFactory.DiscoverRegistry());
        services.TryAddSingleton(_ => new JavaScriptOptions());
        services.TryAddSingleton<WorkflowEngineFactory>();
        services.AddSingleton<WorkflowImportReport>();
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<DefinitionStore>();
        services.AddScoped<DefinitionImporter>();
        services.AddModuleMapping<WorkflowsModule>();
        services.AddRequestValidators(typeof(WorkflowsModule).Assembly);
        services.AddScoped<DefinitionsHandler>();
        services.AddScoped<InstancesHandler>();
        services.AddScoped<Features.HandStart.HandStartHandler>();
        services.AddScoped<TasksHandler>();
        services.AddScoped<TaskPageHandler>();
        services.AddScoped<ElsaDefinitionsHandler>();
        services.AddScoped<ElsaInstancesHandler>();
        services.AddScoped<TemplatesHandler>();
        services.AddScoped<Rake.BuildingBlocks.Contracts.IGoLiveSource, WorkflowsGoLive>();
        services.AddScoped<ElsaActivityDescriptors>();
        services.AddScoped<IWorkflowDesignerApi, WorkflowDesignerApi>();
        services.AddScoped<IWorkflowCalendarApi, Features.Calendar.WorkflowCalendar>();
        services.AddScoped<IWorkflowTextsApi, Features.Calendar.WorkflowTexts>();
        services.AddScoped<IWorkflowTasksApi, Features.Tasks.WorkflowTasksApi>();
        services.AddScoped<IWorkflowFormTasksApi, Features.Tasks.WorkflowFormTasksApi>();
        services.AddScoped<Engine.Activities.HttpWorkflowResponse>();
        services.AddScoped<Features.HttpWorkflows.HttpWorkflowsHandler>();
        services.Configure<Features.HttpWorkflows.HttpWorkflowOptions>(
            configuration.GetSection(Features.HttpWorkflows.HttpWorkflowOptions.Section));
        services.AddSingleton<WorkflowTimers>();
        // Registered before the scheduler: hosted services start in order, so stranded runs are faulted before any timer fires.
        services.AddSingleton<ExecutionMarker>();
        services.AddHostedService(sp => sp.GetRequiredService<ExecutionMarker>());
        services.AddWorkflowScheduling(configuration);
    }

    public void MapRegionEndpoints(IEndpointRouteBuilder regionApi)
    {
        DefinitionEndpoints.Map(regionApi);
        InstanceEndpoints.Map(regionApi);
        Features.HandStart.HandStartEndpoints.Map(regionApi);
        TaskEndpoints.Map(regionApi);
        TemplateEndpoints.Map(regionApi);
        Features.HttpWorkflows.HttpWorkflowEndpoints.Map(regionApi);
    }

    /// <summary>The Elsa-compatible API Elsa Studio talks to; the Host maps it under /elsa/api behind its tenant gate
    /// (docs/adr/0010).</summary>
    public void MapElsaApi(IEndpointRouteBuilder elsaApi) => ElsaApiEndpoints.Map(elsaApi);

    public async Task SeedDemoAsync(IServiceProvider regionScope, DemoRegion region, CancellationToken cancellationToken) =>
        await regionScope.GetRequiredService<DefinitionImporter>().ImportRegionAsync(region.Code, cancellationToken);
}
