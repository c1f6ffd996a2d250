using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.UpdateSection;

internal sealed record SectionRequest([ScreenedText] string? Content, [ScreenedText] string? DevelopmentNeeds);

internal static class UpdateSectionEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPut("/sections/{key}", (string key, SectionRequest request, UpdateSectionHandler h, CancellationToken ct) =>
                h.HandleAsync(key, request, ct))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Updates a template section's text and development needs (planner, region admin).");
}

internal sealed class SectionRequestValidator : PlanningValidator<SectionRequest>
{
    public SectionRequestValidator(TextCatalog texts) : base(texts)
    {
        MaxLength(r => r.Content, PlanSection.TextMax);
        MaxLength(r => r.DevelopmentNeeds, PlanSection.TextMax);
    }
}

internal sealed class UpdateSectionHandler(PlanningDbContext db, TextCatalog texts, TimeProvider clock)
{
    public async Task<SectionDto> HandleAsync(string key, SectionRequest request, CancellationToken ct)
    {
        if (!PlanSections.Keys.Contains(key))
        {
            throw new NotFoundException(texts.Get("planning.section.unknown", key));
        }
        var plan = await db.Plans.FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        var section = await db.Sections.FirstOrDefaultAsync(s => s.PlanId == plan.Id && s.Key == key, ct);
        if (section is null)
        {
            section = new PlanSection
            {
                Id = Guid.CreateVersion7(),
                PlanId = plan.Id,
                Key = key,
                Position = Array.IndexOf(PlanSections.Keys, key),
            };
            db.Sections.Add(section);
        }
        section.Content = (request.Content ?? "").Trim();
        section.DevelopmentNeeds = (request.DevelopmentNeeds ?? "").Trim();
        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new SectionDto(key, section.Content, section.DevelopmentNeeds);
    }
}
