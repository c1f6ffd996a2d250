namespace Rake.Modules.Reporting.Features.GoLive;

/// <summary>
/// What Reporting needs before a region's staff start: a chosen period scheme, each kind of taxonomy with an active entry, and
/// a supervisor to send reports to. All of it is done on the reporting admin page.
/// </summary>
internal sealed class ReportingGoLive(ReportingDbContext db, IUserDirectory users, IRequestContext actor) : IGoLiveSource
{
    private const string Module = "Reporting";
    private const string Link = "reports/admin";

    public async Task<IReadOnlyList<GoLiveItem>> GoLiveItemsAsync(CancellationToken cancellationToken)
    {
        var schemeChosen = await db.Settings.AnyAsync(cancellationToken);
        var counts = await db.Terms.Where(t => t.Active).GroupBy(t => t.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(TermKind kind) => counts.FirstOrDefault(c => c.Key == kind)?.Count ?? 0;
        var supervisors = await ActiveSupervisorCountAsync(cancellationToken);
        GoLiveItem Terms(string key, TermKind kind) => new(Module, key, Count(kind) > 0, Link, Count(kind));
        return
        [
            new(Module, "reporting.periodScheme", schemeChosen, Link),
            Terms("reporting.categories", TermKind.Category),
            Terms("reporting.serviceAreas", TermKind.ServiceArea),
            Terms("reporting.municipalities", TermKind.Municipality),
            Terms("reporting.targetGroups", TermKind.TargetGroup),
            new(Module, "reporting.supervisors", supervisors > 0, Link, supervisors),
        ];
    }

    /// <summary>A listing counts only while its person still holds the Supervisor role: a leaver's roles are gone.</summary>
    private async Task<int> ActiveSupervisorCountAsync(CancellationToken ct)
    {
        var holders = (await users.UsersInRoleAsync(actor.RequireRegion(), RegionRole.Supervisor, ct)).Select(u => u.Id).ToHashSet();
        var listed = await db.Supervisors.Where(s => s.Active).Select(s => s.UserId).ToListAsync(ct);
        return listed.Count(holders.Contains);
    }
}
