using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Localization;

namespace Rake.Host.Tests;

/// <summary>
/// The 18 malformed requests an attacker's run once answered with a 500 (issue 11), and one module's body sent to
/// another module's endpoint: each is now a 400 ProblemDetails in the caller's language that names the field, and
/// nothing is stored (docs/adr/0070, 0071).
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class BadInputRegressionTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private TextCatalog Texts => Host.Services.GetRequiredService<TextCatalog>();

    private static string Api(string region) => $"/api/v1/regions/{region}";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpClient> Client(string userName, string language)
    {
        var client = await Host.ClientFor(userName);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A 400 whose errors name <paramref name="field"/> with the catalog's text in the asked language.</summary>
    private async Task<JsonObject> AssertRefusedAsync(HttpResponseMessage response, string field, string language, string textKey,
        params object[] args)
    {
        var problem = await Reports.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = problem["errors"]?[field]?.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.True(messages is { Count: > 0 }, $"No error for '{field}': {problem.ToJsonString()}");
        Assert.Contains(Texts.GetIn(language, textKey, args), messages!);
        return problem;
    }

    [Theory]
    [InlineData("categories", "fi")]
    [InlineData("coReporters", "sv")]
    public async Task A_null_in_a_report_list_is_refused_and_nothing_is_stored(string list, string language)
    {
        using var professional = await Client("kainuu-professional", language);
        var before = await Reports.CountVisibleAsync(professional, "kainuu");
        var body = Reports.Valid("kainuu");
        body[list] = new string?[] { null };
        await AssertRefusedAsync(await professional.PostAsJsonAsync($"{Api("kainuu")}/social-reports", body), $"{list}[0]", language,
            "validation.nullInList");
        Assert.Equal(before, await Reports.CountVisibleAsync(professional, "kainuu"));
    }

    [Fact]
    public async Task A_null_communication_plan_row_is_refused_and_the_plan_is_kept()
    {
        using var comms = await Client("kainuu-communications", "en");
        var before = await comms.GetStringAsync($"{Api("kainuu")}/communication-plan");
        await AssertRefusedAsync(await comms.PutAsync($"{Api("kainuu")}/communication-plan", Json("""{"rows":[null]}""")), "rows[0]", "en",
            "validation.nullInList");
        Assert.Equal(before, await comms.GetStringAsync($"{Api("kainuu")}/communication-plan"));
    }

    [Fact]
    public async Task A_null_distribution_list_member_is_refused_and_no_list_is_created()
    {
        using var comms = await Client("kainuu-communications", "fi");
        var before = (await comms.GetFromJsonAsync<JsonArray>($"{Api("kainuu")}/distribution-lists"))!.Count;
        await AssertRefusedAsync(await comms.PostAsync($"{Api("kainuu")}/distribution-lists",
            Json("""{"name":"Nollalista","members":[null]}""")),
            "members[0]", "fi", "validation.nullInList");
        Assert.Equal(before, (await comms.GetFromJsonAsync<JsonArray>($"{Api("kainuu")}/distribution-lists"))!.Count);
    }

    [Fact]
    public async Task A_null_survey_area_is_refused_and_no_survey_is_launched()
    {
        using var planner = await Client("keski-suomi-planner", "sv");
        var before = (await planner.GetFromJsonAsync<JsonArray>($"{Api("keski-suomi")}/competence/surveys"))!.Count;
        await AssertRefusedAsync(await planner.PostAsync($"{Api("keski-suomi")}/competence/surveys",
            Json("""{"title":"Kartoitus","scaleMax":5,"areas":[null]}""")),
            "areas[0]", "sv", "validation.nullInList");
        Assert.Equal(before, (await planner.GetFromJsonAsync<JsonArray>($"{Api("keski-suomi")}/competence/surveys"))!.Count);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00+02:00")]
    public async Task A_meeting_at_the_end_of_the_calendar_is_refused_and_not_scheduled(string startsAt)
    {
        using var responsible = await Client("kainuu-responsibleperson", "en");
        var body = await WorkingGroupApiTests.CreateBodyAsync(responsible, "kainuu", "WorkingGroup");
        var url = $"{Api("kainuu")}/bodies/{body["id"]}/meetings";
        var response = await responsible.PostAsync(url, Json($$"""{"title":"Kokous","startsAt":"{{startsAt}}","durationMinutes":60}"""));
        var problem = await Reports.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["startsAt"]);
        Assert.Empty((await responsible.GetFromJsonAsync<JsonArray>(url))!);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task Reporting_periods_of_an_impossible_year_are_refused(string year)
    {
        using var supervisor = await Client("kainuu-supervisor", "fi");
        await AssertRefusedAsync(await supervisor.GetAsync($"{Api("kainuu")}/reporting-periods?year={year}"), "year", "fi",
            "validation.range", 1900, 2999);
    }

    [Theory]
    [InlineData("supervisor-records.xlsx?serviceArea=%00", "serviceArea")]
    [InlineData("social-reports?scope=%EF%BF%BF", "scope")]
    public async Task A_forbidden_character_in_a_query_record_is_refused_before_the_database(string query, string field)
    {
        // [AsParameters] records bind the query too; PostgreSQL refuses NUL in text, so such a value once answered 500 there.
        using var supervisor = await Client("kainuu-supervisor", "fi");
        var problem = await Reports.ReadProblemAsync(await supervisor.GetAsync($"{Api("kainuu")}/{query}"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?[field]);
    }

    [Theory]
    [InlineData("export.docx")]
    [InlineData("export.html")]
    public async Task A_plan_export_in_an_unknown_language_is_refused(string file)
    {
        using var planner = await Client("kainuu-planner", "en");
        await AssertRefusedAsync(await planner.GetAsync($"{Api("kainuu")}/plan/{file}?lang=xx"), "lang", "en", "validation.unknownValue",
            "xx", "fi, sv, en");
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync($"{Api("kainuu")}/plan/{file}?lang=sv")).StatusCode);
    }

    public static TheoryData<string, string> DuplicateKeyEndpoints => new()
    {
        { "/api/v1/regions/kainuu/workflow-definitions",
            """{"name":"Kaksi","name":"Nimeä","root":{"type":"Elsa.Flowchart","id":"r","activities":[],"connections":[]}}""" },
        { "/elsa/api/workflow-definitions",
            """{"model":{"name":"Kaksi","name":"Nimeä","root":{"type":"Elsa.Flowchart","id":"r"}},"publish":false}""" },
        { "/elsa/api/workflow-definitions/import", """{"name":"Kaksi","name":"Nimeä","root":{"type":"Elsa.Flowchart","id":"r"}}""" },
    };

    [Theory]
    [MemberData(nameof(DuplicateKeyEndpoints))]
    public async Task A_workflow_definition_with_a_repeated_key_is_refused_and_not_saved(string url, string json)
    {
        using var admin = await Client("kainuu-regionadmin", "en");
        admin.DefaultRequestHeaders.Add("X-Tenant-Id", "kainuu");
        var before = (await admin.GetFromJsonAsync<JsonArray>($"{Api("kainuu")}/workflow-definitions"))!.Count;
        var problem = await Reports.ReadProblemAsync(await admin.PostAsync(url, Json(json)), HttpStatusCode.BadRequest);
        Assert.Contains("name", problem.ToJsonString());
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonArray>($"{Api("kainuu")}/workflow-definitions"))!.Count);
    }

    [Theory]
    [InlineData("\uFFFF", "U+FFFF")]
    [InlineData("\uFFFE", "U+FFFE")]
    [InlineData("\u0000", "U+0000")]
    public async Task A_user_name_with_a_character_no_text_may_hold_is_refused_at_sign_in(string character, string described)
    {
        using var anonymous = Host.Anonymous();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        var body = new JsonObject { ["userName"] = $"kainuu-professional{character}", ["password"] = RakeTestHost.Password };
        var problem = await AssertRefusedAsync(await anonymous.PostAsync("/api/v1/auth/token", Json(body.ToJsonString())), "userName", "sv",
            "validation.forbiddenCharacter", described, 20);
        Assert.Contains(described, problem["errors"]!["userName"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/%5Cevil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_return_url_to_another_site_is_refused_when_switching_language(string returnUrl)
    {
        using var anonymous = Host.Anonymous();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await anonymous.GetAsync($"/account/culture?culture=sv&returnUrl={returnUrl}");
        // The language asked for in the query is the request's language, before any Accept-Language.
        await AssertRefusedAsync(response, "returnUrl", "sv", "validation.localUrl");
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Switching_language_still_returns_to_a_local_page()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var anonymous = new HttpClient(handler) { BaseAddress = new Uri(Host.BaseAddress) };
        var response = await anonymous.GetAsync("/account/culture?culture=sv&returnUrl=%2Fkainuu%2Freports");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/kainuu/reports", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Each_module_documents_its_own_publication_request()
    {
        using var anonymous = Host.Anonymous();
        var document = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        string BodyOf(string path, string method) =>
            document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var planning = BodyOf("/api/v1/regions/{region}/plan/publication", "put");
        var communications = BodyOf("/api/v1/regions/{region}/publications", "post");
        Assert.NotEqual(planning, communications);
        var schemas = document["components"]!["schemas"]!.AsObject();
        var planningProperties = schemas[planning.Split('/')[^1]]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["intranetOn", "intranetUrl", "websiteOn", "websiteUrl"], planningProperties);
        Assert.Contains("title", schemas[communications.Split('/')[^1]]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task The_communications_body_sent_to_the_plan_publication_is_refused_and_the_dates_are_kept()
    {
        using var planner = await Client("keski-suomi-planner", "fi");
        var url = $"{Api("keski-suomi")}/plan/publication";
        var set = await planner.PutAsJsonAsync(url,
            new
            {
                intranetOn = "2026-03-01",
                intranetUrl = "https://intra.example/plan",
                websiteOn = (string?)null,
                websiteUrl = (string?)null
            });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var before = (await planner.GetFromJsonAsync<JsonObject>($"{Api("keski-suomi")}/plan"))!;

        var wrong = new
        {
            kind = "News",
            channel = "Intranet",
            language = "fi",
            title = "Otsikko",
            summary = "Tiivistelmä",
            body = "Teksti",
            sourceDecision = (string?)null
        };
        var problem = await Reports.ReadProblemAsync(await planner.PutAsJsonAsync(url, wrong), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]);

        var after = (await planner.GetFromJsonAsync<JsonObject>($"{Api("keski-suomi")}/plan"))!;
        foreach (var field in new[] { "publishedIntranetOn", "intranetUrl" })
        {
            Assert.Equal(before[field]?.ToJsonString(), after[field]?.ToJsonString());
        }
        Assert.Equal("https://intra.example/plan", after["intranetUrl"]?.GetValue<string>());
    }
}
