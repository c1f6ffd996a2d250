using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Privacy;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Features.Definitions;
using Rake.Modules.Workflows.Features.ElsaApi;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Features.Templates;

/// <summary>Another region's published workflow, as a RegionAdmin may see it to copy it (docs/adr/0112): what it is called and
/// whose it is, nothing of its runs.</summary>
internal sealed record WorkflowTemplateDto(Guid TemplateId, string Name, string Region, string RegionName, int Version);

/// <param name="TemplateId">The <see cref="WorkflowTemplateDto.TemplateId"/> to copy.</param>
/// <param name="Name">The copy's name in this region; the template's name when left out.</param>
internal sealed record CopyTemplateRequest(Guid? TemplateId, [ScreenedText] string? Name);

internal static class TemplateEndpoints
{
    public static void Map(IEndpointRouteBuilder regionApi)
    {
        var group = regionApi.MapGroup("/workflow-templates").WithTags("Workflows").RequireRegionRoles(WorkflowRoles.Definitions);
        group.MapGet("", (TemplatesHandler h, CancellationToken ct) => h.ListAsync(ct))
            .WithSummary("The latest published workflow of every other region, by name and region, to copy as a template (RegionAdmin).");
        group.MapPost("/copies", async (string region, CopyTemplateRequest request, TemplatesHandler h, CancellationToken ct) =>
            {
                var copy = await h.CopyAsync(request, ct);
                var id = Uri.EscapeDataString(copy.DefinitionId);
                return Results.Created($"/api/v1/regions/{region}/workflow-definitions/{id}?version={copy.Version}", copy);
            })
            .WithSummary("Copy another region's published workflow into this region as a new draft with a new definitionId (RegionAdmin).");
    }
}

/// <summary>
/// Reads other regions' definitions past the region filter, the one place that does (docs/adr/0112): only published
/// versions of active regions, only name and region leave here, and the copy is written to the caller's region alone.
/// </summary>
internal sealed class TemplatesHandler(
    WorkflowsDbContext db, ElsaDefinitionsHandler elsa, DefinitionsHandler definitions, IRequestContext actor, IRegionAccess regions)
{
    /// <summary>What a stored version says about where and when it was made; a copy starts again without it.</summary>
    private static readonly string[] SourceOwned =
    [
        "id", "definitionId", "version", "tenantId", "createdAt", "createdBy", "links", "isLatest", "isPublished", "isReadonly",
        "isSystem", "toolVersion",
    ];

    public async Task<IReadOnlyList<WorkflowTemplateDto>> ListAsync(CancellationToken ct)
    {
        var rows = await TemplateRowsAsync(ct);
        var language = TextCatalog.CurrentLanguage;
        return rows
            .Select(r => new WorkflowTemplateDto(r.Id, r.Name, r.RegionCode, regions.Find(r.RegionCode)!.Name(language), r.Version))
            .OrderBy(t => t.RegionName, StringComparer.CurrentCulture).ThenBy(t => t.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Whether the id names a template this region may copy now (the validator asks).</summary>
    public async Task<bool> IsTemplateAsync(Guid templateId, CancellationToken ct) =>
        (await TemplateRowsAsync(ct)).Any(r => r.Id == templateId);

    public async Task<DefinitionDto> CopyAsync(CopyTemplateRequest request, CancellationToken ct)
    {
        var templateId = request.TemplateId!.Value;
        if (!await IsTemplateAsync(templateId, ct))
        {
            throw new NotFoundException("No such workflow template. GET workflow-templates lists them.");
        }
        var source = await db.Definitions.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.Id == templateId, ct);
        var json = JsonNode.Parse(source.Json) as JsonObject
            ?? throw new InvalidOperationException($"Stored definition {source.Id} is not a JSON object.");
        foreach (var key in SourceOwned)
        {
            json.Remove(key);
        }
        json["definitionId"] = Guid.NewGuid().ToString("N");
        json["name"] = string.IsNullOrWhiteSpace(request.Name) ? source.Name : request.Name.Trim();
        // The same path as importing a file: a new draft of a new definition, saved and audited in the caller's region only.
        var model = await elsa.ImportAsync(json.ToJsonString(), ct);
        return await definitions.GetAsync((string)model["definitionId"]!, null, ct);
    }

    private async Task<IReadOnlyList<TemplateRow>> TemplateRowsAsync(CancellationToken ct)
    {
        var own = actor.RequireRegion().Code;
        var active = regions.Regions.Select(r => r.Id.Code).Where(c => c != own).ToList();
        var published = await db.Definitions.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.IsPublished && d.RegionCode != own && active.Contains(d.RegionCode))
            .Select(d => new TemplateRow(d.Id, d.RegionCode, d.DefinitionId, d.Name, d.Version))
            .ToListAsync(ct);
        return published
            .GroupBy(r => (r.RegionCode, r.DefinitionId))
            .Select(g => g.MaxBy(r => r.Version)!)
            .ToList();
    }

    private sealed record TemplateRow(Guid Id, string RegionCode, string DefinitionId, string Name, int Version);
}

internal sealed class CopyTemplateValidator : RequestValidator<CopyTemplateRequest>
{
    public CopyTemplateValidator(TextCatalog texts, TemplatesHandler templates) : base(texts)
    {
        Required(r => r.TemplateId);
        RuleFor(r => r.TemplateId)
            .MustAsync(async (id, ct) => id is null || await templates.IsTemplateAsync(id.Value, ct))
            .WithMessage(_ => Texts["workflows.templates.unknown"]);
        OptionalText(r => r.Name, WorkflowDefinitionVersion.NameMax);
    }
}
