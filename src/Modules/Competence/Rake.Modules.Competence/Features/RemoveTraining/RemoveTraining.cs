namespace Rake.Modules.Competence.Features.RemoveTraining;

internal static class RemoveTrainingEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapDelete("/trainings/{id:guid}", async (Guid id, RemoveTrainingHandler h, CancellationToken ct) =>
            {
                await h.HandleAsync(id, ct);
                return Results.NoContent();
            })
            .RequireRegionRoles(CompetenceRoles.Leads)
            .WithSummary("Removes a training and who took part in it; the audit log keeps what they were.");
}

/// <summary>Participation means nothing without its training, so it goes in the same save.</summary>
internal sealed class RemoveTrainingHandler(CompetenceDbContext db, TextCatalog texts)
{
    public async Task HandleAsync(Guid id, CancellationToken ct)
    {
        var training = await db.Trainings.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException(texts["competence.training.notFound"]);
        db.Participations.RemoveRange(await db.Participations.Where(p => p.TrainingId == id).ToListAsync(ct));
        db.Trainings.Remove(training);
        await db.SaveChangesAsync(ct);
    }
}
