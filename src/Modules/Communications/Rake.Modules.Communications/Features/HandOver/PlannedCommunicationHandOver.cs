namespace Rake.Modules.Communications.Features.HandOver;

/// <summary>
/// Planned communications still to be carried out whose responsible party is a leaver. The responsible party is free text
/// (taken from a supervisor's record or a decision); a communication counts as the person's when that text is exactly their
/// name or user name (docs/adr/0114). Handing over writes the taker's name there; the module's audit trail records it.
/// </summary>
internal sealed class PlannedCommunicationHandOver(CommunicationsDbContext db, IUserDirectory users) : IOpenItemsSource
{
    private const string Module = "Communications";
    public const string Kind = "PlannedCommunication";

    public async Task<IReadOnlyList<OpenItem>> OpenItemsAsync(Guid userId, CancellationToken cancellationToken) =>
        (await OpenAsync(userId, tracked: false, cancellationToken)).Select(ToItem).ToList();

    public async Task<IReadOnlyList<OpenItem>> HandOverAsync(
        Guid fromUserId, HandOverTarget to, IReadOnlyCollection<string>? itemIds, CancellationToken cancellationToken)
    {
        var chosen = (await OpenAsync(fromUserId, tracked: true, cancellationToken))
            .Where(p => itemIds is null || itemIds.Contains(p.Id.ToString())).ToList();
        foreach (var planned in chosen)
        {
            planned.Responsible = to.NameWithin(PlannedCommunication.ShortMax);
        }
        await db.SaveChangesAsync(cancellationToken);
        return chosen.Select(ToItem).ToList();
    }

    private async Task<List<PlannedCommunication>> OpenAsync(Guid userId, bool tracked, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId, cancellationToken) is not { } person)
        {
            return [];
        }
        var names = HandOverTarget.MatchNames(person.DisplayName, person.UserName);
        var query = db.Planned
            .Where(p => p.Status == PlannedStatus.Planned && p.Responsible != null && names.Contains(p.Responsible.Trim().ToUpper()))
            .OrderBy(p => p.CreatedAt);
        return await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
    }

    private static OpenItem ToItem(PlannedCommunication p) => new(Module, Kind, p.Id.ToString(), p.What, null);
}
