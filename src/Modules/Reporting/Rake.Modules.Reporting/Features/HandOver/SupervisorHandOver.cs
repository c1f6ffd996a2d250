namespace Rake.Modules.Reporting.Features.HandOver;

/// <summary>
/// A leaving supervisor's open work in the current region: reports sent to them and not yet processed (received or with the
/// supervisor), and their place on the supervisor list. Handing over makes the taker the named supervisor; the module's audit
/// trail records each change. An item is titled by the report's number only: a region administrator need not read reports.
/// </summary>
internal sealed class SupervisorHandOver(ReportingDbContext db, TimeProvider clock) : IOpenItemsSource
{
    private const string Module = "Reporting";
    public const string ReportKind = "SupervisedReport";
    public const string ListingKind = "SupervisorListing";

    public async Task<IReadOnlyList<OpenItem>> OpenItemsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var reports = await OpenReports(userId).AsNoTracking().ToListAsync(cancellationToken);
        var listings = await Listings(userId).AsNoTracking().ToListAsync(cancellationToken);
        return [.. reports.Select(ToItem), .. listings.Select(ToItem)];
    }

    public async Task<IReadOnlyList<OpenItem>> HandOverAsync(
        Guid fromUserId, HandOverTarget to, IReadOnlyCollection<string>? itemIds, CancellationToken cancellationToken)
    {
        var reports = (await OpenReports(fromUserId).ToListAsync(cancellationToken))
            .Where(r => itemIds is null || itemIds.Contains(r.Id.ToString())).ToList();
        var now = clock.GetUtcNow();
        foreach (var report in reports)
        {
            (report.SupervisorId, report.SupervisorUserName, report.SupervisorName) = (to.UserId, to.UserName, to.DisplayName);
            // The taker finds the report in their inbox as if it had been sent to them.
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now),
                UserId = to.UserId,
                ReportId = report.Id,
                ReportNumber = report.Number,
                Kind = "received",
                Status = report.Status,
                CreatedAt = now,
            });
        }
        var listings = (await Listings(fromUserId).ToListAsync(cancellationToken))
            .Where(l => itemIds is null || itemIds.Contains(l.Id.ToString())).ToList();
        var takersListing = await db.Supervisors.FirstOrDefaultAsync(s => s.UserId == to.UserId, cancellationToken);
        foreach (var listing in listings)
        {
            if (takersListing is null)
            {
                // The listing itself moves, so reporters find the service area's supervisor under the taker's name.
                (listing.UserId, listing.UserName, listing.DisplayName) = (to.UserId, to.UserName, to.DisplayName);
                takersListing = listing;
            }
            else
            {
                // One listing per person: the taker keeps theirs (reactivated), the leaver's goes off the list.
                listing.Active = false;
                takersListing.Active = true;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return [.. reports.Select(ToItem), .. listings.Select(ToItem)];
    }

    private IQueryable<SocialReport> OpenReports(Guid userId) =>
        db.Reports.Where(r => r.SupervisorId == userId
                && (r.Status == ReportStatus.Received || r.Status == ReportStatus.WithSupervisor))
            .OrderBy(r => r.Number);

    private IQueryable<SupervisorListing> Listings(Guid userId) =>
        db.Supervisors.Where(s => s.UserId == userId && s.Active).OrderBy(s => s.ServiceArea);

    private static OpenItem ToItem(SocialReport r) => new(Module, ReportKind, r.Id.ToString(), $"#{r.Number}", null);

    private static OpenItem ToItem(SupervisorListing s) => new(Module, ListingKind, s.Id.ToString(), s.ServiceArea, null);
}
