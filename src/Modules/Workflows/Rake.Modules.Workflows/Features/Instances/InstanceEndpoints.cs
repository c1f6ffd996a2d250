using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Mapping;
using Rake.BuildingBlocks.Privacy;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.Instances;

internal sealed record StartInstanceRequest(string? DefinitionId, JsonObject? Input, [ScreenedText] string? CorrelationId = null);

internal sealed record RaiseEventRequest(string? Name, JsonNode? Payload, [ScreenedText] string? CorrelationId = null);

/// <summary>How many waiting instances resumed, and the instances the event started (Event triggers).</summary>
internal sealed record RaiseEventResult(string Name, int Resumed, IReadOnlyList<Guid>? Started = null);

internal sealed record JournalEntryDto(DateTimeOffset At, string ActivityId, string ActivityType, string Event, string? Message);

internal sealed record BookmarkDto(
    Guid Id, string ActivityId, string ActivityType, string Kind, string Name, string? Role, DateTimeOffset? DueAt, JsonNode? Payload);

internal sealed record InstanceDto(
    Guid Id, string DefinitionId, int DefinitionVersion, string Status, string SubStatus, string? Fault,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<BookmarkDto>? Bookmarks = null, IReadOnlyList<JournalEntryDto>? Journal = null,
    string? CorrelationId = null, JsonObject? Output = null, Guid? ParentInstanceId = null);

internal static class InstanceEndpoints
{
    public static void Map(IEndpointRouteBuilder regionApi)
    {
        var api = regionApi.MapGroup("").RequireRegionRoles(WorkflowRoles.Instances);
        api.MapPost("/workflow-instances", async (string region, StartInstanceRequest request, InstancesHandler h, CancellationToken ct) =>
            {
                var started = await h.StartAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/workflow-instances/{started.Id}", started);
            })
            .WithTags("Workflows").WithSummary("Start the latest published version of a definition with optional input (RegionAdmin).");
        api.MapGet("/workflow-instances", (string? status, string? definitionId, string? correlationId, InstancesHandler h,
                CancellationToken ct) => h.ListAsync(status, definitionId, correlationId, ct))
            .WithTags("Workflows").WithSummary("The region's workflow instances with their status, newest first; filters: status, "
                + "definitionId, correlationId (RegionAdmin).");
        api.MapGet("/workflow-instances/{id:guid}", (Guid id, InstancesHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .WithTags("Workflows").WithSummary("One instance with its journal and what it waits for (RegionAdmin).");
        api.MapPost("/workflow-events", (RaiseEventRequest request, InstancesHandler h, CancellationToken ct) => h.RaiseAsync(request, ct))
            .WithTags("Workflows").WithSummary("Raise a named event: every instance of the region waiting for it resumes, and every "
                + "published workflow whose Event trigger has that name starts with the payload as input (RegionAdmin).");
    }
}

internal sealed class InstancesHandler(WorkflowsDbContext db, WorkflowRuntime runtime, ModuleMapper<WorkflowsModule> mapper,
    Rake.BuildingBlocks.Localization.TextCatalog texts)
{
    private const int ListLimit = 200;

    public async Task<InstanceDto> StartAsync(StartInstanceRequest request, CancellationToken ct)
    {
        var input = request.Input?.ToDictionary(p => p.Key, p => ToValue(p.Value));
        var options = new Engine.RunOptions { Input = input, CorrelationId = request.CorrelationId };
        var record = await runtime.StartAsync(request.DefinitionId!, options, ct)
            ?? throw new NotFoundException($"No published workflow definition '{request.DefinitionId}' in this region.");
        return await GetAsync(record.Id, ct);
    }

    public async Task<IReadOnlyList<InstanceDto>> ListAsync(string? status, string? definitionId, string? correlationId,
        CancellationToken ct)
    {
        var query = db.Instances.AsNoTracking();
        if (!string.IsNullOrEmpty(correlationId))
        {
            if (correlationId.Length > WorkflowInstanceRecord.CorrelationIdMax)
            {
                throw new ValidationException(new Dictionary<string, string[]>
                {
                    ["correlationId"] = [texts["workflows.validation.correlationId"]],
                });
            }
            query = query.Where(i => i.CorrelationId == correlationId);
        }
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(i => i.Status == status || i.SubStatus == status);
        }
        if (!string.IsNullOrEmpty(definitionId))
        {
            query = query.Where(i => i.DefinitionId == definitionId);
        }
        return (await query.OrderByDescending(i => i.CreatedAt).Take(ListLimit).ToListAsync(ct))
            .Select(i => mapper.Map<InstanceDto>(i) with { CorrelationId = i.CorrelationId, ParentInstanceId = i.ParentInstanceId })
            .ToList();
    }

    public async Task<InstanceDto> GetAsync(Guid id, CancellationToken ct)
    {
        var record = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException($"No workflow instance {id} in this region.");
        var bookmarks = await db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == id && b.CompletedAt == null)
            .OrderBy(b => b.CreatedAt)
            .ToListAsync(ct);
        var journal = InstanceStateSerializer.DeserializeJournal(record.Journal)
            .Select(e => new JournalEntryDto(e.At, e.ActivityId, e.ActivityType, e.Event, e.Message)).ToList();
        var state = InstanceStateSerializer.ReadSummary(record.State);
        return mapper.Map<InstanceDto>(record) with
        {
            Bookmarks = mapper.MapAll<BookmarkDto>(bookmarks),
            Journal = journal,
            CorrelationId = state.CorrelationId,
            Output = state.Output,
            ParentInstanceId = state.ParentInstanceId,
        };
    }

    public async Task<RaiseEventResult> RaiseAsync(RaiseEventRequest request, CancellationToken ct)
    {
        var resumed = await runtime.RaiseEventAsync(request.Name!, ToValue(request.Payload), ct);
        var started = await runtime.StartTriggeredAsync(request.Name!, ToValue(request.Payload), request.CorrelationId, ct);
        return new RaiseEventResult(request.Name!, resumed, started);
    }

    /// <summary>Workflow state holds JSON-shaped values: scalars as .NET values, objects and arrays as JSON nodes.</summary>
    internal static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        _ => node.DeepClone(),
    };
}
