namespace Rake.Workflows.Abstractions;

/// <summary>
/// Marks a workflow activity a module contributes. The type name is prefixed by the module
/// (<c>Rake.Reporting.CompilePeriodSummary</c>) and is what Elsa 3 JSON calls the activity's <c>type</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName, int version = 1) : Attribute
{
    public string TypeName { get; } = typeName;
    public int Version { get; } = version;
    public string Category { get; init; } = "Rake";
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
}
