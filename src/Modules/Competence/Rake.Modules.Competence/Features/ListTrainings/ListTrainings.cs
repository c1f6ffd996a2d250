using Rake.Modules.Competence.Features.Staff;

namespace Rake.Modules.Competence.Features.ListTrainings;

internal static class ListTrainingsEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapGet("/trainings", (ListTrainingsHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithSummary("Training materials, monthly themes and events with participation.");
}

/// <summary>Every training by kind and date, with how many took part and whether the caller did.</summary>
internal sealed class ListTrainingsHandler(CompetenceDbContext db, IRequestContext actor, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<IReadOnlyList<TrainingDto>> HandleAsync(CancellationToken ct)
    {
        var trainings = await db.Trainings.AsNoTracking().ToListAsync(ct);
        var participations = (await db.Participations.AsNoTracking().ToListAsync(ct)).ToLookup(p => p.TrainingId);
        return trainings.OrderBy(t => t.Kind).ThenBy(t => t.On).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => mapper.Map<TrainingDto>(new TrainingView(t, participations[t.Id].Count(),
                participations[t.Id].Any(p => p.UserId == actor.UserId))))
            .ToList();
    }
}
