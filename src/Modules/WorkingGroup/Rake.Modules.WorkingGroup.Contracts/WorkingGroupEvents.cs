using Rake.BuildingBlocks.Contracts;

namespace Rake.Modules.WorkingGroup.Contracts;

/// <summary>
/// A body (typically the steering group deciding on a half-year compilation) recorded a decision on a phenomenon:
/// where its handling continues or which follow-up action is taken, with a named responsible person. The reporters of
/// <see cref="ReportNumbers"/> see it in their report's timeline.
/// </summary>
public sealed record DecisionRecorded(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt,
    Guid DecisionId, Guid MeetingId, string BodyName, string Phenomenon, string Outcome, string DecisionText,
    string ResponsiblePerson, IReadOnlyList<int> ReportNumbers) : IIntegrationEvent;
