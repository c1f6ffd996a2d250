using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rake.Host.Tests;

/// <summary>The Kymenlaakso phenomenon-based report: chosen with criteria, two workshop rounds, draft, comments, decision,
/// publication.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class PhenomenonReportTests(SharedHost shared)
{
    private const string Base = "/api/v1/regions/kymenlaakso/phenomenon-reports";
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_phenomenon_goes_from_choice_through_two_workshops_to_a_published_report()
    {
        using var responsible = await Host.ClientFor("kymenlaakso-responsibleperson");
        using var member = await Host.ClientFor("kymenlaakso-workinggroupmember");
        using var steering = await Host.ClientFor("kymenlaakso-steeringgroupmember");
        using var communications = await Host.ClientFor("kymenlaakso-communications");
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        using var reporter = await Host.ClientFor("kymenlaakso-professional");
        var (_, number, _) = await Reports.SubmitAsync(reporter, "kymenlaakso");

        var missing = await Reports.ReadProblemAsync(await responsible.PostAsJsonAsync(Base,
            new { title = "Nuorten asunnottomuus", relatedReports = new[] { 99999999 } }), HttpStatusCode.BadRequest);
        Assert.Equal(["description", "needs", "recurrence", "relatedReports", "significance", "topicality"],
            missing["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        var choice = new
        {
            title = "Nuorten asunnottomuus",
            description = "Nuorten aikuisten asunnottomuus on lisääntynyt.",
            needs = "Asumisen tuen tarve kasvaa.",
            topicality = "Asuntomarkkinat kiristyneet 2025.",
            significance = "Vaikuttaa opintoihin ja työllistymiseen.",
            recurrence = "Toistunut kolmella kaudella.",
            relatedReports = new[] { number },
        };
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync(Base, choice), HttpStatusCode.Forbidden);
        var created = await responsible.PostAsJsonAsync(Base, choice);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var url = $"{Base}/{id}";

        // No input before the workshop is open, and stages cannot be skipped.
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{url}/entries", new { text = "x" }), HttpStatusCode.Conflict);
        await Reports.ReadProblemAsync(await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Drafting" }),
            HttpStatusCode.Conflict);
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{url}/advance", new { stage = "Workshop1" }),
            HttpStatusCode.Forbidden);

        await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Workshop1" });
        Assert.Equal(HttpStatusCode.OK,
            (await member.PostAsJsonAsync($"{url}/entries", new { text = "Näkyy aikuissosiaalityössä viikoittain." })).StatusCode);
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{url}/entries", new { text = "x" }), HttpStatusCode.Forbidden);
        await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Workshop2" });
        await member.PostAsJsonAsync($"{url}/entries", new { text = "Nuorten asumisneuvoja jokaiseen kuntaan." });
        await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Drafting" });
        await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync($"{url}/draft", new { text = "Asiakas 131052-308T" }),
            HttpStatusCode.BadRequest);
        await responsible.PutAsJsonAsync($"{url}/draft", new { text = "Raporttiluonnos: nuorten asunnottomuus Kymenlaaksossa." });
        await Reports.ReadProblemAsync(await steering.PostAsJsonAsync($"{url}/decision", new { text = "liian aikaisin" }),
            HttpStatusCode.Conflict);
        await responsible.PostAsJsonAsync($"{url}/advance", new { stage = "Commenting" });
        await member.PostAsJsonAsync($"{url}/entries", new { text = "Hyvä luonnos, lisätään kuntakohtaiset luvut." });
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{url}/decision", new { text = "x" }), HttpStatusCode.Forbidden);
        var decided = await (await steering.PostAsJsonAsync($"{url}/decision",
                new { text = "Asumisneuvonnan laajentaminen valmistellaan, vastuu palvelujohtajalla." }))
            .Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Decided", decided!["stage"]!.GetValue<string>());
        Assert.Equal(["Extent", "ActionProposal", "Comment"],
            decided["entries"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToArray());

        // A professional does not see it before publication.
        await Reports.ReadProblemAsync(await professional.GetAsync(url), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await professional.GetFromJsonAsync<JsonArray>(Base))!, p => p!["id"]!.GetValue<Guid>() == id);
        var published = await (await communications.PostAsync($"{url}/publish", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Published", published!["stage"]!.GetValue<string>());
        var html = await professional.GetStringAsync($"{url}/report.html");
        Assert.Contains("Toistuvuus", html);
        Assert.Contains("Nuorten asumisneuvoja jokaiseen kuntaan.", html);
        Assert.Contains("Asumisneuvonnan laajentaminen valmistellaan", html);

        // Another region never sees it.
        using var outsider = await Host.ClientFor("kainuu-responsibleperson");
        await Reports.ReadProblemAsync(await outsider.GetAsync(url), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await outsider.GetAsync($"/api/v1/regions/kainuu/phenomenon-reports/{id}"), HttpStatusCode.NotFound);
    }
}
