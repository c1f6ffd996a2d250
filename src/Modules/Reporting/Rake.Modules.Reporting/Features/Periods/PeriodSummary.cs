using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Rake.Modules.Reporting.Features.Periods;

internal sealed record PeriodDto(string Id, DateOnly From, DateOnly To, bool IsInterim);

internal sealed record CountDto(string Key, int Count);

internal sealed record PhenomenonDto(
    int Number, DateTimeOffset ReceivedAt, string PhenomenonType, string Title, string Proposal, string ServiceArea, string Municipality);

internal sealed record PeriodSummaryDto(
    PeriodDto Period, int TotalCount, IReadOnlyList<CountDto> ByType, IReadOnlyList<CountDto> ByCategory,
    IReadOnlyList<CountDto> ByServiceArea, IReadOnlyList<CountDto> ByMunicipality, IReadOnlyList<PhenomenonDto> Phenomena);

internal static class PeriodEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Reporting periods";
        api.MapGet("/reporting-periods", (PeriodSummaryHandler handler, CancellationToken ct,
                [Range(InputRules.MinYear, InputRules.MaxYear)] int? year) => handler.PeriodsAsync(year, ct))
            .WithTags(tag).WithSummary("The region's reporting periods of a year (default: this year), interim ones included.");
        api.MapGet("/reporting-periods/{periodId}/summary", (string periodId, PeriodSummaryHandler handler, CancellationToken ct) =>
                handler.SummaryAsync(periodId, ct))
            .RequireRegionRoles(ReportingRoles.Summary)
            .WithTags(tag).WithSummary("Counts by type, category, service area and municipality, and the phenomena with their proposals.");
    }
}

/// <summary>Period summaries are computed from the stored reports each time, in the database, within the current region.</summary>
internal sealed class PeriodSummaryHandler(ReportingDbContext db, TextCatalog texts, TimeProvider clock)
{
    public async Task<IReadOnlyList<PeriodDto>> PeriodsAsync(int? year, CancellationToken ct)
    {
        var scheme = await db.PeriodSchemeAsync(ct);
        return ReportingPeriod.ForYear(scheme, year ?? Helsinki.Today(clock).Year).Select(ToDto).ToList();
    }

    public async Task<PeriodSummaryDto> SummaryAsync(string periodId, CancellationToken ct)
    {
        var scheme = await db.PeriodSchemeAsync(ct);
        var period = ReportingPeriod.Parse(scheme, periodId);
        if (period is null)
        {
            var examples = string.Join(", ", ReportingPeriod.ForYear(scheme, Helsinki.Today(clock).Year).Select(p => p.Id));
            throw new ValidationException(
                new Dictionary<string, string[]> { ["periodId"] = [texts.Get("reporting.period.unknown", periodId, examples)] });
        }
        return await SummarizeAsync(period, ct);
    }

    public async Task<PeriodSummaryDto> SummarizeAsync(ReportingPeriod period, CancellationToken ct)
    {
        var from = Helsinki.StartOf(period.From);
        var until = Helsinki.StartOf(period.To.AddDays(1));
        var reports = db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= from && r.ReceivedAt < until);
        var byType = await reports.GroupBy(r => r.PhenomenonType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byServiceArea = await reports.GroupBy(r => r.ServiceArea).Select(g => new CountDto(g.Key, g.Count())).ToListAsync(ct);
        var byMunicipality = await reports.GroupBy(r => r.Municipality).Select(g => new CountDto(g.Key, g.Count())).ToListAsync(ct);
        // A join, not a correlated EXISTS: SQLite would otherwise test every category row of every period one by one.
        var byCategory = await reports.SelectMany(r => r.Categories)
            .GroupBy(c => c.Code).Select(g => new CountDto(g.Key, g.Count())).ToListAsync(ct);
        var phenomena = await reports.OrderBy(r => r.Number)
            .Select(r => new PhenomenonDto(
                r.Number, r.ReceivedAt, r.PhenomenonType.ToString(), r.Title, r.Proposal, r.ServiceArea, r.Municipality))
            .ToListAsync(ct);
        return new PeriodSummaryDto(
            ToDto(period),
            byType.Sum(t => t.Count),
            Enum.GetValues<PhenomenonType>()
                .Select(t => new CountDto(t.ToString(), byType.FirstOrDefault(x => x.Key == t)?.Count ?? 0)).ToList(),
            Sorted(byCategory), Sorted(byServiceArea), Sorted(byMunicipality), phenomena);
    }

    private static IReadOnlyList<CountDto> Sorted(List<CountDto> counts) =>
        counts.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    private static PeriodDto ToDto(ReportingPeriod p) => new(p.Id, p.From, p.To, p.IsInterim);
}
