using Mapster;
using Rake.Modules.Competence.Features.AddSpecialist;
using Rake.Modules.Competence.Features.AddTraining;

namespace Rake.Modules.Competence.Features.Staff;

/// <summary>Orientation, trainings, specialists and needs as the API and pages show them, and the new rows made from requests.</summary>
internal sealed class StaffMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<OrientationItemView, OrientationItemDto>()
            .Map(d => d.Id, s => s.Item.Id)
            .Map(d => d.Position, s => s.Item.Position)
            .Map(d => d.Text, s => s.Item.Text)
            .Map(d => d.Structural, s => s.Item.Structural)
            .Map(d => d.DoneByMe, s => s.DoneByMe);
        config.NewConfig<TrainingView, TrainingDto>()
            .Map(d => d.Id, s => s.Training.Id)
            .Map(d => d.Kind, s => s.Training.Kind.ToString())
            .Map(d => d.Title, s => s.Training.Title)
            .Map(d => d.Url, s => s.Training.Url)
            .Map(d => d.DurationMinutes, s => s.Training.DurationMinutes)
            .Map(d => d.On, s => s.Training.On)
            .Map(d => d.Participants, s => s.Participants)
            .Map(d => d.JoinedByMe, s => s.JoinedByMe);
        config.NewConfig<Specialist, SpecialistDto>().Map(d => d.Unit, s => s.UnitCode);
        config.NewConfig<CompetenceNeed, NeedDto>().Map(d => d.Unit, s => s.UnitCode);

        // A validated request becomes a new row: the validator has made sure the kind parses and the texts are present.
        config.NewConfig<AddTrainingRequest, Training>()
            .Map(d => d.Id, _ => Guid.CreateVersion7())
            .Ignore(d => d.RegionCode)
            .Map(d => d.Kind, s => Enum.Parse<TrainingKind>(s.Kind!))
            .Map(d => d.Title, s => s.Title!.Trim())
            .Map(d => d.Url, s => string.IsNullOrWhiteSpace(s.Url) ? null : s.Url.Trim())
            .Map(d => d.DurationMinutes, s => s.DurationMinutes)
            .Map(d => d.On, s => s.On);
        config.NewConfig<AddSpecialistRequest, Specialist>()
            .Map(d => d.Id, _ => Guid.CreateVersion7())
            .Ignore(d => d.RegionCode)
            .Map(d => d.Name, s => s.Name!.Trim())
            .Map(d => d.UnitCode, s => s.Unit!)
            .Map(d => d.Credits, _ => Specialist.SpecialisationCredits)
            .Map(d => d.CompletedYear, s => s.CompletedYear)
            .Map(d => d.Use, s => s.Use == null ? "" : s.Use.Trim());
    }
}
