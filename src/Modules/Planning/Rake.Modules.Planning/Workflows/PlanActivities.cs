using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Planning.Features.RecordEvaluation;
using Rake.Modules.Planning.Features.ViewEvaluation;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Planning.Workflows;

/// <summary>
/// The yearly review of the implementation plan (Kainuu: on the RAKE working group's agenda once a year, in November).
/// Records a review with the year's action counts; the outcome says whether the plan needs updating (too many actions
/// not done), so the flow can route it to the planner.
/// </summary>
[Activity("Rake.Planning.ReviewPlan", Category = "Rake Planning", DisplayName = "Review implementation plan",
    Description = "Records the yearly review of the region's implementation plan with the year's action counts. Outcomes: "
        + "Current, or NeedsUpdate when fewer than the given share of the year's actions are done or the plan's validity ends next year.")]
[Outcome("Current")]
[Outcome("NeedsUpdate")]
internal sealed class ReviewPlan : WorkflowActivity
{
    [Input(DisplayName = "Done share for a current plan (%)",
        Description = "The share of the year's actions that must be done for the plan to count as current; 0–100, default 50.")]
    public int MinimumDonePercent { get; set; } = 50;

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var year = Helsinki.Today(context.Time).Year;
        var evaluation = await context.Services.GetRequiredService<ViewEvaluationHandler>().FindAsync(year, context.CancellationToken);
        if (evaluation is null)
        {
            context.Fault("The region has no implementation plan to review.");
            return;
        }
        var share = evaluation.ActionsTotal == 0 ? 100 : evaluation.ActionsDone * 100 / evaluation.ActionsTotal;
        var needsUpdate = share < MinimumDonePercent || evaluation.ValidUntil.Year <= year + 1;
        var text = $"Vuosittainen katselmointi: {evaluation.ActionsDone}/{evaluation.ActionsTotal} toimenpidettä toteutunut; "
            + $"voimassa {evaluation.ValidUntil:d.M.yyyy} asti.";
        var review = new EvaluationRequest(year, nameof(EvaluationKind.Review), text, needsUpdate);
        if (await PlanActivityRun.RecordAsync(context, review) is null)
        {
            return;
        }
        var outcome = needsUpdate ? "needs update" : "current";
        context.Journal($"Plan review {year}: {evaluation.ActionsDone}/{evaluation.ActionsTotal} done, {outcome}.");
        context.Complete(needsUpdate ? "NeedsUpdate" : "Current");
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.TryGetConstantInput<int>("minimumDonePercent", out var percent) && percent is < 0 or > 100)
        {
            yield return $"The done share must be 0–100, not {percent}.";
        }
    }
}

/// <summary>
/// Records the plan's evaluation for a year (Kainuu: in February, for the annual social report; Keski-Suomi: yearly,
/// and the whole plan at the end of the council term) with the actions done and the total at that moment.
/// </summary>
[Activity("Rake.Planning.RecordEvaluation", Category = "Rake Planning", DisplayName = "Record plan evaluation",
    Description = "Records the implementation plan's evaluation (Yearly or EndOfTerm) for the previous or current year with the "
        + "action counts, once per run.")]
internal sealed class RecordEvaluation : WorkflowActivity
{
    [Input(DisplayName = "Kind", Description = "Yearly (default) or EndOfTerm.", UIHint = InputUIHints.DropDown)]
    public string Kind { get; set; } = nameof(EvaluationKind.Yearly);

    [Input(DisplayName = "Year", Description = "previous year (default) or current year.")]
    public string Year { get; set; } = "previous year";

    [Output(DisplayName = "Actions done")]
    public int? ActionsDone { get; private set; }

    [Output(DisplayName = "Actions")]
    public int? ActionsTotal { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!TryYear(Year, Helsinki.Today(context.Time), out var year) || !Enum.TryParse<EvaluationKind>(Kind, out var kind)
            || kind == EvaluationKind.Review)
        {
            context.Fault($"'{Kind}' / '{Year}' is not an evaluation kind and year.");
            return;
        }
        var text = kind == EvaluationKind.EndOfTerm ? "Suunnitelmakauden loppuarviointi" : "Vuosiarviointi sosiaalista raporttia varten";
        var recorded = await PlanActivityRun.RecordAsync(context, new EvaluationRequest(year, kind.ToString(), text, false));
        if (recorded is null)
        {
            return;
        }
        ActionsDone = recorded.ActionsDone;
        ActionsTotal = recorded.ActionsTotal;
        context.Journal($"Plan evaluation {year} recorded: {recorded.ActionsDone}/{recorded.ActionsTotal} actions done.");
        context.Complete();
    }

    private static bool TryYear(string? text, DateOnly today, out int year)
    {
        year = text switch
        {
            null or "" or "previous year" => today.Year - 1,
            "current year" => today.Year,
            _ => int.TryParse(text, out var y) && y is >= 2000 and <= 2100 ? y : 0,
        };
        return year != 0;
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.TryGetConstantInput<string>("kind", out var kind)
            && kind is not (nameof(EvaluationKind.Yearly) or nameof(EvaluationKind.EndOfTerm)))
        {
            yield return $"The kind must be Yearly or EndOfTerm, not '{kind}'.";
        }
        if (design.TryGetConstantInput<string>("year", out var year) && !TryYear(year, new DateOnly(2026, 1, 1), out _))
        {
            yield return $"'{year}' is not a year (previous year, current year or 2000–2100).";
        }
    }
}

/// <summary>
/// How the plan's activities run the plan's use cases: as the region's system actor the run's scope carries, through the
/// same request checks and handler as the API.
/// </summary>
internal static class PlanActivityRun
{
    /// <summary>Records the evaluation once per run and step; faults the step and answers null when it cannot.</summary>
    public static async Task<RecordedEvaluation?> RecordAsync(IActivityExecutionContext context, EvaluationRequest request)
    {
        try
        {
            await context.Services.GetRequiredService<RequestChecks>().ThrowIfInvalidAsync(request, context.CancellationToken);
            return await context.Services.GetRequiredService<RecordEvaluationHandler>()
                .HandleAsync(request, $"{context.WorkflowInstanceId}/{context.ActivityId}", context.CancellationToken);
        }
        catch (NotFoundException)
        {
            context.Fault("The region has no implementation plan to evaluate.");
        }
        catch (ValidationException problem)
        {
            context.Fault(string.Join(" ", problem.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }
        return null;
    }
}
