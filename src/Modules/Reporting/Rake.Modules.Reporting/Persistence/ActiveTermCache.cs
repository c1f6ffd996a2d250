using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Caching;
using Rake.Modules.Reporting.Domain;

namespace Rake.Modules.Reporting.Persistence;

/// <summary>An active taxonomy term as a submission checks it: its kind and code, nothing that could be changed in place.</summary>
internal sealed record ActiveTerm(TermKind Kind, string Code);

/// <summary>
/// The active taxonomy terms of each region, which every submission checks its codes against (docs/adr/0193). Keyed by the
/// region of the context that reads them, and read through that context's region filter, so one region's terms are never
/// another's. A change saved through <see cref="ReportingDbContext"/> on this Host drops its region's entry at once (before and
/// after the write); a change made on another Host, or outside EF, is seen here after at most <see cref="Lifetime"/>.
/// </summary>
internal sealed class ActiveTermCache(TimeProvider clock)
{
    /// <summary>How long a region's terms are used before they are read again (the bound for changes made elsewhere).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ExpiringCache<string, IReadOnlyList<ActiveTerm>> entries = new(clock, Lifetime);

    /// <summary>The active terms of <paramref name="db"/>'s region, from memory while they are fresh.</summary>
    public Task<IReadOnlyList<ActiveTerm>> ActiveTermsAsync(ReportingDbContext db, CancellationToken ct)
    {
        var region = db.CurrentRegionCode ?? throw new InvalidOperationException("Taxonomy terms need a region.");
        return entries.GetAsync(region, async c => (IReadOnlyList<ActiveTerm>)await db.Terms.AsNoTracking().Where(t => t.Active)
            .Select(t => new ActiveTerm(t.Kind, t.Code))
            .ToListAsync(c), ct);
    }

    /// <summary>Forgets <paramref name="region"/>'s terms: the next submission there reads them again.</summary>
    public void Invalidate(string region) => entries.Invalidate(region);
}
