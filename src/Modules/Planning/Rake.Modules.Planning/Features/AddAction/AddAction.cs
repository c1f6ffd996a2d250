using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.AddAction;

internal sealed record NewActionRequest([ScreenedText] string? Title, string? Responsible, int? Year, bool CountsReports);

internal static class AddActionEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPost("/goals/{goalId:guid}/actions",
                async (Guid goalId, NewActionRequest request, AddActionHandler h, CancellationToken ct) =>
                    Results.Created($"/plan", await h.HandleAsync(goalId, request, ct)))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Adds an action to a goal; a year makes it part of that year's action plan.");
}

/// <summary>A year must fall within the plan's validity, which only the region's plan knows.</summary>
internal sealed class NewActionRequestValidator : PlanningValidator<NewActionRequest>
{
    public NewActionRequestValidator(TextCatalog texts, PlanningDbContext db) : base(texts)
    {
        TextField(r => r.Title, PlanAction.TitleMax);
        TextField(r => r.Responsible, PlanAction.ResponsibleMax);
        Plan? plan = null;
        RuleFor(r => r.Year)
            .MustAsync(async (year, ct) =>
            {
                plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(ct);
                // Without a plan the handler answers 404; the year has nothing to be outside of.
                return plan is null || (year >= plan.ValidFrom.Year && year <= plan.ValidUntil.Year);
            })
            .When(r => r.Year is not null)
            .WithMessage(_ => Texts.Get("planning.validation.yearOutside", plan!.ValidFrom.Year, plan.ValidUntil.Year));
    }
}

internal sealed class AddActionHandler(PlanningDbContext db, TextCatalog texts, ModuleMapper<PlanningModule> mapper)
{
    public async Task<ActionDto> HandleAsync(Guid goalId, NewActionRequest request, CancellationToken ct)
    {
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == goalId, ct)
            ?? throw new NotFoundException(texts["planning.goal.notFound"]);
        if (!await db.Plans.AnyAsync(ct))
        {
            throw new NotFoundException(texts["planning.notFound"]);
        }
        var position = await db.Actions.Where(a => a.GoalId == goalId).CountAsync(ct) + 1;
        var action = new PlanAction
        {
            Id = Guid.CreateVersion7(),
            GoalId = goal.Id,
            Position = position,
            Title = request.Title!.Trim(),
            Responsible = request.Responsible!.Trim(),
            Year = request.Year,
            CountsReports = request.CountsReports,
            Status = ActionStatus.NotDone,
        };
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        return mapper.Map<ActionDto>(action);
    }
}
