namespace Rake.Modules.Competence.Features.Surveys;

/// <summary>
/// Reads survey rounds as the caller sees them, with their areas and whether the caller has answered, for every survey use case.
/// </summary>
internal sealed class SurveyReader(CompetenceDbContext db, IRequestContext actor, TextCatalog texts, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<SurveyDto> FindAsync(Guid id, CancellationToken ct) =>
        await ToDtoAsync(await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException(texts["competence.survey.notFound"]), ct);

    public async Task<SurveyDto> ToDtoAsync(Survey survey, CancellationToken ct) => (await ToDtosAsync([survey], ct))[0];

    public async Task<IReadOnlyList<SurveyDto>> ToDtosAsync(IReadOnlyList<Survey> surveys, CancellationToken ct)
    {
        var ids = surveys.Select(s => s.Id).ToList();
        var areas = (await db.Areas.AsNoTracking().Where(a => ids.Contains(a.SurveyId)).ToListAsync(ct))
            .ToLookup(a => a.SurveyId);
        var answered = actor.UserId is { } user
            ? (await db.Respondents.AsNoTracking().Where(r => r.UserId == user && ids.Contains(r.SurveyId)).Select(r => r.SurveyId)
                .ToListAsync(ct)).ToHashSet()
            : [];
        return surveys
            .Select(s => mapper.Map<SurveyDto>(new SurveyView(s,
                mapper.MapAll<AreaDto>(areas[s.Id].OrderBy(a => a.Position)), answered.Contains(s.Id))))
            .ToList();
    }
}
