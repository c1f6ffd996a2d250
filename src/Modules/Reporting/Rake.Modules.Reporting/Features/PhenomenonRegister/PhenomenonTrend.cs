namespace Rake.Modules.Reporting.Features.PhenomenonRegister;

/// <summary>What the register says of a phenomenon's course (docs/adr/0162).</summary>
internal enum TrendLabel
{
    /// <summary>Reports in at least two of the region's periods, one of them the current or the previous period.</summary>
    Recurring,

    /// <summary>Reports only in one period, the current or the previous one.</summary>
    New,

    /// <summary>Reports once, but none in the current or the previous period.</summary>
    Fading,

    /// <summary>No report is linked yet.</summary>
    NoReports,
}

/// <summary>A linked report as the trend needs it: when it came (Finnish date) and from which municipality.</summary>
internal sealed record TrendInput(DateOnly ReceivedOn, string Municipality);

internal sealed record PeriodCount(string PeriodId, DateOnly From, DateOnly To, int Count);

/// <summary>The course of a phenomenon: its label, reports per period over the last <see cref="PhenomenonTrend.Window"/>
/// periods (oldest first), how many periods and municipalities it has been seen in, and the municipalities where it
/// recurs itself.</summary>
internal sealed record TrendResult(
    TrendLabel Label, IReadOnlyList<PeriodCount> Periods, int PeriodsSeen, int Municipalities, IReadOnlyList<string> RecurringIn);

/// <summary>
/// The recurrence rule of the register, over the region's own main periods (Kainuu's calendar years, Kymenlaakso's
/// half-years). A phenomenon recurs when its reports fall in two or more periods and it is still being reported (the
/// current or the previous period). Reports from several municipalities in one period make it wide, not recurring.
/// </summary>
internal static class PhenomenonTrend
{
    /// <summary>How many periods the page's trend shows, the current one last.</summary>
    public const int Window = 4;

    public static TrendResult Compute(PeriodScheme scheme, DateOnly today, IReadOnlyCollection<TrendInput> reports)
    {
        var current = ReportingPeriod.CurrentFor(scheme, today);
        var window = new List<ReportingPeriod> { current };
        while (window.Count < Window)
        {
            window.Insert(0, window[0].Previous(scheme));
        }
        var periodOf = reports.Select(r => (Report: r, Period: ReportingPeriod.CurrentFor(scheme, r.ReceivedOn).Id)).ToList();
        var seen = periodOf.Select(p => p.Period).ToHashSet(StringComparer.Ordinal);
        var recent = seen.Contains(current.Id) || seen.Contains(window[^2].Id);
        var label = seen.Count switch
        {
            0 => TrendLabel.NoReports,
            _ when !recent => TrendLabel.Fading,
            1 => TrendLabel.New,
            _ => TrendLabel.Recurring,
        };
        var counts = window.Select(p => new PeriodCount(p.Id, p.From, p.To, periodOf.Count(r => r.Period == p.Id))).ToList();
        var byMunicipality = periodOf.Where(p => p.Report.Municipality.Length > 0)
            .GroupBy(p => p.Report.Municipality, StringComparer.Ordinal).ToList();
        var recurringIn = byMunicipality.Where(g => g.Select(p => p.Period).Distinct(StringComparer.Ordinal).Count() >= 2)
            .Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        return new TrendResult(label, counts, seen.Count, byMunicipality.Count, recurringIn);
    }
}
