namespace Rake.Modules.Workflows.Contracts;

/// <summary>
/// The language versions of texts that workflow runs wrote into other modules (a meeting's title, an agenda item): a row
/// written by an activity keeps the key <c>{instanceId}/{activityId}</c> of the run, and the activity's definition may give
/// the text in Swedish or English beside the Finnish one (<c>titleSv</c>, <c>titleEn</c>). In the scope's region.
/// </summary>
public interface IWorkflowTextsApi
{
    /// <summary>
    /// Source key → the <paramref name="input"/> text in <paramref name="language"/>, for the keys whose activity gives one;
    /// keys of other regions' runs, unknown keys and activities without that language are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> TextsAsync(
        IReadOnlyCollection<string> sourceKeys, string input, string language, CancellationToken cancellationToken);
}
