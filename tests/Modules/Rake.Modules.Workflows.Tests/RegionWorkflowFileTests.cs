using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Rake.Modules.Workflows.Engine;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Tests;

/// <summary>The regions' workflow files in <c>workflows/&lt;region&gt;/*.json</c>: each parses, validates and publishes.</summary>
public sealed class RegionWorkflowFileTests
{
    private static List<string> FileNames() =>
        Directory.EnumerateFiles(RakeWorkflows.WorkflowsFolder, "*.json", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RakeWorkflows.WorkflowsFolder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Files() => new(FileNames());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_workflow_file_parses_and_publishes_without_validation_errors(string file)
    {
        var definition = RakeWorkflows.Load(file);

        var result = RakeWorkflows.Publisher(TimeProvider.System).Publish(definition);

        Assert.Empty(result.ValidationErrors.Select(e => $"{file}: {e.ActivityId}: {e.Message}"));
        Assert.True(result.Succeeded);
        Assert.Equal("Elsa.Flowchart", definition.Root.Type);
        Assert.False(string.IsNullOrEmpty(definition.DefinitionId));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_activity_has_a_designer_position_and_the_file_round_trips(string file)
    {
        var text = File.ReadAllText(Path.Combine(RakeWorkflows.WorkflowsFolder, file));
        var definition = WorkflowDefinition.Parse(text);

        Assert.All(definition.Root.Activities, a => Assert.NotNull(a.Json["metadata"]?["designer"]?["position"]?["x"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(definition.ToJson())));
    }

    [Fact]
    public void The_four_region_processes_are_present()
    {
        foreach (var file in new[] { "kainuu/annual-cycle.json", "kymenlaakso/half-year-routing.json", "kymenlaakso/phenomenon-report.json",
            "keski-suomi/annual-plan-cycle.json" })
        {
            Assert.Contains(file, FileNames());
        }
    }

    [Theory]
    [InlineData("kainuu/annual-cycle.json", "Time Elsa.Cron 0 0 6 1 1 *")]
    [InlineData("kymenlaakso/half-year-routing.json", "Time Elsa.Cron 0 0 6 1 6,12 *")]
    [InlineData("kymenlaakso/phenomenon-report.json", "")]
    [InlineData("kymenlaakso/meeting-rhythm.json",
        "Time Elsa.Cron 0 0 6 1 1-5,8-11 *|Time Elsa.Cron 0 0 6 1 2-6,8-12 *|Time Elsa.Cron 0 0 6 1 2,5,8,11 *")]
    [InlineData("keski-suomi/annual-plan-cycle.json", "Time Elsa.Cron 0 0 6 1 1 *|Time Elsa.StartAt 2029-03-02T06:00:00.0000000+00:00")]
    public void Publishing_registers_the_triggers_that_start_each_cycle(string file, string expected)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var result = RakeWorkflows.Publisher(clock).Publish(RakeWorkflows.Load(file));

        var triggers = result.Triggers.Select(t => $"{t.Kind} {t.Name} {t.CronExpression ?? t.DueAt?.ToUniversalTime().ToString("O")}");
        Assert.Equal(expected, string.Join("|", triggers));
    }

    [Fact]
    public void Only_rake_and_elsa_activities_are_used_and_every_human_task_names_a_region_role()
    {
        foreach (var file in FileNames())
        {
            var definition = RakeWorkflows.Load(file);
            foreach (var node in definition.AllActivities())
            {
                Assert.True(node.Type.StartsWith("Elsa.", StringComparison.Ordinal) || node.Type.StartsWith("Rake.",
                    StringComparison.Ordinal), $"{file}: {node.Type}");
                if (node.Type == "Rake.Workflows.HumanTask")
                {
                    Assert.True(Enum.TryParse<Rake.BuildingBlocks.Contracts.RegionRole>(node.Input("role")?.Text, out _),
                        $"{file}: {node.Id}");
                    Assert.NotNull(node.Input("dueInDays") ?? node.Input("dueDate"));
                }
            }
        }
    }
}
