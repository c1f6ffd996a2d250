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
    string ResponsiblePerson, IReadOnlyList<int> ReportNumbers) : IIntegrationEvent
{
    /// <summary>The reporting period whose compilation the decision is on (<c>2026-H1</c>); its reporting module keeps it as a
    /// compilation note, so it reaches the annual social report. Null for a decision outside a compilation.</summary>
    public string? PeriodId { get; init; }

    /// <summary>The reasons the body gave, shown with the decision.</summary>
    public string? Reasons { get; init; }
}

/// <summary>
/// Something a decision set going: an Assignment, an ActionProposal or a BudgetProposal (<see cref="Kind"/>). The reporters of
/// <see cref="ReportNumbers"/> (the decision's reports) see it in their report's timeline; <see cref="Responsible"/> is the
/// staff member or target it goes to, never a client.
/// </summary>
public sealed record FollowUpStarted(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt,
    Guid FollowUpId, Guid DecisionId, string Kind, string Title, string Responsible, DateOnly? DueDate,
    IReadOnlyList<int> ReportNumbers) : IIntegrationEvent;

/// <summary>
/// A follow-up came to an end: <see cref="Status"/> is Done or Cancelled (assignments), Accepted, Rejected or Done
/// (action proposals), Approved or Rejected (budget proposals); <see cref="Result"/> is what came of it, as recorded.
/// </summary>
public sealed record FollowUpEnded(
    Guid EventId, RegionId Region, DateTimeOffset OccurredAt,
    Guid FollowUpId, Guid DecisionId, string Kind, string Title, string Status, string? Result,
    IReadOnlyList<int> ReportNumbers) : IIntegrationEvent;
