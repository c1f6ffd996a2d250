using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Runtime;

internal enum ImportStatus { Loaded, Unchanged, Rejected }

internal sealed record ImportEntry(string Region, string Path, string? DefinitionId, int? Version, ImportStatus Status,
    IReadOnlyList<string> Reasons);

/// <summary>What the last start-up import did, per region and file; kept so tests and admins can see rejected files.</summary>
internal sealed class WorkflowImportReport
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<ImportEntry>> byRegion = new(StringComparer.Ordinal);

    public string? Folder { get; set; }

    public IReadOnlyList<ImportEntry> For(string region) => byRegion.GetValueOrDefault(region) ?? [];

    public IReadOnlyList<ImportEntry> All => byRegion.Values.SelectMany(e => e).ToList();

    public void Set(string region, IReadOnlyList<ImportEntry> entries) => byRegion[region] = entries;
}

/// <summary>
/// Imports <c>workflows/&lt;region&gt;/*.json</c> for a demo region: each valid file is stored and published as a new
/// version when its content changed; an invalid one is logged with its path and reason, and the rest still load.
/// </summary>
internal sealed class DefinitionImporter(
    WorkflowsDbContext db, DefinitionStore store, WorkflowEngineFactory engines, WorkflowImportReport report, IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DefinitionImporter> logger)
{
    public const string PathKey = "Rake:WorkflowsPath";

    public async Task<IReadOnlyList<ImportEntry>> ImportRegionAsync(string region, CancellationToken ct)
    {
        var root = FindFolder();
        report.Folder = root;
        var folder = root is null ? null : Path.Combine(root, region);
        if (folder is null || !Directory.Exists(folder))
        {
            logger.LogInformation("No workflow folder for region {Region} (looked in {Folder}).", region, folder ?? "(none found)");
            report.Set(region, []);
            return [];
        }
        var entries = new List<ImportEntry>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            entries.Add(await ImportFileAsync(region, file, ct));
        }
        report.Set(region, entries);
        return entries;
    }

    private async Task<ImportEntry> ImportFileAsync(string region, string file, CancellationToken ct)
    {
        WorkflowDefinition definition;
        try
        {
            definition = WorkflowDefinition.Parse(await File.ReadAllBytesAsync(file, ct));
        }
        catch (WorkflowDefinitionFormatException ex)
        {
            return Rejected(region, file, null, [ex.Message]);
        }
        if (string.IsNullOrWhiteSpace(JsonRead.Text(definition.Json["definitionId"])))
        {
            definition.Json["definitionId"] = string.IsNullOrWhiteSpace(definition.DefinitionId) ? Path.GetFileNameWithoutExtension(file)
                : definition.DefinitionId;
        }
        var errors = engines.Publisher().Validate(definition);
        if (errors.Count > 0)
        {
            return Rejected(region, file, definition.DefinitionId,
                errors.Select(e => e.ActivityId is null ? e.Message : $"{e.ActivityId}: {e.Message}").ToList());
        }
        WorkflowDefinitionVersion version;
        bool changed;
        try
        {
            (version, changed) = await store.ImportAsync(definition, ct);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            // Another Host process on the same database imported the same file at the same moment.
            logger.LogWarning(ex,
                "Workflow file {File} for region {Region} was imported concurrently; keeping the other process's version.", file, region);
            return new ImportEntry(region, file, definition.DefinitionId, null, ImportStatus.Unchanged,
                ["Imported by another process at the same time."]);
        }
        logger.LogInformation("Workflow {File} for {Region}: {DefinitionId} v{Version} {What}.", file, region, version.DefinitionId,
            version.Version, changed ? "published" : "unchanged");
        return new ImportEntry(region, file, version.DefinitionId, version.Version,
            changed ? ImportStatus.Loaded : ImportStatus.Unchanged, []);
    }

    private ImportEntry Rejected(string region, string file, string? definitionId, IReadOnlyList<string> reasons)
    {
        logger.LogWarning("Workflow file {File} for region {Region} was rejected: {Reasons}", file, region, string.Join(" | ", reasons));
        return new ImportEntry(region, file, definitionId, null, ImportStatus.Rejected, reasons);
    }

    /// <summary>The configured folder, or the nearest <c>workflows</c> folder with region subfolders above the content root or the
    /// binaries.</summary>
    public string? FindFolder()
    {
        if (configuration[PathKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }
        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (Directory.Exists(candidate) && Directory.EnumerateDirectories(candidate).Any())
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
