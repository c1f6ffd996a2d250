using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Competence.Persistence;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>Competence surveys (anonymity threshold, no identity with answers, round comparison), orientation, training, specialists; roles
/// and regions.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class CompetenceApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static readonly string[] KeskiSuomiStaff =
        ["professional", "supervisor", "responsibleperson", "workinggroupmember", "steeringgroupmember", "communications", "planner",
            "regionadmin"];

    private async Task<(string Before, string After)> NewRoundAsync(HttpClient planner)
    {
        var surveys = (await planner.GetFromJsonAsync<JsonArray>($"{Base("keski-suomi")}/competence/surveys"))!;
        // The seeded second round: Perheiden palvelut had 7 respondents.
        var previous = surveys.Single(s => s!["title"]!.GetValue<string>().EndsWith("2. kierros", StringComparison.Ordinal))!["id"]!
            .GetValue<string>();
        var launched = await planner.PostAsJsonAsync($"{Base("keski-suomi")}/competence/surveys", new
        {
            title = $"Osaamiskartoitus {Guid.NewGuid():N}"[..30],
            scaleMax = 5,
            areas = new[] { new { code = "third-sector", name = "Kolmannen sektorin toiminnan ja palveluiden tunteminen" },
                new { code = "culture", name = "Kulttuurisensitiivisen työn osaaminen" } },
        });
        Assert.Equal(HttpStatusCode.Created, launched.StatusCode);
        return (previous, (await launched.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
    }

    private static async Task<JsonObject> UnitAsync(HttpClient client, string before, string after, string unit) =>
        (await client.GetFromJsonAsync<JsonObject>($"{Base("keski-suomi")}/competence/surveys/{before}/compare/{after}"))!["units"]!
            .AsArray()
            .Single(u => u!["code"]!.GetValue<string>() == unit)!.AsObject();

    [Fact]
    public async Task A_unit_is_shown_only_from_five_respondents_and_answers_are_stored_without_identity()
    {
        using var planner = await Host.ClientFor("keski-suomi-planner");
        var (before, after) = await NewRoundAsync(planner);
        var answers = new[] { (4, 3), (5, 4), (3, 3), (4, 5), (5, 5) };
        for (var i = 0; i < 4; i++)
        {
            using var person = await Host.ClientFor($"keski-suomi-{KeskiSuomiStaff[i]}");
            var response = await person.PostAsJsonAsync($"{Base("keski-suomi")}/competence/surveys/{after}/answers",
                new
                {
                    unit = "families",
                    values = new Dictionary<string, int> { ["third-sector"] = answers[i].Item1, ["culture"] = answers[i].Item2 }
                });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        var hidden = await UnitAsync(planner, before, after, "families");
        Assert.True(hidden["hidden"]!.GetValue<bool>());
        Assert.Null(hidden["respondentsAfter"]);
        Assert.Empty(hidden["areas"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound,
            (await planner.GetAsync($"{Base("keski-suomi")}/competence/surveys/{before}/compare/{after}/chart.svg?unit=families"))
                .StatusCode);
        // The total covers only units that are shown (none yet in the new round), so families cannot be worked out by subtraction.
        Assert.True((await UnitAsync(planner, before, after, "*"))["hidden"]!.GetValue<bool>());

        using (var fifth = await Host.ClientFor($"keski-suomi-{KeskiSuomiStaff[4]}"))
        {
            var response = await fifth.PostAsJsonAsync($"{Base("keski-suomi")}/competence/surveys/{after}/answers",
                new { unit = "families", values = new Dictionary<string, int> { ["third-sector"] = 5, ["culture"] = 5 } });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        var shown = await UnitAsync(planner, before, after, "families");
        Assert.False(shown["hidden"]!.GetValue<bool>());
        Assert.Equal(5, shown["respondentsAfter"]!.GetValue<int>());
        var thirdSector = shown["areas"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "third-sector")!;
        Assert.Equal(4.2, thirdSector["after"]!.GetValue<double>());
        Assert.Equal(Math.Round(4.2 - thirdSector["before"]!.GetValue<double>(), 2), thirdSector["change"]!.GetValue<double>());
        var svg = await planner.GetStringAsync(
            $"{Base("keski-suomi")}/competence/surveys/{before}/compare/{after}/chart.svg?unit=families");
        Assert.Contains("role=\"img\"", svg);
        Assert.Contains("<title id=\"chart-title\">", svg);
        Assert.Contains("4.2", svg);

        // Nothing stored ties an answer to a person: the only per-person rows are "has answered", and no audit row of a total names anyone.
        await using var scope = Host.RegionScope("keski-suomi");
        var db = scope.ServiceProvider.GetRequiredService<CompetenceDbContext>();
        var surveyId = Guid.Parse(after);
        Assert.Equal(5, await db.Respondents.CountAsync(r => r.SurveyId == surveyId));
        // The totals were created empty by the planner who launched the round; answering left no audit row on them.
        var tallyAudit = await db.AuditEntries.Where(a => a.EntityType == "SurveyTally" && a.EntityId.StartsWith(after)).ToListAsync();
        Assert.NotEmpty(tallyAudit);
        Assert.All(tallyAudit, a => Assert.Equal(("Added", "keski-suomi-planner"), (a.Action, a.Actor)));
        var columns = typeof(Rake.Modules.Competence.Domain.SurveyTally).GetProperties().Select(p => p.Name).ToArray();
        Assert.DoesNotContain(columns, c => c.Contains("User", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answering_twice_bad_answers_and_roles_are_refused()
    {
        using var planner = await Host.ClientFor("keski-suomi-planner");
        using var professional = await Host.ClientFor("keski-suomi-professional");
        var (_, after) = await NewRoundAsync(planner);
        var url = $"{Base("keski-suomi")}/competence/surveys/{after}/answers";
        var bad = await Reports.ReadProblemAsync(await professional.PostAsJsonAsync(url,
            new { unit = "nowhere", values = new Dictionary<string, int> { ["third-sector"] = 6, ["unknown"] = 1 } }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["area-culture", "area-third-sector", "unit", "values"],
            bad["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        var ok = await professional.PostAsJsonAsync(url,
            new { unit = "adults", values = new Dictionary<string, int> { ["third-sector"] = 2, ["culture"] = 3 } });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync(url,
            new { unit = "adults", values = new Dictionary<string, int> { ["third-sector"] = 2, ["culture"] = 3 } }),
            HttpStatusCode.Conflict);
        Assert.True((await professional.GetFromJsonAsync<JsonObject>($"{Base("keski-suomi")}/competence/surveys/{after}"))!["answeredByMe"]!
            .GetValue<bool>());

        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{Base("keski-suomi")}/competence/surveys",
            new { title = "x", areas = new[] { new { code = "a", name = "A" } } }), HttpStatusCode.Forbidden);
        var invalid = await Reports.ReadProblemAsync(await planner.PostAsJsonAsync($"{Base("keski-suomi")}/competence/surveys",
            new { title = "", scaleMax = 1, areas = new[] { new { code = "a", name = "A" }, new { code = "a", name = "B" } } }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["areas", "scaleMax", "title"], invalid["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());

        await Reports.ReadProblemAsync(await professional.PostAsync($"{Base("keski-suomi")}/competence/surveys/{after}/close", null),
            HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK,
            (await planner.PostAsync($"{Base("keski-suomi")}/competence/surveys/{after}/close", null)).StatusCode);
        using var other = await Host.ClientFor("keski-suomi-supervisor");
        await Reports.ReadProblemAsync(await other.PostAsJsonAsync(url,
            new { unit = "adults", values = new Dictionary<string, int> { ["third-sector"] = 2, ["culture"] = 3 } }),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_regions_surveys_and_results_are_out_of_reach()
    {
        using var kainuu = await Host.ClientFor("kainuu-planner");
        using var ks = await Host.ClientFor("keski-suomi-planner");
        var ksSurvey = (await ks.GetFromJsonAsync<JsonArray>($"{Base("keski-suomi")}/competence/surveys"))![0]!["id"]!.GetValue<string>();
        await Reports.ReadProblemAsync(await kainuu.GetAsync($"{Base("keski-suomi")}/competence/surveys"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await kainuu.GetAsync($"{Base("kainuu")}/competence/surveys/{ksSurvey}"), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kainuu.PostAsJsonAsync($"{Base("kainuu")}/competence/surveys/{ksSurvey}/answers",
            new { unit = "adults" }), HttpStatusCode.NotFound);
        var kainuuSurveys = (await kainuu.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/competence/surveys"))!;
        Assert.DoesNotContain(kainuuSurveys, s => s!["id"]!.GetValue<string>() == ksSurvey);
    }

    [Fact]
    public async Task Orientation_training_specialists_and_needs()
    {
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        using var supervisor = await Host.ClientFor("kymenlaakso-supervisor");
        var orientation = (await professional.GetFromJsonAsync<JsonObject>($"{Base("kymenlaakso")}/competence/orientation"))!;
        Assert.Empty(orientation["units"]!.AsArray());
        var item = orientation["items"]!.AsArray().First(i => i!["structural"]!.GetValue<bool>())!["id"]!.GetValue<string>();
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{Base("kymenlaakso")}/competence/orientation/{item}/complete",
            new { unit = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent,
            (await professional.PostAsJsonAsync($"{Base("kymenlaakso")}/competence/orientation/{item}/complete",
                new { unit = "elderly" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await professional.PostAsJsonAsync($"{Base("kymenlaakso")}/competence/orientation/{item}/complete",
                new { unit = "elderly" })).StatusCode);
        var lead = (await supervisor.GetFromJsonAsync<JsonObject>($"{Base("kymenlaakso")}/competence/orientation"))!;
        var elderly = lead["units"]!.AsArray().Single(u => u!["unit"]!.GetValue<string>() == "elderly")!;
        Assert.True(elderly["structuralCompletions"]!.GetValue<int>() >= 1);
        Assert.Contains(lead["people"]!.AsArray(),
            p => p!["userName"]!.GetValue<string>() == "kymenlaakso-professional" && p["done"]!.GetValue<int>() >= 1);

        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{Base("kymenlaakso")}/competence/trainings",
            new { kind = "Event", title = "x", on = "2026-12-01" }), HttpStatusCode.Forbidden);
        var badTraining = await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{Base("kymenlaakso")}/competence/trainings",
            new { kind = "Event", title = "Info", url = "ftp://x" }), HttpStatusCode.BadRequest);
        Assert.Equal(["on", "url"], badTraining["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        var created = await supervisor.PostAsJsonAsync($"{Base("kymenlaakso")}/competence/trainings",
            new { kind = "Event", title = "Raportoinnin info", on = "2026-12-01" });
        var training = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent,
            (await professional.PostAsync($"{Base("kymenlaakso")}/competence/trainings/{training}/participation", null)).StatusCode);
        var listed = (await professional.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/competence/trainings"))!
            .Single(t => t!["id"]!.GetValue<string>() == training)!;
        Assert.Equal((1, true), (listed["participants"]!.GetValue<int>(), listed["joinedByMe"]!.GetValue<bool>()));

        var specialist = await supervisor.PostAsJsonAsync($"{Base("kymenlaakso")}/competence/specialists",
            new { name = "Erikoissosiaalityöntekijä", unit = "adults", completedYear = 2024, use = "Ilmiölähtöiset raportit" });
        Assert.Equal(70, (await specialist.Content.ReadFromJsonAsync<JsonObject>())!["credits"]!.GetValue<int>());
        await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{Base("kymenlaakso")}/competence/specialists",
            new { name = "", unit = "x", completedYear = 1800 }), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Created,
            (await professional.PostAsJsonAsync($"{Base("kymenlaakso")}/competence/needs",
                new { text = "Viestintä ja vaikuttaminen päättäjiin" })).StatusCode);
        await Reports.ReadProblemAsync(await professional.GetAsync($"{Base("kymenlaakso")}/competence/needs"), HttpStatusCode.Forbidden);
        Assert.Contains((await supervisor.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/competence/needs"))!,
            n => n!["text"]!.GetValue<string>() == "Viestintä ja vaikuttaminen päättäjiin");
    }

    [Fact]
    public async Task The_launch_survey_activity_opens_the_next_round_with_the_same_areas()
    {
        using var admin = await Host.ClientFor("kymenlaakso-regionadmin");
        var before = (await admin.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/competence/surveys"))!;
        var id = $"launch-{Guid.NewGuid():N}"[..20];
        await PublishAsync(admin, "kymenlaakso",
            Sequence(id, Activity("launch", "Rake.Competence.LaunchSurvey", ("title", "Osaamiskartoitus, työpajakierros"))));
        var instance = await StartAsync(admin, "kymenlaakso", id);
        Assert.Equal("Finished",
            (await InstanceAsync(admin, "kymenlaakso", instance["id"]!.GetValue<string>()))["status"]!.GetValue<string>());
        var after = (await admin.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/competence/surveys"))!;
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal("Osaamiskartoitus, työpajakierros", after[0]!["title"]!.GetValue<string>());
        Assert.Equal(before[0]!["areas"]!.ToJsonString(), after[0]!["areas"]!.ToJsonString());
        Assert.Equal(before[0]!["round"]!.GetValue<int>() + 1, after[0]!["round"]!.GetValue<int>());
    }
}
