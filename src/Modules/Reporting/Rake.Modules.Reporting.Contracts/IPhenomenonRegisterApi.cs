namespace Rake.Modules.Reporting.Contracts;

/// <summary>
/// Reporting's phenomenon register as other modules may read it, within the current request's region. Like
/// <see cref="IReportingApi"/> it checks no role: the calling module decides who sees what it shows.
/// </summary>
public interface IPhenomenonRegisterApi
{
    /// <summary>The region's phenomena that recur by the register's rule (docs/adr/0162), those most reported in the current and
    /// previous period first.</summary>
    Task<IReadOnlyList<RecurringPhenomenon>> RecurringAsync(CancellationToken cancellationToken);
}

/// <summary>A recurring phenomenon: how many reports show it, in how many periods and municipalities, and their numbers.</summary>
public sealed record RecurringPhenomenon(
    Guid Id, string Title, int ReportCount, int PeriodsSeen, int Municipalities, IReadOnlyList<int> ReportNumbers);
