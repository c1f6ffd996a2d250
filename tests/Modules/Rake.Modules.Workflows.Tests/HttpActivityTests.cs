using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Activities;
using Rake.Modules.Workflows.Engine.Expressions;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Tests;

/// <summary>Issue 15: Elsa's HttpEndpoint and WriteHttpResponse in the engine (the Host's route is in Rake.Host.Tests).</summary>
public sealed class HttpActivityTests
{
    private const string OrderText = "'order ' + getOutputFrom('in', 'routeData').id + ': ' + getOutputFrom('in', 'parsedContent').item";

    private static WorkflowDefinition Definition(bool trigger, string path = "orders/{id}", string methods = "[\"POST\"]",
        JsonNode? statusCode = null, string content = OrderText) => WorkflowDefinition.Parse("""
        {"definitionId": "orders", "name": "Orders", "root": {"id": "flow", "type": "Elsa.Flowchart", "activities": [
          {"id": "in", "type": "Elsa.HttpEndpoint", "canStartWorkflow": TRIGGER,
           "path": {"typeName": "String", "expression": {"type": "Literal", "value": PATH}},
           "supportedMethods": {"typeName": "String[]", "expression": {"type": "Object", "value": METHODS}}},
          {"id": "out", "type": "Elsa.WriteHttpResponse",
           "statusCode": {"typeName": "HttpStatusCode", "expression": {"type": "Literal", "value": STATUS}},
           "content": {"typeName": "Object", "expression": {"type": "JavaScript", "value": CONTENT}},
           "contentType": {"typeName": "String", "expression": {"type": "Literal", "value": ""}}}],
          "connections": [{"source": {"activity": "in", "port": "Done"}, "target": {"activity": "out", "port": "In"}}]},
         "variables": []}
        """.Replace("TRIGGER", trigger ? "true" : "false", StringComparison.Ordinal)
        .Replace("PATH", JsonValue.Create(path).ToJsonString(), StringComparison.Ordinal)
        .Replace("METHODS", JsonValue.Create(methods).ToJsonString(), StringComparison.Ordinal)
        .Replace("STATUS", (statusCode ?? "Created").ToJsonString(), StringComparison.Ordinal)
        .Replace("CONTENT", JsonValue.Create(content).ToJsonString(), StringComparison.Ordinal));

    private static JsonObject Request() => new()
    {
        ["method"] = "POST",
        ["path"] = "orders/42",
        ["contentType"] = "application/json",
        ["parsedContent"] = new JsonObject { ["item"] = "kahvi" },
        ["routeData"] = new JsonObject { ["id"] = "42" },
        ["queryStringData"] = new JsonObject { ["urgent"] = "yes" },
        ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
    };

    private static (WorkflowEngine Engine, HttpWorkflowResponse Caller) EngineWithCaller()
    {
        var services = new ServiceCollection().AddSingleton<HttpWorkflowResponse>().BuildServiceProvider();
        var engine = new WorkflowEngine(ActivityRegistry.Default, new ExpressionEvaluator(new JavaScriptSandbox(new JavaScriptOptions())),
            TimeProvider.System, services);
        return (engine, services.GetRequiredService<HttpWorkflowResponse>());
    }

    [Fact]
    public async Task A_trigger_takes_the_request_as_its_outputs_and_the_response_goes_to_the_caller_of_that_instance_only()
    {
        var definition = Definition(trigger: true);
        var published = TestEngine.Publisher().Publish(definition);
        Assert.True(published.Succeeded, string.Join("; ", published.ValidationErrors.Select(e => e.Message)));
        Assert.Equal(["POST orders/{id}"], published.Triggers.Where(t => t.Kind == BookmarkKind.Http).Select(t => t.Name));

        var (engine, caller) = EngineWithCaller();
        var id = Guid.NewGuid();
        caller.AnswerFor(id);
        var instance = await engine.StartAsync(definition, new RunOptions
        {
            InstanceId = id,
            TriggerActivityId = "in",
            Input = new Dictionary<string, object?> { [HttpEndpoint.RequestInputKey] = Request() },
        });

        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.True(caller.Written);
        Assert.Equal(201, caller.StatusCode);
        Assert.Equal("order 42: kahvi", caller.Content);
        Assert.Equal("text/plain", caller.ContentType);
        var outputs = instance.ActivityOutputs["in"];
        Assert.Equal("yes", ((JsonObject)outputs["queryStringData"]!)["urgent"]!.GetValue<string>());
        Assert.Equal("POST", ((JsonObject)outputs["result"]!)["method"]!.GetValue<string>());

        // Another instance in the same scope (a child, an event cascade) cannot answer the caller.
        var (other, otherCaller) = EngineWithCaller();
        otherCaller.AnswerFor(Guid.NewGuid());
        await other.StartAsync(definition, new RunOptions
        {
            TriggerActivityId = "in",
            Input = new Dictionary<string, object?> { [HttpEndpoint.RequestInputKey] = Request() },
        });
        Assert.False(otherCaller.Written);
    }

    [Fact]
    public async Task Inside_a_running_instance_it_waits_on_its_path_and_methods_and_a_response_without_a_caller_is_journalled()
    {
        var engine = TestEngine.Create();
        var instance = await engine.StartAsync(Definition(trigger: false, methods: "[\"post\",\"PUT\"]"));

        var bookmark = Assert.Single(instance.Bookmarks);
        Assert.Equal(BookmarkKind.Http, bookmark.Kind);
        Assert.Equal("orders/{id}", bookmark.Name);
        Assert.Equal("""{"methods":["POST","PUT"]}""", ((JsonNode)bookmark.Payload!).ToJsonString());

        await engine.ResumeAsync(instance, bookmark.Id, Request());
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal("kahvi", ((JsonObject)instance.ActivityOutputs["in"]["parsedContent"]!)["item"]!.GetValue<string>());
        Assert.Contains(instance.Journal, j => j.Message != null && j.Message.Contains("not sent", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("orders/{id}/../x", "path")]
    [InlineData("", "path")]
    [InlineData("orders", "supportedMethods", "[\"FETCH\"]")]
    public void A_bad_path_or_method_is_refused_on_publish_naming_the_input(string path, string input, string methods = "[\"GET\"]")
    {
        var published = TestEngine.Publisher().Publish(Definition(trigger: true, path: path, methods: methods));
        Assert.False(published.Succeeded);
        Assert.Contains(published.ValidationErrors, e => e.ActivityId == "in" && e.Message.Contains(input + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void A_status_code_is_a_number_or_elsas_name_within_200_to_599()
    {
        Assert.False(TestEngine.Publisher().Publish(Definition(trigger: true, statusCode: "Sometimes")).Succeeded);
        Assert.False(TestEngine.Publisher().Publish(Definition(trigger: true, statusCode: 700)).Succeeded);
        Assert.True(TestEngine.Publisher().Publish(Definition(trigger: true, statusCode: 404)).Succeeded);
        Assert.True(WriteHttpResponse.TryStatus("NoContent", out var status, out _));
        Assert.Equal(204, status);
        Assert.True(WriteHttpResponse.TryStatus(JsonValue.Create(202), out status, out _));
        Assert.Equal(202, status);
        Assert.False(WriteHttpResponse.TryStatus("101", out _, out _));
    }

    [Fact]
    public void Paths_match_by_segment_with_placeholders_and_compare_without_case_or_placeholder_names()
    {
        Assert.True(HttpRoute.TryMatch("orders/{id}", "/Orders/4%202/", out var route));
        Assert.Equal("4 2", route["id"]!.GetValue<string>());
        Assert.False(HttpRoute.TryMatch("orders/{id}", "orders", out _));
        Assert.False(HttpRoute.TryMatch("orders/{id}", "orders/1/lines", out _));
        Assert.False(HttpRoute.TryMatch("orders", "invoices", out _));
        Assert.Equal(HttpRoute.Shape("Orders/{id}"), HttpRoute.Shape("orders/{number}"));
        Assert.NotEqual(HttpRoute.Shape("orders/{id}"), HttpRoute.Shape("orders/new"));
        Assert.True(HttpRoute.TryNormalise("/orders/{id}/", out var normal, out _));
        Assert.Equal("orders/{id}", normal);
    }
}
