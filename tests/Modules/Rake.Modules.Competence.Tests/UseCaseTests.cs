using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Competence.Domain;
using Rake.Modules.Competence.Features.AddNeed;
using Rake.Modules.Competence.Features.AddSpecialist;
using Rake.Modules.Competence.Features.AnswerSurvey;
using Rake.Modules.Competence.Features.LaunchSurvey;
using Rake.Modules.Competence.Features.ListNeeds;
using Rake.Modules.Competence.Features.ListSpecialists;
using Rake.Modules.Competence.Features.Surveys;
using Rake.Modules.Competence.Features.ViewOrientation;
using Rake.Modules.Competence.Persistence;
using static Rake.Modules.Competence.Tests.CompetenceScope;

namespace Rake.Modules.Competence.Tests;

/// <summary>
/// The use-case handlers without the Host: what the LaunchSurvey activity relies on, the system actor, and what leads see.
/// </summary>
public sealed class UseCaseTests(CompetenceScope module) : IClassFixture<CompetenceScope>
{
    private static LaunchSurveyRequest Round(string title, params string[] codes) =>
        new(title, 4, codes.Select(c => new AreaDto(c, $"Alue {c}")).ToList());

    [Fact]
    public async Task The_next_round_takes_the_latest_rounds_scale_and_areas_and_a_run_launches_it_once()
    {
        await using var scope = module.In(Kainuu);
        var handler = scope.ServiceProvider.GetRequiredService<LaunchSurveyHandler>();
        var latest = await handler.HandleAsync(Round("Kierros", "culture", "third-sector"), CancellationToken.None);

        var next = await handler.NextRoundAsync("Seuraava kierros", CancellationToken.None);
        Assert.NotNull(next);
        Assert.Equal(("Seuraava kierros", (int?)4), (next.Title, next.ScaleMax));
        Assert.Equal(latest.Areas, next.Areas!);

        var key = $"instance-{Guid.NewGuid():N}/launch";
        Assert.Null(await handler.LaunchedByAsync(key, CancellationToken.None));
        var launched = await handler.HandleAsync(next, key, CancellationToken.None);
        Assert.Equal(latest.Round + 1, launched.Round);
        var again = await handler.LaunchedByAsync(key, CancellationToken.None);
        Assert.NotNull(again);
        Assert.Equal((launched.Id, launched.Round, launched.Title), (again.Id, again.Round, again.Title));

        // Each of the region's units has an empty total per area from the start; the other region's unit has none.
        var db = scope.ServiceProvider.GetRequiredService<CompetenceDbContext>();
        var tallies = await db.Tallies.Where(t => t.SurveyId == launched.Id).ToListAsync();
        Assert.Equal(["adults/culture", "adults/third-sector", "elderly/culture", "elderly/third-sector"],
            tallies.Select(t => $"{t.UnitCode}/{t.AreaCode}").Order(StringComparer.Ordinal));
        Assert.All(tallies, t => Assert.Equal((0, 0), (t.Count, t.Sum)));
    }

    [Fact]
    public async Task A_region_without_rounds_has_no_next_round()
    {
        await using var scope = module.In(new RegionId("kymenlaakso"));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<LaunchSurveyHandler>().NextRoundAsync("x", CancellationToken.None));
    }

    [Fact]
    public async Task Answers_are_added_to_the_totals_once_per_person_and_the_system_actor_cannot_answer()
    {
        SurveyDto survey;
        await using (var scope = module.In(Kainuu))
        {
            survey = await scope.ServiceProvider.GetRequiredService<LaunchSurveyHandler>()
                .HandleAsync(Round("Vastattava", "a", "b"), CancellationToken.None);
        }
        var answer = new AnswerSurveyRequest(survey.Id,
            new AnswerSurveyBody("adults", new Dictionary<string, int> { ["a"] = 3, ["b"] = 4 }));
        await using (var system = module.In(Kainuu))
        {
            await Assert.ThrowsAsync<ForbiddenException>(
                () => system.ServiceProvider.GetRequiredService<AnswerSurveyHandler>().HandleAsync(answer, CancellationToken.None));
        }
        await using (var person = module.In(Kainuu, "kainuu-professional", RegionRole.Professional))
        {
            var handler = person.ServiceProvider.GetRequiredService<AnswerSurveyHandler>();
            await handler.HandleAsync(answer, CancellationToken.None);
            await Assert.ThrowsAsync<ConflictException>(() => handler.HandleAsync(answer, CancellationToken.None));
            var db = person.ServiceProvider.GetRequiredService<CompetenceDbContext>();
            var totals = await db.Tallies.AsNoTracking().Where(t => t.SurveyId == survey.Id && t.UnitCode == "adults")
                .OrderBy(t => t.AreaCode).ToListAsync();
            Assert.Equal([(1, 3), (1, 4)], totals.Select(t => (t.Count, t.Sum)));
        }
        await using (var other = module.In(Kainuu, "kainuu-supervisor", RegionRole.Supervisor))
        {
            var missing = answer with { SurveyId = Guid.NewGuid() };
            await Assert.ThrowsAsync<NotFoundException>(
                () => other.ServiceProvider.GetRequiredService<AnswerSurveyHandler>().HandleAsync(missing, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Only_leads_see_orientation_progress_per_unit_and_person()
    {
        await using (var scope = module.In(Kainuu))
        {
            var db = scope.ServiceProvider.GetRequiredService<CompetenceDbContext>();
            var item = new OrientationItem { Id = Guid.CreateVersion7(), Position = 1, Text = "Tutustu", Structural = true };
            db.OrientationItems.Add(item);
            db.OrientationCompletions.Add(new OrientationCompletion
            {
                Id = Guid.CreateVersion7(),
                ItemId = item.Id,
                UserId = UserId("kainuu-professional"),
                UserName = "kainuu-professional",
                UnitCode = "elderly",
                CompletedAt = module.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        await using (var professional = module.In(Kainuu, "kainuu-professional", RegionRole.Professional))
        {
            var mine = await professional.ServiceProvider.GetRequiredService<ViewOrientationHandler>().HandleAsync(CancellationToken.None);
            Assert.Contains(mine.Items, i => i.DoneByMe);
            Assert.Empty(mine.Units);
            Assert.Empty(mine.People);
        }
        await using var supervisor = module.In(Kainuu, "kainuu-supervisor", RegionRole.Supervisor);
        var lead = await supervisor.ServiceProvider.GetRequiredService<ViewOrientationHandler>().HandleAsync(CancellationToken.None);
        Assert.DoesNotContain(lead.Items, i => i.DoneByMe);
        var elderly = lead.Units.Single(u => u.Unit == "elderly");
        Assert.True(elderly.People >= 1 && elderly.StructuralCompletions >= 1);
        Assert.Contains(lead.People, p => p.UserName == "kainuu-professional" && p.Unit == "elderly");
    }

    [Fact]
    public async Task Specialists_and_needs_come_back_through_the_query_projection()
    {
        await using var scope = module.In(Kainuu, "kainuu-supervisor", RegionRole.Supervisor);
        var specialist = await scope.ServiceProvider.GetRequiredService<AddSpecialistHandler>()
            .HandleAsync(new AddSpecialistRequest("Erikoissosiaalityöntekijä", "adults", 2024, null), CancellationToken.None);
        var specialists = await scope.ServiceProvider.GetRequiredService<ListSpecialistsHandler>().HandleAsync(CancellationToken.None);
        Assert.Contains(specialist, specialists);

        // No year means this year in Helsinki, from the clock.
        var need = await scope.ServiceProvider.GetRequiredService<AddNeedHandler>()
            .HandleAsync(new AddNeedRequest(null, "elderly", "  Viestintä päättäjille  "), CancellationToken.None);
        Assert.Equal((2026, "elderly", "Viestintä päättäjille", "kainuu-supervisor"), (need.Year, need.Unit, need.Text, need.RecordedBy));
        var listed = await scope.ServiceProvider.GetRequiredService<ListNeedsHandler>().HandleAsync(null, CancellationToken.None);
        Assert.Contains(need, listed);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ListNeedsHandler>().HandleAsync(2025, CancellationToken.None));
    }
}
