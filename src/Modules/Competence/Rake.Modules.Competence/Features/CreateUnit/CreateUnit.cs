using System.Text.RegularExpressions;
using FluentValidation;
using Rake.Modules.Competence.Features.ViewSetup;

namespace Rake.Modules.Competence.Features.CreateUnit;

/// <summary>A new unit: its code (stable, what answers and completions are counted by) and its name.</summary>
internal sealed record CreateUnitRequest([ScreenedText] string? Code, [ScreenedText] string? Name);

internal static class CreateUnitEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPost("/units", async (CreateUnitRequest request, CreateUnitHandler h, CancellationToken ct) =>
            {
                var unit = await h.HandleAsync(request, ct);
                return Results.Created($"competence/units/{unit.Id}", unit);
            })
            .RequireRegionRoles(CompetenceRoles.Setup)
            .WithSummary("Adds a unit of the region (RegionAdmin, Planner).");
}

internal sealed partial class CreateUnitValidator : RequestValidator<CreateUnitRequest>
{
    public CreateUnitValidator(TextCatalog texts, CompetenceDbContext db) : base(texts)
    {
        RuleFor(r => r.Code).Must(c => c is not null && CodePattern().IsMatch(c.Trim()))
            .WithMessage(_ => Texts.Get("competence.validation.unitCode", Unit.CodeMax));
        // The code stays taken by a deactivated unit: its past totals are counted under it.
        RuleFor(r => r.Code)
            .MustAsync(async (code, ct) => code is null || !await db.Units.AnyAsync(u => u.Code == code.Trim(), ct))
            .WithMessage((_, code) => Texts.Get("competence.validation.unitCodeTaken", code!.Trim()));
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= Unit.NameMax)
            .WithMessage(_ => Texts.Get("competence.validation.title", Unit.NameMax));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    internal static partial Regex CodePattern();
}

internal sealed class CreateUnitHandler(CompetenceDbContext db, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<SetupUnitDto> HandleAsync(CreateUnitRequest request, CancellationToken ct)
    {
        var unit = new Unit { Id = Guid.CreateVersion7(), Code = request.Code!.Trim(), Name = request.Name!.Trim() };
        db.Units.Add(unit);
        // An answer only increments existing totals, so a unit added while a round is open gets its empty totals now.
        var openAreas = await db.Areas.AsNoTracking()
            .Where(a => db.Surveys.Any(s => s.Id == a.SurveyId && s.Status == SurveyStatus.Open))
            .Select(a => new { a.SurveyId, a.Code }).ToListAsync(ct);
        db.Tallies.AddRange(openAreas.Select(a => new SurveyTally { SurveyId = a.SurveyId, UnitCode = unit.Code, AreaCode = a.Code }));
        await db.SaveChangesAsync(ct);
        return mapper.Map<SetupUnitDto>(unit);
    }
}
