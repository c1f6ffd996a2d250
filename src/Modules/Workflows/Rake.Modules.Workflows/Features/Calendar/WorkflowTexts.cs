using Microsoft.EntityFrameworkCore;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Features.Calendar;

/// <summary>
/// Reads a text's language version from the definition version the run was started on, so a row keeps the wording of
/// the workflow that wrote it even after a newer version is published (docs/adr/0130).
/// </summary>
internal sealed class WorkflowTexts(WorkflowsDbContext db) : IWorkflowTextsApi
{
    public async Task<IReadOnlyDictionary<string, string>> TextsAsync(
        IReadOnlyCollection<string> sourceKeys, string input, string language, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!LocalisedInput.Languages.Contains(language, StringComparer.Ordinal))
        {
            return found;
        }
        var keys = sourceKeys.Distinct(StringComparer.Ordinal)
            .Select(key => (Key: key, Parts: key.Split('/', 2)))
            .Where(k => k.Parts.Length == 2 && Guid.TryParse(k.Parts[0], out _))
            .Select(k => (k.Key, Instance: Guid.Parse(k.Parts[0]), Activity: k.Parts[1]))
            .ToList();
        if (keys.Count == 0)
        {
            return found;
        }
        var instanceIds = keys.Select(k => k.Instance).Distinct().ToList();
        var versions = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionVersionId }).ToDictionaryAsync(i => i.Id, i => i.DefinitionVersionId, cancellationToken);
        var versionIds = versions.Values.Distinct().ToList();
        var definitions = (await db.Definitions.AsNoTracking().Where(d => versionIds.Contains(d.Id)).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id, d => WorkflowDefinition.Parse(d.Json));
        var name = LocalisedInput.Name(input, language);
        foreach (var (key, instance, activity) in keys)
        {
            if (versions.TryGetValue(instance, out var versionId) && definitions.TryGetValue(versionId, out var definition)
                && definition.AllActivities().FirstOrDefault(a => a.Id == activity)?.Input(name) is { ExpressionType: "Literal" } value
                && value.Text is { Length: > 0 } text)
            {
                found[key] = text;
            }
        }
        return found;
    }
}
