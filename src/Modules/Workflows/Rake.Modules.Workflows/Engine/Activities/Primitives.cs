using System.Text.Json;
using System.Text.Json.Nodes;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

[Activity("Elsa.Start", Category = "Flow", DisplayName = "Start", Description = "The starting point of a flowchart.")]
internal sealed class Start : WorkflowActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Ends its flowchart at once, even if other branches are still pending.</summary>
[Activity("Elsa.End", Category = "Flow", DisplayName = "End", Description = "Completes the flowchart.")]
internal sealed class End : WorkflowActivity, ITerminalActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Ends the whole workflow: queued work and bookmarks are dropped.</summary>
[Activity("Elsa.Finish", Category = "Primitives", DisplayName = "Finish", Description = "Marks the workflow as finished.")]
internal sealed class Finish : WorkflowActivity, ITerminalActivity
{
    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context is ActivityContext engineContext)
        {
            engineContext.FinishWorkflow = true;
        }
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

[Activity("Elsa.WriteLine", Category = "Console", DisplayName = "Write line", Description = "Writes a line of text.")]
internal sealed class WriteLine : WorkflowActivity
{
    [Input(DisplayName = "Text", Description = "The text to write.")]
    public string? Text { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.WriteLine(Text);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Sets a workflow variable. Its <c>variable</c> input is a reference object, not an expression, and its value may be of
/// any JSON type, so both are read from the context rather than declared as typed properties.
/// </summary>
[Activity("Elsa.SetVariable", Category = "Primitives", DisplayName = "Set variable",
    Description = "Assigns a value to a workflow variable.")]
internal sealed class SetVariable : WorkflowActivity
{
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var reference = context.GetRawInput("variable");
        var name = (string?)reference?["name"] ?? (reference is JsonValue v ? v.ToString() : null);
        if (string.IsNullOrEmpty(name))
        {
            context.Fault("SetVariable has no variable to set.");
            return;
        }
        context.SetVariable(name, await context.GetInputAsync("value"));
        context.Complete();
    }
}

[Activity("Elsa.FlowDecision", Category = "Branching", DisplayName = "Decision",
    Description = "Takes the True or False port depending on a condition.")]
[Outcome("True")]
[Outcome("False")]
internal sealed class FlowDecision : WorkflowActivity
{
    [Input(DisplayName = "Condition", Description = "The condition to evaluate.", UIHint = InputUIHints.SingleLine)]
    public bool Condition { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.Complete(Condition ? "True" : "False");
        return ValueTask.CompletedTask;
    }
}

internal enum SwitchMode { MatchFirst, MatchAny }

/// <summary>Takes the port of the first (or every) case whose condition holds, or <c>Default</c>.</summary>
[Activity("Elsa.FlowSwitch", Category = "Branching", DisplayName = "Switch", Description = "Takes the ports of the matching cases.")]
internal sealed class FlowSwitch : WorkflowActivity
{
    [Input(DisplayName = "Mode", Description = "Whether only the first matching case or all of them are taken.",
        UIHint = InputUIHints.DropDown)]
    public SwitchMode Mode { get; set; } = SwitchMode.MatchFirst;

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var matches = new List<string>();
        foreach (var (label, type, expression) in Cases(context.GetRawInput("cases")))
        {
            if (Truthy(await context.EvaluateAsync(type, expression)))
            {
                matches.Add(label);
                if (Mode == SwitchMode.MatchFirst)
                {
                    break;
                }
            }
        }
        context.Complete(matches.Count > 0 ? [.. matches] : ["Default"]);
    }

    public override IEnumerable<string>? GetDynamicOutcomes(IActivityDesign design) =>
        Cases(design.GetRawInput("cases")).Select(c => c.Label).Append("Default");

    /// <summary>
    /// A case's condition as Elsa 3 saves it (<c>{typeName, expression: {type, value}}</c>) or in the older flat form
    /// (<c>{type, value}</c>); a literal value may be a JSON boolean or number, which is passed on as its JSON text.
    /// </summary>
    internal static IEnumerable<(string Label, string Type, string? Expression)> Cases(JsonNode? node) =>
        (node as JsonArray ?? [])
        .OfType<JsonObject>()
        .Select(c =>
        {
            var condition = c["condition"] as JsonObject;
            var expression = condition?["expression"] as JsonObject ?? condition;
            var type = expression?["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : "JavaScript";
            return (Text(c["label"]) ?? "", type, Text(expression?["value"]));
        });

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    internal static bool Truthy(object? value) => value switch
    {
        bool b => b,
        // A literal condition comes back from the evaluator as the JSON value Elsa saved (true, 0, "True").
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => v.GetValue<double>() is var n && n != 0 && !double.IsNaN(n),
            JsonValueKind.String => Truthy(v.GetValue<string>()),
            _ => false,
        },
        string s => bool.TryParse(s, out var b)
            ? b
            : double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
                && n != 0,
        int n => n != 0,
        double d => d != 0 && !double.IsNaN(d),
        _ => false,
    };
}

/// <summary>Takes every one of its branch ports at once.</summary>
[Activity("Elsa.FlowFork", Category = "Branching", DisplayName = "Fork", Description = "Continues on every branch.")]
internal sealed class FlowFork : WorkflowActivity
{
    [Input(DisplayName = "Branches", Description = "The names of the branches.", UIHint = InputUIHints.DynamicOutcomes)]
    public string[]? Branches { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.Complete(Branches ?? []);
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<string>? GetDynamicOutcomes(IActivityDesign design) =>
        design.GetExpressionType("branches") is "JavaScript" or "Variable" ? null
        : design.TryGetConstantInput<string[]>("branches", out var branches) ? branches ?? [] : [];
}

internal enum FlowJoinMode { WaitAny, WaitAll, WaitAllActive }

/// <summary>Merges branches; the flowchart decides when it runs (see <see cref="Flowchart"/>).</summary>
[Activity("Elsa.FlowJoin", Category = "Branching", DisplayName = "Join", Description = "Merges several branches into one.")]
internal sealed class FlowJoin : WorkflowActivity, IJoinActivity
{
    [Input(DisplayName = "Mode", Description = "WaitAny continues on the first branch to arrive; WaitAll waits for every branch.",
        UIHint = InputUIHints.DropDown)]
    public FlowJoinMode Mode { get; set; } = FlowJoinMode.WaitAny;

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Faults the workflow with a message, code and category.</summary>
[Activity("Elsa.Fault", Category = "Primitives", DisplayName = "Fault", Description = "Faults the workflow.")]
internal sealed class Fault : WorkflowActivity
{
    [Input(DisplayName = "Code", Description = "A code for the fault.")]
    public string? Code { get; set; }

    [Input(DisplayName = "Category", Description = "The category of the fault.")]
    public string? Category { get; set; }

    [Input(DisplayName = "Message", Description = "What went wrong.")]
    public string? Message { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.Fault(Message ?? "The workflow faulted.", Code, Category);
        return ValueTask.CompletedTask;
    }
}
