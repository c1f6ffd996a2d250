using FluentValidation;
using Rake.Modules.Competence.Features.Staff;

namespace Rake.Modules.Competence.Features.AddSpecialist;

internal sealed record AddSpecialistRequest(string? Name, string? Unit, int? CompletedYear, [ScreenedText] string? Use);

internal static class AddSpecialistEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPost("/specialists", async (AddSpecialistRequest request, AddSpecialistHandler h, CancellationToken ct) =>
            {
                var specialist = await h.HandleAsync(request, ct);
                return Results.Created($"competence/specialists/{specialist.Id}", specialist);
            })
            .RequireRegionRoles(CompetenceRoles.Leads)
            .WithSummary("Adds a specialist and their use.");
}

internal sealed class AddSpecialistValidator : RequestValidator<AddSpecialistRequest>
{
    public const int NameMax = 200;
    public const int UseMax = 2000;
    public const int FirstYear = 1990;
    public const int LastYear = 2100;

    public AddSpecialistValidator(TextCatalog texts, CompetenceDbContext db) : base(texts)
    {
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Length <= NameMax)
            .WithMessage(_ => Texts.Get("competence.validation.title", NameMax));
        RuleFor(r => r.Unit)
            .MustAsync(async (unit, ct) => !string.IsNullOrWhiteSpace(unit) && await db.Units.AnyAsync(u => u.Code == unit && u.Active, ct))
            .WithMessage(_ => Texts["competence.validation.unit"]);
        RuleFor(r => r.CompletedYear).Must(y => y is null or (>= FirstYear and <= LastYear))
            .WithMessage(_ => Texts["competence.validation.year"]);
        RuleFor(r => r.Use).Must(u => u is null || u.Length <= UseMax).WithMessage(_ => Texts.Get("competence.validation.title", UseMax));
    }
}

/// <summary>Adds a specialist with the specialisation's 70 credits.</summary>
internal sealed class AddSpecialistHandler(CompetenceDbContext db, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<SpecialistDto> HandleAsync(AddSpecialistRequest request, CancellationToken ct)
    {
        var specialist = mapper.Map<Specialist>(request);
        db.Specialists.Add(specialist);
        await db.SaveChangesAsync(ct);
        return mapper.Map<SpecialistDto>(specialist);
    }
}
