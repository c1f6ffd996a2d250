using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Mapping;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Planning.Domain;
using Rake.Modules.Planning.Features.AddAction;
using Rake.Modules.Planning.Features.AddApproval;
using Rake.Modules.Planning.Features.AddGoal;
using Rake.Modules.Planning.Features.CreatePlan;
using Rake.Modules.Planning.Features.GoLive;
using Rake.Modules.Planning.Features.RemoveGoal;
using Rake.Modules.Planning.Features.UpdatePlan;
using Rake.Modules.Planning.Persistence;

namespace Rake.Modules.Planning.Tests;

/// <summary>
/// Setting up a plan from nothing in a region with none (lappi), beside two regions that have one: the new requests'
/// validators, the one-plan rule with its reason, the validity guarding yearly actions, and the go-live items as the rows
/// make them true one by one.
/// </summary>
public sealed class PlanSetupTests : IAsyncLifetime
{
    private readonly PlanningTestServices services = new("lappi");

    public Task InitializeAsync() => services.SeedPlansAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    private PlanningDbContext Db => services.Get<PlanningDbContext>();
    private TextCatalog Texts => services.Get<TextCatalog>();
    private ModuleMapper<PlanningModule> Mapper => services.Get<ModuleMapper<PlanningModule>>();

    private static readonly DateOnly TermStart = new(2025, 1, 1);
    private static readonly DateOnly TermEnd = new(2029, 12, 31);

    private CreatePlanHandler Create() => new(Db, Texts, TimeProvider.System, Mapper);

    private async Task<IReadOnlyList<GoLiveItem>> ItemsAsync() => await new PlanningGoLive(Db).GoLiveItemsAsync(CancellationToken.None);

    [Fact]
    public async Task Plan_details_need_a_title_and_a_validity_that_ends_after_it_starts_and_within_ten_years()
    {
        var missing = await services.ErrorsAsync(new PlanDetailsRequest(" ", null, null, null));
        Assert.Equal(["title", "validFrom", "validUntil"], missing!.Keys.Order());
        Assert.Equal(["Anna päivämäärä."], missing["validUntil"]);

        var backwards = await services.ErrorsAsync(new PlanDetailsRequest("Suunnitelma", TermEnd, TermStart, null), "en");
        Assert.Equal(["The validity must end on or after its start and less than 10 years later."], backwards!["validUntil"]);
        Assert.Single(backwards);
        var tooLong = await services.ErrorsAsync(new PlanDetailsRequest("Suunnitelma", TermStart, TermStart.AddYears(10), null));
        Assert.Equal(["validUntil"], tooLong!.Keys);
        var overlong = await services.ErrorsAsync(new PlanDetailsRequest(new string('a', 301), TermStart, TermEnd, new string('b', 301)));
        Assert.Equal(["title", "updateResponsible"], overlong!.Keys.Order());

        Assert.Null(await services.ErrorsAsync(new PlanDetailsRequest("Suunnitelma", TermStart, TermStart, null)));
        Assert.Null(await services.ErrorsAsync(new PlanDetailsRequest("Suunnitelma", TermStart, TermEnd, "RAKE-työryhmä")));
    }

    [Fact]
    public async Task A_goal_needs_a_title_within_the_limit()
    {
        Assert.Equal(["Pakollinen tieto."], (await services.ErrorsAsync(new GoalRequest("")))!["title"]);
        Assert.Equal(["Högst 500 tecken."], (await services.ErrorsAsync(new GoalRequest(new string('a', 501)), "sv"))!["title"]);
        Assert.Null(await services.ErrorsAsync(new GoalRequest("Tehdä rakenteellista sosiaalityötä tunnetuksi")));
    }

    [Fact]
    public async Task The_plan_is_created_with_the_template_sections_empty_and_a_second_one_is_refused_saying_why()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fi-FI");
        var created = await Create().HandleAsync(new PlanDetailsRequest(" Lapin suunnitelma ", TermStart, TermEnd, null), default);
        Assert.Equal("Lapin suunnitelma", created.Title);
        Assert.Equal(PlanSections.Keys, created.Sections.Select(s => s.Key));
        Assert.All(created.Sections, s => Assert.Equal(("", ""), (s.Content, s.DevelopmentNeeds)));
        Assert.Equal(PlanSections.Keys.Length, await Db.Sections.CountAsync());
        Assert.Equal("lappi", (await Db.Plans.SingleAsync()).RegionCode);

        var overlapping = await Assert.ThrowsAsync<ConflictException>(() =>
            Create().HandleAsync(new PlanDetailsRequest("Toinen", new(2027, 1, 1), new(2031, 12, 31), null), default));
        Assert.Equal("Alueella on jo toteutussuunnitelma \"Lapin suunnitelma\", voimassa 1.1.2025–31.12.2029, ja uuden "
            + "suunnitelman voimassaolo 1.1.2027–31.12.2031 menee sen kanssa päällekkäin. Alueella on yksi suunnitelma kerrallaan: "
            + "muuta nykyisen suunnitelman voimassaoloa tai sisältöä.", overlapping.Message);
        var later = await Assert.ThrowsAsync<ConflictException>(() =>
            Create().HandleAsync(new PlanDetailsRequest("Seuraava", new(2030, 1, 1), new(2033, 12, 31), null), default));
        Assert.Contains("uutta kautta 1.1.2030–31.12.2033 varten", later.Message, StringComparison.Ordinal);
        Assert.Single(await Db.Plans.ToListAsync());
    }

    [Fact]
    public async Task The_validity_cannot_shrink_past_a_yearly_action_and_a_goal_with_follow_up_is_not_removed()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fi-FI");
        await Create().HandleAsync(new PlanDetailsRequest("Lapin suunnitelma", TermStart, TermEnd, null), default);
        var goal = await new AddGoalHandler(Db, Texts, TimeProvider.System).HandleAsync(new GoalRequest("Tavoite"), default);
        Assert.Equal(1, goal.Position);
        var yearly = await new AddActionHandler(Db, Texts, Mapper)
            .HandleAsync(goal.Id, new NewActionRequest("Vuoden 2028 toimenpide", "RAKE-työryhmä", 2028, false), default);
        Assert.Equal(["year"], (await services.ErrorsAsync(new NewActionRequest("x", "y", 2030, false)))!.Keys);

        var update = new UpdatePlanHandler(Db, Texts, TimeProvider.System);
        var shrunk = await Assert.ThrowsAsync<ConflictException>(() =>
            update.HandleAsync(new PlanDetailsRequest("Lapin suunnitelma", TermStart, new(2026, 12, 31), null), default));
        Assert.Contains("2028", shrunk.Message, StringComparison.Ordinal);
        var moved = await update.HandleAsync(new PlanDetailsRequest("Lapin suunnitelma 2025–2028", TermStart, new(2028, 12, 31), "x"),
            default);
        Assert.Equal((new DateOnly(2028, 12, 31), "Lapin suunnitelma 2025–2028"), (moved.ValidUntil, moved.Title));

        var action = await Db.Actions.SingleAsync(a => a.Id == yearly.Id);
        action.Status = ActionStatus.InProgress;
        await Db.SaveChangesAsync();
        var refused = await Assert.ThrowsAsync<ConflictException>(() =>
            new RemoveGoalHandler(Db, Texts, TimeProvider.System).HandleAsync(goal.Id, default));
        Assert.Contains("seuranta on alkanut", refused.Message, StringComparison.Ordinal);
        action.Status = ActionStatus.NotDone;
        await Db.SaveChangesAsync();
        await new RemoveGoalHandler(Db, Texts, TimeProvider.System).HandleAsync(goal.Id, default);
        Assert.Empty(await Db.Goals.ToListAsync());
        Assert.Empty(await Db.Actions.ToListAsync());
    }

    [Fact]
    public async Task Go_live_items_turn_done_from_the_rows_one_by_one()
    {
        Assert.Equal(["planning.plan", "planning.goals", "planning.actions", "planning.approved"], (await ItemsAsync()).Select(i => i.Key));
        Assert.All(await ItemsAsync(), i => Assert.False(i.Done));
        Assert.All(await ItemsAsync(), i => Assert.Equal(("Planning", "plan/setup"), (i.Module, i.Link)));

        await Create().HandleAsync(new PlanDetailsRequest("Lapin suunnitelma", TermStart, TermEnd, null), default);
        Assert.Equal([true, false, false, false], (await ItemsAsync()).Select(i => i.Done));

        var goals = new AddGoalHandler(Db, Texts, TimeProvider.System);
        var first = await goals.HandleAsync(new GoalRequest("Ensimmäinen"), default);
        var second = await goals.HandleAsync(new GoalRequest("Toinen"), default);
        Assert.Equal(2, second.Position);
        Assert.Equal([true, true, false, false], (await ItemsAsync()).Select(i => i.Done));
        Assert.Equal(2, (await ItemsAsync())[1].Count);

        var actions = new AddActionHandler(Db, Texts, Mapper);
        await actions.HandleAsync(first.Id, new NewActionRequest("Koko kauden toimenpide", "Palvelualueet", null, true), default);
        Assert.False((await ItemsAsync())[2].Done);
        await actions.HandleAsync(second.Id, new NewActionRequest("Vuosittainen", "RAKE-työryhmä", 2026, false), default);
        Assert.True((await ItemsAsync())[2].Done);
        Assert.Equal(2, (await ItemsAsync())[2].Count);

        var approvals = new AddApprovalHandler(Db, Texts, Mapper);
        await approvals.HandleAsync(new ApprovalRequest("Presented", "Johtoryhmä", null, new DateOnly(2025, 2, 1)), default);
        Assert.False((await ItemsAsync())[3].Done);
        await approvals.HandleAsync(new ApprovalRequest("Approved", "Hyvinvointialuejohtajan päätös", "N.N.", new DateOnly(2025, 3, 1)),
            default);
        Assert.Equal([true, true, true, true], (await ItemsAsync()).Select(i => i.Done));
        Assert.Equal(1, (await ItemsAsync())[3].Count);
    }

    [Fact]
    public async Task Another_regions_plan_counts_for_nothing_here()
    {
        // Kainuu and Keski-Suomi have plans in the same database; lappi's checklist and create still see none.
        Assert.Equal(2, await Db.Plans.IgnoreQueryFilters().CountAsync());
        Assert.False((await ItemsAsync())[0].Done);
        await Create().HandleAsync(new PlanDetailsRequest("Lapin suunnitelma", TermStart, TermEnd, null), default);
        Assert.True((await ItemsAsync())[0].Done);
    }
}
