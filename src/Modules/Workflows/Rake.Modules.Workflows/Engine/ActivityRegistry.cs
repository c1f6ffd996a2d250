using System.Reflection;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine;

internal sealed record InputDescriptor(string Name, PropertyInfo Property, InputAttribute Attribute);

internal sealed record OutputDescriptor(string Name, PropertyInfo Property, OutputAttribute Attribute);

/// <summary>What the engine and the designer know about an activity type, read once from its class.</summary>
internal sealed record ActivityDescriptor(
    string TypeName,
    int Version,
    Type ClrType,
    ActivityAttribute Attribute,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<string> Outcomes)
{
    public WorkflowActivity Create() => (WorkflowActivity)Activator.CreateInstance(ClrType, nonPublic: true)!;

    /// <summary>Containers and bulk dispatch hear of their children's ends; asked at every completion, so read once.</summary>
    public bool OwnsChildren { get; } = typeof(IChildOwnerActivity).IsAssignableFrom(ClrType);

    public bool IsTerminal { get; } = typeof(ITerminalActivity).IsAssignableFrom(ClrType);

    private readonly IChildOwnerActivity? sharedOwner = typeof(IStatelessChildOwner).IsAssignableFrom(ClrType)
        ? (IChildOwnerActivity)Activator.CreateInstance(ClrType, nonPublic: true)! : null;

    /// <summary>
    /// The object told of a child's end: one shared instance for an owner that keeps nothing in itself (the flowchart, whose
    /// state is on its execution), a new one otherwise; asked at every completion (docs/adr/0195).
    /// </summary>
    public IChildOwnerActivity? ChildOwner() => sharedOwner ?? Create() as IChildOwnerActivity;
}

/// <summary>A node's descriptor as one registry found it; one reference, so threads sharing a parsed definition see it whole.</summary>
internal sealed record NodeDescriptor(ActivityRegistry Registry, ActivityDescriptor? Descriptor);

/// <summary>
/// Activities found by scanning assemblies for <see cref="ActivityAttribute"/> classes deriving
/// <see cref="WorkflowActivity"/>: the built-ins of this module today, any module's contributions later.
/// </summary>
internal sealed class ActivityRegistry
{
    private readonly Dictionary<(string, int), ActivityDescriptor> _byTypeAndVersion = new();
    private readonly Dictionary<string, ActivityDescriptor> _latest = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            var attribute = type.GetCustomAttribute<ActivityAttribute>(inherit: false);
            if (attribute is null || type.IsAbstract || !typeof(WorkflowActivity).IsAssignableFrom(type))
            {
                continue;
            }
            var descriptor = Describe(type, attribute);
            if (!_byTypeAndVersion.TryAdd((attribute.TypeName, attribute.Version), descriptor))
            {
                throw new InvalidOperationException(
                    $"Activity type '{attribute.TypeName}' version {attribute.Version} is declared twice ({type.FullName}).");
            }
            if (!_latest.TryGetValue(attribute.TypeName, out var latest) || latest.Version < attribute.Version)
            {
                _latest[attribute.TypeName] = descriptor;
            }
        }
    }

    /// <summary>The built-ins of this assembly.</summary>
    public static ActivityRegistry Default { get; } = new([typeof(ActivityRegistry).Assembly]);

    public IEnumerable<ActivityDescriptor> All => _byTypeAndVersion.Values;

    public ActivityDescriptor? Find(string typeName, int version) => _byTypeAndVersion.GetValueOrDefault((typeName, version));

    /// <summary>
    /// The descriptor a node runs with: its type and version, or, for a node that names a workflow definition of the region
    /// (Elsa's WorkflowDefinitionActivity, whose type is the definition's name), the one activity that runs such nodes
    /// (docs/adr/0185).
    /// </summary>
    public ActivityDescriptor? Find(ActivityNode node)
    {
        if (node.CachedDescriptor is { } cached && ReferenceEquals(cached.Registry, this))
        {
            return cached.Descriptor;
        }
        var found = Find(node.Type, node.Version)
            ?? (node.UsedWorkflowDefinitionId is not null ? Find(Activities.WorkflowDefinitionActivity.TypeName, 1) : null);
        node.CachedDescriptor = new NodeDescriptor(this, found);
        return found;
    }

    public bool IsKnownType(string typeName) => _latest.ContainsKey(typeName);

    private static ActivityDescriptor Describe(Type type, ActivityAttribute attribute)
    {
        var properties = type.GetProperties(BindingFlags.Instance | BindingFlags.Public);
        var inputs = properties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new InputDescriptor(x.Attribute!.Name ?? CamelCase(x.Property.Name), x.Property, x.Attribute!))
            .ToList();
        var outputs = properties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<OutputAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new OutputDescriptor(x.Attribute!.Name ?? CamelCase(x.Property.Name), x.Property, x.Attribute!))
            .ToList();
        var outcomes = type.GetCustomAttributes<OutcomeAttribute>(inherit: false).Select(o => o.Name).ToList();
        return new ActivityDescriptor(attribute.TypeName, attribute.Version, type, attribute, inputs, outputs,
            outcomes.Count > 0 ? outcomes : [WorkflowActivity.DoneOutcome]);
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
