using FluentValidation;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Rake.Modules.WorkingGroup.Features.Budget;

internal sealed record ProposeBudgetRequest(
    int? Year, [ScreenedText] string? Title, [ScreenedText] string? Justification, string? ServiceArea, decimal? Amount, Guid? DecisionId)
{
    public const decimal MaxAmount = 9_999_999_999m;

    /// <summary>Proposals are for this year's budget round or the next two.</summary>
    public const int YearsAhead = 2;
}

internal static class BudgetEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/budget-proposals", (BudgetHandler h, [Range(InputRules.MinYear, InputRules.MaxYear)] int? year,
                CancellationToken ct) => h.ListAsync(year, ct))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(NominationEndpoints.Tag).WithSummary("Budget (appropriation) proposals, by year.");
        api.MapPost("/budget-proposals", async (ProposeBudgetRequest request, ProposeBudgetHandler h, CancellationToken ct) =>
                Results.Created("budget-proposals", await h.HandleAsync(request, ct)))
            .RequireRegionRoles(WgRoles.BudgetRequirement)
            .WithTags(NominationEndpoints.Tag)
            .WithSummary("Draw up a budget proposal from a RAKE decision (Supervisor, ResponsiblePerson).");
    }
}

internal sealed class ProposeBudgetValidator : WgValidator<ProposeBudgetRequest>
{
    public ProposeBudgetValidator(TextCatalog texts, TimeProvider clock, WorkingGroupDbContext db) : base(texts)
    {
        Required(r => r.Year);
        int ThisYear() => Helsinki.Today(clock).Year;
        RuleFor(r => r.Year)
            .Must(year => year is null || (year >= ThisYear() && year <= ThisYear() + ProposeBudgetRequest.YearsAhead))
            .WithMessage(_ => Texts.Get("validation.range", ThisYear(), ThisYear() + ProposeBudgetRequest.YearsAhead));
        RequiredText(r => r.Title, Limits.Name);
        RequiredText(r => r.Justification, Limits.Text);
        RequiredText(r => r.ServiceArea, Limits.Name);
        Required(r => r.Amount);
        RuleFor(r => r.Amount)
            .Must(amount => amount is null or (> 0 and <= ProposeBudgetRequest.MaxAmount) && decimal.Round(amount ?? 0, 2) == (amount ?? 0))
            .WithMessage(_ => Texts["wg.validation.amount"]);
        // A budget proposal rests on a RAKE decision (Kainuu 4.1: the working group's line is taken into the budget proposal).
        Required(r => r.DecisionId);
        RuleFor(r => r.DecisionId)
            .MustAsync(async (id, ct) => id is null || await db.Decisions.AnyAsync(d => d.Id == id, ct))
            .WithMessage(_ => Texts["wg.validation.unknownDecision"]);
    }
}

/// <summary>Budget proposals by year, and the decisions a new one can rest on.</summary>
internal sealed class BudgetHandler(WorkingGroupDbContext db, ModuleMapper<WorkingGroupModule> mapper)
{
    public async Task<IReadOnlyList<BudgetProposalDto>> ListAsync(int? year, CancellationToken ct)
    {
        var query = db.BudgetProposals.AsNoTracking();
        if (year is { } y)
        {
            query = query.Where(b => b.Year == y);
        }
        var rows = await query.ToListAsync(ct);
        return mapper.MapAll<BudgetProposalDto>(rows.OrderByDescending(b => b.Year).ThenBy(b => b.CreatedAt));
    }

    /// <summary>Decisions a budget proposal can rest on, newest first.</summary>
    public async Task<IReadOnlyList<DecisionDto>> DecisionsAsync(CancellationToken ct)
    {
        var rows = await db.Decisions.AsNoTracking().ToListAsync(ct);
        return mapper.MapAll<DecisionDto>(rows.OrderByDescending(d => d.DecidedAt).Take(200));
    }
}

internal sealed class ProposeBudgetHandler(
    WorkingGroupDbContext db, ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock, IRequestContext actor)
{
    public async Task<BudgetProposalDto> HandleAsync(ProposeBudgetRequest request, CancellationToken ct)
    {
        var proposal = new BudgetProposal
        {
            Id = Guid.CreateVersion7(),
            Year = request.Year!.Value,
            DecisionId = request.DecisionId,
            Title = request.Title!.Trim(),
            Justification = request.Justification!.Trim(),
            ServiceArea = request.ServiceArea!.Trim(),
            Amount = request.Amount!.Value,
            Status = BudgetStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
        };
        db.BudgetProposals.Add(proposal);
        // The decision's reporters see that a budget proposal was made for the service area, as for an action proposal.
        await FollowUps.StartedAsync(db, actor, proposal.DecisionId, proposal.Id, FollowUps.BudgetProposal, proposal.Title,
            proposal.ServiceArea, null, proposal.CreatedAt, ct);
        await db.SaveChangesAsync(ct);
        return mapper.Map<BudgetProposalDto>(proposal);
    }
}
