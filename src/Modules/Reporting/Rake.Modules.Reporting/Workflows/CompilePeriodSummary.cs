using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Reporting.Contracts;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Reporting.Workflows;

/// <summary>
/// Compiles a reporting period of the instance's region through <see cref="IReportingApi"/>: the number of reports
/// and the counts per phenomenon type and category.
/// </summary>
[Activity("Rake.Reporting.CompilePeriodSummary", Category = "Rake Reporting", DisplayName = "Compile period summary",
    Description = "Compiles the region's reports of a period (2026-H1, previous half-year, interim Q1 = Jan–Mar this year, " +
        "previous year): outputs the period, its first and last day, the number of reports and the counts per phenomenon type and " +
        "category.")]
internal sealed class CompilePeriodSummary : WorkflowActivity
{
    [Input(DisplayName = "Period",
        Description = "2026, 2026-H1, 2026-Q2, current year, previous year, current half-year, previous half-year, interim Q1, " +
        "interim Q2 or interim Q3.")]
    public string? Period { get; set; }

    [Input(DisplayName = "First month of the half-year",
        Description = "The month a region's reporting half-year begins: 1 (January–June) by default, 12 for Kymenlaakso " +
        "(1.12.–31.5. and 1.6.–30.11.).")]
    public int PeriodStartMonth { get; set; } = 1;

    [Output(DisplayName = "Period",
        Description = "The period id, as the Reporting API names periods: 2026-H1, 2026-Q2 (cumulative from January), 2025.")]
    public string? PeriodLabel { get; private set; }

    [Output(DisplayName = "Period start", Description = "First day, yyyy-MM-dd.")]
    public string? PeriodStart { get; private set; }

    [Output(DisplayName = "Period end", Description = "Last day, yyyy-MM-dd.")]
    public string? PeriodEnd { get; private set; }

    [Output(DisplayName = "Reports", Description = "How many reports the region received in the period.")]
    public int? ReportCount { get; private set; }

    [Output(DisplayName = "Counts", Description = "Counts per phenomenon type and per category: {\"byType\":{...},\"byCategory\":{...}}.")]
    public JsonObject? Counts { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!ReportingPeriod.TryResolve(Period, Rake.BuildingBlocks.Regions.Helsinki.Today(context.Time), PeriodStartMonth, out var period))
        {
            context.Fault($"'{Period}' is not a reporting period (or the first month {PeriodStartMonth} is not 1–12).");
            return;
        }
        PeriodLabel = period!.Label;
        PeriodStart = period.FromText;
        PeriodEnd = period.ToText;
        context.Journal($"Period to compile: {period.Label} ({period.FromText} – {period.ToText}).");
        var compilation = await context.Services.GetRequiredService<IReportingApi>().CompileAsync(period.Label, context.CancellationToken);
        if (compilation is null)
        {
            context.Fault($"The region's reporting periods have no period '{period.Label}': check the first month of the " +
                $"half-year ({PeriodStartMonth}).");
            return;
        }
        ReportCount = compilation.Total;
        Counts = new JsonObject
        {
            ["byType"] = ToObject(compilation.ByType),
            ["byCategory"] = ToObject(compilation.ByCategory),
        };
        context.Journal($"Compiled {period.Label}: {compilation.Total} reports.");
        context.Complete();
    }

    private static JsonObject ToObject(IEnumerable<CountByKey> counts)
    {
        var result = new JsonObject();
        foreach (var count in counts)
        {
            result[count.Key] = count.Count;
        }
        return result;
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
        else if (design.TryGetConstantInput<string>("period", out var text)
            && !ReportingPeriod.TryResolve(text, new DateOnly(2026, 1, 1), firstMonth, out _))
        {
            yield return $"'{text}' is not a reporting period.";
        }
    }
}
