using Rake.Modules.Planning.Features.ViewEvaluation;

namespace Rake.Modules.Planning.Features.RecordEvaluation;

internal sealed record EvaluationRequest(int? Year, string? Kind, [ScreenedText] string? Text, bool NeedsUpdate);

internal static class RecordEvaluationEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPost("/evaluations", async (EvaluationRequest request, RecordEvaluationHandler h, CancellationToken ct) =>
                Results.Created("/plan/evaluation", await h.HandleAsync(request, sourceKey: null, ct)))
            .RequireRegionRoles(PlanningRoles.FollowUp)
            .WithSummary("Records a yearly review, a yearly evaluation or the end-of-term evaluation.");
}

internal sealed class EvaluationRequestValidator : PlanningValidator<EvaluationRequest>
{
    public EvaluationRequestValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.Year).Must(y => y is >= ViewEvaluationEndpoint.MinYear and <= ViewEvaluationEndpoint.MaxYear)
            .WithMessage(_ => Texts["planning.validation.year"]);
        RuleFor(r => r.Kind).Must(IsDefined<EvaluationKind>).WithMessage(_ => Texts["planning.validation.evaluationKind"]);
        TextField(r => r.Text, PlanEvaluation.TextMax);
    }
}

/// <summary>
/// Records an evaluation with the year's action counts at this moment. A workflow activity passes a source key (its run
/// and step), so a retried run finds what it recorded before instead of recording it twice.
/// </summary>
internal sealed class RecordEvaluationHandler(
    PlanningDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, ViewEvaluationHandler evaluations,
    ModuleMapper<PlanningModule> mapper)
{
    public async Task<RecordedEvaluation> HandleAsync(EvaluationRequest request, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null
            && await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.SourceKey == sourceKey, ct) is { } existing)
        {
            return mapper.Map<RecordedEvaluation>(existing);
        }
        var year = request.Year!.Value;
        var evaluation = await evaluations.FindAsync(year, ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        var row = new PlanEvaluation
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            Kind = Enum.Parse<EvaluationKind>(request.Kind!),
            Text = request.Text!.Trim(),
            ActionsDone = evaluation.ActionsDone,
            ActionsTotal = evaluation.ActionsTotal,
            NeedsUpdate = request.NeedsUpdate,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = actor.UserName ?? "system",
            SourceKey = sourceKey,
        };
        db.Evaluations.Add(row);
        await db.SaveChangesAsync(ct);
        return mapper.Map<RecordedEvaluation>(row);
    }
}
