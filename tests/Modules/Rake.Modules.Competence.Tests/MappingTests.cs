using Rake.BuildingBlocks.Mapping;
using Rake.Modules.Competence.Domain;
using Rake.Modules.Competence.Features.AddSpecialist;
using Rake.Modules.Competence.Features.AddTraining;
using Rake.Modules.Competence.Features.Staff;
using Rake.Modules.Competence.Features.Surveys;

namespace Rake.Modules.Competence.Tests;

/// <summary>
/// The module's Mapster configuration: it compiles with every destination member sourced, and its computed fields are right.
/// </summary>
public sealed class MappingTests
{
    private static readonly ModuleMapper<CompetenceModule> Mapper = new();

    [Fact]
    public void The_configuration_compiles_and_holds_the_modules_mappings()
    {
        // The constructor compiles every mapping; a DTO member without a source would have thrown there.
        Assert.True(Mapper.Config.RequireDestinationMemberSource);
        Assert.NotNull(Mapper.Config.GetMapFunction<SurveyView, SurveyDto>());
        Assert.NotNull(Mapper.Config.GetMapFunction<TrainingView, TrainingDto>());
        Assert.NotNull(Mapper.Config.GetMapFunction<AddTrainingRequest, Training>());
        Assert.NotNull(Mapper.Config.GetMapFunction<AddSpecialistRequest, Specialist>());
    }

    [Fact]
    public void A_survey_shows_its_status_by_name_its_areas_in_order_and_whether_I_answered()
    {
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(),
            Title = "Kartoitus",
            Round = 3,
            ScaleMax = 7,
            Status = SurveyStatus.Closed,
            OpenedAt = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero),
        };
        var dto = Mapper.Map<SurveyDto>(new SurveyView(survey, [new AreaDto("b", "B"), new AreaDto("a", "A")], AnsweredByMe: true));
        Assert.Equal(new SurveyDto(survey.Id, "Kartoitus", 3, 7, "Closed", survey.OpenedAt, true, dto.Areas), dto);
        Assert.Equal(["b", "a"], dto.Areas.Select(a => a.Code));
        Assert.Equal("Open", Mapper.Map<SurveyDto>(new SurveyView(new Survey { Status = SurveyStatus.Open }, [], false)).Status);
    }

    [Fact]
    public void A_training_shows_its_kind_by_name_and_its_participation()
    {
        var training = new Training
        {
            Id = Guid.CreateVersion7(),
            Kind = TrainingKind.MonthlyTheme,
            Title = "Vaikuttavuus",
            On = new DateOnly(2021, 3, 1),
        };
        var dto = Mapper.Map<TrainingDto>(new TrainingView(training, Participants: 4, JoinedByMe: true));
        Assert.Equal(new TrainingDto(training.Id, "MonthlyTheme", "Vaikuttavuus", null, null, new DateOnly(2021, 3, 1), 4, true), dto);
    }

    [Fact]
    public void A_new_training_is_made_from_the_request_trimmed_with_a_new_id()
    {
        var request = new AddTrainingRequest("Event", "  Raportoinnin info  ", "  ", 90, new DateOnly(2026, 12, 1));
        var first = Mapper.Map<Training>(request);
        var second = Mapper.Map<Training>(request);
        Assert.Equal((TrainingKind.Event, "Raportoinnin info", (string?)null, (int?)90, (DateOnly?)new DateOnly(2026, 12, 1)),
            (first.Kind, first.Title, first.Url, first.DurationMinutes, first.On));
        Assert.NotEqual(Guid.Empty, first.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("", first.RegionCode);
        Assert.Equal("https://example.org/x", Mapper.Map<Training>(request with { Url = " https://example.org/x " }).Url);
        Assert.Equal(TrainingKind.Material, Mapper.Map<Training>(request with { Kind = "2" }).Kind);
    }

    [Fact]
    public void A_new_specialist_has_the_specialisations_70_credits()
    {
        var specialist = Mapper.Map<Specialist>(new AddSpecialistRequest(" Erikoissosiaalityöntekijä ", "adults", 2024, null));
        Assert.Equal(("Erikoissosiaalityöntekijä", "adults", 70, (int?)2024, ""),
            (specialist.Name, specialist.UnitCode, specialist.Credits, specialist.CompletedYear, specialist.Use));
        Assert.Equal("Koosteet", Mapper.Map<Specialist>(new AddSpecialistRequest("N", "adults", null, " Koosteet ")).Use);
        var dto = Mapper.Map<SpecialistDto>(specialist);
        Assert.Equal(new SpecialistDto(specialist.Id, "Erikoissosiaalityöntekijä", "adults", 70, 2024, ""), dto);
    }

    [Fact]
    public void A_need_names_its_unit_by_code()
    {
        var need = new CompetenceNeed
        {
            Id = Guid.CreateVersion7(),
            Year = 2026,
            UnitCode = "elderly",
            Text = "Viestintä",
            RecordedBy = "kainuu-supervisor",
        };
        Assert.Equal(new NeedDto(need.Id, 2026, "elderly", "Viestintä", "kainuu-supervisor"), Mapper.Map<NeedDto>(need));
        Assert.Null(Mapper.Map<NeedDto>(new CompetenceNeed { Text = "x", RecordedBy = "y" }).Unit);
    }
}
