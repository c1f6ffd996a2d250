namespace Rake.Modules.Competence.Features.Surveys;

internal sealed record UnitDto(string Code, string Name);

internal sealed record AreaDto(string Code, [ScreenedText] string Name);

internal sealed record SurveyDto(
    Guid Id,
    string Title,
    int Round,
    int ScaleMax,
    string Status,
    DateTimeOffset OpenedAt,
    bool AnsweredByMe,
    IReadOnlyList<AreaDto> Areas);

/// <summary>A survey round with what its DTO needs from other rows: its areas in order and whether the caller has answered.</summary>
internal sealed record SurveyView(Survey Survey, IReadOnlyList<AreaDto> Areas, bool AnsweredByMe);
