using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Runtime;

/// <summary>
/// The region's workflows that other workflows may use as activities (Elsa's <c>options.usableAsActivity</c>): the toolbox
/// offers them and publishing checks the nodes that use them (docs/adr/0185). The region filter of the context keeps
/// another region's definitions out.
/// </summary>
internal static class UsableWorkflows
{
    /// <summary>Whether a stored definition says it is usable as an activity.</summary>
    public static bool IsUsable(string json)
    {
        try
        {
            return JsonNode.Parse(json)?["options"]?["usableAsActivity"] is JsonValue flag
                && flag.GetValueKind() == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The outcomes a definition declares (Elsa's <c>outcomes</c>): the ports of a node that uses it as an activity, which
    /// completes on the outcomes of the Complete that ended the child (docs/adr/0191).
    /// </summary>
    public static IReadOnlyList<string> DeclaredOutcomes(JsonNode? json) =>
        (json?["outcomes"] as JsonArray ?? [])
            .Select(JsonRead.Text)
            .Where(o => !string.IsNullOrWhiteSpace(o))
            .Select(o => o!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The latest published version of each usable definition of the region, by definition id.</summary>
    public static async Task<IReadOnlyList<WorkflowDefinitionVersion>> ListAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        var published = await db.Definitions.AsNoTracking()
            .Where(d => d.IsPublished && d.Json.Contains("usableAsActivity"))
            .ToListAsync(ct);
        return published
            .GroupBy(d => d.DefinitionId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(d => d.Version).First())
            .Where(d => IsUsable(d.Json))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The activity type Elsa gives a usable definition: its name in Pascal case (spaces and underscores dropped).</summary>
    public static string TypeName(WorkflowDefinitionVersion version)
    {
        var name = string.IsNullOrWhiteSpace(version.Name) ? version.DefinitionId : version.Name;
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name.Trim())
        {
            if (c is ' ' or '_')
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return builder.ToString();
    }

    /// <summary>
    /// Publish-time check of the nodes that use a workflow as an activity: the region must have that workflow published
    /// and usable as an activity, or the node could never run. Each error names the activity and says how to fix it.
    /// </summary>
    public static async Task<IReadOnlyList<ValidationError>> CheckUsesAsync(WorkflowsDbContext db, ActivityRegistry registry,
        string json, CancellationToken ct)
    {
        if (WorkflowDefinition.ParseOrNull(json) is not { } definition)
        {
            return [];
        }
        var uses = definition.AllActivities()
            .Where(n => n.UsedWorkflowDefinitionId is not null && registry.Find(n.Type, n.Version) is null)
            .ToList();
        if (uses.Count == 0)
        {
            return [];
        }
        var ids = uses.Select(n => n.UsedWorkflowDefinitionId!).Distinct(StringComparer.Ordinal).ToList();
        var published = await db.Definitions.AsNoTracking()
            .Where(d => d.IsPublished && ids.Contains(d.DefinitionId))
            .ToListAsync(ct);
        var usable = published
            .GroupBy(d => d.DefinitionId, StringComparer.Ordinal)
            .Where(g => IsUsable(g.OrderByDescending(d => d.Version).First().Json))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var errors = new List<ValidationError>();
        foreach (var node in uses)
        {
            var used = node.UsedWorkflowDefinitionId!;
            if (usable.Contains(used))
            {
                errors.AddRange(CheckPorts(definition, node, RunningVersion(published, node)));
                continue;
            }
            var why = published.Any(d => d.DefinitionId == used)
                ? "is published but not usable as an activity: turn on 'Usable as activity' in its settings and publish it again"
                : "is not a published workflow of this region: publish it first, or remove the activity";
            errors.Add(new ValidationError(node.Id.Length > 0 ? node.Id : null,
                $"Activity {node.Label} ('{node.Type}') uses workflow '{used}', which {why}."));
        }
        return errors;
    }

    /// <summary>The version a node runs: the one it pins while published, otherwise the latest published one.</summary>
    private static WorkflowDefinitionVersion RunningVersion(List<WorkflowDefinitionVersion> published, ActivityNode node)
    {
        var versions = published.Where(d => d.DefinitionId == node.UsedWorkflowDefinitionId).ToList();
        return versions.FirstOrDefault(d => node.UsedWorkflowDefinitionVersionId is { } pinned
                && (string.Equals(d.Id.ToString("N"), pinned, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(d.Id.ToString(), pinned, StringComparison.OrdinalIgnoreCase)))
            ?? versions.OrderByDescending(d => d.Version).First();
    }

    /// <summary>
    /// A connection may leave the node from Done (a child that ends without Complete) or from an outcome the used workflow
    /// declares; any other port could never be taken, so it is refused naming the node, the port and the ports it has.
    /// </summary>
    private static IEnumerable<ValidationError> CheckPorts(WorkflowDefinition definition, ActivityNode node,
        WorkflowDefinitionVersion version)
    {
        var declared = DeclaredOutcomes(JsonNode.Parse(version.Json));
        var ports = declared.Prepend(WorkflowActivity.DoneOutcome).Distinct(StringComparer.Ordinal).ToList();
        var connections = definition.AllActivities().SelectMany(f => f.Connections).Where(c => c.Source == node.Id);
        foreach (var port in connections.Select(c => c.SourcePort).Distinct(StringComparer.Ordinal))
        {
            if (!ports.Contains(port, StringComparer.Ordinal))
            {
                yield return new ValidationError(node.Id,
                    $"Activity {node.Label} ('{node.Type}') has no outcome port '{port}': workflow '{node.UsedWorkflowDefinitionId}' "
                    + $"(version {version.Version}) ends on {string.Join(", ", ports)}. Connect one of these, or add '{port}' to "
                    + "that workflow's outcomes and publish it again.");
            }
        }
    }
}
