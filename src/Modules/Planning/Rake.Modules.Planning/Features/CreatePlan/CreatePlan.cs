using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.CreatePlan;

/// <summary>The plan's name, validity and who keeps it up to date: what creating it asks and what editing it changes.</summary>
internal sealed record PlanDetailsRequest(
    [ScreenedText] string? Title, DateOnly? ValidFrom, DateOnly? ValidUntil, [ScreenedText] string? UpdateResponsible);

internal static class CreatePlanEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPost("", async (PlanDetailsRequest request, CreatePlanHandler h, CancellationToken ct) =>
                Results.Created("/plan", await h.HandleAsync(request, ct)))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Creates the region's plan on the national template (its sections empty) with its name and validity; "
                + "a region already holding a plan gets 409.");
}

/// <summary>A validity is a term of years: it ends on or after it starts, and at most ten years later.</summary>
internal sealed class PlanDetailsRequestValidator : PlanningValidator<PlanDetailsRequest>
{
    public const int MaxYears = 10;

    public PlanDetailsRequestValidator(TextCatalog texts) : base(texts)
    {
        TextField(r => r.Title, Plan.TitleMax);
        MaxLength(r => r.UpdateResponsible, Plan.TitleMax);
        RuleFor(r => r.ValidFrom).NotNull().WithMessage(_ => Texts["planning.validation.date"]);
        RuleFor(r => r.ValidUntil).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Texts["planning.validation.date"])
            .Must((r, until) => r.ValidFrom is not { } from || (until >= from && until < from.AddYears(MaxYears)))
            .WithMessage(_ => Texts.Get("planning.validation.validity", MaxYears));
    }
}

/// <summary>
/// One plan per region (docs/adr/0040): a second one is refused, saying which plan holds the validity, because a new term
/// is the same plan with its validity changed and a version saved (docs/adr/0105).
/// </summary>
internal sealed class CreatePlanHandler(PlanningDbContext db, TextCatalog texts, TimeProvider clock, ModuleMapper<PlanningModule> mapper)
{
    public async Task<PlanDto> HandleAsync(PlanDetailsRequest request, CancellationToken ct)
    {
        var from = request.ValidFrom!.Value;
        var until = request.ValidUntil!.Value;
        if (await db.Plans.AsNoTracking().FirstOrDefaultAsync(ct) is { } existing)
        {
            throw Refusal(existing, from, until);
        }
        var plan = new Plan
        {
            Id = Guid.CreateVersion7(),
            Title = request.Title!.Trim(),
            ValidFrom = from,
            ValidUntil = until,
            UpdateResponsible = (request.UpdateResponsible ?? "").Trim(),
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Plans.Add(plan);
        var sections = PlanSections.Keys.Select((key, position) => new PlanSection
        {
            Id = Guid.CreateVersion7(),
            PlanId = plan.Id,
            Key = key,
            Position = position,
        }).ToList();
        db.Sections.AddRange(sections);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins creating at once: the unique index on the region let one in; the other hears why, as above.
            db.ChangeTracker.Clear();
            var winner = await db.Plans.AsNoTracking().FirstOrDefaultAsync(ct);
            throw winner is null ? new ConflictException(texts["planning.create.failed"]) : Refusal(winner, from, until);
        }
        return mapper.Map<PlanDto>(new PlanContents(plan, sections, [], [], []));
    }

    private ConflictException Refusal(Plan existing, DateOnly from, DateOnly until)
    {
        var overlaps = from <= existing.ValidUntil && until >= existing.ValidFrom;
        return new ConflictException(texts.Get(overlaps ? "planning.create.overlaps" : "planning.create.onePerRegion",
            existing.Title, Day(existing.ValidFrom), Day(existing.ValidUntil), Day(from), Day(until)));
    }

    private static string Day(DateOnly date) => date.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
