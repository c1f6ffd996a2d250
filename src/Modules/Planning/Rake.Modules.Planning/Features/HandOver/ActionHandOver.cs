namespace Rake.Modules.Planning.Features.HandOver;

/// <summary>
/// Unfinished actions of the plan whose responsible party is a leaver. The plan names a responsible party in free text
/// (often a body, "RAKE-työryhmä"); an action counts as the person's when that text is exactly their name or user name
/// (docs/adr/0114). Handing over writes the taker's name there; the module's audit trail records each change.
/// </summary>
internal sealed class ActionHandOver(PlanningDbContext db, IUserDirectory users) : IOpenItemsSource
{
    private const string Module = "Planning";
    public const string Kind = "PlanAction";

    public async Task<IReadOnlyList<OpenItem>> OpenItemsAsync(Guid userId, CancellationToken cancellationToken) =>
        (await OpenActionsAsync(userId, tracked: false, cancellationToken)).Select(ToItem).ToList();

    public async Task<IReadOnlyList<OpenItem>> HandOverAsync(
        Guid fromUserId, HandOverTarget to, IReadOnlyCollection<string>? itemIds, CancellationToken cancellationToken)
    {
        var chosen = (await OpenActionsAsync(fromUserId, tracked: true, cancellationToken))
            .Where(a => itemIds is null || itemIds.Contains(a.Id.ToString())).ToList();
        foreach (var action in chosen)
        {
            action.Responsible = to.NameWithin(PlanAction.ResponsibleMax);
        }
        await db.SaveChangesAsync(cancellationToken);
        return chosen.Select(ToItem).ToList();
    }

    private async Task<List<PlanAction>> OpenActionsAsync(Guid userId, bool tracked, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId, cancellationToken) is not { } person)
        {
            return [];
        }
        var names = HandOverTarget.MatchNames(person.DisplayName, person.UserName);
        var query = db.Actions.Where(a => a.Status != ActionStatus.Done && names.Contains(a.Responsible.Trim().ToUpper()))
            .OrderBy(a => a.Year).ThenBy(a => a.Position);
        return await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
    }

    private static OpenItem ToItem(PlanAction a) =>
        new(Module, Kind, a.Id.ToString(), a.Title, a.Year is { } year ? new DateOnly(year, 12, 31) : null);
}
