namespace Rake.BuildingBlocks.Contracts;

/// <summary>One piece of unfinished work a person holds in a module (an assignment, a supervisor listing…), as a leaver's
/// hand-over lists it.</summary>
/// <param name="Module">The module that owns the item, e.g. <c>WorkingGroup</c>.</param>
/// <param name="Kind">What it is within the module, e.g. <c>Assignment</c>; also the text-catalog key <c>people.item.{Kind}</c>.</param>
/// <param name="Id">The item's id within its module.</param>
/// <param name="Title">What a region administrator recognises the item by.</param>
/// <param name="DueDate">When it is due, when it has a due date.</param>
public sealed record OpenItem(string Module, string Kind, string Id, string Title, DateOnly? DueDate);

/// <summary>The person who takes over a leaver's items.</summary>
public sealed record HandOverTarget(Guid UserId, string UserName, string DisplayName)
{
    /// <summary>What a free-text "responsible party" field gets: the display name, or the user name when the name does not
    /// fit in <paramref name="maxLength"/>.</summary>
    public string NameWithin(int maxLength) => DisplayName.Length <= maxLength ? DisplayName : UserName;

    /// <summary>The names a free-text field may name a person by (display name, user name), trimmed and upper-cased, for an
    /// exact, case-blind match (docs/adr/0114).</summary>
    public static IReadOnlyList<string> MatchNames(string displayName, string userName) =>
        new[] { displayName, userName }.Where(n => n.Trim().Length > 0).Select(n => n.Trim().ToUpperInvariant()).Distinct().ToList();
}

/// <summary>
/// Implemented by each module that holds work assigned to named people, so that a region administrator can see a leaver's
/// open items and hand them to someone else. It is called in a scope already set to one region, so it sees and changes only
/// that region's rows; the module's own audit trail records each change.
/// </summary>
public interface IOpenItemsSource
{
    Task<IReadOnlyList<OpenItem>> OpenItemsAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Gives the listed items of <paramref name="fromUserId"/> (all of this module's, when <paramref name="itemIds"/> is
    /// null) to <paramref name="to"/>; returns the items handed over.</summary>
    Task<IReadOnlyList<OpenItem>> HandOverAsync(
        Guid fromUserId, HandOverTarget to, IReadOnlyCollection<string>? itemIds, CancellationToken cancellationToken);
}
