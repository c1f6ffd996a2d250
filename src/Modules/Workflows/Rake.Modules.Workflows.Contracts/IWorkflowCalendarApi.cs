namespace Rake.Modules.Workflows.Contracts;

/// <summary>
/// One recurring step of a region's published workflows placed in a month of the year: a human task, a meeting, a
/// compilation, a publication, a plan review or evaluation, a survey or an info session. <see cref="Kind"/> is one of
/// Task, Meeting, Compilation, Publication, Review, Survey, InfoSession; <see cref="Title"/> is the step's title as its
/// workflow names it (empty when it has none).
/// </summary>
public sealed record RecurringStep(int Month, string Kind, string Title, string DefinitionName);

/// <summary>The region's yearly rhythm as its published workflows define it (for the annual-cycle view), in the scope's region.</summary>
public interface IWorkflowCalendarApi
{
    Task<IReadOnlyList<RecurringStep>> RecurringStepsAsync(CancellationToken cancellationToken);
}
