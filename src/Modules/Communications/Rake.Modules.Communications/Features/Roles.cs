using Rake.BuildingBlocks.Contracts;

namespace Rake.Modules.Communications.Features;

/// <summary>Who may do what in Communications (docs/adr/0030), declared once for endpoints and pages alike.</summary>
internal static class CommRoles
{
    /// <summary>May see drafts, the plan, planned communications, lists, deliveries and info sessions.</summary>
    public static readonly RegionRole[] Readers =
    [
        RegionRole.Communications, RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember,
        RegionRole.RegionAdmin,
    ];

    /// <summary>May draft and edit publications, the plan, planned communications, lists and info sessions, and send mail.</summary>
    public static readonly RegionRole[] Editors = [RegionRole.Communications, RegionRole.ResponsiblePerson];

    /// <summary>
    /// May write the communication plan: the editors, and the region's administrator, who sets the plan up before the
    /// region goes live (docs/adr/0108).
    /// </summary>
    public static readonly RegionRole[] PlanEditors = [RegionRole.Communications, RegionRole.ResponsiblePerson, RegionRole.RegionAdmin];

    /// <summary>May approve a draft.</summary>
    public static readonly RegionRole[] Approvers =
        [RegionRole.Communications, RegionRole.ResponsiblePerson, RegionRole.SteeringGroupMember];

    /// <summary>May publish an approved publication.</summary>
    public static readonly RegionRole[] Publishers = [RegionRole.Communications];

    /// <summary>May change the region's communication settings.</summary>
    public static readonly RegionRole[] Settings = [RegionRole.Communications, RegionRole.RegionAdmin];

    public static readonly RegionRoleRequirement Read = new("communications.forbidden.read", Readers);
    public static readonly RegionRoleRequirement Edit = new("communications.forbidden.edit", Editors);
    public static readonly RegionRoleRequirement EditPlan = new("communications.forbidden.editPlan", PlanEditors);
    public static readonly RegionRoleRequirement Approve = new("communications.forbidden.approve", Approvers);
    public static readonly RegionRoleRequirement Publish = new("communications.forbidden.publish", Publishers);
    public static readonly RegionRoleRequirement Send = new("communications.forbidden.send", Editors);
    public static readonly RegionRoleRequirement ChangeSettings = new("communications.forbidden.settings", Settings);
}
