using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Reporting.Features.ReporterYear;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Reporting.Workflows;

/// <summary>
/// Tells the reporters how their reports were handled ("the knowledge must not vanish in the organisation's stairs"):
/// an in-app notice to each reporter of the period's reports, and an e-mail through Communications as each person has
/// chosen (report number, status and a link; the message itself stays in the workflow's journal).
/// </summary>
[Activity("Rake.Reporting.NotifyReporter", Category = "Rake Reporting", DisplayName = "Notify reporters",
    Description = "Tells each reporter of the period's reports (all open reports when no period is given) that the handling moved " +
        "on: an in-app notice and, as each person has chosen, an e-mail with the report number and a link.")]
internal sealed class NotifyReporter : WorkflowActivity
{
    [Input(DisplayName = "Message", Description = "What the reporters are told.", UIHint = InputUIHints.MultiLine)]
    public string? Message { get; set; }

    [Input(DisplayName = "Period", Description = "Whose reports: the period label (2026-H1), empty for all open reports.")]
    public string? Period { get; set; }

    [Input(DisplayName = "First month of the half-year",
        Description = "The month the region's reporting half-year begins: 1 by default, 12 for Kymenlaakso.")]
    public int PeriodStartMonth { get; set; } = 1;

    [Output(DisplayName = "Notice", Description = "The notice as recorded.")]
    public string? Notice { get; private set; }

    [Output(DisplayName = "Reports", Description = "How many reports' reporters were told.")]
    public int? ReportCount { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (!ReportingPeriod.TryResolve(Period, Rake.BuildingBlocks.Regions.Helsinki.Today(context.Time), PeriodStartMonth,
                out var period))
            {
                context.Fault($"'{Period}' is not a reporting period.");
                return;
            }
            (from, to) = (period!.From, period.To);
        }
        ReportCount = await context.Services.GetRequiredService<ReporterNoticeHandler>().NotifyAsync(from, to, context.CancellationToken);
        Notice = string.IsNullOrWhiteSpace(Period)
            ? $"Reporters of {ReportCount} open reports informed: {Message}"
            : $"Reporters of {ReportCount} reports of {Period} informed: {Message}";
        context.Journal(Notice);
        context.Complete();
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("message") is null)
        {
            yield return "The message to the reporters is missing.";
        }
    }
}
