using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Competence.Features;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Competence.Workflows;

/// <summary>
/// Opens the next competence survey round with the areas of the latest one, so the rounds can be compared (SOSRAKE
/// measured at the start and the end). Once per run; an engine without a host only journals.
/// </summary>
[Activity("Rake.Competence.LaunchSurvey", Category = "Rake Competence", DisplayName = "Launch competence survey",
    Description = "Opens the next round of the region's competence survey (osaamiskartoitus) with the same competence areas as the previous round.")]
internal sealed class LaunchSurvey : WorkflowActivity
{
    [Input(DisplayName = "Title", Description = "The round's title shown to staff.")]
    public string? Title { get; set; }

    [Output(DisplayName = "Survey", Description = "The id of the opened survey round.")]
    public string? SurveyId { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var title = string.IsNullOrWhiteSpace(Title) ? $"Osaamiskartoitus {Rake.BuildingBlocks.Regions.Helsinki.Today(context.Time).Year}" : Title.Trim();
        var handler = context.Services.GetService<SurveyHandler>();
        if (handler is null)
        {
            context.Journal($"Survey to launch: {title}; no survey store in this run.");
            context.Complete();
            return;
        }
        var survey = await handler.LaunchNextRoundAsync(title, $"{context.WorkflowInstanceId}/{context.ActivityId}", context.CancellationToken);
        if (survey is null)
        {
            context.Fault("The region has no earlier survey whose competence areas the new round could use.");
            return;
        }
        SurveyId = survey.Id.ToString();
        context.Journal($"Survey round {survey.Round} opened: {survey.Title}.");
        context.Complete();
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.TryGetConstantInput<string>("title", out var title) && title?.Length > 200)
        {
            yield return "The title may be at most 200 characters.";
        }
    }
}
