using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rake.Workflows.Abstractions;

namespace Rake.Host.Tests;

/// <summary>
/// A human task for the tests, so the runtime's task handling is tested on its own: it assigns the role named in its
/// input and completes on the outcome the person chose.
/// </summary>
[Activity("Rake.Tests.AssignTask", Category = "Tests", DisplayName = "Assign task (tests)",
    Description = "A human task used by the Host tests.")]
internal sealed class AssignTaskForTests : WorkflowActivity
{
    [Input(DisplayName = "Role")]
    public string? Role { get; set; }

    [Input(DisplayName = "Title")]
    public string? Title { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.CreateBookmark(BookmarkRequest.ForHumanTask("Rake.Tests.AssignTask",
            new JsonObject { ["role"] = Role, ["title"] = Title }));
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        context.Journal($"completed by {(bookmark.Input as JsonObject)?["completedBy"]}");
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Elsa 3 JSON for the workflow tests: a straight line of activities in one flowchart.</summary>
internal static class WorkflowJson
{
    public static JsonObject Literal(string value) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    public static JsonObject Activity(string id, string type, params (string Input, string Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (input, value) in inputs)
        {
            activity[input] = Literal(value);
        }
        return activity;
    }

    /// <summary>Start, then each activity in turn, then End; designer metadata included so a round trip can be checked.</summary>
    public static JsonObject Sequence(string definitionId, params JsonObject[] steps)
    {
        var activities = new JsonArray { Activity("start", "Elsa.Start") };
        var connections = new JsonArray();
        var previous = "start";
        foreach (var step in steps.Append(Activity("end", "Elsa.End")))
        {
            activities.Add(step);
            var id = (string)step["id"]!;
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = previous, ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = id, ["port"] = "In" },
            });
            previous = id;
        }
        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = $"Test {definitionId}",
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["metadata"] =
                    new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 10, ["y"] = 20 } } },
                ["activities"] = activities,
                ["connections"] = connections,
            },
        };
    }

    /// <summary>Start → write → wait for the event → write → End.</summary>
    /// <summary>A definition that a cron trigger starts (six fields, seconds first as Elsa), then runs <paramref name="next"/>.</summary>
    public static JsonObject CronStarted(string definitionId, string cronExpression, JsonObject next)
    {
        var cron = Activity("cron", "Elsa.Cron", ("cronExpression", cronExpression));
        cron["canStartWorkflow"] = true;
        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = $"Test {definitionId}",
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray { cron, next },
                ["connections"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["source"] = new JsonObject { ["activity"] = "cron", ["port"] = "Done" },
                        ["target"] = new JsonObject { ["activity"] = (string)next["id"]!, ["port"] = "In" },
                    },
                },
            },
        };
    }

    public static JsonObject WaitForEvent(string definitionId, string eventName) => Sequence(definitionId,
        Activity("before", "Elsa.WriteLine", ("text", "before")),
        Activity("wait", "Elsa.Event", ("eventName", eventName)),
        Activity("after", "Elsa.WriteLine", ("text", "after")));

    public static string Base(string region) => $"/api/v1/regions/{region}";

    /// <summary>Saves and publishes a definition as the region admin.</summary>
    public static async Task PublishAsync(HttpClient admin, string region, JsonObject definition)
    {
        var saved = await admin.PostAsJsonAsync($"{Base(region)}/workflow-definitions", definition);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var published = await admin.PostAsync($"{Base(region)}/workflow-definitions/{definition["definitionId"]}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    public static async Task<JsonObject> StartAsync(HttpClient admin, string region, string definitionId)
    {
        var response = await admin.PostAsJsonAsync($"{Base(region)}/workflow-instances", new { definitionId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> InstanceAsync(HttpClient admin, string region, string id) =>
        (await admin.GetFromJsonAsync<JsonObject>($"{Base(region)}/workflow-instances/{id}"))!;

    public static async Task<int> RaiseAsync(HttpClient admin, string region, string name)
    {
        var response = await admin.PostAsJsonAsync($"{Base(region)}/workflow-events", new { name });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["resumed"]!.GetValue<int>();
    }

    /// <summary>(activity id, event) pairs of the journal, in order.</summary>
    public static List<string> Journal(JsonObject instance) =>
        instance["journal"]!.AsArray().Select(e => $"{e!["activityId"]}:{e["event"]}").ToList();
}
