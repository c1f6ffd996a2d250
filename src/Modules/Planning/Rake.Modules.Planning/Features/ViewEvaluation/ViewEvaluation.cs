using Rake.Modules.Reporting.Contracts;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Rake.Modules.Planning.Features.ViewEvaluation;

/// <summary>A year of the plan's follow-up; none means the current year in Helsinki.</summary>
internal sealed record ViewEvaluationRequest(int? Year);

/// <summary>An action with its goal's title, as the evaluation lists it.</summary>
internal sealed record GoalAction(PlanAction Action, string GoalTitle);

/// <summary>The rows of a year's evaluation before mapping; <see cref="PlanningMappings"/> counts and orders them.</summary>
internal sealed record EvaluationContents(
    Plan Plan, int Year, IReadOnlyList<GoalAction> Actions, IReadOnlyList<PeriodReportCount> ReportCounts,
    IReadOnlyList<PlanEvaluation> Evaluations);

internal static class ViewEvaluationEndpoint
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapGet("/evaluation", async ([Range(InputRules.MinYear, InputRules.MaxYear)] int? year, RequestChecks checks,
                ViewEvaluationHandler h, CancellationToken ct) =>
            {
                // A query value is no bound request object, so the validation filter cannot see it: checked here instead.
                var request = new ViewEvaluationRequest(year);
                await checks.ThrowIfInvalidAsync(request, ct);
                return await h.HandleAsync(request, ct);
            })
            .RequireRegionRoles(PlanningRoles.FollowUp)
            .WithSummary("The year's goals and actions with status and evidence, reports per reporting period, and recorded evaluations.");
}

internal sealed class ViewEvaluationRequestValidator : PlanningValidator<ViewEvaluationRequest>
{
    public ViewEvaluationRequestValidator(TextCatalog texts) : base(texts) =>
        RuleFor(r => r.Year).InclusiveBetween(ViewEvaluationEndpoint.MinYear, ViewEvaluationEndpoint.MaxYear)
            .When(r => r.Year is not null).WithMessage(_ => Texts["planning.validation.year"]);
}

/// <summary>The plan's follow-up for a year: the API, the evaluation page, the contract and the workflow activities read it here.</summary>
internal sealed class ViewEvaluationHandler(
    PlanningDbContext db, TextCatalog texts, TimeProvider clock, IServiceProvider services, ModuleMapper<PlanningModule> mapper)
{
    public async Task<PlanEvaluationInfo> HandleAsync(ViewEvaluationRequest request, CancellationToken ct) =>
        await FindAsync(request.Year ?? Helsinki.Today(clock).Year, ct) ?? throw new NotFoundException(texts["planning.notFound"]);

    /// <summary>The year's evaluation, or null when the region has no plan.</summary>
    public async Task<PlanEvaluationInfo?> FindAsync(int year, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.Position).ToListAsync(ct);
        var goalIds = goals.Select(g => g.Id).ToList();
        var actions = (await db.Actions.AsNoTracking()
                .Where(a => goalIds.Contains(a.GoalId) && (a.Year == null || a.Year == year)).ToListAsync(ct))
            .OrderBy(a => goals.FindIndex(g => g.Id == a.GoalId)).ThenBy(a => a.Position)
            .Select(a => new GoalAction(a, goals.First(g => g.Id == a.GoalId).Title))
            .ToList();
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.Year == year).ToListAsync(ct);
        return mapper.Map<PlanEvaluationInfo>(new EvaluationContents(plan, year, actions, await ReportCountsAsync(year, ct), evaluations));
    }

    /// <summary>Reports per main reporting period of the year that has begun, from Reporting's contract.</summary>
    private async Task<IReadOnlyList<PeriodReportCount>> ReportCountsAsync(int year, CancellationToken ct)
    {
        // Reporting is optional: a host without it shows the plan's follow-up without report counts.
        if (services.GetService(typeof(IReportingApi)) is not IReportingApi reporting)
        {
            return [];
        }
        var today = Helsinki.Today(clock);
        var result = new List<PeriodReportCount>();
        foreach (var period in (await reporting.PeriodsAsync(year, ct)).Where(p => !p.IsInterim && p.From <= today))
        {
            var compilation = await reporting.CompileAsync(period.Id, ct);
            result.Add(new PeriodReportCount(period.Id, period.From, period.To, compilation?.Total ?? 0));
        }
        return result;
    }
}

/// <summary>The Planning contract; the handler's region-filtered context scopes it.</summary>
internal sealed class PlanningApi(ViewEvaluationHandler handler) : IPlanningApi
{
    public Task<PlanEvaluationInfo?> EvaluationAsync(int year, CancellationToken cancellationToken) =>
        handler.FindAsync(year, cancellationToken);
}
