using Rake.Modules.Workflows.Engine;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>
/// Publish-time check of the dropdown inputs that take only the region's own data (<see cref="InputAttribute.OnlyOfferedValues"/>:
/// a report category, a service area): a Literal the region's options provider does not offer could only fault or find
/// nothing at run time, so it is refused naming the activity, the input and the values the region has (docs/adr/0183).
/// </summary>
internal static class OfferedValues
{
    private const int MaxListed = 30;

    public static async Task<IReadOnlyList<ValidationError>> CheckAsync(IServiceProvider regionScope, ActivityRegistry registry,
        string json, CancellationToken ct)
    {
        if (WorkflowDefinition.ParseOrNull(json) is not { } definition)
        {
            return [];
        }
        var offered = new Dictionary<Type, IReadOnlyList<InputOption>>();
        var errors = new List<ValidationError>();
        foreach (var node in definition.AllActivities())
        {
            if (registry.Find(node) is not { } descriptor)
            {
                continue;
            }
            var design = new ActivityDesign(node);
            foreach (var input in descriptor.Inputs.Where(i => i.Attribute is { OnlyOfferedValues: true, Options: { } type }
                && typeof(IInputOptionsProvider).IsAssignableFrom(type)))
            {
                if (design.GetExpressionType(input.Name) != "Literal" || !design.TryGetConstantInput<string>(input.Name, out var value)
                    || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }
                var type = input.Attribute.Options!;
                if (!offered.TryGetValue(type, out var options))
                {
                    var provider = (IInputOptionsProvider)Activator.CreateInstance(type, nonPublic: true)!;
                    options = await provider.GetOptionsAsync(regionScope, ct);
                    offered[type] = options;
                }
                if (options.Any(o => string.Equals(o.Value, value.Trim(), StringComparison.Ordinal)))
                {
                    continue;
                }
                var values = options.Select(o => o.Value).Where(v => v.Length > 0).ToList();
                var listed = values.Count == 0 ? "none"
                    : string.Join(", ", values.Take(MaxListed)) + (values.Count > MaxListed ? $" and {values.Count - MaxListed} more" : "");
                errors.Add(new ValidationError(node.Id.Length > 0 ? node.Id : null,
                    $"Activity {node.Label}: input '{input.Name}' is '{Shorten(value.Trim())}', which is not one of this "
                    + $"region's values ({listed}). Choose one from the dropdown, or leave it empty."));
            }
        }
        return errors;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
