using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.Reporting.Domain;

/// <summary>Who may see and move a report. Reports carry observations from client work, so the default is not to show them.</summary>
internal static class ReportRules
{
    /// <summary>Roles that follow all of the region's reports (compile them, comment, decide).</summary>
    public static readonly RegionRole[] ReadAll = [RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember,
        RegionRole.SteeringGroupMember];

    public static bool CanRead(SocialReport report, IRequestContext actor) =>
        actor.UserId is { } id && (report.IsReporter(id) || report.SupervisorId == id || ReadAll.Any(actor.IsInRole));

    public static bool CanProcess(SocialReport report, IRequestContext actor) =>
        actor.UserId is { } id && (report.SupervisorId == id || actor.IsInRole(RegionRole.ResponsiblePerson));

    /// <summary>The next statuses allowed from each status, and which roles (beyond the named supervisor) may take each step.</summary>
    public static IReadOnlyList<ReportStatus> NextStatuses(ReportStatus from) => from switch
    {
        ReportStatus.Received => [ReportStatus.WithSupervisor, ReportStatus.Closed],
        ReportStatus.WithSupervisor => [ReportStatus.ToWorkingGroup, ReportStatus.Closed],
        ReportStatus.ToWorkingGroup => [ReportStatus.Decided, ReportStatus.Closed],
        ReportStatus.Decided => [ReportStatus.Published, ReportStatus.Closed],
        _ => [],
    };

    public static bool CanMove(SocialReport report, ReportStatus to, IRequestContext actor)
    {
        if (!NextStatuses(report.Status).Contains(to) || actor.UserId is not { } id)
        {
            return false;
        }
        return report.Status switch
        {
            ReportStatus.Received or ReportStatus.WithSupervisor => CanProcess(report, actor),
            ReportStatus.ToWorkingGroup => actor.IsInRole(RegionRole.ResponsiblePerson)
                || actor.IsInRole(RegionRole.WorkingGroupMember) || actor.IsInRole(RegionRole.SteeringGroupMember),
            ReportStatus.Decided => actor.IsInRole(RegionRole.ResponsiblePerson) || actor.IsInRole(RegionRole.Communications),
            _ => false,
        } || (report.SupervisorId == id && to == ReportStatus.Closed
            && report.Status is ReportStatus.Received or ReportStatus.WithSupervisor);
    }
}
