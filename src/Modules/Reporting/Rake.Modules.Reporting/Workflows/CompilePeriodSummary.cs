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
        "previous year), optionally of one category or service area only: outputs the period, its first and last day, the number " +
        "of reports and the counts per phenomenon type and category.")]
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

    [Input(DisplayName = "Category", Description = "Compiles only the reports of this category. Empty: all reports.",
        UIHint = InputUIHints.DropDown, Options = typeof(CategoryOptions), OnlyOfferedValues = true)]
    public string? Category { get; set; }

    [Input(DisplayName = "Service area",
        Description = "Compiles only the reports of this service area, for instance for its managers' interim figures. Empty: all reports.",
        UIHint = InputUIHints.DropDown, Options = typeof(ServiceAreaOptions), OnlyOfferedValues = true)]
    public string? ServiceArea { get; set; }

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
        var category = string.IsNullOrWhiteSpace(Category) ? null : Category.Trim();
        var serviceArea = string.IsNullOrWhiteSpace(ServiceArea) ? null : ServiceArea.Trim();
        if (await UnknownTermAsync(context, TermKind.Category, "category", category) is { } unknownCategory)
        {
            context.Fault(unknownCategory);
            return;
        }
        if (await UnknownTermAsync(context, TermKind.ServiceArea, "serviceArea", serviceArea) is { } unknownArea)
        {
            context.Fault(unknownArea);
            return;
        }
        var compilation = await context.Services.GetRequiredService<IReportingApi>().CompileAsync(period.Label, context.CancellationToken);
        if (compilation is null)
        {
            context.Fault($"The region's reporting periods have no period '{period.Label}': check the first month of the " +
                $"half-year ({PeriodStartMonth}).");
            return;
        }
        if (category is null && serviceArea is null)
        {
            ReportCount = compilation.Total;
            Counts = new JsonObject
            {
                ["byType"] = ToObject(compilation.ByType),
                ["byCategory"] = ToObject(compilation.ByCategory),
            };
            context.Journal($"Compiled {period.Label}: {compilation.Total} reports.");
            context.Complete();
            return;
        }
        // The compilation's reports are the ones its counts are made of, so the filtered counts are counted from them.
        var reports = compilation.Reports
            .Where(r => category is null || r.Categories.Contains(category, StringComparer.Ordinal))
            .Where(r => serviceArea is null || string.Equals(r.ServiceArea, serviceArea, StringComparison.Ordinal))
            .ToList();
        ReportCount = reports.Count;
        Counts = new JsonObject
        {
            ["byType"] = ToObject(compilation.ByType.Select(t => new CountByKey(t.Key, reports.Count(r => r.PhenomenonType == t.Key)))),
            ["byCategory"] = ToObject(reports.SelectMany(r => r.Categories).GroupBy(c => c, StringComparer.Ordinal)
                .Select(g => new CountByKey(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)),
        };
        var filters = string.Join(", ", new[] { category is null ? null : $"category {category}",
            serviceArea is null ? null : $"service area {serviceArea}" }.OfType<string>());
        context.Journal($"Compiled {period.Label} ({filters}): {reports.Count} of {compilation.Total} reports.");
        context.Complete();
    }

    /// <summary>
    /// A code the region's taxonomy does not have (a JavaScript value, or a term removed since publishing) would silently
    /// compile nothing; it faults naming the input instead. A deactivated term still filters: old reports carry it.
    /// </summary>
    private static async Task<string?> UnknownTermAsync(IActivityExecutionContext context, TermKind kind, string input, string? code)
    {
        if (code is null)
        {
            return null;
        }
        var db = context.Services.GetRequiredService<ReportingDbContext>();
        var codes = await db.Terms.AsNoTracking().Where(t => t.Kind == kind).Select(t => t.Code).ToListAsync(context.CancellationToken);
        return codes.Contains(code, StringComparer.Ordinal) ? null
            : $"Input '{input}' is '{code}', which is not a {(kind == TermKind.Category ? "category" : "service area")} of this region "
                + $"({string.Join(", ", codes.Order(StringComparer.Ordinal))}).";
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
