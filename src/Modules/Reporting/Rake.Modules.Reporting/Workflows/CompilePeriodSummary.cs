using Rake.Workflows.Abstractions;

namespace Rake.Modules.Reporting.Workflows;

/// <summary>
/// Names the reporting period whose reports are to be compiled. The compilation itself (counts per category and
/// phenomenon, from the Reporting database) is wired in a later step; this activity only resolves the period and
/// records it, so a workflow can already be designed and run against it.
/// </summary>
[Activity("Rake.Reporting.CompilePeriodSummary", Category = "Rake Reporting", DisplayName = "Compile period summary",
    Description = "Resolves a reporting period (2026-H1, previous half-year, interim Q1 = Jan–Mar this year, previous year) and emits it as the period to compile (outputs period, periodStart, periodEnd). It does not read reports yet: the compilation is produced by the Reporting module in a later step.")]
internal sealed class CompilePeriodSummary : WorkflowActivity
{
    [Input(DisplayName = "Period", Description = "2026, 2026-H1, 2026-Q2, current year, previous year, current half-year, previous half-year, interim Q1, interim Q2 or interim Q3.")]
    public string? Period { get; set; }

    [Input(DisplayName = "First month of the half-year", Description = "The month a region's reporting half-year begins: 1 (January–June) by default, 12 for Kymenlaakso (1.12.–31.5. and 1.6.–30.11.).")]
    public int PeriodStartMonth { get; set; } = 1;

    [Output(DisplayName = "Period", Description = "The period id, as the Reporting API names periods: 2026-H1, 2026-Q2 (cumulative from January), 2025.")]
    public string? PeriodLabel { get; private set; }

    [Output(DisplayName = "Period start", Description = "First day, yyyy-MM-dd.")]
    public string? PeriodStart { get; private set; }

    [Output(DisplayName = "Period end", Description = "Last day, yyyy-MM-dd.")]
    public string? PeriodEnd { get; private set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!ReportingPeriod.TryResolve(Period, Rake.BuildingBlocks.Regions.Helsinki.Today(context.Time), PeriodStartMonth, out var period))
        {
            context.Fault($"'{Period}' is not a reporting period (or the first month {PeriodStartMonth} is not 1–12).");
            return ValueTask.CompletedTask;
        }
        PeriodLabel = period!.Label;
        PeriodStart = period.FromText;
        PeriodEnd = period.ToText;
        context.Journal($"Period to compile: {period.Label} ({period.FromText} – {period.ToText}).");
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("period") is null)
        {
            yield return "The period to compile is missing.";
        }
        var firstMonth = design.TryGetConstantInput<int>("periodStartMonth", out var m) ? m : 1;
        if (firstMonth is < 1 or > 12)
        {
            yield return $"The first month of the half-year must be 1–12, not {firstMonth}.";
        }
        else if (design.TryGetConstantInput<string>("period", out var text) && !ReportingPeriod.TryResolve(text, new DateOnly(2026, 1, 1), firstMonth, out _))
        {
            yield return $"'{text}' is not a reporting period.";
        }
    }
}
