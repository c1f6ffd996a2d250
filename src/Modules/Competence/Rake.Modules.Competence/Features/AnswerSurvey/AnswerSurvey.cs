using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Rake.Modules.Competence.Features.AnswerSurvey;

/// <summary>An answer: the respondent's unit and a value for each of the round's areas, keyed by area code.</summary>
internal sealed record AnswerSurveyBody(string? Unit, IReadOnlyDictionary<string, int>? Values);

/// <summary>
/// The round from the route and the answer from the body, validated together: which areas and scale apply depends on the round.
/// </summary>
internal sealed record AnswerSurveyRequest([FromRoute(Name = "id")] Guid SurveyId, [FromBody] AnswerSurveyBody Body);

internal static class AnswerSurveyEndpoint
{
    public static void Map(IEndpointRouteBuilder surveys) =>
        surveys.MapPost("/{id:guid}/answers",
                async ([AsParameters] AnswerSurveyRequest request, AnswerSurveyHandler h, CancellationToken ct) =>
                {
                    await h.HandleAsync(request, ct);
                    return Results.NoContent();
                })
            .WithSummary("Answers a survey anonymously: the values are added to the unit's totals; "
                + "only the fact of answering is kept per person.");
}

/// <summary>
/// Every area of the round needs a value on its scale (the error is named <c>area-{code}</c>, as the form's fieldset),
/// and the unit must be one of the region's. A round that is missing or closed is left to the handler, which answers 404
/// or 409 before any field is looked at.
/// </summary>
internal sealed class AnswerSurveyValidator : RequestValidator<AnswerSurveyRequest>
{
    public AnswerSurveyValidator(TextCatalog texts, CompetenceDbContext db) : base(texts)
    {
        WhenAsync((r, ct) => db.Surveys.AnyAsync(s => s.Id == r.SurveyId && s.Status == SurveyStatus.Open, ct), () =>
        {
            RuleFor(r => r.Body.Unit)
                .MustAsync(async (unit, ct) =>
                    !string.IsNullOrWhiteSpace(unit) && await db.Units.AnyAsync(u => u.Code == unit && u.Active, ct))
                .WithMessage(_ => Texts["competence.validation.unit"])
                .OverridePropertyName("unit");
            RuleFor(r => r).CustomAsync(async (request, context, ct) =>
            {
                var scaleMax = await db.Surveys.Where(s => s.Id == request.SurveyId).Select(s => s.ScaleMax).FirstAsync(ct);
                var areas = await db.Areas.AsNoTracking().Where(a => a.SurveyId == request.SurveyId).Select(a => a.Code).ToListAsync(ct);
                var values = request.Body.Values ?? new Dictionary<string, int>();
                foreach (var area in areas.Where(a => !values.TryGetValue(a, out var value) || value < 1 || value > scaleMax))
                {
                    context.AddFailure($"area-{area}", Texts.Get("competence.validation.value", scaleMax));
                }
                if (values.Keys.Any(k => !areas.Contains(k)))
                {
                    context.AddFailure("values", Texts["competence.validation.unknownArea"]);
                }
            });
        });
    }
}

/// <summary>
/// Answers are anonymous by construction: each answer is added to a per-unit, per-area running total with an atomic
/// UPDATE that leaves no row or audit entry of its own; the only per-person row is "has answered" (docs/adr/0041).
/// </summary>
internal sealed class AnswerSurveyHandler(CompetenceDbContext db, IRequestContext actor, TextCatalog texts)
{
    public async Task HandleAsync(AnswerSurveyRequest request, CancellationToken ct)
    {
        var id = request.SurveyId;
        // Answering needs a person to hold to one answer; the region's system actor has none.
        var userId = actor.UserId ?? throw new ForbiddenException(texts["competence.forbidden.answer"]);
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(texts["competence.survey.notFound"]);
        if (survey.Status != SurveyStatus.Open)
        {
            throw new ConflictException(texts["competence.survey.closed"]);
        }
        if (await db.Respondents.AnyAsync(r => r.SurveyId == id && r.UserId == userId, ct))
        {
            throw new ConflictException(texts["competence.survey.alreadyAnswered"]);
        }
        var areas = await db.Areas.AsNoTracking().Where(a => a.SurveyId == id).Select(a => a.Code).ToListAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Respondents.Add(new SurveyRespondent { SurveyId = id, UserId = userId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(texts["competence.survey.alreadyAnswered"]);
        }
        var unit = request.Body.Unit!;
        var values = request.Body.Values!;
        foreach (var area in areas)
        {
            var value = values[area];
            var updated = await db.Tallies.Where(t => t.SurveyId == id && t.UnitCode == unit && t.AreaCode == area)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Count, t => t.Count + 1).SetProperty(t => t.Sum, t => t.Sum + value), ct);
            if (updated != 1)
            {
                throw new ConflictException(texts["competence.validation.unit"]);
            }
        }
        await transaction.CommitAsync(ct);
    }
}
