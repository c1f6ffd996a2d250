namespace Rake.BuildingBlocks.Contracts;

/// <summary>Roles a person holds in one region. A person may hold different roles in several regions.</summary>
public enum RegionRole
{
    RegionAdmin,
    Professional,
    Supervisor,
    ResponsiblePerson,
    WorkingGroupMember,
    SteeringGroupMember,
    Communications,
    Planner,
}
