using Rake.Modules.Planning.Features.ListVersions;
using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.SaveVersion;

internal sealed record VersionRequest([ScreenedText] string? Note);

internal static class SaveVersionEndpoint
{
    public const int NoteMax = 500;

    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPost("/versions", async (VersionRequest request, SaveVersionHandler h, CancellationToken ct) =>
                Results.Created("/plan/versions", await h.HandleAsync(request, ct)))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Saves the plan as it is now as a new version.");
}

internal sealed class VersionRequestValidator : PlanningValidator<VersionRequest>
{
    public VersionRequestValidator(TextCatalog texts) : base(texts) => MaxLength(r => r.Note, SaveVersionEndpoint.NoteMax);
}

/// <summary>Numbers run per plan; two saves at once both take the same number and the unique index refuses one (409).</summary>
internal sealed class SaveVersionHandler(
    PlanningDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, ViewPlanHandler view,
    ModuleMapper<PlanningModule> mapper)
{
    public async Task<VersionDto> HandleAsync(VersionRequest request, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        var snapshot = PlanText.Render(await view.HandleAsync(ct), texts);
        var number = (await db.Versions.Where(v => v.PlanId == plan.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var version = new PlanVersion
        {
            Id = Guid.CreateVersion7(),
            PlanId = plan.Id,
            Number = number,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserName ?? "system",
            Note = (request.Note ?? "").Trim(),
            Snapshot = snapshot,
        };
        db.Versions.Add(version);
        plan.CurrentVersion = number;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(texts["planning.version.conflict"]);
        }
        return mapper.Map<VersionDto>(version);
    }
}
