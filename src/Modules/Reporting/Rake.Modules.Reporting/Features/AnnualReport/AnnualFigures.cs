using System.Globalization;
using Rake.Modules.Reporting.Features.Compilations;
using Rake.Modules.Reporting.Features.Periods;

namespace Rake.Modules.Reporting.Features.AnnualReport;

/// <summary>The figures of an annual report, always recomputed from the stored reports so they cannot drift from them.</summary>
internal sealed class AnnualFiguresHandler(ReportingDbContext db, TextCatalog texts, ModuleMapper<ReportingModule> mapper)
{
    /// <summary>The figures of a year, computed in the database within the current region.</summary>
    public async Task<AnnualFiguresDto> FiguresAsync(int year, CancellationToken ct)
    {
        var scheme = await db.PeriodSchemeAsync(ct);
        var periods = ReportingPeriod.ForYear(scheme, year).Where(p => !p.IsInterim).ToList();
        var previousPeriods = ReportingPeriod.ForYear(scheme, year - 1).Where(p => !p.IsInterim).ToList();
        var from = periods.Min(p => p.From);
        var to = periods.Max(p => p.To);
        var current = await CountsAsync(from, to, ct);
        var previous = await CountsAsync(previousPeriods.Min(p => p.From), previousPeriods.Max(p => p.To), ct);

        // Quarters (calendar year) or half-years: each segment counted on its own, not cumulatively, so they add up to the total.
        var segments = scheme.Kind == PeriodKind.CalendarYear
            ? Enumerable.Range(0, 4)
                .Select(q =>
                ($"Q{q + 1}", new DateOnly(year, q * 3 + 1, 1), new DateOnly(year, q * 3 + 1, 1).AddMonths(3).AddDays(-1))).ToList()
            : periods.Select(p => (p.Id[5..], p.From, p.To)).ToList();
        var byPeriod = new List<CountDto>();
        foreach (var (label, segmentFrom, segmentTo) in segments)
        {
            var start = Helsinki.StartOf(segmentFrom);
            var end = Helsinki.StartOf(segmentTo.AddDays(1));
            byPeriod.Add(new CountDto(label, await db.Reports.CountAsync(r => r.ReceivedAt >= start && r.ReceivedAt < end, ct)));
        }

        var range = Reports(from, to);
        var byStatus = await range.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var processed = await range.CountAsync(r => r.Record != null, ct);
        var actionStatuses = new[] { ReportStatus.Decided, ReportStatus.Published, ReportStatus.Closed };
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var notes = await db.CompilationNotes.AsNoTracking().Where(n => n.PeriodId.StartsWith(yearText)).ToListAsync(ct);
        var terms = await db.Terms.AsNoTracking().ToListAsync(ct);
        var language = TextCatalog.CurrentLanguage;
        string TermName(TermKind kind, string code) => terms.FirstOrDefault(t => t.Kind == kind && t.Code == code)?.Name(language) ?? code;

        return new AnnualFiguresDto(
            year, from, to, current.Total, previous.Total, processed,
            byStatus.Where(s => actionStatuses.Contains(s.Key)).Sum(s => s.Count),
            CompilationHandler.Compare(current.ByType, previous.ByType, k => texts[$"reporting.type.{k}"]),
            CompilationHandler.Compare(current.ByCategory, previous.ByCategory, k => TermName(TermKind.Category, k)),
            CompilationHandler.Compare(current.ByServiceArea, previous.ByServiceArea, k => TermName(TermKind.ServiceArea, k)),
            CompilationHandler.Compare(current.ByMunicipality, previous.ByMunicipality, k => TermName(TermKind.Municipality, k)),
            Enum.GetValues<ReportStatus>()
                .Select(s => new CountDto(s.ToString(), byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList(),
            byPeriod,
            notes.Where(n => n.Kind == CompilationNoteKind.SteeringGroupDecision).OrderBy(n => n.At).ThenBy(n => n.Id)
                .Select(mapper.Map<CompilationNoteDto>).ToList(),
            notes.Count(n => n.Kind == CompilationNoteKind.WorkingGroupComment));
    }

    private IQueryable<SocialReport> Reports(DateOnly from, DateOnly to)
    {
        var start = Helsinki.StartOf(from);
        var end = Helsinki.StartOf(to.AddDays(1));
        return db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
    }

    private async Task<(int Total, IReadOnlyList<CountDto> ByType, IReadOnlyList<CountDto> ByCategory,
        IReadOnlyList<CountDto> ByServiceArea, IReadOnlyList<CountDto> ByMunicipality)>
        CountsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var reports = Reports(from, to);
        var byType = await reports.GroupBy(r => r.PhenomenonType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byServiceArea = await reports.GroupBy(r => r.ServiceArea).Select(g => new CountDto(g.Key, g.Count())).ToListAsync(ct);
        var byMunicipality = await reports.GroupBy(r => r.Municipality).Select(g => new CountDto(g.Key, g.Count())).ToListAsync(ct);
        var byCategory = await reports.SelectMany(r => r.Categories).GroupBy(c => c.Code)
            .Select(g => new CountDto(g.Key, g.Count())).ToListAsync(ct);
        return (byType.Sum(t => t.Count),
            Enum.GetValues<PhenomenonType>()
                .Select(t => new CountDto(t.ToString(), byType.FirstOrDefault(x => x.Key == t)?.Count ?? 0)).ToList(),
            byCategory, byServiceArea, byMunicipality);
    }
}
