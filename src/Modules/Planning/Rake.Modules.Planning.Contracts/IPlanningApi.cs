namespace Rake.Modules.Planning.Contracts;

/// <summary>
/// What other modules may ask of Planning, within the current request's region. Reporting's annual social report reads
/// the plan's yearly evaluation through it (Kainuu records the evaluation in the annual social report).
/// It carries no role check of its own: the calling module decides who may see what it shows.
/// </summary>
public interface IPlanningApi
{
    /// <summary>The plan's evaluation for a year: every goal's actions with status and evidence, the report counts of the
    /// year's reporting periods and the evaluations recorded for the year; null when the region has no plan.</summary>
    Task<PlanEvaluationInfo?> EvaluationAsync(int year, CancellationToken cancellationToken);
}

/// <summary>Status is NotDone, InProgress or Done.</summary>
public sealed record PlanActionInfo(Guid Id, string Goal, string Title, string Responsible, int? Year, string Status, string? Evidence,
    bool CountsReports);

public sealed record PeriodReportCount(string PeriodId, DateOnly From, DateOnly To, int Reports);

/// <summary>Kind is Review, Yearly or EndOfTerm.</summary>
public sealed record RecordedEvaluation(int Year, string Kind, string Text, int ActionsDone, int ActionsTotal, bool NeedsUpdate,
    DateTimeOffset RecordedAt, string RecordedBy);

public sealed record PlanEvaluationInfo(
    string PlanTitle, DateOnly ValidFrom, DateOnly ValidUntil, int Year, int ActionsDone, int ActionsTotal,
    IReadOnlyList<PlanActionInfo> Actions, IReadOnlyList<PeriodReportCount> ReportCounts, IReadOnlyList<RecordedEvaluation> Evaluations);
