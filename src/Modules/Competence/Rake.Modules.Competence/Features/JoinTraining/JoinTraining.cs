namespace Rake.Modules.Competence.Features.JoinTraining;

internal static class JoinTrainingEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPost("/trainings/{id:guid}/participation", async (Guid id, JoinTrainingHandler h, CancellationToken ct) =>
            {
                await h.HandleAsync(id, ct);
                return Results.NoContent();
            })
            .WithSummary("Records my participation.");
}

/// <summary>Records that the person took part in an event or went through a material; idempotent.</summary>
internal sealed class JoinTrainingHandler(CompetenceDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock)
{
    public async Task HandleAsync(Guid trainingId, CancellationToken ct)
    {
        // Participation is a person's; the region's system actor takes part in nothing.
        var userId = actor.UserId ?? throw new ForbiddenException(texts["competence.forbidden.answer"]);
        if (!await db.Trainings.AnyAsync(t => t.Id == trainingId, ct))
        {
            throw new NotFoundException(texts["competence.training.notFound"]);
        }
        if (await db.Participations.AnyAsync(p => p.TrainingId == trainingId && p.UserId == userId, ct))
        {
            return;
        }
        db.Participations.Add(new Participation
        {
            TrainingId = trainingId,
            UserId = userId,
            UserName = actor.UserName ?? "",
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}
