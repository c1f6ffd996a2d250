using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rake.Host.Tests;

[Collection(SharedHostCollection.Name)]
public sealed class SubmissionApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_clean_report_is_received_numbered_and_shown_with_its_timeline()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        var (id, number, location) = await Reports.SubmitAsync(professional, "kainuu");

        Assert.True(number > 0);
        Assert.Equal($"/api/v1/regions/kainuu/social-reports/{id}", location);
        var report = await professional.GetFromJsonAsync<JsonObject>(location);
        Assert.Equal("Received", report!["status"]!.GetValue<string>());
        Assert.Equal(number, report["number"]!.GetValue<int>());
        Assert.Equal(["housing", "needs"], report["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray());
        Assert.Equal("kainuu-supervisor", report["supervisor"]!["userName"]!.GetValue<string>());
        var timeline = report["timeline"]!.AsArray();
        Assert.Single(timeline);
        Assert.Equal("Received", timeline[0]!["status"]!.GetValue<string>());
        // The reporter does not see the supervisor's internal record.
        Assert.Null(report["supervisorRecord"]);
    }

    [Fact]
    public async Task Numbers_run_per_region_without_gaps_or_duplicates_under_concurrent_submissions()
    {
        using var professional = await Host.ClientFor("keski-suomi-professional");
        var receipts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Reports.SubmitAsync(professional, "keski-suomi")));
        var numbers = receipts.Select(r => r.Number).Order().ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(numbers[^1] - numbers[0] + 1, numbers.Count);
    }

    [Theory]
    [InlineData("131052-308T")]
    [InlineData("010101A123N")]
    [InlineData("311299Y9019")]
    [InlineData("150695+210T")]
    public async Task A_personal_identity_code_is_refused_with_the_misconduct_channel_and_nothing_is_stored(string code)
    {
        Assert.True(Rake.BuildingBlocks.Privacy.PiiGuard.IsValidPersonalIdentityCode(code), $"test data {code} must be a valid code");
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        using var responsible = await Host.ClientFor("kymenlaakso-responsibleperson");
        var before = await Reports.CountVisibleAsync(responsible, "kymenlaakso");
        var body = Reports.Valid("kymenlaakso");
        body["proposal"] = $"Asiakas {code} tarvitsee apua.";

        var response = await professional.PostAsJsonAsync("/api/v1/regions/kymenlaakso/social-reports", body);

        var problem = await Reports.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(Rake.BuildingBlocks.Privacy.PiiGuard.IdentityCodeProblem, problem["type"]!.GetValue<string>());
        Assert.Contains("SPro/HaiPro", problem["detail"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["proposal"]);
        Assert.DoesNotContain(code, problem.ToJsonString());
        Assert.Equal(before, await Reports.CountVisibleAsync(responsible, "kymenlaakso"));
    }

    [Fact]
    public async Task An_identity_code_with_a_wrong_check_character_is_not_refused()
    {
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        var body = Reports.Valid("kymenlaakso");
        body["description"] = "Lomakkeessa oli numero 131052-308U, joka ei ole henkilötunnus.";
        await Reports.SubmitAsync(professional, "kymenlaakso", body);
    }

    [Fact]
    public async Task Identifying_details_need_the_reporters_confirmation()
    {
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        var body = Reports.Valid("kymenlaakso");
        body["description"] = "Soita minulle numeroon 040 123 4567 tai kirjoita osoitteeseen matti@example.com.";

        var refused = await professional.PostAsJsonAsync("/api/v1/regions/kymenlaakso/social-reports", body);
        var problem = await Reports.ReadProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2, problem["errors"]!["description"]!.AsArray().Count);

        body["warningsConfirmed"] = true;
        var (id, _, location) = await Reports.SubmitAsync(professional, "kymenlaakso", body);
        Assert.NotEqual(Guid.Empty, id);
        Assert.NotNull(await professional.GetFromJsonAsync<JsonObject>(location));
    }

    [Fact]
    public async Task Missing_fields_are_all_listed_and_nothing_is_stored()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        var before = await Reports.CountVisibleAsync(professional, "kainuu");

        var response = await professional.PostAsJsonAsync("/api/v1/regions/kainuu/social-reports", new { title = "Vain otsikko" });

        var problem = await Reports.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToArray();
        Assert.Equal(["categories", "description", "municipality", "phenomenonType", "proposal", "serviceArea", "supervisor",
            "targetGroup"], fields);
        Assert.Equal(before, await Reports.CountVisibleAsync(professional, "kainuu"));
    }

    [Fact]
    public async Task Over_long_text_wrong_enum_and_unknown_codes_are_explained_per_field()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        var body = Reports.Valid("kainuu");
        body["title"] = new string('x', 201);
        body["phenomenonType"] = "Terrible";
        body["language"] = "de";
        body["categories"] = new[] { "housing", "no-such-category" };
        body["municipality"] = "kotka";
        body["supervisor"] = "kymenlaakso-supervisor";
        body["coReporters"] = new[] { "nobody-at-all" };

        var problem = await Reports.ReadProblemAsync(await professional.PostAsJsonAsync("/api/v1/regions/kainuu/social-reports", body),
            HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("200", errors["title"]![0]!.GetValue<string>());
        Assert.Contains("Negative", errors["phenomenonType"]![0]!.GetValue<string>());
        Assert.Contains("fi, sv", errors["language"]![0]!.GetValue<string>());
        Assert.Contains("no-such-category", errors["categories"]![0]!.GetValue<string>());
        // Another region's municipality and supervisor are unknown here.
        Assert.Contains("kotka", errors["municipality"]![0]!.GetValue<string>());
        Assert.Contains("kymenlaakso-supervisor", errors["supervisor"]![0]!.GetValue<string>());
        Assert.Contains("nobody-at-all", errors["coReporters"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_details_answer()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        var response = await professional.PostAsync("/api/v1/regions/kainuu/social-reports",
            new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json"));
        var problem = await Reports.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Errors_speak_the_callers_language()
    {
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        professional.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        var problem = await Reports.ReadProblemAsync(
            await professional.PostAsJsonAsync("/api/v1/regions/kymenlaakso/social-reports", new { }), HttpStatusCode.BadRequest);
        Assert.Equal("Fältet är obligatoriskt.", problem["errors"]!["title"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Co_reporters_see_the_report_among_their_own()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        using var colleague = await Host.ClientFor("kainuu-planner");
        var body = Reports.Valid("kainuu", "Yhdessä tehty ilmoitus");
        body["coReporters"] = new[] { "kainuu-planner" };
        var (id, _, location) = await Reports.SubmitAsync(professional, "kainuu", body);

        var mine = await colleague.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/social-reports?scope=Mine&pageSize=200");
        Assert.Contains(mine!["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == id);
        var report = await colleague.GetFromJsonAsync<JsonObject>(location);
        Assert.Equal("kainuu-planner", report!["coReporters"]![0]!["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Categories_list_the_regions_own_taxonomy()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        var categories = await professional.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/categories");
        Assert.Contains(categories!, c => c!["code"]!.GetValue<string>() == "housing" && c["name"]!.GetValue<string>() == "Asuminen");
    }
}
