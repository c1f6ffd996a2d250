using Rake.Modules.Competence.Features.Surveys;

namespace Rake.Modules.Competence.Features.GetSurvey;

internal static class GetSurveyEndpoint
{
    public static void Map(IEndpointRouteBuilder surveys) =>
        surveys.MapGet("/{id:guid}", (Guid id, GetSurveyHandler h, CancellationToken ct) => h.HandleAsync(id, ct))
            .WithSummary("A survey round and its areas.");
}

internal sealed class GetSurveyHandler(SurveyReader reader)
{
    public Task<SurveyDto> HandleAsync(Guid id, CancellationToken ct) => reader.FindAsync(id, ct);
}
