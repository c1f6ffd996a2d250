namespace Rake.Modules.Competence.Features;

/// <summary>
/// Who may do what in the module, declared once (docs/adr/0086): the endpoints put these on themselves and the pages
/// demand the same objects, so a page can never be more generous than the API.
/// </summary>
internal static class CompetenceRoles
{
    /// <summary>Launch and close survey rounds.</summary>
    public static readonly RegionRoleRequirement ManageSurveys =
        new("competence.forbidden.manage", [RegionRole.Planner, RegionRole.RegionAdmin]);

    /// <summary>Set up the region's units and orientation checklist, which every survey round and newcomer relies on.</summary>
    public static readonly RegionRoleRequirement Setup =
        new("competence.forbidden.manage", [RegionRole.RegionAdmin, RegionRole.Planner]);

    /// <summary>See everyone's orientation progress and the competence needs; maintain trainings and specialists.</summary>
    public static readonly RegionRoleRequirement Leads =
        new("competence.forbidden.manage", [RegionRole.Planner, RegionRole.RegionAdmin, RegionRole.Supervisor]);
}
