using Rake.Modules.Competence.Features.AddTraining;
using Rake.Modules.Competence.Features.Staff;

namespace Rake.Modules.Competence.Features.UpdateTraining;

internal static class UpdateTrainingEndpoint
{
    /// <remarks>The body is the one adding a training takes, checked by the same validator.</remarks>
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPut("/trainings/{id:guid}", (Guid id, AddTrainingRequest request, UpdateTrainingHandler h, CancellationToken ct) =>
                h.HandleAsync(id, request, ct))
            .RequireRegionRoles(CompetenceRoles.Leads)
            .WithSummary("Changes a training's kind, title, address, duration and date; who took part stays.");
}

internal sealed class UpdateTrainingHandler(CompetenceDbContext db, IRequestContext actor, TextCatalog texts,
    ModuleMapper<CompetenceModule> mapper)
{
    public async Task<TrainingDto> HandleAsync(Guid id, AddTrainingRequest request, CancellationToken ct)
    {
        var training = await db.Trainings.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException(texts["competence.training.notFound"]);
        training.Kind = AddTrainingValidator.ParseKind(request.Kind)!.Value;
        training.Title = request.Title!.Trim();
        training.Url = string.IsNullOrWhiteSpace(request.Url) ? null : request.Url.Trim();
        training.DurationMinutes = request.DurationMinutes;
        training.On = request.On;
        await db.SaveChangesAsync(ct);
        var participants = await db.Participations.CountAsync(p => p.TrainingId == id, ct);
        var joined = actor.UserId is { } me && await db.Participations.AnyAsync(p => p.TrainingId == id && p.UserId == me, ct);
        return mapper.Map<TrainingDto>(new TrainingView(training, participants, joined));
    }
}
