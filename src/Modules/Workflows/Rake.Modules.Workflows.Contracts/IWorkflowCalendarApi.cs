namespace Rake.Modules.Workflows.Contracts;

/// <summary>
/// One recurring step of a region's published workflows placed in the month it is due: a human task (its due date), a
/// meeting or an info session (the day it is held), a compilation, a publication, a plan review or evaluation or a survey
/// (the day it runs). <see cref="Kind"/> is one of Task, Meeting, Compilation, Publication, Review, Survey, InfoSession;
/// <see cref="Title"/> is the step's title as its workflow names it (empty when it has none), <see cref="Titles"/> its
/// other language versions by language code (sv, en) when the workflow gives them.
/// </summary>
public sealed record RecurringStep(int Month, string Kind, string Title, string DefinitionName)
{
    public IReadOnlyDictionary<string, string>? Titles { get; init; }

    /// <summary>The title in <paramref name="language"/> when the workflow gives one, else the title as written.</summary>
    public string TitleIn(string language) => Titles?.GetValueOrDefault(language) ?? Title;
}

/// <summary>The region's yearly rhythm as its published workflows define it (for the annual-cycle view), in the scope's region.</summary>
public interface IWorkflowCalendarApi
{
    Task<IReadOnlyList<RecurringStep>> RecurringStepsAsync(CancellationToken cancellationToken);
}
