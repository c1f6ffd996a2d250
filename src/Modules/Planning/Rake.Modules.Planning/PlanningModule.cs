using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Planning.Features;
using Rake.Modules.Planning.Features.AddAction;
using Rake.Modules.Planning.Features.AddApproval;
using Rake.Modules.Planning.Features.AddGoal;
using Rake.Modules.Planning.Features.CompareVersions;
using Rake.Modules.Planning.Features.CreatePlan;
using Rake.Modules.Planning.Features.GoLive;
using Rake.Modules.Planning.Features.ListVersions;
using Rake.Modules.Planning.Features.RecordEvaluation;
using Rake.Modules.Planning.Features.RemoveAction;
using Rake.Modules.Planning.Features.RemoveApproval;
using Rake.Modules.Planning.Features.RemoveGoal;
using Rake.Modules.Planning.Features.SaveVersion;
using Rake.Modules.Planning.Features.SetPublication;
using Rake.Modules.Planning.Features.UpdateAction;
using Rake.Modules.Planning.Features.UpdateActionStatus;
using Rake.Modules.Planning.Features.UpdateApproval;
using Rake.Modules.Planning.Features.UpdateGoal;
using Rake.Modules.Planning.Features.UpdatePlan;
using Rake.Modules.Planning.Features.UpdateSection;
using Rake.Modules.Planning.Features.ViewEvaluation;
using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning;

/// <summary>
/// The implementation plan on the national template: sections, validity, approvals, goals and actions with status and
/// evidence, versions, evaluation, export.
/// </summary>
public sealed class PlanningModule : IModule
{
    public string Name => "Planning";

    public Assembly UiAssembly => typeof(PlanningModule).Assembly;

    public IReadOnlyList<ModuleNavItem> NavItems { get; } =
    [
        new("plan", "nav.plan"),
        new("plan/setup", "nav.planSetup", PlanningRoles.EditRoles),
        new("plan/evaluation", "nav.planEvaluation", PlanningRoles.FollowUpRoles),
        new("plan/annual-cycle", "nav.annualCycle"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PlanningDbContext>(PlanningDbContext.SchemaName);
        services.AddStoredTextScreen<PlanningDbContext>(row => row is PlanEvaluation ? "plan/evaluation" : "plan");
        services.AddModuleMapping<PlanningModule>();
        services.AddRequestValidators(typeof(PlanningModule).Assembly);
        services.AddScoped<ViewPlanHandler>();
        services.AddScoped<IOpenItemsSource, Features.HandOver.ActionHandOver>();
        services.AddScoped<CreatePlanHandler>();
        services.AddScoped<UpdatePlanHandler>();
        services.AddScoped<AddGoalHandler>();
        services.AddScoped<UpdateGoalHandler>();
        services.AddScoped<RemoveGoalHandler>();
        services.AddScoped<UpdateActionHandler>();
        services.AddScoped<RemoveActionHandler>();
        services.AddScoped<RemoveApprovalHandler>();
        services.AddScoped<UpdateApprovalHandler>();
        services.AddScoped<UpdateSectionHandler>();
        services.AddScoped<AddActionHandler>();
        services.AddScoped<UpdateActionStatusHandler>();
        services.AddScoped<AddApprovalHandler>();
        services.AddScoped<SetPublicationHandler>();
        services.AddScoped<ListVersionsHandler>();
        services.AddScoped<SaveVersionHandler>();
        services.AddScoped<CompareVersionsHandler>();
        services.AddScoped<ViewEvaluationHandler>();
        services.AddScoped<RecordEvaluationHandler>();
        services.AddScoped<IPlanningApi, PlanningApi>();
        services.AddScoped<IGoLiveSource, PlanningGoLive>();
    }

    public void MapRegionEndpoints(IEndpointRouteBuilder regionApi) => PlanningEndpoints.Map(regionApi);

    public Task SeedDemoAsync(IServiceProvider regionScope, DemoRegion region, CancellationToken cancellationToken) =>
        PlanningDemoData.SeedAsync(regionScope, region, cancellationToken);
}
