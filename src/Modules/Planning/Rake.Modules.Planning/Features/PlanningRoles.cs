namespace Rake.Modules.Planning.Features;

/// <summary>Who may do what with the plan, declared once: endpoints, pages and the navigation use the same groups.</summary>
internal static class PlanningRoles
{
    /// <summary>May edit the plan's text, goals, approvals and publication.</summary>
    public static readonly RegionRole[] EditRoles = [RegionRole.Planner, RegionRole.RegionAdmin];

    /// <summary>May update an action's status and evidence, see the evaluation and record one.</summary>
    public static readonly RegionRole[] FollowUpRoles =
    [
        RegionRole.Planner, RegionRole.RegionAdmin, RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember,
        RegionRole.SteeringGroupMember,
    ];

    public static readonly RegionRoleRequirement Edit = new("planning.forbidden.edit", EditRoles);

    public static readonly RegionRoleRequirement FollowUp = new("planning.forbidden.followUp", FollowUpRoles);
}
