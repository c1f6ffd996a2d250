using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>
/// Issue 15: a workflow with Elsa's HttpEndpoint trigger, called by an integration (a client-credentials token of the
/// region's provider) and answered by its WriteHttpResponse; no token, another region's path, a body over the limit and
/// a path two workflows claim are refused with ProblemDetails.
/// </summary>
public sealed class HttpWorkflowEndpointTests(SignOnFixture fixture) : IClassFixture<SignOnFixture>
{
    private static JsonObject Input(string typeName, string type, JsonNode? value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    /// <summary>HttpEndpoint (trigger when <paramref name="trigger"/>) then, when <paramref name="answer"/>, a WriteHttpResponse.</summary>
    private static JsonObject Definition(string id, string path, bool trigger = true, bool answer = true)
    {
        var activities = new JsonArray
        {
            new JsonObject
            {
                ["id"] = "in",
                ["type"] = "Elsa.HttpEndpoint",
                ["version"] = 1,
                ["canStartWorkflow"] = trigger,
                ["path"] = Input("String", "Literal", path),
                ["supportedMethods"] = Input("String[]", "Object", """["POST"]"""),
            },
        };
        var connections = new JsonArray();
        if (answer)
        {
            activities.Add(new JsonObject
            {
                ["id"] = "out",
                ["type"] = "Elsa.WriteHttpResponse",
                ["version"] = 1,
                ["statusCode"] = Input("HttpStatusCode", "Literal", "Created"),
                ["content"] = Input("Object", "JavaScript", "JSON.stringify({ id: getOutputFrom('in', 'routeData').id, "
                    + "item: getOutputFrom('in', 'parsedContent').item, region: getOutputFrom('in', 'queryStringData').from })"),
                ["contentType"] = Input("String", "Literal", "application/json"),
            });
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "in", ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = "out", ["port"] = "In" },
            });
        }
        return new JsonObject
        {
            ["definitionId"] = id,
            ["name"] = $"HTTP {id}",
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = activities,
                ["connections"] = connections,
            },
        };
    }

    private async Task<HttpClient> IntegrationAsync(string region)
    {
        var client = fixture.Host.Anonymous();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await fixture.Provider.ClientTokenAsync(region));
        return client;
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    [Fact]
    public async Task An_integration_token_starts_the_workflow_and_gets_what_its_http_response_wrote()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        var path = Unique("orders");
        await PublishAsync(admin, "kainuu", Definition(Unique("http"), path + "/{id}"));

        using var integration = await IntegrationAsync("kainuu");
        var response = await integration.PostAsJsonAsync($"{Base("kainuu")}/workflows/http/{path}/42?from=kainuu", new { item = "kahvi" });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal("42", answer["id"]!.GetValue<string>());
        Assert.Equal("kahvi", answer["item"]!.GetValue<string>());
        Assert.Equal("kainuu", answer["region"]!.GetValue<string>());
        // What a workflow writes never runs as a page on Rake's origin.
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var instance = await InstanceAsync(admin, "kainuu", response.Headers.GetValues("X-Rake-Workflow-Instance").Single());
        Assert.Equal("Finished", instance["subStatus"]!.GetValue<string>());
        // The caller's token is not kept with the instance.
        Assert.DoesNotContain("Bearer", instance.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // A method the endpoint does not take, and a path nobody has, are 404 ProblemDetails.
        await Reports.ReadProblemAsync(await integration.GetAsync($"{Base("kainuu")}/workflows/http/{path}/42"), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await integration.PostAsync($"{Base("kainuu")}/workflows/http/{Unique("nobody")}", null),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task No_token_is_401_another_regions_path_is_404_and_another_regions_url_is_403()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        var path = Unique("kainuu-only");
        await PublishAsync(admin, "kainuu", Definition(Unique("http"), path));

        using var anonymous = fixture.Host.Anonymous();
        await Reports.ReadProblemAsync(await anonymous.PostAsJsonAsync($"{Base("kainuu")}/workflows/http/{path}", new { item = "x" }),
            HttpStatusCode.Unauthorized);

        // kymenlaakso's integration asks its own region for kainuu's path: no such workflow there.
        using var kymenlaakso = await IntegrationAsync("kymenlaakso");
        await Reports.ReadProblemAsync(
            await kymenlaakso.PostAsJsonAsync($"{Base("kymenlaakso")}/workflows/http/{path}", new { item = "x" }), HttpStatusCode.NotFound);
        // …and kainuu's own URL is not its region.
        await Reports.ReadProblemAsync(
            await kymenlaakso.PostAsJsonAsync($"{Base("kainuu")}/workflows/http/{path}", new { item = "x" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_bad_json_is_400()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        var path = Unique("upload");
        await PublishAsync(admin, "kainuu", Definition(Unique("http"), path));
        using var integration = await IntegrationAsync("kainuu");

        var big = new StringContent($$"""{"item":"{{new string('x', 300 * 1024)}}"}""", Encoding.UTF8, "application/json");
        await Reports.ReadProblemAsync(await integration.PostAsync($"{Base("kainuu")}/workflows/http/{path}", big),
            HttpStatusCode.RequestEntityTooLarge);
        // Sent in chunks, without a length up front, the limit holds as well.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('y', 300 * 1024))));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base("kainuu")}/workflows/http/{path}") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await Reports.ReadProblemAsync(await integration.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);

        var broken = new StringContent("{\"item\":", Encoding.UTF8, "application/json");
        await Reports.ReadProblemAsync(await integration.PostAsync($"{Base("kainuu")}/workflows/http/{path}", broken),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_second_workflow_on_the_same_path_is_refused_on_publish_naming_both()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        var path = Unique("claims");
        var (first, second) = (Unique("first"), Unique("second"));
        await PublishAsync(admin, "kainuu", Definition(first, path + "/{id}"));

        var saved = await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions",
            Definition(second, path.ToUpperInvariant() + "/{number}"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var problem = await Reports.ReadProblemAsync(
            await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{second}/publish", null), HttpStatusCode.BadRequest);
        var message = problem["errors"]!["in"]![0]!.GetValue<string>();
        Assert.Contains(first, message, StringComparison.Ordinal);
        Assert.Contains(second, message, StringComparison.Ordinal);

        // Another region may use the same path.
        using var kymenlaakso = await fixture.Host.ClientFor("kymenlaakso-regionadmin");
        await PublishAsync(kymenlaakso, "kymenlaakso", Definition(second, path + "/{id}"));
    }

    [Fact]
    public async Task An_instance_waiting_on_an_endpoint_is_resumed_by_the_request_and_answers_200_without_a_body()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        var path = Unique("approve");
        var id = Unique("wait");
        await PublishAsync(admin, "kainuu", Definition(id, path, trigger: false, answer: false));
        var started = await StartAsync(admin, "kainuu", id);
        Assert.Equal("Suspended", started["subStatus"]!.GetValue<string>());

        using var integration = await IntegrationAsync("kainuu");
        var response = await integration.PostAsJsonAsync($"{Base("kainuu")}/workflows/http/{path}", new { item = "hyväksytty" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var instance = await InstanceAsync(admin, "kainuu", started["id"]!.GetValue<string>());
        Assert.Equal("Finished", instance["subStatus"]!.GetValue<string>());
        // Nobody waits any more, and no workflow has the path as its trigger.
        await Reports.ReadProblemAsync(await integration.PostAsJsonAsync($"{Base("kainuu")}/workflows/http/{path}", new { item = "x" }),
            HttpStatusCode.NotFound);
    }
}
