using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.Periods;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Features.Api;

/// <summary>The Reporting contract for other modules; the region query filter of <see cref="ReportingDbContext"/> scopes every
/// query.</summary>
internal sealed class ReportingApi(ReportingDbContext db, PeriodSummaryHandler summaries) : IReportingApi
{
    public async Task<IReadOnlyList<ReportingPeriodInfo>> PeriodsAsync(int year, CancellationToken cancellationToken) =>
        ReportingPeriod.ForYear(await db.PeriodSchemeAsync(cancellationToken), year).Select(ToInfo).ToList();

    public async Task<ReportingPeriodInfo?> FindPeriodAsync(string periodId, CancellationToken cancellationToken) =>
        ReportingPeriod.Parse(await db.PeriodSchemeAsync(cancellationToken), periodId) is { } period ? ToInfo(period) : null;

    public async Task<PeriodCompilation?> CompileAsync(string periodId, CancellationToken cancellationToken)
    {
        var period = ReportingPeriod.Parse(await db.PeriodSchemeAsync(cancellationToken), periodId);
        if (period is null)
        {
            return null;
        }
        var summary = await summaries.SummarizeAsync(period, cancellationToken);
        var reports = await ReceivedAsync(Helsinki.StartOf(period.From), Helsinki.StartOf(period.To.AddDays(1)), cancellationToken);
        return new PeriodCompilation(
            ToInfo(period), summary.TotalCount, Counts(summary.ByType), Counts(summary.ByCategory),
            Counts(summary.ByServiceArea), Counts(summary.ByMunicipality), reports);
    }

    public async Task<IReadOnlyList<ReportDigest>> ReceivedAsync(DateTimeOffset from, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        var reports = await db.Reports.AsNoTracking().Include(r => r.Categories)
            .Where(r => r.ReceivedAt >= from && r.ReceivedAt < until)
            .ToListAsync(cancellationToken);
        return reports.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Number).Select(ToDigest).ToList();
    }

    public async Task<IReadOnlyList<ReportDigest>> FindAsync(IReadOnlyCollection<int> numbers, CancellationToken cancellationToken)
    {
        var wanted = numbers.Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Include(r => r.Categories)
            .Where(r => wanted.Contains(r.Number))
            .ToListAsync(cancellationToken);
        return reports.OrderBy(r => r.Number).Select(ToDigest).ToList();
    }

    public async Task<IReadOnlyList<CommunicationRecord>> CommunicationRecordsAsync(CancellationToken cancellationToken)
    {
        var reports = await db.Reports.AsNoTracking().Include(r => r.Record)
            .Where(r => r.Record != null && (r.Record.CommunicationGoal != null || r.Record.CoreMessage != null))
            .ToListAsync(cancellationToken);
        return reports.OrderBy(r => r.Number).Select(r => new CommunicationRecord(
            r.Number, r.Title, r.Record!.CommunicationGoal, r.Record.Audience, r.Record.CoreMessage, r.Record.ChannelAndMethod,
            r.Record.Timing, r.Record.Responsible, r.Record.UpdatedAt)).ToList();
    }

    private static ReportingPeriodInfo ToInfo(ReportingPeriod p) => new(p.Id, p.From, p.To, p.IsInterim);

    private static IReadOnlyList<CountByKey> Counts(IReadOnlyList<CountDto> counts) =>
        counts.Select(c => new CountByKey(c.Key, c.Count)).ToList();

    private static ReportDigest ToDigest(SocialReport r) => new(
        r.Id, r.Number, r.ReceivedAt, r.PhenomenonType.ToString(), r.Title, r.Proposal, r.ServiceArea, r.Municipality,
        r.Categories.Select(c => c.Code).Order(StringComparer.Ordinal).ToList(), r.Status.ToString());
}
