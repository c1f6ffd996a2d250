using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Mapping;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.Definitions;

internal sealed record DefinitionSummaryDto(
    string DefinitionId, string Name, int LatestVersion, bool LatestIsPublished, int? PublishedVersion, DateTimeOffset UpdatedAt);

internal sealed record DefinitionDto(
    string DefinitionId, int Version, string Name, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt, string CreatedBy,
    JsonNode? Definition);

internal sealed record ImportEntryDto(string Path, string? DefinitionId, int? Version, string Status, IReadOnlyList<string> Reasons);

internal static class DefinitionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflows").RequireRegionRoles(WorkflowRoles.Definitions);
        group.MapGet("", (DefinitionsHandler h, CancellationToken ct) => h.ListAsync(ct))
            .WithSummary("The region's workflow definitions, latest version of each (RegionAdmin).");
        group.MapPost("", async (string region, JsonNode? body, DefinitionsHandler h, CancellationToken ct) =>
            {
                var saved = await h.SaveDraftAsync(body, ct);
                return Results.Created(
                    $"/api/v1/regions/{region}/workflow-definitions/{Uri.EscapeDataString(saved.DefinitionId)}?version={saved.Version}",
                    saved);
            })
            .WithSummary("Save an Elsa 3 workflow definition as a draft; unfinished drafts are fine, malformed JSON is not (RegionAdmin).");
        group.MapGet("/import-report", (DefinitionsHandler h) => h.ImportReport())
            .WithSummary("What the start-up import of workflows/<region>/*.json loaded and rejected, with reasons (RegionAdmin).");
        group.MapGet("/{definitionId}", (string definitionId, int? version, DefinitionsHandler h, CancellationToken ct) =>
            h.GetAsync(definitionId, version, ct))
            .WithSummary("One definition: the latest version, or the one asked for with ?version= (RegionAdmin).");
        group.MapPost("/{definitionId}/publish", (string definitionId, DefinitionsHandler h, CancellationToken ct) =>
            h.PublishAsync(definitionId, ct))
            .WithSummary("Validate and publish the latest version; errors name the activity (RegionAdmin).");
    }
}

internal sealed class DefinitionsHandler(
    WorkflowsDbContext db, DefinitionStore store, WorkflowImportReport report, IRequestContext actor, ModuleMapper<WorkflowsModule> mapper)
{
    public async Task<IReadOnlyList<DefinitionSummaryDto>> ListAsync(CancellationToken ct)
    {
        var latest = await db.Definitions.AsNoTracking().Where(d => d.IsLatest).OrderBy(d => d.Name).ThenBy(d => d.DefinitionId)
            .Select(d => new { d.DefinitionId, d.Name, d.Version, d.IsPublished, d.CreatedAt }).ToListAsync(ct);
        var published = await db.Definitions.AsNoTracking().Where(d => d.IsPublished)
            .GroupBy(d => d.DefinitionId).Select(g => new { DefinitionId = g.Key, Version = g.Max(d => d.Version) }).ToListAsync(ct);
        var publishedById = published.ToDictionary(p => p.DefinitionId, p => p.Version, StringComparer.Ordinal);
        return latest.Select(d => new DefinitionSummaryDto(d.DefinitionId, d.Name, d.Version, d.IsPublished,
            publishedById.TryGetValue(d.DefinitionId, out var v) ? v : null, d.CreatedAt)).ToList();
    }

    public async Task<DefinitionDto> GetAsync(string definitionId, int? version, CancellationToken ct)
    {
        var query = db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        var found = version is { } number
            ? await query.FirstOrDefaultAsync(d => d.Version == number, ct)
            : await query.OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        return found is null
            ? throw new NotFoundException(version is null
                ? $"No workflow definition '{definitionId}' in this region."
                : $"Workflow definition '{definitionId}' has no version {version} in this region.")
            : mapper.Map<DefinitionDto>(found);
    }

    public async Task<DefinitionDto> SaveDraftAsync(JsonNode? body, CancellationToken ct)
    {
        WorkflowDefinition definition;
        try
        {
            definition = body is JsonObject
                ? WorkflowDefinition.Parse(body)
                : throw new WorkflowDefinitionFormatException(
                    "Send the workflow definition as a JSON object (Elsa 3 format, with a 'root' activity).");
        }
        catch (WorkflowDefinitionFormatException ex)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["definition"] = [ex.Message] }, ex.Message);
        }
        var definitionId = definition.DefinitionId;
        if (definitionId.Length > WorkflowDefinitionVersion.DefinitionIdMax)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["definitionId"] = [$"Use at most {WorkflowDefinitionVersion.DefinitionIdMax} characters."],
            });
        }
        try
        {
            return mapper.Map<DefinitionDto>(await store.SaveDraftAsync(definition, ct));
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(
                $"Another version of '{definitionId}' was saved at the same moment. Load the latest version and save again.");
        }
    }

    public async Task<DefinitionDto> PublishAsync(string definitionId, CancellationToken ct)
    {
        var outcome = await store.PublishAsync(definitionId, ct);
        if (outcome.Version is null)
        {
            throw new NotFoundException($"No workflow definition '{definitionId}' in this region.");
        }
        if (outcome.Errors.Count > 0)
        {
            var definition = WorkflowDefinition.Parse(outcome.Version.Json);
            var errors = outcome.Errors
                .GroupBy(e => e.ActivityId ?? "definition", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(definition.Describe).ToArray());
            throw new ValidationException(errors,
                $"Version {outcome.Version.Version} of '{definitionId}' was not published: {outcome.Errors.Count} problem(s), "
                + "listed under 'errors' by activity id. It stays a draft.");
        }
        return mapper.Map<DefinitionDto>(outcome.Version);
    }

    public IReadOnlyList<ImportEntryDto> ImportReport()
    {
        return report.For(actor.RequireRegion().Code)
            .Select(e => new ImportEntryDto(Path.GetFileName(e.Path), e.DefinitionId, e.Version, e.Status.ToString(), e.Reasons)).ToList();
    }
}
