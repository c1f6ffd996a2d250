namespace Rake.Modules.WorkingGroup.Features;

/// <summary>Who may do what with the region's bodies: each requirement is declared once, for endpoints and pages alike.</summary>
internal static class WgRoles
{
    public static readonly RegionRole[] Read =
    [
        RegionRole.RegionAdmin, RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember,
        RegionRole.Supervisor, RegionRole.Planner,
    ];

    public static readonly RegionRole[] ManageBodies = [RegionRole.RegionAdmin, RegionRole.ResponsiblePerson];

    public static readonly RegionRole[] Meetings =
        [RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember];

    /// <summary>A steering group's decisions are recorded by its own members or the responsible person.</summary>
    public static readonly RegionRole[] SteeringDecisions = [RegionRole.ResponsiblePerson, RegionRole.SteeringGroupMember];

    /// <summary>HYTETU nominations are decided by the service-area manager (a supervisor here).</summary>
    public static readonly RegionRole[] Nominations = [RegionRole.Supervisor, RegionRole.ResponsiblePerson, RegionRole.RegionAdmin];

    /// <summary>Budget proposals are drawn up by service-area managers with the responsible person.</summary>
    public static readonly RegionRole[] Budget = [RegionRole.Supervisor, RegionRole.ResponsiblePerson];

    public static readonly RegionRoleRequirement ReadRequirement = new("wg.forbidden.read", Read);

    public static readonly RegionRoleRequirement ManageBodiesRequirement = new("wg.forbidden.manageBodies", ManageBodies);

    public static readonly RegionRoleRequirement MeetingsRequirement = new("wg.forbidden.meetings", Meetings);

    public static readonly RegionRoleRequirement SteeringDecisionsRequirement = new("wg.forbidden.steeringDecision", SteeringDecisions);

    public static readonly RegionRoleRequirement NominationsRequirement = new("wg.forbidden.nominations", Nominations);

    public static readonly RegionRoleRequirement BudgetRequirement = new("wg.forbidden.budget", Budget);

    /// <summary>Who records a body's decisions: a steering group's own members, otherwise those who run meetings.</summary>
    public static RegionRoleRequirement DecisionsFor(BodyKind kind) =>
        kind == BodyKind.SteeringGroup ? SteeringDecisionsRequirement : MeetingsRequirement;
}
