using FluentValidation;
using Rake.Modules.Competence.Features.Surveys;

namespace Rake.Modules.Competence.Features.LaunchSurvey;

internal sealed record LaunchSurveyRequest([ScreenedText] string? Title, int? ScaleMax, IReadOnlyList<AreaDto>? Areas);

internal static class LaunchSurveyEndpoint
{
    public static void Map(IEndpointRouteBuilder surveys) =>
        surveys.MapPost("", async (LaunchSurveyRequest request, LaunchSurveyHandler h, CancellationToken ct) =>
            {
                var survey = await h.HandleAsync(request, ct);
                return Results.Created($"competence/surveys/{survey.Id}", survey);
            })
            .RequireRegionRoles(CompetenceRoles.ManageSurveys)
            .WithSummary("Launches a survey round with its competence areas (planner, region admin).");
}

internal sealed class LaunchSurveyValidator : RequestValidator<LaunchSurveyRequest>
{
    public const int MaxAreas = 40;
    public const int AreaCodeMax = 40;
    public const int MinScale = 2;
    public const int MaxScale = 10;

    public LaunchSurveyValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= Survey.TitleMax)
            .WithMessage(_ => Texts.Get("competence.validation.title", Survey.TitleMax));
        RuleFor(r => r.ScaleMax).Must(s => s is null or (>= MinScale and <= MaxScale))
            .WithMessage(_ => Texts["competence.validation.scale"]);
        RuleFor(r => r.Areas).Must(AreasAreValid).WithMessage(_ => Texts["competence.validation.areas"]);
    }

    /// <summary>One message for the whole list, as the form shows the areas together.</summary>
    private static bool AreasAreValid(IReadOnlyList<AreaDto>? areas) =>
        areas is { Count: > 0 and <= MaxAreas }
        && areas.All(a => a is not null && !string.IsNullOrWhiteSpace(a.Code) && a.Code.Length <= AreaCodeMax
            && !string.IsNullOrWhiteSpace(a.Name) && a.Name.Length <= SurveyArea.NameMax)
        && areas.Select(a => a.Code).Distinct().Count() == areas.Count;
}

/// <summary>Opens a survey round; the LaunchSurvey workflow activity opens its rounds through the same handler.</summary>
internal sealed class LaunchSurveyHandler(CompetenceDbContext db, SurveyReader reader, TimeProvider clock)
{
    public const int DefaultScaleMax = 5;

    public Task<SurveyDto> HandleAsync(LaunchSurveyRequest request, CancellationToken ct) => HandleAsync(request, null, ct);

    /// <param name="sourceKey">The workflow run and activity that launches the round, so a retried run launches it once.</param>
    public async Task<SurveyDto> HandleAsync(LaunchSurveyRequest request, string? sourceKey, CancellationToken ct)
    {
        var areas = request.Areas!;
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(),
            Title = request.Title!.Trim(),
            Round = (await db.Surveys.MaxAsync(s => (int?)s.Round, ct) ?? 0) + 1,
            ScaleMax = request.ScaleMax ?? DefaultScaleMax,
            Status = SurveyStatus.Open,
            OpenedAt = clock.GetUtcNow(),
            SourceKey = sourceKey,
        };
        db.Surveys.Add(survey);
        var position = 0;
        foreach (var area in areas)
        {
            db.Areas.Add(new SurveyArea
            {
                Id = Guid.CreateVersion7(),
                SurveyId = survey.Id,
                Position = ++position,
                Code = area.Code.Trim(),
                Name = area.Name.Trim(),
            });
        }
        // Every unit × area total exists from the start, so an answer only ever increments existing rows.
        foreach (var unit in await db.Units.AsNoTracking().Where(u => u.Active).Select(u => u.Code).ToListAsync(ct))
        {
            foreach (var area in areas)
            {
                db.Tallies.Add(new SurveyTally { SurveyId = survey.Id, UnitCode = unit, AreaCode = area.Code.Trim() });
            }
        }
        await db.SaveChangesAsync(ct);
        return await reader.ToDtoAsync(survey, ct);
    }

    /// <summary>The round a workflow run has already launched, if any.</summary>
    public async Task<SurveyDto?> LaunchedByAsync(string sourceKey, CancellationToken ct) =>
        await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.SourceKey == sourceKey, ct) is { } survey
            ? await reader.ToDtoAsync(survey, ct)
            : null;

    /// <summary>The next round with the scale and areas of the latest one, so the rounds compare; null when there is none.</summary>
    public async Task<LaunchSurveyRequest?> NextRoundAsync(string title, CancellationToken ct)
    {
        var latest = await db.Surveys.AsNoTracking().OrderByDescending(s => s.Round).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return null;
        }
        var areas = await db.Areas.AsNoTracking().Where(a => a.SurveyId == latest.Id).OrderBy(a => a.Position)
            .Select(a => new AreaDto(a.Code, a.Name)).ToListAsync(ct);
        return new LaunchSurveyRequest(title, latest.ScaleMax, areas);
    }
}
