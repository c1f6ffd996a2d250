using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine.Expressions;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine;

internal sealed record ValidationError(string? ActivityId, string Message);

internal sealed record PublishResult(bool Succeeded, IReadOnlyList<ValidationError> ValidationErrors,
    IReadOnlyList<TriggerRequest> Triggers);

/// <summary>
/// Checks a definition before it is published: unknown activity types or versions, connections to missing activities
/// or ports, inputs that do not convert to their declared type, and each activity's own checks (cron expressions).
/// Like Elsa, publishing can be told not to fail on validation errors, which are then reported as warnings.
/// </summary>
internal sealed class WorkflowPublisher(ActivityRegistry registry, TimeProvider time)
{
    public PublishResult Publish(WorkflowDefinition definition, bool failOnValidationErrors = true)
    {
        var errors = Validate(definition);
        var succeeded = errors.Count == 0 || !failOnValidationErrors;
        var triggers = succeeded ? Triggers(definition) : [];
        return new PublishResult(succeeded, errors, triggers);
    }

    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition)
    {
        var errors = DefinitionShape.Check(definition, registry).ToList();
        foreach (var node in definition.AllActivities())
        {
            try
            {
                errors.AddRange(ValidateActivity(node));
            }
            catch (Exception ex)
                when (ex is not (OperationCanceledException or OutOfMemoryException or InsufficientExecutionStackException))
            {
                // The last line of "never a 500 from a definition": an activity's own check that trips over a value it did
                // not expect still ends as a validation error naming the activity (the fuzz test keeps this path unused).
                errors.Add(new(NullIfEmpty(node.Id), $"Activity {Label(node)} could not be checked: {ex.Message}"));
            }
        }
        return errors;
    }

    private List<ValidationError> ValidateActivity(ActivityNode node)
    {
        var errors = new List<ValidationError>();
        var id = NullIfEmpty(node.Id);
        var descriptor = registry.Find(node);
        if (descriptor is null)
        {
            errors.Add(new(id, registry.IsKnownType(node.Type)
                ? $"Activity {Label(node)} uses version {node.Version} of '{node.Type}', which does not exist."
                : $"Activity {Label(node)} has unknown type '{node.Type}'."));
            return errors;
        }
        var design = new ActivityDesign(node);
        var activity = descriptor.Create();
        var unconverted = new List<(string Input, ValidationError Error)>();
        foreach (var input in descriptor.Inputs)
        {
            var value = node.Input(input.Name);
            if (value is null)
            {
                continue;
            }
            if (!ExpressionEvaluator.SupportedTypes.Contains(value.ExpressionType))
            {
                errors.Add(new(id,
                    $"Activity {Label(node)}: input '{input.Name}' uses unsupported expression type '{value.ExpressionType}'."));
            }
            else if (value.ExpressionType is "Literal" or "Object"
                && !design.TryConvert(input.Name, input.Property.PropertyType, out _, out var problem))
            {
                unconverted.Add((input.Name, new(id,
                    $"Activity {Label(node)}: input '{input.Name}' is not a valid {Describe(input.Property.PropertyType)}: {problem}")));
            }
        }
        var own = activity.Validate(design).ToList();
        errors.AddRange(own.Select(message => new ValidationError(id, message)));
        // An activity that explains a bad input in its own words says it better than the converter; one error per input.
        errors.AddRange(unconverted.Where(u => !own.Any(m => m.Contains($"input '{u.Input}'", StringComparison.Ordinal)))
            .Select(u => u.Error));
        if (node.CanStartWorkflow && errors.Count == 0)
        {
            // The triggers are read when the version is published; reading them here turns their surprises into errors.
            _ = activity.GetTriggers(design, time.GetUtcNow()).ToList();
        }
        if (node.Activities.Count > 0 || node.Connections.Count > 0)
        {
            errors.AddRange(ValidateConnections(node));
        }
        return errors;
    }

    private static string? NullIfEmpty(string id) => id.Length > 0 ? id : null;

    private IEnumerable<ValidationError> ValidateConnections(ActivityNode flowchart)
    {
        foreach (var connection in flowchart.Connections)
        {
            var source = flowchart.FindChild(connection.Source);
            var target = flowchart.FindChild(connection.Target);
            if (source is null)
            {
                yield return new(connection.Source,
                    $"Connection {connection} starts at activity '{connection.Source}', which is not in flowchart '{flowchart.Id}'.");
            }
            if (target is null)
            {
                yield return new(connection.Target,
                    $"Connection {connection} ends at activity '{connection.Target}', which is not in flowchart '{flowchart.Id}'.");
            }
            if (source is not null && Outcomes(source) is { } ports && !ports.Contains(connection.SourcePort))
            {
                yield return new(source.Id,
                    $"Activity {Label(source)} has no outcome port '{connection.SourcePort}' (it has: {string.Join(", ", ports)}).");
            }
            if (target is not null && connection.TargetPort != "In")
            {
                yield return new(target.Id, $"Activity {Label(target)} has no inbound port '{connection.TargetPort}' (it has: In).");
            }
        }
    }

    /// <summary>The ports of an activity; null when they cannot be known before running (computed by a script).</summary>
    private IReadOnlyList<string>? Outcomes(ActivityNode node)
    {
        var descriptor = registry.Find(node);
        if (descriptor is null)
        {
            return null;
        }
        if (typeof(IContainerActivity).IsAssignableFrom(descriptor.ClrType))
        {
            return [WorkflowActivity.DoneOutcome];
        }
        if (descriptor.ClrType == typeof(Activities.WorkflowDefinitionActivity))
        {
            // The used workflow's outcomes are in the region's store: the runtime checks these ports when it publishes
            // (UsableWorkflows.CheckUsesAsync, docs/adr/0191).
            return null;
        }
        var dynamic = descriptor.Create().GetDynamicOutcomes(new ActivityDesign(node));
        if (dynamic is not null)
        {
            return dynamic.ToList();
        }
        var declared = descriptor.ClrType.IsDefined(typeof(OutcomeAttribute), inherit: false);
        return declared ? descriptor.Outcomes : [WorkflowActivity.DoneOutcome];
    }

    private IReadOnlyList<TriggerRequest> Triggers(WorkflowDefinition definition) =>
        definition.AllActivities()
            .Where(n => n.CanStartWorkflow)
            .SelectMany(n => registry.Find(n)?.Create().GetTriggers(new ActivityDesign(n), time.GetUtcNow()) ?? [])
            .ToList();

    private static string Label(ActivityNode node) => node.Label;

    private static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type).Name;
}

/// <summary>An activity's design seen at publish time.</summary>
internal sealed class ActivityDesign(ActivityNode node) : IActivityDesign
{
    public string ActivityId => node.Id;
    public string? Name => node.Name;

    public string? GetExpressionType(string name) => node.Input(name)?.ExpressionType;

    public JsonNode? GetRawInput(string name) => node.RawInput(name);

    public bool TryGetConstantInput<T>(string name, out T? value)
    {
        var ok = TryConvert(name, typeof(T), out var converted, out _);
        value = ok && converted is T typed ? typed : default;
        return ok;
    }

    public bool TryConvert(string name, Type type, out object? value, out string? problem)
    {
        value = null;
        problem = null;
        var input = node.Input(name);
        if (input is null || input.ExpressionType is not ("Literal" or "Object"))
        {
            return false;
        }
        try
        {
            var raw = input.ExpressionType == "Object" && input.Text is { } json && !string.IsNullOrWhiteSpace(json) ? JsonNode.Parse(json)
                : input.Value;
            value = ValueConverter.Convert(raw, type);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or System.Text.Json.JsonException or OverflowException
            or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            problem = ex.Message;
            return false;
        }
    }
}
