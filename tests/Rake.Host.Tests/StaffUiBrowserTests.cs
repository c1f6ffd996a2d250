using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// Issue 13's remaining staff operations in Chromium, each as the role that does it, in Finnish: a phenomenon-based report
/// from its choice to its publication on its own page, a hand-started process, and the publications and task grids; one
/// page in Swedish. axe-core checks every page visited.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class StaffUiBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private const string Region = "kymenlaakso";

    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_phenomenon_report_goes_through_every_stage_on_its_page_each_step_by_its_role()
    {
        var outside = new List<string>();
        var lead = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-responsibleperson", outside);
        await lead.GotoAsync($"/{Region}/phenomenon-reports");
        // Enhanced navigation (docs/adr/0004): the link patches the new page into this document instead of loading a new
        // one (what the script put on the window survives), its title and h1 are the new page's, and focus is on the h1.
        await lead.EvaluateAsync("() => { window.rakeBeforeClick = 'kept'; }");
        await Browser.ClickAndWaitAsync(lead, "#new-phenomenon-report");
        Assert.EndsWith($"/{Region}/phenomenon-reports/new", new Uri(lead.Url).AbsolutePath);
        Assert.Equal("kept", await lead.EvaluateAsync<string?>("() => window.rakeBeforeClick ?? null"));
        Assert.Equal("1", await lead.GetAttributeAsync("html", "data-rake-loaded"));
        await Assertions.Expect(lead.Locator("h1")).ToBeFocusedAsync();
        Assert.Equal($"{await lead.Locator("h1").InnerTextAsync()} – Rake", await lead.TitleAsync());
        await Browser.AssertAccessibleAsync(lead, "staff-ui-01-choose");

        // Back after an enhanced navigation asks about the typed text like a link would: cancelled, the page stays with the
        // text and its address (nothing was loaded); accepted, the list is back.
        var questions = new List<string>();
        var accept = false;
        async void Answer(object? sender, IDialog dialog)
        {
            questions.Add(dialog.Message);
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        }
        lead.Dialog += Answer;
        await lead.EvaluateAsync(
            "() => { window.rakeLoads = []; Blazor.addEventListener('enhancednavigationstart', () => rakeLoads.push(location.href)); }");
        await lead.FillAsync("#title", "Kesken jäävä otsikko");
        await lead.GoBackAsync();
        await Assertions.Expect(lead).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{Region}/phenomenon-reports/new$"));
        Assert.Single(questions);
        await Assertions.Expect(lead.Locator("#title")).ToHaveValueAsync("Kesken jäävä otsikko");
        Assert.Equal("[]", await lead.EvaluateAsync<string>("() => JSON.stringify(window.rakeLoads)"));
        accept = true;
        await Browser.NavigateAsync(lead, () => lead.GoBackAsync());
        Assert.Equal(2, questions.Count);
        Assert.EndsWith($"/{Region}/phenomenon-reports", new Uri(lead.Url).AbsolutePath);
        Assert.Equal("kept", await lead.EvaluateAsync<string?>("() => window.rakeBeforeClick ?? null"));
        lead.Dialog -= Answer;
        await Browser.ClickAndWaitAsync(lead, "#new-phenomenon-report");
        await Assertions.Expect(lead.Locator("#title")).ToHaveValueAsync("");

        // A refused choice keeps what was typed and opens on its summary.
        var title = $"Nuorten asunnottomuus {Guid.NewGuid():N}"[..40];
        await lead.FillAsync("#title", title);
        await lead.FillAsync("#needs", "Nuoret jäävät ilman asuntoa jälkihuollon päätyttyä.");
        await lead.ClickAsync("#choose-phenomenon");
        await Assertions.Expect(lead.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(lead.Locator("#error-summary")).ToContainTextAsync("Ajankohtaisuus");
        await Assertions.Expect(lead.Locator("#title")).ToHaveValueAsync(title);
        await Assertions.Expect(lead.Locator("#needs")).ToHaveValueAsync("Nuoret jäävät ilman asuntoa jälkihuollon päätyttyä.");
        await Browser.AssertAccessibleAsync(lead, "staff-ui-02-choose-refused");

        await lead.FillAsync("#description", "Jälkihuollon päättyminen ja asunnottomuus.");
        await lead.FillAsync("#topicality", "Asunnottomien nuorten määrä on kasvanut kahtena vuonna.");
        await lead.FillAsync("#significance", "Asunnottomuus vaikeuttaa opintoja ja työllistymistä.");
        await lead.FillAsync("#recurrence", "Ilmiö toistuu kaikissa kunnissa.");
        await Browser.NavigateAsync(lead, () => lead.ClickAsync("#choose-phenomenon"));
        await lead.WaitForURLAsync($"**/{Region}/phenomenon-reports/*?saved=1");
        var path = new Uri(lead.Url).AbsolutePath;
        var current = lead.Locator("#stages li[aria-current=step]");
        await Assertions.Expect(current).ToContainTextAsync("Ilmiö valittu");
        await Assertions.Expect(lead.Locator("#criteria")).ToContainTextAsync("kasvanut kahtena vuonna");
        await Browser.AssertAccessibleAsync(lead, "staff-ui-03-chosen");

        // The responsible person leads the workshops and writes the draft.
        await lead.ClickAsync("#advance");
        await Assertions.Expect(current).ToContainTextAsync("Työpaja 1");
        await lead.FillAsync("#text", "Näkyy aikuissosiaalityössä ja lastensuojelun jälkihuollossa, noin 40 nuorta.");
        await lead.ClickAsync("#save-entry");
        await Assertions.Expect(lead.Locator("#entries-Extent")).ToContainTextAsync("noin 40 nuorta");
        await lead.ClickAsync("#advance");
        await Assertions.Expect(current).ToContainTextAsync("Työpaja 2");
        await lead.FillAsync("#text", "Tukiasuntoja jälkihuollon nuorille.");
        await lead.ClickAsync("#save-entry");
        await Assertions.Expect(lead.Locator("#entries-ActionProposal")).ToContainTextAsync("Tukiasuntoja");
        await lead.ClickAsync("#advance");
        await Assertions.Expect(current).ToContainTextAsync("Luonnos");
        await Assertions.Expect(lead.Locator("#entry-form")).ToHaveCountAsync(0);
        await lead.FillAsync("#draft", "Nuorten asunnottomuus kasvaa.\n\nEhdotamme tukiasuntoja.");
        await lead.ClickAsync("#save-draft");
        await Assertions.Expect(lead.Locator("#draft-text p")).ToHaveCountAsync(2);
        await Browser.AssertAccessibleAsync(lead, "staff-ui-04-drafted");
        await lead.ClickAsync("#advance");
        await Assertions.Expect(current).ToContainTextAsync("Työryhmän kommentointi");
        // The last move is closing the comments for the steering group (docs/adr/0173); it may also decide before that.
        await Assertions.Expect(lead.Locator("#advance")).ToContainTextAsync("Päätä kommentointi");

        // The working group comments, the steering group decides (a refused decision keeps its place), communications publishes.
        var member = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-workinggroupmember", outside);
        await member.GotoAsync(path);
        await Assertions.Expect(member.Locator("#draft-form")).ToHaveCountAsync(0);
        await member.FillAsync("#text", "Työryhmä kannattaa tukiasuntoja.");
        await member.ClickAsync("#save-entry");
        await Assertions.Expect(member.Locator("#entries-Comment")).ToContainTextAsync("kannattaa tukiasuntoja");

        var steering = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-steeringgroupmember", outside);
        await steering.GotoAsync(path);
        await steering.ClickAsync("#save-decision");
        await Assertions.Expect(steering.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(steering.Locator("#saved")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(steering, "staff-ui-05-decision-refused");
        await steering.FillAsync("#decision", "Tukiasuntokokeilu käynnistetään kahdessa kunnassa.");
        await steering.ClickAsync("#save-decision");
        await Assertions.Expect(steering.Locator("#stages li[aria-current=step]")).ToContainTextAsync("Ohjausryhmä päättänyt");
        await Assertions.Expect(steering.Locator("#decision-text")).ToContainTextAsync("kahdessa kunnassa");
        await Assertions.Expect(steering.Locator("#publish")).ToHaveCountAsync(0);

        var communications = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-communications", outside);
        await communications.GotoAsync(path);
        await communications.ClickAsync("#publish");
        await Assertions.Expect(communications.Locator("#stages li[aria-current=step]")).ToContainTextAsync("Julkaistu");
        await Assertions.Expect(communications.Locator("#published")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(communications, "staff-ui-06-published");

        // The same page in Swedish.
        await communications.GotoAsync($"/account/culture?culture=sv&returnUrl={Uri.EscapeDataString(path)}");
        await Assertions.Expect(communications.Locator("#stages-title")).ToHaveTextAsync("Rapportens skeden");
        await Assertions.Expect(communications.Locator("#stages li[aria-current=step]")).ToContainTextAsync("Publicerad");
        await Browser.AssertAccessibleAsync(communications, "staff-ui-07-published-sv");

        using var api = await Host.ClientFor($"{Region}-professional");
        var stored = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{Region}{path[(Region.Length + 1)..]}"))!;
        Assert.Equal("Published", stored["stage"]!.GetValue<string>());
        Assert.Equal(3, stored["entries"]!.AsArray().Count);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task The_responsible_person_starts_the_hand_started_process_and_finds_its_first_task_in_the_grid()
    {
        var outside = new List<string>();
        var professional = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-professional", outside);
        await professional.GotoAsync($"/{Region}/tasks/start");
        await Assertions.Expect(professional.Locator("h1")).ToHaveTextAsync("Ei käyttöoikeutta");

        using var admin = await Host.ClientFor($"{Region}-regionadmin");
        var before = (await admin.GetFromJsonAsync<JsonArray>(
            $"/api/v1/regions/{Region}/workflow-instances?definitionId=kymenlaakso-phenomenon-report"))!.Count;

        var lead = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-responsibleperson", outside);
        await lead.GotoAsync($"/{Region}/tasks/start");
        // Only the process without a trigger is offered; the scheduled half-year routing is not.
        await Assertions.Expect(lead.Locator("#start-kymenlaakso-phenomenon-report")).ToHaveCountAsync(1);
        await Assertions.Expect(lead.Locator("#start-kymenlaakso-half-year-routing")).ToHaveCountAsync(0);
        await Assertions.Expect(lead.Locator("#start-kymenlaakso-meeting-rhythm")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(lead, "staff-ui-10-hand-start-list");
        await lead.ClickAsync("#start-kymenlaakso-phenomenon-report");
        await Assertions.Expect(lead.Locator("#no-inputs")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(lead, "staff-ui-11-hand-start-form");
        await Browser.NavigateAsync(lead, () => lead.ClickAsync("#start-process"));
        await lead.WaitForURLAsync($"**/{Region}/tasks/start?started=1");
        await Assertions.Expect(lead.Locator("#started")).ToBeVisibleAsync();

        var after = (await admin.GetFromJsonAsync<JsonArray>(
            $"/api/v1/regions/{Region}/workflow-instances?definitionId=kymenlaakso-phenomenon-report"))!.Count;
        Assert.Equal(before + 1, after);

        // The process's first task, recording the choice, reaches the responsible person in the task grid; a search narrows it
        // and the cards alike, and a card leads to the choice form of its run instead of completing it in the list.
        await lead.GotoAsync($"/{Region}/tasks?search={Uri.EscapeDataString("Valitse raportin ilmiö")}");
        await InteractiveSteps.WaitForIslandAsync(lead, "#task-list");
        await Assertions.Expect(lead.Locator("#task-list a").First).ToHaveTextAsync("Valitse raportin ilmiö");
        await Assertions.Expect(lead.Locator("article.rake-task h2").First).ToHaveTextAsync("Valitse raportin ilmiö");
        Assert.All(await lead.Locator("#task-list a").AllTextContentsAsync(), t => Assert.Equal("Valitse raportin ilmiö", t));
        await Assertions.Expect(lead.Locator("article.rake-task a.rake-task-form").First)
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/phenomenon-reports/new\\?run="));
        await Browser.AssertAccessibleAsync(lead, "staff-ui-12-task-grid");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Communications_searches_filters_and_sorts_the_publications_grid()
    {
        var token = $"P{Guid.NewGuid():N}"[..9];
        using var comms = await Host.ClientFor($"{Region}-communications");
        foreach (var name in new[] { "Bravo", "Alfa" })
        {
            await CommunicationsApiTests.CreateAsync(comms, Region, CommunicationsApiTests.Draft($"{name} {token}"));
        }

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, $"{Region}-communications", outside);
        await page.GotoAsync($"/{Region}/communications/publications");
        await page.FillAsync("#search", token);
        await page.SelectOptionAsync("#filter-status", "Draft");
        // The filter is an enhanced GET form (docs/adr/0004): the page is patched in, not loaded (what the script put on
        // the window survives), the address carries the filter, focus stays on the button, and the grid is a new island
        // for the new filter.
        await page.EvaluateAsync("() => { window.rakeBeforeFilter = 'kept'; }");
        await Browser.NavigateAsync(page, () => page.ClickAsync("form[role=search] button[type=submit]"));
        Assert.Equal("kept", await page.EvaluateAsync<string?>("() => window.rakeBeforeFilter ?? null"));
        Assert.Equal($"?search={token}&status=Draft&channel=", new Uri(page.Url).Query);
        await Assertions.Expect(page.Locator("form[role=search] button[type=submit]")).ToBeFocusedAsync();
        await InteractiveSteps.WaitForIslandAsync(page, "#publications");
        var titles = page.Locator("#publications tr.rz-data-row a");
        await Assertions.Expect(titles).ToHaveCountAsync(2);
        // Newest first until sorted; then by title.
        await Assertions.Expect(titles.First).ToContainTextAsync("Alfa");
        await page.ClickAsync("#publications th:has-text('Otsikko') .rz-column-title");
        await Assertions.Expect(titles.First).ToContainTextAsync("Alfa");
        await page.ClickAsync("#publications th:has-text('Otsikko') .rz-column-title");
        await Assertions.Expect(titles.First).ToContainTextAsync("Bravo");
        await Browser.AssertAccessibleAsync(page, "staff-ui-20-publications-grid");

        await page.GotoAsync($"/{Region}/communications/publications?search={token}&status=Published");
        await Assertions.Expect(page.Locator("#publications-empty")).ToBeVisibleAsync();
        Assert.Empty(outside);
    }
}
