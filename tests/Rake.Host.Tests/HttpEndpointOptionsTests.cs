using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>
/// Issue 15: Elsa's <c>authorize</c>/<c>policy</c> on an HTTP Endpoint (a region role checked against the caller before
/// anything runs) and <c>responseHeaders</c> on HTTP Response (only headers that cannot weaken Rake's origin; others are
/// refused on publish). Callers are people of the region with their own tokens.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class HttpEndpointOptionsTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static JsonObject Input(string typeName, string type, JsonNode? value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static JsonObject Definition(string id, string path, JsonNode? policy, string headers, bool trigger = true,
        JsonObject? sizeLimit = null)
    {
        var endpoint = new JsonObject
        {
            ["id"] = "in",
            ["type"] = "Elsa.HttpEndpoint",
            ["version"] = 1,
            ["canStartWorkflow"] = trigger,
            ["path"] = Input("String", "Literal", path),
            ["supportedMethods"] = Input("String[]", "Object", """["POST"]"""),
            ["authorize"] = Input("Boolean", "Literal", true),
        };
        if (policy is not null)
        {
            endpoint["policy"] = Input("String", "Literal", policy);
        }
        if (sizeLimit is not null)
        {
            endpoint["requestSizeLimit"] = sizeLimit;
        }
        var answer = new JsonObject
        {
            ["id"] = "out",
            ["type"] = "Elsa.WriteHttpResponse",
            ["version"] = 1,
            ["statusCode"] = Input("HttpStatusCode", "Literal", "OK"),
            ["content"] = Input("Object", "Literal", "vastattu"),
            ["responseHeaders"] = Input("HttpHeaders", "Object", headers),
        };
        var activities = trigger ? new JsonArray { endpoint, answer } : new JsonArray { Activity("start", "Elsa.Start"), endpoint, answer };
        var connections = new JsonArray
        {
            new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "in", ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = "out", ["port"] = "In" },
            },
        };
        if (!trigger)
        {
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "start", ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = "in", ["port"] = "In" },
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

    private async Task<int> InstanceCountAsync(HttpClient admin, string definitionId) =>
        (await admin.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/workflow-instances?definitionId={definitionId}"))!.Count;

    [Fact]
    public async Task A_policy_lets_the_role_in_refuses_others_before_anything_runs_and_safe_headers_are_written()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var path = Unique("approve");
        var definitionId = Unique("http-policy");
        await PublishAsync(admin, "kainuu", Definition(definitionId, path, "Supervisor",
            """{"Cache-Control": ["no-store"], "X-Order-Id": "42", "Location": "/kainuu/tasks"}"""));

        using var professional = await Host.ClientFor("kainuu-professional");
        var refused = await Reports.ReadProblemAsync(
            await professional.PostAsJsonAsync($"{Base("kainuu")}/workflows/http/{path}", new { item = 1 }), HttpStatusCode.Forbidden);
        // The refusal names the role in the caller's language (the Host's role names).
        var detail = refused["detail"]!.GetValue<string>();
        Assert.True(new[] { "Esihenkilö", "Chef", "Supervisor" }.Any(r => detail.Contains(r, StringComparison.Ordinal)), detail);
        Assert.Equal(0, await InstanceCountAsync(admin, definitionId));

        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        var allowed = await supervisor.PostAsJsonAsync($"{Base("kainuu")}/workflows/http/{path}", new { item = 1 });
        Assert.True(allowed.StatusCode == HttpStatusCode.OK, await allowed.Content.ReadAsStringAsync());
        Assert.Equal("vastattu", await allowed.Content.ReadAsStringAsync());
        Assert.Equal("no-store", allowed.Headers.GetValues("Cache-Control").Single());
        Assert.Equal("42", allowed.Headers.GetValues("X-Order-Id").Single());
        Assert.Equal("/kainuu/tasks", allowed.Headers.Location?.OriginalString);
        Assert.Contains("sandbox", allowed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(1, await InstanceCountAsync(admin, definitionId));
    }

    [Fact]
    public async Task A_waiting_endpoint_keeps_its_policy_and_no_policy_means_any_role_of_the_region()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var path = Unique("wait");
        var definitionId = Unique("http-wait");
        await PublishAsync(admin, "kainuu", Definition(definitionId, path, "RegionAdmin", "{}", trigger: false));
        var instance = await StartAsync(admin, "kainuu", definitionId);
        using var professional = await Host.ClientFor("kainuu-professional");
        await Reports.ReadProblemAsync(await professional.PostAsync($"{Base("kainuu")}/workflows/http/{path}", null),
            HttpStatusCode.Forbidden);
        Assert.Equal("Suspended", (string?)(await InstanceAsync(admin, "kainuu", (string)instance["id"]!))["subStatus"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Base("kainuu")}/workflows/http/{path}", null)).StatusCode);
        Assert.Equal("Finished", (string?)(await InstanceAsync(admin, "kainuu", (string)instance["id"]!))["subStatus"]);

        var open = Unique("open");
        await PublishAsync(admin, "kainuu", Definition(Unique("http-open"), open, null, "{}"));
        Assert.Equal(HttpStatusCode.OK, (await professional.PostAsync($"{Base("kainuu")}/workflows/http/{open}", null)).StatusCode);
    }

    [Fact]
    public async Task The_endpoints_request_size_limit_answers_a_bigger_body_413_naming_it_before_anything_runs()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        using var professional = await Host.ClientFor("kainuu-professional");
        var path = Unique("small");
        var definitionId = Unique("http-small");
        await PublishAsync(admin, "kainuu", Definition(definitionId, path, null, "{}", sizeLimit: Input("Int64", "Literal", 100)));

        var big = new StringContent(new string('x', 101), System.Text.Encoding.UTF8, "text/plain");
        var refused = await Reports.ReadProblemAsync(
            await professional.PostAsync($"{Base("kainuu")}/workflows/http/{path}", big), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("100", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("requestSizeLimit", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await InstanceCountAsync(admin, definitionId));
        var fits = new StringContent(new string('x', 100), System.Text.Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.OK, (await professional.PostAsync($"{Base("kainuu")}/workflows/http/{path}", fits)).StatusCode);
        Assert.Equal(1, await InstanceCountAsync(admin, definitionId));

        // A waiting endpoint keeps its limit (written as text here, as a form field may save it) in its bookmark.
        var waitPath = Unique("wait-small");
        var waitId = Unique("http-wait-small");
        await PublishAsync(admin, "kainuu", Definition(waitId, waitPath, null, "{}", trigger: false,
            sizeLimit: Input("Int64", "Literal", "64")));
        var instance = await StartAsync(admin, "kainuu", waitId);
        await Reports.ReadProblemAsync(await professional.PostAsync($"{Base("kainuu")}/workflows/http/{waitPath}",
            new StringContent(new string('y', 65))), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Suspended", (string?)(await InstanceAsync(admin, "kainuu", (string)instance["id"]!))["subStatus"]);
        Assert.Equal(HttpStatusCode.OK, (await professional.PostAsync($"{Base("kainuu")}/workflows/http/{waitPath}",
            new StringContent(new string('y', 64)))).StatusCode);
        Assert.Equal("Finished", (string?)(await InstanceAsync(admin, "kainuu", (string)instance["id"]!))["subStatus"]);
    }

    [Fact]
    public async Task A_multipart_upload_gives_the_files_and_fields_and_a_file_too_large_or_of_another_type_runs_nothing()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        using var professional = await Host.ClientFor("kainuu-professional");
        var path = Unique("upload");
        var definitionId = Unique("http-upload");
        var definition = Definition(definitionId, path, null, "{}", sizeLimit: Input("Int64", "Literal", 4000));
        var endpoint = definition["root"]!["activities"]![0]!;
        endpoint["fileSizeLimit"] = Input("Int64", "Literal", 50);
        endpoint["allowedMimeTypes"] = Input("String[]", "Object", """["text/plain", "image/*"]""");
        definition["root"]!["activities"]![1]!["content"] = Input("Object", "JavaScript",
            "JSON.stringify({ files: getOutputFrom('in', 'files'), form: getOutputFrom('in', 'parsedContent') })");
        await PublishAsync(admin, "kainuu", definition);
        var url = $"{Base("kainuu")}/workflows/http/{path}";

        static MultipartFormDataContent Form(params (string Name, string FileName, string Type, byte[] Bytes)[] files)
        {
            var form = new MultipartFormDataContent { { new StringContent("Kevään kooste"), "title" } };
            foreach (var (name, fileName, type, bytes) in files)
            {
                var part = new ByteArrayContent(bytes);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
                form.Add(part, name, fileName);
            }
            return form;
        }
        var note = System.Text.Encoding.UTF8.GetBytes("muistio: ei henkilötietoja");
        var pixel = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3 };

        var answered = await professional.PostAsync(url, Form(("notes", "muistio.txt", "text/plain", note),
            ("picture", "../kuva.png", "image/png", pixel)));
        var body = await answered.Content.ReadAsStringAsync();
        Assert.True(answered.StatusCode == HttpStatusCode.OK, body);
        var result = JsonNode.Parse(body)!;
        Assert.Equal("Kevään kooste", (string?)result["form"]!["title"]);
        var files = result["files"]!.AsArray();
        Assert.Equal(2, files.Count);
        Assert.Equal(("notes", "muistio.txt", "text/plain", note.Length), ((string)files[0]!["name"]!, (string)files[0]!["fileName"]!,
            (string)files[0]!["contentType"]!, (int)files[0]!["length"]!));
        Assert.Equal(note, Convert.FromBase64String((string)files[0]!["content"]!));
        // The file name is the name only: a path the client sends is not kept.
        Assert.Equal(("kuva.png", "image/png", pixel.Length), ((string)files[1]!["fileName"]!, (string)files[1]!["contentType"]!,
            (int)files[1]!["length"]!));
        Assert.Equal(pixel, Convert.FromBase64String((string)files[1]!["content"]!));
        Assert.Equal(1, await InstanceCountAsync(admin, definitionId));

        // A file over fileSizeLimit: 413 naming the file and the limit; a type allowedMimeTypes does not list: 415. Nothing runs.
        var tooBig = await Reports.ReadProblemAsync(await professional.PostAsync(url,
            Form(("notes", "iso.txt", "text/plain", new byte[51]))), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("iso.txt", (string)tooBig["detail"]!, StringComparison.Ordinal);
        Assert.Contains("fileSizeLimit", (string)tooBig["detail"]!, StringComparison.Ordinal);
        var wrongType = await Reports.ReadProblemAsync(await professional.PostAsync(url,
            Form(("doc", "ohje.pdf", "application/pdf", new byte[10]))), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/pdf", (string)wrongType["detail"]!, StringComparison.Ordinal);
        Assert.Contains("text/plain, image/*", (string)wrongType["detail"]!, StringComparison.Ordinal);
        // The whole body is still bounded by requestSizeLimit (413 before it is parsed), and a broken form is 400.
        await Reports.ReadProblemAsync(await professional.PostAsync(url, Form(("a", "a.txt", "text/plain", new byte[4100]))),
            HttpStatusCode.RequestEntityTooLarge);
        var broken = new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end");
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        await Reports.ReadProblemAsync(await professional.PostAsync(url, broken), HttpStatusCode.BadRequest);
        Assert.Equal(1, await InstanceCountAsync(admin, definitionId));
    }

    [Fact]
    public async Task Upload_rules_that_are_not_literals_are_refused_on_publish_naming_the_input()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var definition = Definition(Unique("http-rules"), Unique("rules"), null, "{}");
        var endpoint = definition["root"]!["activities"]![0]!;
        endpoint["fileSizeLimit"] = Input("Int64", "JavaScript", "1024");
        endpoint["allowedMimeTypes"] = Input("String[]", "Object", """["not a type"]""");
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", definition)).StatusCode);
        var problem = (await Reports.ReadProblemAsync(
            await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{definition["definitionId"]}/publish", null),
            HttpStatusCode.BadRequest)).ToJsonString();
        Assert.Contains("fileSizeLimit: write the largest uploaded file in bytes", problem, StringComparison.Ordinal);
        Assert.Contains("allowedMimeTypes: write the accepted content types as a literal list", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Literal", "0")]
    [InlineData("Literal", "lots")]
    [InlineData("JavaScript", "1024")]
    public async Task A_request_size_limit_that_is_not_a_literal_number_of_bytes_is_refused_on_publish(string type, string value)
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var definition = Definition(Unique("http-limit"), Unique("limit"), null, "{}", sizeLimit: Input("Int64", type, value));
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", definition)).StatusCode);
        var problem = await Reports.ReadProblemAsync(
            await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{definition["definitionId"]}/publish", null),
            HttpStatusCode.BadRequest);
        Assert.Contains("requestSizeLimit: write the largest request body in bytes", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Boss", "{}", "policy")]
    [InlineData("Supervisor", """{"Set-Cookie": ["a=b"]}""", "responseHeaders")]
    [InlineData("Supervisor", """{"Content-Security-Policy": "none"}""", "responseHeaders")]
    [InlineData("Supervisor", """{"Location": "https://example.org/"}""", "responseHeaders")]
    [InlineData("Supervisor", """{"X-Frame-Options": "ALLOW"}""", "responseHeaders")]
    [InlineData("Supervisor", """{"X-Note": "line\nbreak"}""", "responseHeaders")]
    public async Task An_unknown_role_or_an_unsafe_header_is_refused_on_publish_naming_the_input(
        string policy, string headers, string input)
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        var definition = Definition(Unique("http-bad"), Unique("bad"), policy, headers);
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync($"{Base("kainuu")}/workflow-definitions", definition)).StatusCode);
        var problem = await Reports.ReadProblemAsync(
            await admin.PostAsync($"{Base("kainuu")}/workflow-definitions/{definition["definitionId"]}/publish", null),
            HttpStatusCode.BadRequest);
        Assert.Contains($"{input}:", problem.ToJsonString(), StringComparison.Ordinal);
    }
}
