using Rake.BuildingBlocks.Modules;
using Rake.Modules.Communications;
using Rake.Modules.Competence;
using Rake.Modules.Planning;
using Rake.Modules.Reporting;
using Rake.Modules.Workflows;
using Rake.Modules.WorkingGroup;

namespace Rake.Host;

/// <summary>The explicit module list: adding a module to Rake means adding it here.</summary>
internal static class RakeModules
{
    public static IReadOnlyList<IModule> Create() =>
    [
        new ReportingModule(),
        new WorkingGroupModule(),
        new CommunicationsModule(),
        new CompetenceModule(),
        new PlanningModule(),
        new WorkflowsModule(),
    ];
}
