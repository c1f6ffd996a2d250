using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.Communications.Features;

/// <summary>Who may do what in Communications (docs/adr/0030).</summary>
internal static class CommRoles
{
    /// <summary>May see drafts, the plan, planned communications, lists, deliveries and info sessions.</summary>
    public static readonly RegionRole[] Readers =
        [RegionRole.Communications, RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember, RegionRole.RegionAdmin];

    /// <summary>May draft and edit publications, the plan, planned communications, lists and info sessions, and send mail.</summary>
    public static readonly RegionRole[] Editors = [RegionRole.Communications, RegionRole.ResponsiblePerson];

    /// <summary>May approve a draft.</summary>
    public static readonly RegionRole[] Approvers = [RegionRole.Communications, RegionRole.ResponsiblePerson, RegionRole.SteeringGroupMember];

    /// <summary>May publish an approved publication.</summary>
    public static readonly RegionRole[] Publishers = [RegionRole.Communications];

    /// <summary>May change the region's communication settings.</summary>
    public static readonly RegionRole[] Settings = [RegionRole.Communications, RegionRole.RegionAdmin];

    public static bool Any(IRequestContext actor, RegionRole[] roles) => roles.Any(actor.IsInRole);
}
