using Rake.Modules.Workflows.Engine;

namespace Rake.Modules.Workflows.Tests;

public sealed class ValidationTests
{
    private static PublishResult Publish(string activities, string connections = "[]")
    {
        var json = $$"""
            { "definitionId": "d1", "root": { "type": "Elsa.Flowchart", "version": 1, "id": "root",
              "activities": {{activities}}, "connections": {{connections}} } }
            """;
        return TestEngine.Publisher().Publish(WorkflowDefinition.Parse(json));
    }

    private const string WriteLine = """{ "id": "w1", "name": "WriteLine1", "type": "Elsa.WriteLine", "version": 1 }""";

    [Fact]
    public void A_valid_definition_publishes()
    {
        var result = Publish($"[{WriteLine}]");
        Assert.True(result.Succeeded);
        Assert.Empty(result.ValidationErrors);
    }

    [Fact]
    public void An_unknown_activity_type_is_refused()
    {
        var result = Publish("""[{ "id": "x1", "type": "Rake.Nope.Missing", "version": 1 }]""");
        Assert.False(result.Succeeded);
        Assert.Equal("Activity 'x1' has unknown type 'Rake.Nope.Missing'.", Assert.Single(result.ValidationErrors).Message);
    }

    [Fact]
    public void An_unknown_activity_version_is_refused()
    {
        var result = Publish("""[{ "id": "w1", "name": "WriteLine1", "type": "Elsa.WriteLine", "version": 7 }]""");
        Assert.False(result.Succeeded);
        Assert.Equal("Activity 'WriteLine1' ('w1') uses version 7 of 'Elsa.WriteLine', which does not exist.",
            Assert.Single(result.ValidationErrors).Message);
    }

    [Fact]
    public void A_connection_to_a_missing_activity_is_refused()
    {
        var result = Publish($"[{WriteLine}]",
            """[{ "source": { "activity": "w1", "port": "Done" }, "target": { "activity": "ghost", "port": "In" } }]""");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("ghost", error.ActivityId);
        Assert.Contains("ends at activity 'ghost', which is not in flowchart 'root'", error.Message);
    }

    [Fact]
    public void A_connection_from_a_missing_port_is_refused()
    {
        var decision = """{ "id": "d1", "type": "Elsa.FlowDecision", "version": 1, "condition": """
            + """{ "typeName": "Boolean", "expression": { "type": "Literal", "value": "true" } } }""";
        var result = Publish($"[{decision}, {WriteLine}]",
            """[{ "source": { "activity": "d1", "port": "Maybe" }, "target": { "activity": "w1", "port": "In" } }]""");
        Assert.False(result.Succeeded);
        Assert.Equal("Activity 'd1' has no outcome port 'Maybe' (it has: True, False).", Assert.Single(result.ValidationErrors).Message);
    }

    [Fact]
    public void Fork_ports_come_from_its_branches()
    {
        var fork = """{ "id": "f1", "type": "Elsa.FlowFork", "version": 1, "branches": """
            + """{ "typeName": "String[]", "expression": { "type": "Object", "value": "[\"A\"]" } } }""";
        var result = Publish($"[{fork}, {WriteLine}]",
            """[{ "source": { "activity": "f1", "port": "B" }, "target": { "activity": "w1", "port": "In" } }]""");
        Assert.Equal("Activity 'f1' has no outcome port 'B' (it has: A).", Assert.Single(result.ValidationErrors).Message);
    }

    [Fact]
    public void A_cron_expression_that_does_not_parse_is_refused()
    {
        var cron = """{ "id": "c1", "type": "Elsa.Cron", "version": 1, "cronExpression": """
            + """{ "typeName": "String", "expression": { "type": "Literal", "value": "0 0 25 * * *" } } }""";
        var result = Publish($"[{cron}]");
        Assert.False(result.Succeeded);
        Assert.Equal(
            "Error when parsing cron expression: The given cron expression has an invalid format. Hours: Value must be a number between " +
                "0 and 23 (all inclusive).",
            Assert.Single(result.ValidationErrors).Message);
    }

    [Fact]
    public void An_input_of_the_wrong_type_is_refused()
    {
        var delay = """{ "id": "d1", "name": "Delay1", "type": "Elsa.Delay", "version": 1, "timeSpan": """
            + """{ "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "soon" } } }""";
        var result = Publish($"[{delay}]");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal("d1", error.ActivityId);
        Assert.StartsWith("Activity 'Delay1' ('d1'): input 'timeSpan' is not a valid TimeSpan:", error.Message);
    }

    [Fact]
    public void A_good_cron_trigger_is_computed()
    {
        var schedule = CronSchedule.Parse("0 0 * * * *");
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero), schedule.GetNextOccurrence(new DateTimeOffset(2026, 1, 1, 10,
            15, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
            CronSchedule.Parse("0 9 * * MON").GetNextOccurrence(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
