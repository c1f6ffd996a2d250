using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Competence.Features.AddOrientationItem;
using Rake.Modules.Competence.Features.AnswerSurvey;
using Rake.Modules.Competence.Features.CompleteOrientationItem;
using Rake.Modules.Competence.Features.CreateUnit;
using Rake.Modules.Competence.Features.LaunchSurvey;
using Rake.Modules.Competence.Features.ListUnits;
using Rake.Modules.Competence.Features.Surveys;
using Rake.Modules.Competence.Features.UpdateOrientationItem;
using Rake.Modules.Competence.Features.UpdateUnit;
using Rake.Modules.Competence.Features.ViewOrientation;
using Rake.Modules.Competence.Features.ViewSetup;
using Rake.Modules.Competence.Persistence;
using static Rake.Modules.Competence.Tests.CompetenceScope;

namespace Rake.Modules.Competence.Tests;

/// <summary>
/// A region sets up its units and orientation checklist from nothing: the go-live items follow the rows in use, a unit or
/// item taken out of use is no longer offered, and bad input is refused by the validators the endpoints and pages run.
/// </summary>
public sealed class SetupTests(CompetenceScope module) : IClassFixture<CompetenceScope>
{
    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(AsyncServiceScope scope, object request)
    {
        try
        {
            await scope.ServiceProvider.GetRequiredService<RequestChecks>().ThrowIfInvalidAsync(request, CancellationToken.None);
            return new Dictionary<string, string[]>();
        }
        catch (ValidationException refused)
        {
            return refused.Errors;
        }
    }

    private static async Task<Dictionary<string, GoLiveItem>> GoLiveAsync(AsyncServiceScope scope) =>
        (await scope.ServiceProvider.GetServices<IGoLiveSource>().Single().GoLiveItemsAsync(CancellationToken.None))
            .ToDictionary(i => i.Key);

    [Fact]
    public async Task An_empty_region_sets_up_a_unit_and_an_item_and_the_go_live_items_follow_what_is_in_use()
    {
        var region = new RegionId($"tyhja-{Guid.NewGuid():N}"[..20]);
        await using var scope = module.In(region, "admin", RegionRole.RegionAdmin);
        var empty = await GoLiveAsync(scope);
        Assert.Equal([("competence.orientationItems", false, 0), ("competence.units", false, 0)],
            empty.Values.Select(i => (i.Key, i.Done, i.Count)).Order());
        Assert.All(empty.Values, i => Assert.Equal(("Competence", "competence/setup"), (i.Module, i.Link)));

        var unit = await scope.ServiceProvider.GetRequiredService<CreateUnitHandler>()
            .HandleAsync(new CreateUnitRequest(" aikuiset ", " Aikuisten sosiaalityö "), CancellationToken.None);
        var item = await scope.ServiceProvider.GetRequiredService<AddOrientationItemHandler>()
            .HandleAsync(new AddOrientationItemRequest("Tutustu toteutussuunnitelmaan", true), CancellationToken.None);
        Assert.Equal(("aikuiset", "Aikuisten sosiaalityö", true), (unit.Code, unit.Name, unit.Active));
        Assert.Equal((1, true, true), (item.Position, item.Structural, item.Active));
        var ready = await GoLiveAsync(scope);
        Assert.Equal((true, 1), (ready["competence.units"].Done, ready["competence.units"].Count));
        Assert.Equal((true, 1), (ready["competence.orientationItems"].Done, ready["competence.orientationItems"].Count));

        // Out of use: kept on the set-up page, but no longer counted, offered or completable.
        await scope.ServiceProvider.GetRequiredService<UpdateUnitHandler>()
            .HandleAsync(unit.Id, new UpdateUnitRequest("Aikuisten palvelut", false), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<UpdateOrientationItemHandler>()
            .HandleAsync(item.Id, new UpdateOrientationItemRequest("Tutustu suunnitelmaan", false, false), CancellationToken.None);
        var retired = await GoLiveAsync(scope);
        Assert.All(retired.Values, i => Assert.Equal((false, 0), (i.Done, i.Count)));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ListUnitsHandler>().HandleAsync(CancellationToken.None));
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<ViewOrientationHandler>().HandleAsync(CancellationToken.None)).Items);
        var setup = await scope.ServiceProvider.GetRequiredService<ViewSetupHandler>().HandleAsync(CancellationToken.None);
        Assert.Equal(("Aikuisten palvelut", false), (setup.Units.Single().Name, setup.Units.Single().Active));
        Assert.Equal(("Tutustu suunnitelmaan", false, false),
            (setup.OrientationItems.Single().Text, setup.OrientationItems.Single().Structural, setup.OrientationItems.Single().Active));
        var completing = await ErrorsAsync(scope,
            new CompleteOrientationItemRequest(item.Id, new CompleteOrientationItemBody("aikuiset")));
        Assert.Empty(completing);
        await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<CompleteOrientationItemHandler>()
            .HandleAsync(new CompleteOrientationItemRequest(item.Id, new CompleteOrientationItemBody("aikuiset")), CancellationToken.None));

        // The other region sees none of it.
        await using var other = module.In(Kainuu, "admin", RegionRole.RegionAdmin);
        var theirs = await other.ServiceProvider.GetRequiredService<ViewSetupHandler>().HandleAsync(CancellationToken.None);
        Assert.DoesNotContain(theirs.Units, u => u.Code == "aikuiset");
    }

    [Fact]
    public async Task A_unit_out_of_use_is_refused_where_a_unit_is_chosen_and_the_code_stays_taken()
    {
        var region = new RegionId($"yksikot-{Guid.NewGuid():N}"[..20]);
        await using var scope = module.In(region, "admin", RegionRole.RegionAdmin);
        var handler = scope.ServiceProvider.GetRequiredService<CreateUnitHandler>();
        var unit = await handler.HandleAsync(new CreateUnitRequest("perheet", "Perheiden palvelut"), CancellationToken.None);
        var item = await scope.ServiceProvider.GetRequiredService<AddOrientationItemHandler>()
            .HandleAsync(new AddOrientationItemRequest("Perehdytyskeskustelu", false), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<UpdateUnitHandler>()
            .HandleAsync(unit.Id, new UpdateUnitRequest(unit.Name, false), CancellationToken.None);

        var errors = await ErrorsAsync(scope, new CompleteOrientationItemRequest(item.Id, new CompleteOrientationItemBody("perheet")));
        Assert.Contains("unit", errors.Keys);
        Assert.Contains("code", (await ErrorsAsync(scope, new CreateUnitRequest("perheet", "Toinen"))).Keys);
    }

    [Fact]
    public async Task A_unit_added_while_a_round_is_open_can_be_answered_for()
    {
        var region = new RegionId($"kierros-{Guid.NewGuid():N}"[..20]);
        await using var scope = module.In(region, "vastaaja", RegionRole.RegionAdmin);
        var survey = await scope.ServiceProvider.GetRequiredService<LaunchSurveyHandler>().HandleAsync(
            new LaunchSurveyRequest("Kierros", 4, [new AreaDto("culture", "Kulttuurisensitiivisyys")]), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<CreateUnitHandler>()
            .HandleAsync(new CreateUnitRequest("uusi", "Uusi yksikkö"), CancellationToken.None);

        await scope.ServiceProvider.GetRequiredService<AnswerSurveyHandler>().HandleAsync(
            new AnswerSurveyRequest(survey.Id, new AnswerSurveyBody("uusi", new Dictionary<string, int> { ["culture"] = 3 })),
            CancellationToken.None);
        var tally = await scope.ServiceProvider.GetRequiredService<CompetenceDbContext>().Tallies.AsNoTracking()
            .SingleAsync(t => t.SurveyId == survey.Id && t.UnitCode == "uusi");
        Assert.Equal((1, 3), (tally.Count, tally.Sum));
    }

    [Fact]
    public async Task An_update_that_leaves_out_whether_in_use_keeps_it_and_another_region_cannot_update()
    {
        var region = new RegionId($"muutos-{Guid.NewGuid():N}"[..20]);
        await using var scope = module.In(region, "admin", RegionRole.RegionAdmin);
        var unit = await scope.ServiceProvider.GetRequiredService<CreateUnitHandler>()
            .HandleAsync(new CreateUnitRequest("vanhukset", "Ikääntyneet"), CancellationToken.None);
        var item = await scope.ServiceProvider.GetRequiredService<AddOrientationItemHandler>()
            .HandleAsync(new AddOrientationItemRequest("Tietosuoja", true), CancellationToken.None);

        var renamed = await scope.ServiceProvider.GetRequiredService<UpdateUnitHandler>()
            .HandleAsync(unit.Id, new UpdateUnitRequest("Ikääntyneiden palvelut", null), CancellationToken.None);
        var reworded = await scope.ServiceProvider.GetRequiredService<UpdateOrientationItemHandler>()
            .HandleAsync(item.Id, new UpdateOrientationItemRequest("Tietosuoja ja tietoturva", null, null), CancellationToken.None);
        Assert.Equal(("Ikääntyneiden palvelut", true), (renamed.Name, renamed.Active));
        Assert.Equal(("Tietosuoja ja tietoturva", true, true), (reworded.Text, reworded.Structural, reworded.Active));

        // Another region's administrator cannot reach them.
        await using var other = module.In(Kainuu, "admin", RegionRole.RegionAdmin);
        await Assert.ThrowsAsync<NotFoundException>(() => other.ServiceProvider.GetRequiredService<UpdateUnitHandler>()
            .HandleAsync(unit.Id, new UpdateUnitRequest("Kaapattu", false), CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => other.ServiceProvider.GetRequiredService<UpdateOrientationItemHandler>()
            .HandleAsync(item.Id, new UpdateOrientationItemRequest("Kaapattu", false, false), CancellationToken.None));
    }

    [Theory]
    [InlineData("fi", "Anna koodi: 1–40 merkkiä, pieniä kirjaimia a–z, numeroita tai väliviivoja.", "Pakollinen, enintään 200 merkkiä.")]
    [InlineData("sv", "Ange en kod: 1–40 tecken, små bokstäver a–z, siffror eller bindestreck.", "Obligatorisk, högst 200 tecken.")]
    [InlineData("en", "Give a code: 1–40 characters, lower-case letters a–z, digits or hyphens.", "Required, at most 200 characters.")]
    public async Task Bad_set_up_input_is_refused_by_field_in_the_callers_language(string language, string code, string name)
    {
        await using var scope = module.In(Kainuu, "admin", RegionRole.RegionAdmin);
        var errors = await InLanguageAsync(language, () => ErrorsAsync(scope, new CreateUnitRequest("Iso Kirjain", " ")));
        Assert.Equal([code], errors["code"]);
        Assert.Equal([name], errors["name"]);
        Assert.Contains("code", (await ErrorsAsync(scope, new CreateUnitRequest(new string('a', 41), "Nimi"))).Keys);
        Assert.Contains("name", (await ErrorsAsync(scope, new UpdateUnitRequest(new string('n', 201), true))).Keys);
        Assert.Contains("text", (await ErrorsAsync(scope, new AddOrientationItemRequest("", false))).Keys);
        Assert.Contains("text", (await ErrorsAsync(scope, new UpdateOrientationItemRequest(new string('t', 501), false, true))).Keys);
        Assert.Empty(await ErrorsAsync(scope, new CreateUnitRequest("vammais-2", "Vammaispalvelut")));
    }
}
