using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Workflows.Contracts;

namespace Rake.Host.Tests;

/// <summary>
/// Kymenlaakso's phenomenon-report workflow drives the report's stages (docs/adr/0173): each step is a task that leads to the
/// report's page, the report's stage is the one truth, and moving it (the API call the page makes) completes the step's task.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class PhenomenonWorkflowTests(SharedHost shared)
{
    private const string Region = "kymenlaakso";
    private const string Api = $"/api/v1/regions/{Region}";

    private static readonly HtmlParser Parser = new();

    private RakeTestHost Host => shared.Host;

    private async Task<AngleSharp.Dom.IDocument> PageAsync(string userName, string language, string path)
    {
        using var client = CookieSignIn.WithCookie(Host.BaseAddress, await CookieSignIn.CookieAsync(Host.BaseAddress, userName));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return Parser.ParseDocument(await client.GetStringAsync(path));
    }

    private static object Choice(Guid? run) => new
    {
        title = "Ikääntyneiden kotihoidon riittävyys",
        description = "Kotihoidon käyntiajat eivät riitä.",
        needs = "Asiakkaat jäävät ilman apua iltaisin.",
        topicality = "Kotihoidon resurssit vähenivät 2026.",
        significance = "Koskee kaikkia kuntia.",
        recurrence = "Toistunut kahdella kaudella.",
        relatedReports = Array.Empty<int>(),
        workflowRunId = run,
    };

    private async Task<Guid> StartRunAsync(HttpClient responsible)
    {
        var started = await responsible.PostAsJsonAsync($"{Api}/hand-started-workflows",
            new { definitionId = "kymenlaakso-phenomenon-report", inputs = Array.Empty<object>() });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    /// <summary>The run's open step tasks, whoever holds them: "step role" each.</summary>
    private async Task<List<string>> OpenStepsAsync(Guid run)
    {
        await using var scope = Host.RegionScope(Region);
        var open = await scope.ServiceProvider.GetRequiredService<IWorkflowFormTasksApi>().OpenAsync(run, CancellationToken.None);
        return open.Select(t => $"{t.FormKey["phenomenon-report.".Length..]} {t.Role}").ToList();
    }

    /// <summary>The person's task in "My tasks" that leads to <paramref name="form"/>.</summary>
    private static async Task<JsonObject?> MyTaskAsync(HttpClient client, string form) =>
        (await client.GetFromJsonAsync<JsonArray>($"{Api}/workflow-tasks"))!
        .Select(t => t!.AsObject()).SingleOrDefault(t => (string?)t["payload"]?["form"] == form);

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task The_workflow_follows_the_report_from_choice_to_publication_and_each_task_leads_to_its_stage_page()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        using var member = await Host.ClientFor($"{Region}-workinggroupmember");
        using var steering = await Host.ClientFor($"{Region}-steeringgroupmember");
        using var communications = await Host.ClientFor($"{Region}-communications");
        using var admin = await Host.ClientFor($"{Region}-regionadmin");
        var run = await StartRunAsync(responsible);

        // The choice: the responsible person's task leads to the choice form with this run, in three languages.
        Assert.Equal(["Choose ResponsiblePerson"], await OpenStepsAsync(run));
        var choose = await MyTaskAsync(responsible, $"phenomenon-reports/new?run={run}");
        Assert.NotNull(choose);
        Assert.Equal("Välj rapportens fenomen", (string?)choose["payload"]!["titles"]!["sv"]);
        Assert.Equal("Choose the report's phenomenon", (string?)choose["payload"]!["titles"]!["en"]);
        Assert.Null(await MyTaskAsync(member, $"phenomenon-reports/new?run={run}"));
        // No second entry: "My tasks" does not complete a step; the page does.
        await Reports.ReadProblemAsync(await responsible.PostAsJsonAsync($"{Api}/workflow-tasks/{choose["id"]}/complete", new { }),
            HttpStatusCode.Conflict);
        Assert.Equal(["Choose ResponsiblePerson"], await OpenStepsAsync(run));

        var chosen = await OkAsync(await responsible.PostAsJsonAsync($"{Api}/phenomenon-reports", Choice(run)));
        var id = chosen["id"]!.GetValue<Guid>();
        var url = $"{Api}/phenomenon-reports/{id}";
        Assert.Equal(run, chosen["workflowRunId"]!.GetValue<Guid>());
        // A run follows one report: choosing again with it is refused on the field.
        var again = await Reports.ReadProblemAsync(await responsible.PostAsJsonAsync($"{Api}/phenomenon-reports", Choice(run)),
            HttpStatusCode.BadRequest);
        Assert.Equal(["workflowRunId"], again["errors"]!.AsObject().Select(e => e.Key));

        // Workshop 1 is the working group's task from the choice on, on the report's page; it stays open through the round.
        Assert.Equal(["Workshop1 WorkingGroupMember"], await OpenStepsAsync(run));
        Assert.NotNull(await MyTaskAsync(member, $"phenomenon-reports/{id}"));
        await OkAsync(await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Workshop1" }));
        await OkAsync(await member.PostAsJsonAsync($"{url}/entries", new { text = "Iltakäynnit jäävät väliin viikoittain." }));
        Assert.Equal(["Workshop1 WorkingGroupMember"], await OpenStepsAsync(run));
        // The member's task card links to the stage page, which names its workflow step in the reader's language.
        var tasks = await PageAsync($"{Region}-workinggroupmember", "fi", $"/{Region}/tasks");
        Assert.Contains(tasks.QuerySelectorAll("article.rake-task a.rake-task-form"),
            a => a.GetAttribute("href") == $"/{Region}/phenomenon-reports/{id}" && a.TextContent.Trim() == "Avaa vaiheen sivu");
        var page = await PageAsync($"{Region}-workinggroupmember", "sv", $"/{Region}/phenomenon-reports/{id}");
        Assert.Contains("Workshop 1: hur fenomenet syns i tjänsterna och hur omfattande det är",
            page.QuerySelector("#workflow-step")?.TextContent ?? "", StringComparison.Ordinal);

        await OkAsync(await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Workshop2" }));
        Assert.Equal(["Workshop2 WorkingGroupMember"], await OpenStepsAsync(run));
        await OkAsync(await member.PostAsJsonAsync($"{url}/entries", new { text = "Iltavuoroon yksi hoitaja lisää." }));

        await OkAsync(await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Drafting" }));
        Assert.Equal(["Draft ResponsiblePerson"], await OpenStepsAsync(run));
        await OkAsync(await responsible.PutAsJsonAsync($"{url}/draft", new { text = "Luonnos: kotihoidon illat." }));
        Assert.Equal(["Draft ResponsiblePerson"], await OpenStepsAsync(run));

        await OkAsync(await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Commenting" }));
        Assert.Equal(["Comments WorkingGroupMember"], await OpenStepsAsync(run));
        await OkAsync(await member.PostAsJsonAsync($"{url}/entries", new { text = "Lisätään kuntakohtaiset luvut." }));

        // The responsible person closes the comments: the decision is the steering group's own task.
        await OkAsync(await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Deciding" }));
        Assert.Equal(["Decision SteeringGroupMember"], await OpenStepsAsync(run));
        var decide = await MyTaskAsync(steering, $"phenomenon-reports/{id}");
        Assert.Equal("Besluta om åtgärderna i den fenomenbaserade rapporten och hur den förs vidare",
            (string?)decide!["payload"]!["titles"]!["sv"]);
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{url}/entries", new { text = "myöhässä" }), HttpStatusCode.Conflict);
        var decided = await OkAsync(await steering.PostAsJsonAsync($"{url}/decision", new { text = "Iltakäyntien lisäys valmistellaan." }));
        Assert.Equal("Decided", (string?)decided["stage"]);

        Assert.Equal(["Publication Communications"], await OpenStepsAsync(run));
        Assert.NotNull(await MyTaskAsync(communications, $"phenomenon-reports/{id}"));
        var published = await OkAsync(await communications.PostAsync($"{url}/publish", null));
        Assert.Equal("Published", (string?)published["stage"]);

        // The publication step was the last task: the run has published the intranet notice and ended.
        Assert.Empty(await OpenStepsAsync(run));
        var instance = await OkAsync(await admin.GetAsync($"{Api}/workflow-instances/{run}"));
        Assert.Equal("Finished", (string?)instance["status"]);
    }

    [Fact]
    public async Task A_decision_straight_from_the_comments_ends_both_steps_and_another_region_cannot_touch_the_run()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        using var steering = await Host.ClientFor($"{Region}-steeringgroupmember");
        using var otherLead = await Host.ClientFor("kainuu-responsibleperson");
        using var otherAdmin = await Host.ClientFor("kainuu-regionadmin");
        var run = await StartRunAsync(responsible);

        // Another region's person can neither attach a report to the run nor see its tasks or the run itself.
        var refused = await Reports.ReadProblemAsync(
            await otherLead.PostAsJsonAsync("/api/v1/regions/kainuu/phenomenon-reports", Choice(run)), HttpStatusCode.BadRequest);
        Assert.Equal(["workflowRunId"], refused["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain((await otherLead.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/workflow-tasks"))!,
            t => ((string?)t!["payload"]?["form"])?.Contains(run.ToString(), StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/v1/regions/kainuu/workflow-instances/{run}")).StatusCode);
        // A run that does not exist is refused the same way.
        await Reports.ReadProblemAsync(await responsible.PostAsJsonAsync($"{Api}/phenomenon-reports", Choice(Guid.NewGuid())),
            HttpStatusCode.BadRequest);
        Assert.Equal(["Choose ResponsiblePerson"], await OpenStepsAsync(run));

        var id = (await OkAsync(await responsible.PostAsJsonAsync($"{Api}/phenomenon-reports", Choice(run))))["id"]!.GetValue<Guid>();
        var url = $"{Api}/phenomenon-reports/{id}";
        foreach (var stage in new[] { "Workshop1", "Workshop2", "Drafting" })
        {
            await OkAsync(await responsible.PostAsJsonAsync($"{url}/advance", new { stage }));
        }
        await OkAsync(await responsible.PutAsJsonAsync($"{url}/draft", new { text = "Luonnos." }));
        await OkAsync(await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Commenting" }));
        Assert.Equal(["Comments WorkingGroupMember"], await OpenStepsAsync(run));

        // The steering group decides while the working group still comments: the comments end with the decision, and the
        // decision's step, reached after the stage passed it, asks nothing more.
        await OkAsync(await steering.PostAsJsonAsync($"{url}/decision", new { text = "Hyväksytään sellaisenaan." }));
        Assert.Equal(["Publication Communications"], await OpenStepsAsync(run));
    }
}
