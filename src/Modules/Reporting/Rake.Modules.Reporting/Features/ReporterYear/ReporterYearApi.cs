using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Reporting.Features.ReporterYear;

/// <summary>The reports received in a Helsinki calendar year with their reporters, for the yearly summary e-mail.</summary>
internal sealed class ReporterYearApi(ReportingDbContext db) : IReporterYearApi
{
    public async Task<IReadOnlyList<ReporterYearReport>> ReportsOfYearAsync(int year, CancellationToken cancellationToken)
    {
        var (from, until) = (Helsinki.StartOf(new DateOnly(year, 1, 1)), Helsinki.StartOf(new DateOnly(year + 1, 1, 1)));
        var reports = await db.Reports.AsNoTracking().Include(r => r.CoReporters)
            .Where(r => r.ReceivedAt >= from && r.ReceivedAt < until).ToListAsync(cancellationToken);
        return reports.OrderBy(r => r.Number).Select(r => new ReporterYearReport(r.Id, r.Number, r.ReceivedAt, r.Status.ToString(),
            r.Status is ReportStatus.Decided or ReportStatus.Published, [r.ReporterId, .. r.CoReporters.Select(c => c.UserId)]))
            .ToList();
    }
}

/// <summary>
/// What the NotifyReporter workflow step does: each reporter of the chosen reports gets an in-app notice, and
/// <see cref="ReportersNotified"/> lets Communications e-mail them as each person has chosen.
/// </summary>
internal sealed class ReporterNoticeHandler(ReportingDbContext db, IRequestContext actor, TimeProvider clock)
{
    public async Task<int> NotifyAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var query = db.Reports.Include(r => r.CoReporters).AsQueryable();
        if (from is { } f && to is { } t)
        {
            var (start, end) = (Helsinki.StartOf(f), Helsinki.StartOf(t.AddDays(1)));
            query = query.Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
        }
        else
        {
            query = query.Where(r => r.Status != ReportStatus.Closed);
        }
        var reports = await query.ToListAsync(ct);
        var now = clock.GetUtcNow();
        var notified = new List<NotifiedReport>();
        foreach (var report in reports)
        {
            List<Guid> reporters = [.. new[] { report.ReporterId }.Concat(report.CoReporters.Select(c => c.UserId)).Distinct()];
            foreach (var reporter in reporters)
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.CreateVersion7(now),
                    UserId = reporter,
                    ReportId = report.Id,
                    ReportNumber = report.Number,
                    Kind = "handled",
                    Status = report.Status,
                    CreatedAt = now,
                });
            }
            notified.Add(new NotifiedReport(report.Id, report.Number, report.Status.ToString(), reporters));
        }
        if (notified.Count > 0)
        {
            db.Publish(new ReportersNotified(Guid.CreateVersion7(now), actor.RequireRegion(), now, notified));
        }
        await db.SaveChangesAsync(ct);
        return notified.Count;
    }
}
