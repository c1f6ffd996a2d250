namespace Rake.Workflows.Abstractions;

/// <summary>
/// Marks a workflow activity a module contributes. The type name is prefixed by the module
/// (<c>Rake.Reporting.CompilePeriodSummary</c>) and is what Elsa 3 JSON calls the activity's <c>type</c>.
/// The engine finds activities by scanning assemblies for this attribute, so a module adds one by writing a class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName, int version = 1) : Attribute
{
    public string TypeName { get; } = typeName;
    public int Version { get; } = version;
    public string Category { get; init; } = "Rake";
    public string? DisplayName { get; init; }
    public string? Description { get; init; }

    /// <summary>True for activities that can start a workflow (Elsa's trigger activities: Timer, Cron, Event...).</summary>
    public bool IsTrigger { get; init; }
}

/// <summary>
/// Marks a property of an activity as an input. The engine evaluates the definition's
/// <c>{typeName, expression:{type, value}}</c> for the camel-cased property name and assigns the converted value
/// before the activity runs. UI hint, display name and description feed the designer's activity descriptors.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    /// <summary>The JSON name; defaults to the camel-cased property name, which is Elsa's convention.</summary>
    public string? Name { get; init; }
    public string UIHint { get; init; } = InputUIHints.SingleLine;
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public string? Category { get; init; }

    /// <summary>
    /// The values a <see cref="InputUIHints.DropDown"/> offers: an enum type (its names) or a type implementing
    /// <see cref="IInputOptionsProvider"/> (values that depend on the region, read when the designer asks).
    /// </summary>
    public Type? Options { get; init; }

    /// <summary>
    /// True when a Literal value must be empty or one of the values the <see cref="Options"/> provider offers for the
    /// region: publishing refuses any other, naming the activity and the input. An expression is the activity's to check
    /// when it runs.
    /// </summary>
    public bool OnlyOfferedValues { get; init; }

    /// <summary>
    /// False for an input the activity evaluates itself, when and as often as it needs (Elsa's <c>AutoEvaluate = false</c>:
    /// BulkDispatchWorkflows evaluates its correlation id function once per item). The engine then leaves the property unset.
    /// </summary>
    public bool AutoEvaluate { get; init; } = true;
}

/// <summary>One value of a dropdown input: the stored value and, when it differs, the text shown.</summary>
public sealed record InputOption(string Value, string? Text = null);

/// <summary>
/// Supplies a dropdown's values for the region the designer works in. <paramref name="regionScope"/> is a service scope
/// whose request context is that region; resolve the module's services (or another module's Contracts) from it.
/// Needs a public or internal parameterless constructor.
/// </summary>
public interface IInputOptionsProvider
{
    ValueTask<IReadOnlyList<InputOption>> GetOptionsAsync(IServiceProvider regionScope, CancellationToken cancellationToken);
}

/// <summary>Marks a property of an activity as an output; the activity sets it, the engine records it after completion.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    public string? Name { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
}

/// <summary>
/// Declares a named outbound port. An activity without any has Elsa's single <c>Done</c> port; activities whose ports
/// depend on their inputs (FlowFork, FlowSwitch) override <see cref="WorkflowActivity.GetDynamicOutcomes"/> instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OutcomeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>The UI hints Elsa Studio understands; the designer picks an editor by this string.</summary>
public static class InputUIHints
{
    public const string SingleLine = "single-line";
    public const string MultiLine = "multi-line";
    public const string Checkbox = "checkbox";
    public const string DropDown = "dropdown";
    public const string DateTimePicker = "datetime-picker";
    public const string DynamicOutcomes = "dynamic-outcomes";
    public const string VariablePicker = "variable-picker";
    public const string FlowSwitchEditor = "flow-switch-editor";
    public const string JsonEditor = "json-editor";
}
