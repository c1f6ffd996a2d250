using System.Text.Json;
using System.Text.Json.Nodes;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

/// <summary>
/// Elsa's Complete: signals the enclosing composite to complete. A Rake workflow's only composite is the workflow
/// itself, so the whole workflow completes, as Finish does; the outcomes are kept in the journal and with the instance,
/// and a node that uses this workflow as an activity completes on them, as Elsa's WorkflowDefinitionActivity does.
/// </summary>
[Activity("Elsa.Complete", Category = "Composition", DisplayName = "Complete",
    Description = "Signals the current composite activity to complete itself as a whole.")]
internal sealed class Complete : WorkflowActivity, ITerminalActivity
{
    [Input(DisplayName = "Outcomes", Description = "The outcome or set of outcomes to complete this activity with.")]
    public object? Outcomes { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        string[] outcomes = [.. Interpret(Outcomes)];
        if (context is ActivityContext engineContext)
        {
            engineContext.FinishWorkflow = true;
            // A parent that uses this workflow as an activity completes on these (docs/adr/0191).
            engineContext.Instance.CompleteOutcomes = outcomes;
        }
        context.Complete(outcomes);
        return ValueTask.CompletedTask;
    }

    private static IEnumerable<string> Interpret(object? value)
    {
        switch (value)
        {
            case string text when text.TrimStart().StartsWith('['):
                return JsonNode.Parse(text) is JsonArray parsed ? Interpret(parsed) : [text];
            case string text when text.Length > 0:
                return [text];
            case JsonArray array:
                return array.Select(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
                    : i?.ToJsonString() ?? "").Where(o => o.Length > 0);
            case JsonValue scalar:
                return [scalar.ToString()];
            default:
                return [DoneOutcome];
        }
    }
}

/// <summary>Elsa's SetName: names the workflow instance.</summary>
[Activity("Elsa.SetName", Category = "Primitives", DisplayName = "Set name",
    Description = "Sets the name of the workflow instance to a specified value.")]
internal sealed class SetName : WorkflowActivity
{
    [Input(DisplayName = "Value", Description = "The name of the workflow instance.")]
    public string? Value { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ((ActivityContext)context).WorkflowInstanceName = Value;
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Elsa's Correlate: sets the instance's correlation id.</summary>
[Activity("Elsa.Correlate", Category = "Primitives", DisplayName = "Correlate",
    Description = "Sets the correlation id of the workflow instance to a given value.")]
internal sealed class Correlate : WorkflowActivity
{
    [Input(DisplayName = "Correlation id", Description = "The value to store as the correlation id.")]
    public string? CorrelationId { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ((ActivityContext)context).CorrelationId = CorrelationId;
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Elsa's SetOutput (Elsa.Workflows.Management): assigns a value to an output of the workflow.</summary>
[Activity("Elsa.SetOutput", Category = "Composition", DisplayName = "Set output",
    Description = "Assigns a given value to an output of the workflow.")]
internal sealed class SetOutput : WorkflowActivity
{
    [Input(DisplayName = "Output", Description = "The name of the output to assign.")]
    public string? OutputName { get; set; }

    [Input(DisplayName = "Output value", Description = "The value to assign.")]
    public object? OutputValue { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (string.IsNullOrWhiteSpace(OutputName))
        {
            context.Fault("SetOutput has no output name.");
            return ValueTask.CompletedTask;
        }
        ((ActivityContext)context).Instance.Output[OutputName] = ValueConverter.ToStateValue(OutputValue);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Elsa's RunJavaScript: runs a script in the sandbox (docs/adr/0007) with Elsa's JavaScript API; what the script returns
/// is the activity's Result. The script is stored as a Literal, as Elsa stores it. As in Elsa, the script alone (no other
/// expression) gets <c>setOutcome(name)</c> and <c>setOutcomes(names)</c>, which choose the ports it completes on; the
/// last call wins, without a call it completes on Done, and a name that is not among the possible outcomes is not
/// refused (Elsa does not check): it simply matches no connection (docs/adr/0191).
/// </summary>
[Activity("Elsa.RunJavaScript", Category = "Scripting", DisplayName = "Run JavaScript", Description = "Executes JavaScript code.")]
internal sealed class RunJavaScript : WorkflowActivity
{
    [Input(DisplayName = "Script", Description = "The script to run.", UIHint = "code-editor")]
    public string? Script { get; set; }

    [Input(DisplayName = "Possible outcomes", Description = "A list of possible outcomes.", UIHint = InputUIHints.DynamicOutcomes)]
    public string[]? PossibleOutcomes { get; set; }

    [Output(DisplayName = "Result", Description = "The value the script returned.")]
    public object? Result { get; set; }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("script") is { } type && type != "Literal")
        {
            yield return $"Activity '{design.ActivityId}': input 'script' must be a Literal holding the script, not a {type} expression.";
        }
    }

    public override IEnumerable<string>? GetDynamicOutcomes(IActivityDesign design) =>
        design.TryGetConstantInput<string[]>("possibleOutcomes", out var outcomes) && outcomes is { Length: > 0 }
            ? outcomes.Prepend(DoneOutcome).Distinct()
            : [DoneOutcome];

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (string.IsNullOrWhiteSpace(Script))
        {
            context.Complete();
            return;
        }
        var engineContext = (ActivityContext)context;
        IReadOnlyList<string>? chosen = null;
        engineContext.OutcomeSink = outcomes => chosen = outcomes;
        try
        {
            Result = ValueConverter.ToStateValue(await context.EvaluateAsync("JavaScript", Script));
        }
        finally
        {
            engineContext.OutcomeSink = null;
        }
        if (chosen is null)
        {
            context.Complete();
        }
        else
        {
            engineContext.CompleteWithExactly(chosen);
        }
    }
}
