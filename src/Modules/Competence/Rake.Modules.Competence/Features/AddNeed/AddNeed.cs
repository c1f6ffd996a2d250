using FluentValidation;
using Rake.Modules.Competence.Features.Staff;

namespace Rake.Modules.Competence.Features.AddNeed;

internal sealed record AddNeedRequest(int? Year, string? Unit, [ScreenedText] string? Text);

internal static class AddNeedEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPost("/needs", async (AddNeedRequest request, AddNeedHandler h, CancellationToken ct) =>
            {
                var need = await h.HandleAsync(request, ct);
                return Results.Created("competence/needs", need);
            })
            .WithSummary("Brings up a competence need.");
}

internal sealed class AddNeedValidator : RequestValidator<AddNeedRequest>
{
    public const int TextMax = 2000;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public AddNeedValidator(TextCatalog texts, CompetenceDbContext db) : base(texts)
    {
        // No year means this year, which is always in range.
        RuleFor(r => r.Year).Must(y => y is null or (>= FirstYear and <= LastYear)).WithMessage(_ => Texts["competence.validation.year"]);
        RuleFor(r => r.Text).Must(t => !string.IsNullOrWhiteSpace(t) && t.Length <= TextMax)
            .WithMessage(_ => Texts.Get("competence.validation.title", TextMax));
        RuleFor(r => r.Unit)
            .MustAsync(async (unit, ct) => string.IsNullOrWhiteSpace(unit) || await db.Units.AnyAsync(u => u.Code == unit && u.Active, ct))
            .WithMessage(_ => Texts["competence.validation.unit"]);
    }
}

/// <summary>Anyone in the region may bring up a competence need for the competence development plan.</summary>
internal sealed class AddNeedHandler(
    CompetenceDbContext db, IRequestContext actor, TimeProvider clock, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<NeedDto> HandleAsync(AddNeedRequest request, CancellationToken ct)
    {
        var need = new CompetenceNeed
        {
            Id = Guid.CreateVersion7(),
            Year = request.Year ?? Helsinki.Today(clock).Year,
            UnitCode = string.IsNullOrWhiteSpace(request.Unit) ? null : request.Unit,
            Text = request.Text!.Trim(),
            RecordedBy = actor.UserName ?? "system",
            RecordedAt = clock.GetUtcNow(),
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync(ct);
        return mapper.Map<NeedDto>(need);
    }
}
