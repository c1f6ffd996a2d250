using Rake.BuildingBlocks.Contracts;

namespace Rake.Modules.Reporting.Contracts;

/// <summary>A professional submitted a social report; it now waits for the supervisor they named.</summary>
public sealed record SocialReportSubmitted(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt,
    Guid ReportId, int Number, Guid ReporterId, Guid SupervisorId, string PhenomenonType, IReadOnlyList<string> Categories)
        : IIntegrationEvent;

/// <summary>A social report's handling moved on (e.g. to the working group); reporters follow this in their timeline.</summary>
public sealed record SocialReportStatusChanged(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt,
    Guid ReportId, int Number, string FromStatus, string ToStatus, IReadOnlyList<Guid> ReporterIds, string? Comment) : IIntegrationEvent;

/// <summary>
/// A follow-up of the decision on a report (an assignment, an action or budget proposal) reached the report's timeline: started
/// (<see cref="Ended"/> false, with its <see cref="DueDate"/>) or ended (<see cref="Status"/> Done, Accepted, Rejected…, with the
/// recorded <see cref="Result"/>). Once per report, follow-up and step, so the reporters can be told (docs/adr/0181). It carries
/// no title and none of the report's own text.
/// </summary>
public sealed record SocialReportFollowUpShown(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt,
    Guid ReportId, int Number, Guid FollowUpId, string Kind, bool Ended, string? Status, DateOnly? DueDate, string? Result,
    IReadOnlyList<Guid> ReporterIds) : IIntegrationEvent;
