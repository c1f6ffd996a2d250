using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Modules;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Features;
using Rake.Modules.Reporting.Features.Notifications;
using Rake.Modules.Reporting.Features.Periods;
using Rake.Modules.Reporting.Features.ProcessReport;
using Rake.Modules.Reporting.Features.RegionSetup;
using Rake.Modules.Reporting.Features.SubmitReport;
using Rake.Modules.Reporting.Features.ViewReports;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting;

/// <summary>
/// Social reporting: submission with the PII guard, supervisor processing, periods and summaries, the region's taxonomy.
/// </summary>
public sealed class ReportingModule : IModule
{
    public string Name => "Reporting";

    public Assembly UiAssembly => typeof(ReportingModule).Assembly;

    public IReadOnlyList<ModuleNavItem> NavItems { get; } =
    [
        new("reports/new", "nav.newReport"),
        new("reports/mine", "nav.myReports"),
        new("reports/inbox", "nav.inbox", RegionRole.Supervisor, RegionRole.ResponsiblePerson),
        new("reports/all", "nav.allReports", ReportRules.ReadAll),
        new("reports/summary", "nav.summary", ReportingRoles.SummaryRoles),
        new("reports/outputs", "nav.outputs", ReportingRoles.SummaryRoles),
        new("phenomena", "nav.phenomena", ReportingRoles.SummaryRoles),
        new("phenomenon-reports", "nav.phenomenonReports", ReportingRoles.SummaryRoles),
        new("reports/import", "importWizard.open", [.. ReportingRoles.Import.Roles]),
        new("reports/admin", "nav.reportingAdmin", [.. ReportingRoles.Admin.Roles]),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        IntegrationEventTypes.RegisterFrom(typeof(SocialReportSubmitted).Assembly);
        services.AddModuleDbContext<ReportingDbContext>(ReportingDbContext.SchemaName);
        services.AddStoredTextScreen<ReportingDbContext>(row => row switch
        {
            SocialReport r => $"reports/{r.Id}",
            SupervisorRecord r => $"reports/{r.ReportId}",
            TimelineEntry t => $"reports/{t.ReportId}",
            CompilationNote or AnnualSocialReport or PhenomenonReport => "reports/outputs",
            Phenomenon p => $"phenomena/{p.Id}",
            _ => null,
        });
        services.Scan(scan => scan.FromAssemblies(typeof(ReportingModule).Assembly)
            .AddClasses(c => c.Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal)), publicOnly: false)
            .AsSelf()
            .WithScopedLifetime());
        services.AddIntegrationEventHandlers(typeof(ReportingModule).Assembly);
        services.AddRequestValidators(typeof(ReportingModule).Assembly);
        services.AddModuleMapping<ReportingModule>();
        services.AddScoped<Features.SubmitReport.SupervisorLookup>();
        services.AddSingleton<ActiveTermCache>();
        services.AddScoped<IReportingApi, Features.Api.ReportingApi>();
        services.AddScoped<IReporterYearApi, Features.ReporterYear.ReporterYearApi>();
        services.AddScoped<IPhenomenonRegisterApi, Features.PhenomenonRegister.PhenomenonRegisterApi>();
        services.AddScoped<IOpenItemsSource, Features.HandOver.SupervisorHandOver>();
        services.AddScoped<IGoLiveSource, Features.GoLive.ReportingGoLive>();
        services.AddScoped<IPersonalNavSource, Features.MunicipalPacks.MunicipalPackMenu>();
    }

    public void MapRegionEndpoints(IEndpointRouteBuilder regionApi)
    {
        SubmitReportEndpoint.Map(regionApi);
        ViewReportsEndpoints.Map(regionApi);
        ProcessReportEndpoints.Map(regionApi);
        ExportRecordsEndpoint.Map(regionApi);
        PeriodEndpoints.Map(regionApi);
        RegionSetupEndpoints.Map(regionApi);
        Features.PeriodSchemeSetup.PeriodSchemeEndpoints.Map(regionApi);
        NotificationEndpoints.Map(regionApi);
        Features.ReassignReport.ReassignReportEndpoint.Map(regionApi);
        Features.Compilations.CompilationEndpoints.Map(regionApi);
        Features.AnnualReport.AnnualReportEndpoints.Map(regionApi);
        Features.Import.ImportEndpoints.Map(regionApi);
        Features.Import.ImportRunEndpoints.Map(regionApi);
        Features.Export.ListExportEndpoints.Map(regionApi);
        Features.PhenomenonReports.PhenomenonReportEndpoints.Map(regionApi);
        Features.PhenomenonRegister.PhenomenonRegisterEndpoints.Map(regionApi);
        Features.Briefs.BriefEndpoints.Map(regionApi);
        Features.MunicipalPacks.MunicipalPackEndpoints.Map(regionApi);
    }

    public void MapPlatformEndpoints(IEndpointRouteBuilder platformApi) => Features.National.NationalEndpoints.Map(platformApi);

    public Task SeedDemoAsync(IServiceProvider regionScope, DemoRegion region, CancellationToken cancellationToken) =>
        ReportingDemoData.SeedAsync(regionScope, region, cancellationToken);
}
