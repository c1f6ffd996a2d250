namespace Rake.Modules.Reporting.Contracts;

/// <summary>
/// What other modules may ask of Reporting, always within the current request's region (the caller's
/// <c>IRequestContext</c>). It carries no role check of its own: the calling module decides who may see what it shows.
/// Free text (titles, proposals) stays inside the region it belongs to.
/// </summary>
public interface IReportingApi
{
    /// <summary>The region's reporting periods of a year, interim ones included (Kainuu quarters, Kymenlaakso half-years).</summary>
    Task<IReadOnlyList<ReportingPeriodInfo>> PeriodsAsync(int year, CancellationToken cancellationToken);

    /// <summary>A period by its id (<c>2026</c>, <c>2026-Q2</c>, <c>2026-H1</c>); null when the region's scheme has no such
    /// period.</summary>
    Task<ReportingPeriodInfo?> FindPeriodAsync(string periodId, CancellationToken cancellationToken);

    /// <summary>Counts and the reports of a period, computed from the stored reports; null when the period is unknown.</summary>
    Task<PeriodCompilation?> CompileAsync(string periodId, CancellationToken cancellationToken);

    /// <summary>Reports received in [<paramref name="from"/>, <paramref name="until"/>), oldest first.</summary>
    Task<IReadOnlyList<ReportDigest>> ReceivedAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The reports with these numbers (unknown numbers are left out).</summary>
    Task<IReadOnlyList<ReportDigest>> FindAsync(IReadOnlyCollection<int> numbers, CancellationToken cancellationToken);

    /// <summary>Supervisor records that plan a communication (fields 2–7 filled in: goal, audience, core message, channel, timing,
    /// who), oldest first.</summary>
    Task<IReadOnlyList<CommunicationRecord>> CommunicationRecordsAsync(CancellationToken cancellationToken);
}

/// <summary>Fields 2–7 of a supervisor's processing record, with the report they belong to.</summary>
public sealed record CommunicationRecord(
    int ReportNumber, string Title, string? CommunicationGoal, string? Audience, string? CoreMessage, string? ChannelAndMethod,
    string? Timing, string? Responsible, DateTimeOffset UpdatedAt);

public sealed record ReportingPeriodInfo(string Id, DateOnly From, DateOnly To, bool IsInterim);

public sealed record CountByKey(string Key, int Count);

/// <summary>One report as other modules see it. <see cref="Status"/> is Received, WithSupervisor, ToWorkingGroup, Decided,
/// Published or Closed.</summary>
public sealed record ReportDigest(
    Guid Id, int Number, DateTimeOffset ReceivedAt, string PhenomenonType, string Title, string Proposal,
    string ServiceArea, string Municipality, IReadOnlyList<string> Categories, string Status);

/// <summary>A period's figures: counts by phenomenon type, category, service area and municipality, and its reports.</summary>
public sealed record PeriodCompilation(
    ReportingPeriodInfo Period, int Total, IReadOnlyList<CountByKey> ByType, IReadOnlyList<CountByKey> ByCategory,
    IReadOnlyList<CountByKey> ByServiceArea, IReadOnlyList<CountByKey> ByMunicipality, IReadOnlyList<ReportDigest> Reports);
