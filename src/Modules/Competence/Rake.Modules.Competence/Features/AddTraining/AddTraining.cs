using FluentValidation;
using Rake.Modules.Competence.Features.Staff;

namespace Rake.Modules.Competence.Features.AddTraining;

internal sealed record AddTrainingRequest(string? Kind, [ScreenedText] string? Title, string? Url, int? DurationMinutes, DateOnly? On);

internal static class AddTrainingEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapPost("/trainings", async (AddTrainingRequest request, AddTrainingHandler h, CancellationToken ct) =>
            {
                var training = await h.HandleAsync(request, ct);
                return Results.Created($"competence/trainings/{training.Id}", training);
            })
            .RequireRegionRoles(CompetenceRoles.Leads)
            .WithSummary("Adds a training material or event.");
}

internal sealed class AddTrainingValidator : RequestValidator<AddTrainingRequest>
{
    public const int UrlMax = 500;
    public const int MaxDurationMinutes = 100_000;

    public AddTrainingValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.Kind).Must(k => ParseKind(k) is not null).WithMessage(_ => Texts["competence.validation.kind"]);
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Length <= Training.TitleMax)
            .WithMessage(_ => Texts.Get("competence.validation.title", Training.TitleMax));
        RuleFor(r => r.Url).Must(u => string.IsNullOrWhiteSpace(u) || IsWebAddress(u)).WithMessage(_ => Texts["competence.validation.url"]);
        RuleFor(r => r.DurationMinutes).Must(m => m is null or (>= 1 and <= MaxDurationMinutes))
            .WithMessage(_ => Texts["competence.validation.duration"]);
        RuleFor(r => r.On).NotNull().WithMessage(_ => Texts["competence.validation.date"])
            .When(r => ParseKind(r.Kind) == TrainingKind.Event);
    }

    /// <summary>The kind by its exact member name (or number), as the API has always taken it.</summary>
    public static TrainingKind? ParseKind(string? kind) =>
        Enum.TryParse<TrainingKind>(kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    private static bool IsWebAddress(string url) =>
        url.Length <= UrlMax && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}

internal sealed class AddTrainingHandler(CompetenceDbContext db, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<TrainingDto> HandleAsync(AddTrainingRequest request, CancellationToken ct)
    {
        var training = mapper.Map<Training>(request);
        db.Trainings.Add(training);
        await db.SaveChangesAsync(ct);
        return mapper.Map<TrainingDto>(new TrainingView(training, Participants: 0, JoinedByMe: false));
    }
}
