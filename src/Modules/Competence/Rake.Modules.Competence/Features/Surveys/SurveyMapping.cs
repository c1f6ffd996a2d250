using Mapster;

namespace Rake.Modules.Competence.Features.Surveys;

/// <summary>Survey rounds, their areas and units as the API and pages show them.</summary>
internal sealed class SurveyMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Unit, UnitDto>();
        config.NewConfig<SurveyArea, AreaDto>();
        config.NewConfig<SurveyView, SurveyDto>()
            .Map(d => d.Id, s => s.Survey.Id)
            .Map(d => d.Title, s => s.Survey.Title)
            .Map(d => d.Round, s => s.Survey.Round)
            .Map(d => d.ScaleMax, s => s.Survey.ScaleMax)
            .Map(d => d.Status, s => s.Survey.Status.ToString())
            .Map(d => d.OpenedAt, s => s.Survey.OpenedAt)
            .Map(d => d.AnsweredByMe, s => s.AnsweredByMe)
            .Map(d => d.Areas, s => s.Areas);
    }
}
