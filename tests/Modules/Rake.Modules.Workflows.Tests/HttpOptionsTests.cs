using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Activities;
using Rake.Modules.Workflows.Engine.Expressions;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Tests;

/// <summary>Issue 15: HttpEndpoint's authorize/policy and WriteHttpResponse's responseHeaders in the engine (docs/adr/0178).</summary>
public sealed class HttpOptionsTests
{
    private static WorkflowDefinition Definition(bool trigger, JsonNode? authorize, string? policy, string headers)
    {
        var endpoint = new JsonObject
        {
            ["id"] = "in",
            ["type"] = "Elsa.HttpEndpoint",
            ["canStartWorkflow"] = trigger,
            ["path"] = Literal("orders"),
        };
        if (authorize is not null)
        {
            endpoint["authorize"] = Literal(authorize);
        }
        if (policy is not null)
        {
            endpoint["policy"] = Literal(policy);
        }
        return WorkflowDefinition.Parse(new JsonObject
        {
            ["definitionId"] = "orders",
            ["root"] = new JsonObject
            {
                ["id"] = "flow",
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray
                {
                    endpoint,
                    new JsonObject
                    {
                        ["id"] = "out",
                        ["type"] = "Elsa.WriteHttpResponse",
                        ["content"] = Literal("ok"),
                        ["responseHeaders"] = new JsonObject
                        {
                            ["typeName"] = "HttpHeaders",
                            ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = headers },
                        },
                    },
                },
                ["connections"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["source"] = new JsonObject { ["activity"] = "in", ["port"] = "Done" },
                        ["target"] = new JsonObject { ["activity"] = "out", ["port"] = "In" },
                    },
                },
            },
        }.ToJsonString());
    }

    private static JsonObject Literal(JsonNode value) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static IEnumerable<string> Errors(WorkflowDefinition definition) =>
        TestEngine.Publisher().Publish(definition, failOnValidationErrors: false).ValidationErrors.Select(e => e.Message);

    [Fact]
    public void A_policy_is_a_region_role_with_authorize_on_and_is_read_from_the_published_json()
    {
        Assert.Empty(Errors(Definition(true, true, "Supervisor", "{}")));
        Assert.Empty(Errors(Definition(true, null, null, "{}")));
        Assert.Contains(Errors(Definition(true, true, "Boss", "{}")), e => e.StartsWith("policy:", StringComparison.Ordinal));
        Assert.Contains(Errors(Definition(true, false, "Supervisor", "{}")), e => e.StartsWith("policy:", StringComparison.Ordinal));

        var root = Definition(true, "true", "RegionAdmin", "{}").Json["root"];
        Assert.Equal("RegionAdmin", HttpAccess.RoleOf(root, "in"));
        Assert.Null(HttpAccess.RoleOf(Definition(true, true, "", "{}").Json["root"], "in"));
        Assert.Null(HttpAccess.RoleOf(Definition(true, null, null, "{}").Json["root"], "in"));
        Assert.True(HttpAccess.Allows(null, _ => false));
        Assert.True(HttpAccess.Allows("Supervisor", r => r == RegionRole.Supervisor));
        Assert.False(HttpAccess.Allows("Supervisor", r => r == RegionRole.Professional));
        Assert.False(HttpAccess.Allows("(none)", _ => true));
    }

    [Fact]
    public async Task A_waiting_endpoint_keeps_its_role_in_the_bookmark()
    {
        var instance = await TestEngine.Create().StartAsync(Definition(false, true, "Planner", "{}"));
        var bookmark = Assert.Single(instance.Bookmarks);
        Assert.Equal(BookmarkKind.Http, bookmark.Kind);
        Assert.Equal("Planner", ((JsonObject)bookmark.Payload!)[HttpAccess.RoleKey]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"Cache-Control": ["no-store"], "X-Order": "42", "Location": "/kainuu/tasks", "ETag": "\"1\""}""", true)]
    [InlineData("""{"Set-Cookie": "a=b"}""", false)]
    [InlineData("""{"Access-Control-Allow-Origin": "*"}""", false)]
    [InlineData("""{"Content-Type": "text/html"}""", false)]
    [InlineData("""{"X-Frame-Options": "ALLOW"}""", false)]
    [InlineData("""{"X-Rake-Workflow-Instance": "x"}""", false)]
    [InlineData("""{"Location": "//evil.example"}""", false)]
    [InlineData("""{"Location": "https://evil.example/"}""", false)]
    [InlineData("""{"X-Note": "a\r\nSet-Cookie: b"}""", false)]
    [InlineData("""{"X-Note": {"nested": 1}}""", false)]
    [InlineData("""["X-Note"]""", false)]
    public void Only_safe_response_headers_pass_on_publish(string headers, bool allowed)
    {
        var errors = Errors(Definition(true, null, null, headers)).ToList();
        Assert.Equal(allowed, errors.Count == 0);
        Assert.All(errors, e => Assert.StartsWith("responseHeaders:", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Safe_headers_reach_the_caller_and_unsafe_ones_are_named()
    {
        var (engine, caller) = Caller();
        var id = Guid.NewGuid();
        caller.AnswerFor(id);
        await engine.StartAsync(Definition(true, null, null, """{"Cache-Control": ["no-store", "private"], "X-Order": "42"}"""),
            new RunOptions
            {
                InstanceId = id,
                TriggerActivityId = "in",
                Input = new Dictionary<string, object?> { [HttpEndpoint.RequestInputKey] = new JsonObject { ["method"] = "GET" } },
            });
        Assert.True(caller.Written);
        Assert.Equal(["Cache-Control=no-store", "Cache-Control=private", "X-Order=42"], caller.Headers.Select(h => $"{h.Key}={h.Value}"));

        Assert.False(HttpResponseHeaders.TryRead(new JsonObject { ["Set-Cookie"] = "a=b" }, out _, out var problem));
        Assert.Contains("Set-Cookie", problem, StringComparison.Ordinal);
        Assert.True(HttpResponseHeaders.TryRead(null, out var none, out _));
        Assert.Empty(none);
    }

    private static (WorkflowEngine Engine, HttpWorkflowResponse Caller) Caller()
    {
        var provider = new ServiceCollection().AddSingleton<HttpWorkflowResponse>().BuildServiceProvider();
        var engine = new WorkflowEngine(ActivityRegistry.Default,
            new ExpressionEvaluator(new JavaScriptSandbox(new JavaScriptOptions())), TimeProvider.System, provider);
        return (engine, provider.GetRequiredService<HttpWorkflowResponse>());
    }
}
