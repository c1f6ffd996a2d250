namespace Rake.Modules.Reporting.Features.SubmitReport;

/// <summary>
/// The active supervisor listing a submission names, read once per request scope: the validator checks it and the handler
/// stores its name, and both used to read the same row. The scope's DbContext carries the region filter, so a listing of
/// another region is never found; nothing outlives the request, so no change can be missed.
/// </summary>
internal sealed class SupervisorLookup(ReportingDbContext db)
{
    private readonly Dictionary<string, SupervisorListing?> found = new(StringComparer.Ordinal);

    public async Task<SupervisorListing?> FindActiveAsync(string userName, CancellationToken ct)
    {
        var name = userName.Trim();
        if (!found.TryGetValue(name, out var listing))
        {
            listing = await db.Supervisors.AsNoTracking().FirstOrDefaultAsync(s => s.Active && s.UserName == name, ct);
            found[name] = listing;
        }
        return listing;
    }
}
