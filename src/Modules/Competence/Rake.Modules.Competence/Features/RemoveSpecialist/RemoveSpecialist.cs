namespace Rake.Modules.Competence.Features.RemoveSpecialist;

internal static class RemoveSpecialistEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapDelete("/specialists/{id:guid}", async (Guid id, RemoveSpecialistHandler h, CancellationToken ct) =>
            {
                await h.HandleAsync(id, ct);
                return Results.NoContent();
            })
            .RequireRegionRoles(CompetenceRoles.Leads)
            .WithSummary("Removes a specialist listed by mistake or gone; the audit log keeps what the row was.");
}

internal sealed class RemoveSpecialistHandler(CompetenceDbContext db, TextCatalog texts)
{
    public async Task HandleAsync(Guid id, CancellationToken ct)
    {
        var specialist = await db.Specialists.FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(texts["competence.specialist.notFound"]);
        db.Specialists.Remove(specialist);
        await db.SaveChangesAsync(ct);
    }
}
