using System.Text;
using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Tests.Fuzzing;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// Issue 15, "never a 500 from a definition": every region workflow file and every definition of Elsa's conformance corpus,
/// mutated systematically (<see cref="DefinitionMutations"/>), is either refused as malformed JSON or validated; validation
/// never throws, never falls back to its catch-all, and each error about an activity names it by id and display text.
/// </summary>
public sealed class DefinitionFuzzTests
{
    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RakeWorkflows.WorkflowsFolder, "*.json", SearchOption.AllDirectories)
            .Select(f => "workflows/" + Path.GetRelativePath(RakeWorkflows.WorkflowsFolder, f).Replace('\\', '/')).Order())
        {
            data.Add(file);
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedCorpus.Root, "workflows"), "*.json")
            .Select(f => "elsa-conformance/" + Path.GetFileName(f)).Order())
        {
            data.Add(file);
        }
        return data;
    }

    internal static string PathOf(string source) => source.StartsWith("workflows/", StringComparison.Ordinal)
        ? Path.Combine(RakeWorkflows.WorkflowsFolder, source["workflows/".Length..])
        : Path.Combine(SharedCorpus.Root, "workflows", source["elsa-conformance/".Length..]);

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_mutation_is_refused_or_validated_and_each_error_names_its_activity(string source)
    {
        var text = File.ReadAllText(PathOf(source), Encoding.UTF8).TrimStart('\uFEFF');
        var original = JsonNode.Parse(text)!.AsObject();
        var publisher = RakeWorkflows.Publisher(TimeProvider.System);
        // A corpus file may be refused as it is (a bad cron expression, Elsa.RunCSharp): only what a mutation adds must name it.
        var baseline = publisher.Validate(WorkflowDefinition.Parse(text)).Select(e => e.Message).ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        var count = 0;
        var refused = 0;
        foreach (var mutation in DefinitionMutations.Of(source, original, new Random(DefinitionMutations.Seed)))
        {
            count++;
            WorkflowDefinition definition;
            try
            {
                definition = WorkflowDefinition.Parse(mutation.Json);
            }
            catch (WorkflowDefinitionFormatException)
            {
                continue;
            }
            catch (Exception ex)
            {
                failures.Add($"{mutation}: Parse threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }
            IReadOnlyList<ValidationError> errors;
            try
            {
                errors = publisher.Validate(definition);
            }
            catch (Exception ex)
            {
                failures.Add($"{mutation}: Validate threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }
            if (errors.Count > 0)
            {
                refused++;
            }
            var messages = errors.Select(definition.Describe).ToList();
            failures.AddRange(messages.Where(m => m.Contains("could not be checked", StringComparison.Ordinal))
                .Select(m => $"{mutation}: fell back to the catch-all: {m}"));
            foreach (var error in errors.Where(e => e.ActivityId is not null))
            {
                var node = definition.AllActivities().FirstOrDefault(a => a.Id == error.ActivityId);
                var message = definition.Describe(error);
                if (!message.Contains(error.ActivityId!, StringComparison.Ordinal)
                    || (node?.DisplayText is { } shown && !message.Contains(shown, StringComparison.Ordinal)))
                {
                    failures.Add($"{mutation}: an error does not name its activity: {message}");
                }
            }
            var added = errors.Where(e => !baseline.Contains(e.Message)).Select(definition.Describe).ToList();
            if (added.Count > 0 && mutation.ActivityId is { } mutated
                && !added.Any(m => m.Contains(mutated, StringComparison.Ordinal)
                    || (mutation.ActivityText is { } text && m.Contains(text, StringComparison.Ordinal))))
            {
                failures.Add($"{mutation}: refused, but no error names the mutated activity: {string.Join(" | ", added)}");
            }
        }

        Assert.True(count > 50, $"only {count} mutations of {source}");
        Assert.True(refused > 0, $"no mutation of {source} was refused: the mutations do not reach validation");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} mutations of {source} failed:\n"
            + string.Join("\n", failures.OrderBy(f => f.Contains(" threw ", StringComparison.Ordinal)
                || f.Contains("catch-all", StringComparison.Ordinal) ? 0 : 1).Take(40).Select(f => f.Length > 400 ? f[..400] + "…" : f)));
    }

    [Fact]
    public void A_bare_value_or_an_object_where_text_is_expected_is_read_as_elsa_reads_it()
    {
        static PublishResult Publish(JsonNode? title, JsonNode? role)
        {
            var task = new JsonObject
            {
                ["id"] = "t1",
                ["type"] = "Rake.Workflows.HumanTask",
                ["version"] = 1,
                ["title"] = title,
                ["role"] = role,
            };
            var json = new JsonObject
            {
                ["definitionId"] = "bare",
                ["root"] = new JsonObject
                {
                    ["id"] = "root",
                    ["type"] = "Elsa.Flowchart",
                    ["version"] = 1,
                    ["activities"] = new JsonArray(task),
                },
            };
            return RakeWorkflows.Publisher(TimeProvider.System).Publish(WorkflowDefinition.Parse(json.ToJsonString()));
        }
        static JsonObject Literal(JsonNode? value) =>
            new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

        // Elsa reads a bare value as a literal of that value, and an object literal where text is expected as its JSON text.
        Assert.Empty(Publish("Kokous", "Professional").ValidationErrors);
        Assert.Empty(Publish(Literal(new JsonObject { ["a"] = 1 }), Literal("Professional")).ValidationErrors);
        Assert.Empty(Publish(Literal(1), Literal("Professional")).ValidationErrors);
        // A bare number is not a region role: refused, naming the activity and the input's problem, not thrown.
        var refused = Publish("Kokous", 7).ValidationErrors;
        Assert.Contains(refused, e => e.ActivityId == "t1" && e.Message.Contains("'7' is not a region role", StringComparison.Ordinal));
        // An expression that is not an object names the input.
        var notExpression = Publish(new JsonObject { ["typeName"] = "String", ["expression"] = true }, "Professional").ValidationErrors;
        Assert.Contains(notExpression, e => e.ActivityId == "t1" && e.Message.Contains("input 'title'", StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_types_in_the_activity_structure_are_errors_naming_the_activity_and_the_property()
    {
        var json = """
            { "definitionId": "shape", "name": 5, "root": { "id": "root", "type": "Elsa.Flowchart", "version": 1, "activities": [
              { "id": "w1", "type": "Elsa.WriteLine", "version": "2", "metadata": { "displayText": "Kirjoita rivi" } },
              { "id": 7, "type": "Elsa.WriteLine", "name": "Numeroitu" },
              { "id": "w3", "type": true },
              { "id": "w4", "type": "Elsa.WriteLine", "metadata": [] } ],
              "connections": [ { "source": { "activity": 1, "port": "Done" }, "target": "w1" } ] } }
            """;
        var definition = WorkflowDefinition.Parse(json);

        var messages = RakeWorkflows.Publisher(TimeProvider.System).Validate(definition).Select(definition.Describe).ToList();

        Assert.Contains("The workflow's 'name' must be text, not a number.", messages);
        Assert.Contains("Activity 'Kirjoita rivi' ('w1'): 'version' must be a whole number, not text.", messages);
        Assert.Contains("Activity 'Numeroitu' (no id, in 'root'): 'id' must be text, not a number.", messages);
        Assert.Contains("Activity 'w3': 'type' must be the activity type's name as text, not true/false.", messages);
        Assert.Contains("Activity 'w4': 'metadata' must be an object, not a list.", messages);
        Assert.Contains(messages,
            m => m.StartsWith("Activity 'root': connection 0 must have a source and a target", StringComparison.Ordinal));
    }
}
