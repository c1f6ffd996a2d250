using Rake.Modules.Competence.Features.Surveys;

namespace Rake.Modules.Competence.Features.CloseSurvey;

internal static class CloseSurveyEndpoint
{
    public static void Map(IEndpointRouteBuilder surveys) =>
        surveys.MapPost("/{id:guid}/close", (Guid id, CloseSurveyHandler h, CancellationToken ct) => h.HandleAsync(id, ct))
            .RequireRegionRoles(CompetenceRoles.ManageSurveys)
            .WithSummary("Closes a survey round.");
}

/// <summary>Closes a round to answers; closing it again keeps the first closing time.</summary>
internal sealed class CloseSurveyHandler(CompetenceDbContext db, SurveyReader reader, TextCatalog texts, TimeProvider clock)
{
    public async Task<SurveyDto> HandleAsync(Guid id, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(texts["competence.survey.notFound"]);
        survey.Status = SurveyStatus.Closed;
        survey.ClosedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await reader.ToDtoAsync(survey, ct);
    }
}
