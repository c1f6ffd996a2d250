using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Competence.Features.LaunchSurvey;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Competence.Workflows;

/// <summary>
/// Opens the next competence survey round with the areas of the latest one, so the rounds can be compared (SOSRAKE
/// measured at the start and the end). It launches through the API's own use case, as the region's system actor: the
/// same validator, then the same handler. Once per run and activity.
/// </summary>
[Activity("Rake.Competence.LaunchSurvey", Category = "Rake Competence", DisplayName = "Launch competence survey",
    Description = "Opens the next round of the region's competence survey (osaamiskartoitus) "
        + "with the same competence areas as the previous round.")]
internal sealed class LaunchSurvey : WorkflowActivity
{
    [Input(DisplayName = "Title", Description = "The round's title shown to staff.")]
    public string? Title { get; set; }

    [Output(DisplayName = "Survey", Description = "The id of the opened survey round.")]
    public string? SurveyId { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var title = string.IsNullOrWhiteSpace(Title) ? $"Osaamiskartoitus {Helsinki.Today(context.Time).Year}" : Title.Trim();
        var handler = context.Services.GetRequiredService<LaunchSurveyHandler>();
        var sourceKey = $"{context.WorkflowInstanceId}/{context.ActivityId}";
        var survey = await handler.LaunchedByAsync(sourceKey, context.CancellationToken);
        if (survey is null)
        {
            var request = await handler.NextRoundAsync(title, context.CancellationToken);
            if (request is null)
            {
                context.Fault("The region has no earlier survey whose competence areas the new round could use.");
                return;
            }
            try
            {
                await context.Services.GetRequiredService<RequestChecks>().ThrowIfInvalidAsync(request, context.CancellationToken);
            }
            catch (ValidationException refused)
            {
                context.Fault(string.Join(" ", refused.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
                return;
            }
            survey = await handler.HandleAsync(request, sourceKey, context.CancellationToken);
        }
        SurveyId = survey.Id.ToString();
        context.Journal($"Survey round {survey.Round} opened: {survey.Title}.");
        context.Complete();
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.TryGetConstantInput<string>("title", out var title) && title?.Length > Survey.TitleMax)
        {
            yield return $"The title may be at most {Survey.TitleMax} characters.";
        }
    }
}
