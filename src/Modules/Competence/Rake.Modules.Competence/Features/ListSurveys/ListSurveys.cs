using Rake.Modules.Competence.Features.Surveys;

namespace Rake.Modules.Competence.Features.ListSurveys;

internal static class ListSurveysEndpoint
{
    public static void Map(IEndpointRouteBuilder surveys) =>
        surveys.MapGet("", (ListSurveysHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithSummary("The region's competence survey rounds, newest first.");
}

internal sealed class ListSurveysHandler(CompetenceDbContext db, SurveyReader reader)
{
    public async Task<IReadOnlyList<SurveyDto>> HandleAsync(CancellationToken ct) =>
        await reader.ToDtosAsync(await db.Surveys.AsNoTracking().OrderByDescending(s => s.Round).ToListAsync(ct), ct);
}
