namespace Rake.Modules.Workflows.Contracts;

/// <summary>
/// An open human task of a run that a module's own page completes: its payload names a <see cref="FormKey"/> (what the module
/// calls the step) and the page it leads to. <see cref="Titles"/> holds the task's title by language code (fi, sv, en) when the
/// workflow gives language versions.
/// </summary>
public sealed record FormTask(Guid Id, string FormKey, string Role, string Title, DateTimeOffset? DueAt)
{
    public IReadOnlyDictionary<string, string>? Titles { get; init; }

    /// <summary>The title in <paramref name="language"/> when the workflow gives one, else the title as written.</summary>
    public string TitleIn(string language) => Titles?.GetValueOrDefault(language) ?? Title;
}

/// <summary>
/// Tasks whose result is a module's own record (a stage of a phenomenon report): the module owns the state, so the task is
/// completed when the module's state moves on, never by a second entry in "My tasks" (docs/adr/0173). In the scope's region.
/// </summary>
public interface IWorkflowFormTasksApi
{
    /// <summary>The run's open tasks that carry a form key; empty for an unknown run or another region's.</summary>
    Task<IReadOnlyList<FormTask>> OpenAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Completes the run's open tasks whose form key is one of <paramref name="formKeys"/>, as the calling person, and lets the
    /// run go on; returns how many were completed. The module has already checked who may move its state, so the task's role is
    /// not asked again: the person who closes a workshop round is not always one of the role the round's task went to.
    /// </summary>
    Task<int> CompleteAsync(Guid instanceId, IReadOnlyCollection<string> formKeys, string? comment, CancellationToken cancellationToken);
}
