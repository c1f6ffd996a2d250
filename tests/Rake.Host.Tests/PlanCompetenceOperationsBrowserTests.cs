using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.Modules.Competence.Persistence;

namespace Rake.Host.Tests;

/// <summary>
/// Issue 13 for the plan and competence: operations that were API-only, each done in Chromium by the role that may do it,
/// with a refusal keeping what was typed and the error summary at the top.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class PlanCompetenceOperationsBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_refused_action_status_keeps_the_chosen_status_and_the_typed_evidence_and_stores_nothing()
    {
        var outside = new List<string>();
        var person = await Browser.SignInAsync(browser.Chromium, Host, "keski-suomi-responsibleperson", outside);
        await person.GotoAsync("/keski-suomi/plan/evaluation");
        var form = person.Locator("form.rake-action-form").First;
        var statusId = await form.Locator("select").GetAttributeAsync("id");
        var before = await form.Locator("select").InputValueAsync();
        var other = before == "InProgress" ? "NotDone" : "InProgress";

        // Done without evidence: the status chosen stays chosen.
        await form.Locator("select").SelectOptionAsync("Done");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(person.Locator("#error-summary")).ToContainTextAsync("näyttö");
        form = person.Locator($"form.rake-action-form:has([id='{statusId}'])");
        await Assertions.Expect(form.Locator("select")).ToHaveValueAsync("Done");
        await Browser.AssertAccessibleAsync(person, "i13-plan-01-status-refused");

        // Evidence over the limit: both the status and the long text come back as typed.
        var tooLong = new string('x', 4001);
        await form.Locator("select").SelectOptionAsync(other);
        await form.Locator("textarea").FillAsync(tooLong);
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(person.Locator("#error-summary")).ToBeVisibleAsync();
        form = person.Locator($"form.rake-action-form:has([id='{statusId}'])");
        await Assertions.Expect(form.Locator("select")).ToHaveValueAsync(other);
        await Assertions.Expect(form.Locator("textarea")).ToHaveValueAsync(tooLong);
        // The summary is the first thing in the main content, above every form.
        var summaryTop = (await person.Locator("#error-summary").BoundingBoxAsync())!.Y;
        var formTop = (await person.Locator("form.rake-action-form").First.BoundingBoxAsync())!.Y;
        Assert.True(summaryTop < formTop);

        await person.GotoAsync("/keski-suomi/plan/evaluation");
        form = person.Locator($"form.rake-action-form:has([id='{statusId}'])");
        await Assertions.Expect(form.Locator("select")).ToHaveValueAsync(before);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_supervisor_adds_edits_and_removes_a_training_and_a_specialist_with_the_removal_confirmed()
    {
        var outside = new List<string>();
        var supervisor = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-supervisor", outside);
        await supervisor.GotoAsync("/kymenlaakso/competence/orientation");
        await supervisor.ClickAsync("#staff-link");
        await Assertions.Expect(supervisor.Locator("h1")).ToHaveTextAsync("Koulutukset ja erityisosaajat");
        await Browser.AssertAccessibleAsync(supervisor, "i13-competence-01-staff");

        // An event needs its date: refused, the typed title stays and the summary says which field.
        var title = $"Rakenteellisen työn iltapäivä {Guid.NewGuid():N}"[..40];
        await supervisor.SelectOptionAsync("#tnew-kind", "Event");
        await supervisor.FillAsync("#tnew-title", title);
        await supervisor.FillAsync("#tnew-durationMinutes", "90");
        await supervisor.ClickAsync("button:has-text('Lisää koulutus')");
        await Assertions.Expect(supervisor.Locator("#error-summary")).ToContainTextAsync("Päivämäärä");
        await Assertions.Expect(supervisor.Locator("#tnew-title")).ToHaveValueAsync(title);
        await Assertions.Expect(supervisor.Locator("#tnew-durationMinutes")).ToHaveValueAsync("90");
        await Assertions.Expect(supervisor.Locator("#tnew-on")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(supervisor, "i13-competence-02-training-refused");

        await supervisor.FillAsync("#tnew-on", "2026-12-10");
        await supervisor.ClickAsync("button:has-text('Lisää koulutus')");
        await Assertions.Expect(supervisor.Locator("[role=status]")).ToContainTextAsync("Tallennettu");
        var row = supervisor.Locator($"#staff-trainings tr:has(th:text-is('{title}'))");
        await Assertions.Expect(row).ToContainTextAsync("10.12.2026");

        await row.Locator("summary").ClickAsync();
        var edit = row.Locator("form");
        await edit.Locator("input[id$='-title']").FillAsync(title + " 2");
        await edit.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(supervisor.Locator("[role=status]")).ToContainTextAsync("Tallennettu");
        row = supervisor.Locator($"#staff-trainings tr:has(th:text-is('{title} 2'))");
        await Assertions.Expect(row).ToHaveCountAsync(1);

        // Removal asks first; cancelling keeps the row, confirming removes it.
        await row.Locator("a.rake-danger").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#confirm-remove")).ToContainTextAsync(title + " 2");
        await Browser.AssertAccessibleAsync(supervisor, "i13-competence-03-confirm-remove");
        await supervisor.ClickAsync("#confirm-remove a");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("a.rake-danger").ClickAsync();
        await supervisor.ClickAsync("#confirm-remove-button");
        await Assertions.Expect(supervisor.Locator("[role=status]")).ToContainTextAsync("Poistettu");
        await Assertions.Expect(supervisor.Locator($"#staff-trainings tr:has-text('{title}')")).ToHaveCountAsync(0);

        var name = $"Erityisosaaja {Guid.NewGuid():N}"[..24];
        await supervisor.FillAsync("#snew-name", name);
        await supervisor.FillAsync("#snew-use", "Kehittää raportointia");
        await supervisor.ClickAsync("button:has-text('Lisää erityisosaaja')");
        await Assertions.Expect(supervisor.Locator("#error-summary")).ToContainTextAsync("Yksikkö");
        await Assertions.Expect(supervisor.Locator("#snew-name")).ToHaveValueAsync(name);
        await Assertions.Expect(supervisor.Locator("#snew-use")).ToHaveValueAsync("Kehittää raportointia");
        await supervisor.SelectOptionAsync("#snew-unit", new SelectOptionValue { Index = 1 });
        await supervisor.ClickAsync("button:has-text('Lisää erityisosaaja')");
        var specialist = supervisor.Locator($"#staff-specialists tr:has(th:text-is('{name}'))");
        await Assertions.Expect(specialist).ToContainTextAsync("Kehittää raportointia");
        await specialist.Locator("summary").ClickAsync();
        await specialist.Locator("input[id$='-completedYear']").FillAsync("2024");
        await specialist.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(specialist).ToContainTextAsync("2024");
        await specialist.Locator("a.rake-danger").ClickAsync();
        await supervisor.ClickAsync("#confirm-remove-button");
        await Assertions.Expect(supervisor.Locator("[role=status]")).ToContainTextAsync("Poistettu");
        await Assertions.Expect(specialist).ToHaveCountAsync(0);

        await using var scope = Host.RegionScope("kymenlaakso");
        var db = scope.ServiceProvider.GetRequiredService<CompetenceDbContext>();
        Assert.False(await db.Specialists.AnyAsync(s => s.Name == name));
        Assert.False(await db.Trainings.AnyAsync(t => t.Title.StartsWith(title)));
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_planner_opens_a_survey_round_and_closes_it_after_confirming()
    {
        var outside = new List<string>();
        var planner = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-planner", outside);
        await planner.GotoAsync("/kymenlaakso/competence/surveys");
        await Assertions.Expect(planner.Locator("#launch-form")).ToBeVisibleAsync();

        var areas = "third-sector: Kolmannen sektorin tunteminen\nculture: Kulttuurisensitiivinen työ";
        await planner.FillAsync("#launch-title", "");
        await planner.FillAsync("#launch-areas", areas);
        await planner.ClickAsync("#launch-form button[type=submit]");
        await Assertions.Expect(planner.Locator("#error-summary")).ToContainTextAsync("Kierroksen nimi");
        await Assertions.Expect(planner.Locator("#launch-areas")).ToHaveValueAsync(areas);
        await Browser.AssertAccessibleAsync(planner, "i13-competence-10-launch-refused");

        var title = $"Kartoitus {Guid.NewGuid():N}"[..20];
        await planner.FillAsync("#launch-title", title);
        await planner.SelectOptionAsync("#launch-scaleMax", "4");
        await planner.ClickAsync("#launch-form button[type=submit]");
        await Assertions.Expect(planner.Locator("#round-launched")).ToBeVisibleAsync();
        var round = planner.Locator($"#survey-rounds li:has-text('{title}')");
        await Assertions.Expect(round).ToContainTextAsync("Avoin");
        await Assertions.Expect(planner.Locator("#survey-form legend")).ToHaveTextAsync(
            ["Kolmannen sektorin tunteminen", "Kulttuurisensitiivinen työ"]);

        await round.Locator("a.rake-danger").ClickAsync();
        await Assertions.Expect(planner.Locator("#confirm-close")).ToContainTextAsync(title);
        await Browser.AssertAccessibleAsync(planner, "i13-competence-11-confirm-close");
        await planner.ClickAsync("#confirm-close-button");
        await Assertions.Expect(planner.Locator("#round-closed")).ToBeVisibleAsync();
        await Assertions.Expect(round).ToContainTextAsync("Suljettu");
        await Assertions.Expect(round.Locator("a")).ToHaveCountAsync(0);
        Assert.Empty(outside);
    }
}
