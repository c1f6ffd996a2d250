using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Web;

namespace Rake.Modules.Workflows.Features;

/// <summary>Who may use the workflow endpoints, declared once and put on the endpoints (docs/adr/0086).</summary>
internal static class WorkflowRoles
{
    public static readonly RegionRoleRequirement Definitions = new("workflows.forbidden.definitions", [RegionRole.RegionAdmin]);

    public static readonly RegionRoleRequirement Instances = new("workflows.forbidden.instances", [RegionRole.RegionAdmin]);

    /// <summary>Starting a process that has no start trigger: the people who run the region's processes (docs/adr/0166).</summary>
    public static readonly RegionRoleRequirement HandStart =
        new("workflows.forbidden.handStart", [RegionRole.RegionAdmin, RegionRole.ResponsiblePerson]);

    public static readonly RegionRoleRequirement Design = new("workflows.forbidden.design", [RegionRole.RegionAdmin]);
}
