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
