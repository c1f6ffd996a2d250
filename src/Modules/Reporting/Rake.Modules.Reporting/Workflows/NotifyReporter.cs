using Rake.Workflows.Abstractions;

namespace Rake.Modules.Reporting.Workflows;

/// <summary>
/// Records that the reporters are told how their reports were handled ("the knowledge must not vanish in the
/// organisation's stairs"). Delivery to each reporter is wired later with the Communications module.
/// </summary>
[Activity("Rake.Reporting.NotifyReporter", Category = "Rake Reporting", DisplayName = "Notify reporters",
    Description = "Records feedback to the reporters on how their reports were handled (journal and output 'notice'). Delivery to " +
        "each reporter comes later; today nothing is sent.")]
internal sealed class NotifyReporter : WorkflowActivity
{
    [Input(DisplayName = "Message", Description = "What the reporters are told.", UIHint = InputUIHints.MultiLine)]
    public string? Message { get; set; }

    [Input(DisplayName = "Period", Description = "Whose reports: the period label (2026-H1), empty for all open reports.")]
    public string? Period { get; set; }

    [Output(DisplayName = "Notice", Description = "The notice as recorded.")]
    public string? Notice { get; private set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        Notice = string.IsNullOrWhiteSpace(Period)
            ? $"Reporters informed: {Message}"
            : $"Reporters of {Period} informed: {Message}";
        context.Journal(Notice);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("message") is null)
        {
            yield return "The message to the reporters is missing.";
        }
    }
}
