using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Competence.Domain;
using Rake.Modules.Competence.Features.AddNeed;
using Rake.Modules.Competence.Features.AddSpecialist;
using Rake.Modules.Competence.Features.AddTraining;
using Rake.Modules.Competence.Features.AnswerSurvey;
using Rake.Modules.Competence.Features.CloseSurvey;
using Rake.Modules.Competence.Features.CompleteOrientationItem;
using Rake.Modules.Competence.Features.LaunchSurvey;
using Rake.Modules.Competence.Features.Surveys;
using Rake.Modules.Competence.Persistence;
using static Rake.Modules.Competence.Tests.CompetenceScope;

namespace Rake.Modules.Competence.Tests;

/// <summary>
/// Each use case's validator, run as the endpoint filter and the pages run it (<see cref="RequestChecks"/>): every field
/// it refuses under its camelCase JSON name with the catalog's message in the caller's language, and a valid request passes.
/// </summary>
public sealed class ValidatorTests(CompetenceScope module) : IClassFixture<CompetenceScope>
{
    private TextCatalog Texts => module.Services.GetRequiredService<TextCatalog>();

    /// <summary>The field errors of <paramref name="request"/> in <paramref name="language"/>, or null when it is accepted.</summary>
    private async Task<IReadOnlyDictionary<string, string[]>?> ErrorsAsync(object request, string language, RegionId? region = null)
    {
        await using var scope = module.In(region ?? Kainuu, "kainuu-planner", RegionRole.Planner);
        var checks = scope.ServiceProvider.GetRequiredService<RequestChecks>();
        return await InLanguageAsync(language, async () =>
        {
            try
            {
                await checks.ThrowIfInvalidAsync(request, CancellationToken.None);
                return null;
            }
            catch (ValidationException refused)
            {
                return refused.Errors;
            }
        });
    }

    private void AssertErrors(
        IReadOnlyDictionary<string, string[]>? errors, string language, params (string Field, string Key, object[] Args)[] expected)
    {
        Assert.NotNull(errors);
        Assert.Equal(expected.Select(e => e.Field).Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        foreach (var (field, key, args) in expected)
        {
            Assert.Equal([Texts.GetIn(language, key, args)], errors[field]);
        }
    }

    private static (string, string, object[]) Error(string field, string key, params object[] args) => (field, key, args);

    private async Task<SurveyDto> LaunchAsync(params string[] areaCodes)
    {
        await using var scope = module.In(Kainuu, "kainuu-planner", RegionRole.Planner);
        var request = new LaunchSurveyRequest("Kartoitus", 5, areaCodes.Select(c => new AreaDto(c, $"Alue {c}")).ToList());
        return await scope.ServiceProvider.GetRequiredService<LaunchSurveyHandler>().HandleAsync(request, CancellationToken.None);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_survey_launch_needs_a_title_a_scale_of_2_to_10_and_unique_areas(string language)
    {
        var errors = await ErrorsAsync(new LaunchSurveyRequest(" ", 1, [new AreaDto("a", "A"), new AreaDto("a", "B")]), language);
        AssertErrors(errors, language,
            Error("title", "competence.validation.title", Survey.TitleMax),
            Error("scaleMax", "competence.validation.scale"),
            Error("areas", "competence.validation.areas"));

        var tooMany = Enumerable.Range(1, LaunchSurveyValidator.MaxAreas + 1).Select(i => new AreaDto($"a{i}", $"Alue {i}")).ToList();
        AssertErrors(await ErrorsAsync(new LaunchSurveyRequest("Kartoitus", null, tooMany), language), language,
            Error("areas", "competence.validation.areas"));
        AssertErrors(await ErrorsAsync(new LaunchSurveyRequest(new string('x', Survey.TitleMax + 1), 11, null), language), language,
            Error("title", "competence.validation.title", Survey.TitleMax),
            Error("scaleMax", "competence.validation.scale"),
            Error("areas", "competence.validation.areas"));
    }

    [Fact]
    public async Task A_valid_survey_launch_passes()
    {
        Assert.Null(await ErrorsAsync(new LaunchSurveyRequest("  Kartoitus  ", null, [new("a", "A"), new("b", "B")]), "fi"));
        var longestName = new AreaDto("a", new string('n', SurveyArea.NameMax));
        Assert.Null(await ErrorsAsync(new LaunchSurveyRequest("Kartoitus", 10, [longestName]), "fi"));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task An_answer_needs_a_unit_of_the_region_and_every_area_on_the_scale(string language)
    {
        var survey = await LaunchAsync("third-sector", "culture");
        // "families" is a unit of Keski-Suomi: the validator's DbContext, scoped to Kainuu, cannot see it.
        var errors = await ErrorsAsync(new AnswerSurveyRequest(survey.Id,
            new AnswerSurveyBody("families", new Dictionary<string, int> { ["third-sector"] = 6, ["unknown"] = 1 })), language);
        AssertErrors(errors, language,
            Error("unit", "competence.validation.unit"),
            Error("area-third-sector", "competence.validation.value", 5),
            Error("area-culture", "competence.validation.value", 5),
            Error("values", "competence.validation.unknownArea"));

        Assert.Null(await ErrorsAsync(new AnswerSurveyRequest(survey.Id,
            new AnswerSurveyBody("adults", new Dictionary<string, int> { ["third-sector"] = 1, ["culture"] = 5 })), language));
    }

    [Fact]
    public async Task An_answer_to_a_missing_or_closed_round_is_left_to_the_handler()
    {
        var bad = new AnswerSurveyBody("nowhere", null);
        Assert.Null(await ErrorsAsync(new AnswerSurveyRequest(Guid.NewGuid(), bad), "fi"));

        var survey = await LaunchAsync("a");
        await using (var scope = module.In(Kainuu, "kainuu-planner", RegionRole.Planner))
        {
            await scope.ServiceProvider.GetRequiredService<CloseSurveyHandler>().HandleAsync(survey.Id, CancellationToken.None);
        }
        Assert.Null(await ErrorsAsync(new AnswerSurveyRequest(survey.Id, bad), "fi"));
        // Another region's round is as good as missing.
        Assert.Null(await ErrorsAsync(new AnswerSurveyRequest((await LaunchAsync("b")).Id, bad), "fi", KeskiSuomi));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task Completing_an_orientation_item_needs_a_unit_of_the_region(string language)
    {
        var item = Guid.CreateVersion7();
        await using (var scope = module.In(Kainuu))
        {
            var db = scope.ServiceProvider.GetRequiredService<CompetenceDbContext>();
            db.OrientationItems.Add(new OrientationItem { Id = item, Position = 1, Text = "Tutustu suunnitelmaan", Structural = true });
            await db.SaveChangesAsync();
        }
        AssertErrors(await ErrorsAsync(new CompleteOrientationItemRequest(item, new CompleteOrientationItemBody("")), language), language,
            Error("unit", "competence.validation.unit"));
        var otherRegions = new CompleteOrientationItemRequest(item, new CompleteOrientationItemBody("families"));
        AssertErrors(await ErrorsAsync(otherRegions, language), language,
            Error("unit", "competence.validation.unit"));
        Assert.Null(await ErrorsAsync(new CompleteOrientationItemRequest(item, new CompleteOrientationItemBody("elderly")), language));
        // An unknown item is the handler's 404, whatever the unit.
        Assert.Null(await ErrorsAsync(new CompleteOrientationItemRequest(Guid.NewGuid(), new CompleteOrientationItemBody("")), language));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_training_needs_a_known_kind_a_title_a_web_address_a_duration_and_an_events_date(string language)
    {
        AssertErrors(await ErrorsAsync(new AddTrainingRequest("Event", "Info", "ftp://x", null, null), language), language,
            Error("url", "competence.validation.url"),
            Error("on", "competence.validation.date"));
        var longTitle = new string('t', Training.TitleMax + 1);
        AssertErrors(await ErrorsAsync(new AddTrainingRequest("event", longTitle, null, 0, null), language), language,
            Error("kind", "competence.validation.kind"),
            Error("title", "competence.validation.title", Training.TitleMax),
            Error("durationMinutes", "competence.validation.duration"));
        var longUrl = "https://" + new string('a', AddTrainingValidator.UrlMax);
        var tooLong = AddTrainingValidator.MaxDurationMinutes + 1;
        AssertErrors(await ErrorsAsync(new AddTrainingRequest(null, " ", longUrl, tooLong, null), language), language,
            Error("kind", "competence.validation.kind"),
            Error("title", "competence.validation.title", Training.TitleMax),
            Error("url", "competence.validation.url"),
            Error("durationMinutes", "competence.validation.duration"));
    }

    [Fact]
    public async Task A_valid_training_passes()
    {
        Assert.Null(await ErrorsAsync(new AddTrainingRequest("Event", "Raportoinnin info", null, null, new DateOnly(2026, 12, 1)), "fi"));
        Assert.Null(await ErrorsAsync(new AddTrainingRequest("Recording", "Tallenne", "https://example.org/t", 33, null), "fi"));
        // As the API has always taken it, the kind's number is a kind too.
        Assert.Null(await ErrorsAsync(new AddTrainingRequest("2", "Materiaali", " ", 1, null), "fi"));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_specialist_needs_a_name_a_unit_of_the_region_and_a_plausible_year(string language)
    {
        var longUse = new string('u', AddSpecialistValidator.UseMax + 1);
        AssertErrors(await ErrorsAsync(new AddSpecialistRequest("", "families", 1800, longUse), language), language,
            Error("name", "competence.validation.title", AddSpecialistValidator.NameMax),
            Error("unit", "competence.validation.unit"),
            Error("completedYear", "competence.validation.year"),
            Error("use", "competence.validation.title", AddSpecialistValidator.UseMax));
        Assert.Null(await ErrorsAsync(new AddSpecialistRequest("Erikoissosiaalityöntekijä", "adults", 2024, null), language));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_need_needs_a_text_and_if_given_a_year_and_a_unit_of_the_region(string language)
    {
        AssertErrors(await ErrorsAsync(new AddNeedRequest(1999, "families", " "), language), language,
            Error("year", "competence.validation.year"),
            Error("unit", "competence.validation.unit"),
            Error("text", "competence.validation.title", AddNeedValidator.TextMax));
        AssertErrors(await ErrorsAsync(new AddNeedRequest(2101, null, new string('t', AddNeedValidator.TextMax + 1)), language), language,
            Error("year", "competence.validation.year"),
            Error("text", "competence.validation.title", AddNeedValidator.TextMax));
        Assert.Null(await ErrorsAsync(new AddNeedRequest(null, null, "Viestintä ja vaikuttaminen"), language));
        Assert.Null(await ErrorsAsync(new AddNeedRequest(2026, "adults", "Vaikuttavuuden arviointi"), language));
    }

    [Fact]
    public void Finnish_and_swedish_messages_differ()
    {
        // Otherwise the language theories above could pass with one language's text for both.
        Assert.NotEqual(Texts.GetIn("fi", "competence.validation.unit"), Texts.GetIn("sv", "competence.validation.unit"));
        Assert.NotEqual(Texts.GetIn("fi", "competence.validation.title", 200), Texts.GetIn("sv", "competence.validation.title", 200));
    }
}
