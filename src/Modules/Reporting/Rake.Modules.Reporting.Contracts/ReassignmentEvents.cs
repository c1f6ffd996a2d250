using Rake.BuildingBlocks.Contracts;

namespace Rake.Modules.Reporting.Contracts;

/// <summary>
/// The responsible supervisor passed a report to another supervisor of the region; the new supervisor and the reporters
/// are told. The reason stays in the report's timeline and is not carried here, so no report text travels by e-mail.
/// </summary>
public sealed record SocialReportReassigned(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt,
    Guid ReportId, int Number, Guid FromSupervisorId, Guid ToSupervisorId, IReadOnlyList<Guid> ReporterIds) : IIntegrationEvent;

/// <summary>A workflow's NotifyReporter step told the reporters of these reports that their handling moved on.</summary>
public sealed record ReportersNotified(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt, IReadOnlyList<NotifiedReport> Reports) : IIntegrationEvent;

public sealed record NotifiedReport(Guid ReportId, int Number, string Status, IReadOnlyList<Guid> ReporterIds);

/// <summary>One report of a year as its reporters see it: its status and, when a decision reached it, that it did.</summary>
public sealed record ReporterYearReport(Guid ReportId, int Number, DateTimeOffset ReceivedAt, string Status, bool Decided,
    IReadOnlyList<Guid> ReporterIds);

/// <summary>The reports received in a year, for the yearly "what came of your reports" e-mail, in the scope's region.</summary>
public interface IReporterYearApi
{
    Task<IReadOnlyList<ReporterYearReport>> ReportsOfYearAsync(int year, CancellationToken cancellationToken);
}
