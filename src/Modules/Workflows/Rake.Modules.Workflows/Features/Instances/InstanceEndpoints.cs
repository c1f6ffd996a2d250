using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.Instances;

internal sealed record StartInstanceRequest(string? DefinitionId, JsonObject? Input);

internal sealed record RaiseEventRequest(string? Name, JsonNode? Payload);

internal sealed record RaiseEventResult(string Name, int Resumed);

internal sealed record JournalEntryDto(DateTimeOffset At, string ActivityId, string ActivityType, string Event, string? Message);

internal sealed record BookmarkDto(Guid Id, string ActivityId, string ActivityType, string Kind, string Name, string? Role, DateTimeOffset? DueAt, JsonNode? Payload);

internal sealed record InstanceDto(
    Guid Id, string DefinitionId, int DefinitionVersion, string Status, string SubStatus, string? Fault, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<BookmarkDto>? Bookmarks = null, IReadOnlyList<JournalEntryDto>? Journal = null)
{
    public static InstanceDto From(WorkflowInstanceRecord r) =>
        new(r.Id, r.DefinitionId, r.DefinitionVersion, r.Status, r.SubStatus, r.FaultMessage, r.CreatedAt, r.UpdatedAt);
}

internal static class InstanceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/workflow-instances", async (string region, StartInstanceRequest request, InstancesHandler h, CancellationToken ct) =>
            {
                var started = await h.StartAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/workflow-instances/{started.Id}", started);
            })
            .WithTags("Workflows").WithSummary("Start the latest published version of a definition with optional input (RegionAdmin).");
        api.MapGet("/workflow-instances", (string? status, string? definitionId, InstancesHandler h, CancellationToken ct) => h.ListAsync(status, definitionId, ct))
            .WithTags("Workflows").WithSummary("The region's workflow instances with their status, newest first (RegionAdmin).");
        api.MapGet("/workflow-instances/{id:guid}", (Guid id, InstancesHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .WithTags("Workflows").WithSummary("One instance with its journal and what it waits for (RegionAdmin).");
        api.MapPost("/workflow-events", (RaiseEventRequest request, InstancesHandler h, CancellationToken ct) => h.RaiseAsync(request, ct))
            .WithTags("Workflows").WithSummary("Raise a named event: every instance of the region waiting for it resumes (RegionAdmin).");
    }
}

internal sealed class InstancesHandler(WorkflowsDbContext db, WorkflowRuntime runtime, IRequestContext actor)
{
    private const int ListLimit = 200;

    public async Task<InstanceDto> StartAsync(StartInstanceRequest request, CancellationToken ct)
    {
        RequireAdmin();
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["definitionId"] = ["Name the workflow definition to start."] });
        }
        var input = request.Input?.ToDictionary(p => p.Key, p => ToValue(p.Value));
        var record = await runtime.StartAsync(request.DefinitionId, input, ct)
            ?? throw new NotFoundException($"No published workflow definition '{request.DefinitionId}' in this region.");
        return await GetAsync(record.Id, ct);
    }

    public async Task<IReadOnlyList<InstanceDto>> ListAsync(string? status, string? definitionId, CancellationToken ct)
    {
        RequireAdmin();
        var query = db.Instances.AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(i => i.Status == status || i.SubStatus == status);
        }
        if (!string.IsNullOrEmpty(definitionId))
        {
            query = query.Where(i => i.DefinitionId == definitionId);
        }
        return (await query.OrderByDescending(i => i.CreatedAt).Take(ListLimit).ToListAsync(ct)).Select(InstanceDto.From).ToList();
    }

    public async Task<InstanceDto> GetAsync(Guid id, CancellationToken ct)
    {
        RequireAdmin();
        var record = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException($"No workflow instance {id} in this region.");
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == id && b.CompletedAt == null).OrderBy(b => b.CreatedAt).ToListAsync(ct);
        var journal = InstanceStateSerializer.DeserializeJournal(record.Journal)
            .Select(e => new JournalEntryDto(e.At, e.ActivityId, e.ActivityType, e.Event, e.Message)).ToList();
        return InstanceDto.From(record) with { Bookmarks = bookmarks.Select(ToDto).ToList(), Journal = journal };
    }

    public async Task<RaiseEventResult> RaiseAsync(RaiseEventRequest request, CancellationToken ct)
    {
        RequireAdmin();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["name"] = ["Name the event to raise."] });
        }
        var resumed = await runtime.RaiseEventAsync(request.Name, ToValue(request.Payload), ct);
        return new RaiseEventResult(request.Name, resumed);
    }

    public static BookmarkDto ToDto(WorkflowBookmarkRecord b) =>
        new(b.Id, b.ActivityId, b.ActivityType, b.Kind, b.Name, b.Role, b.DueAt, b.Payload is null ? null : JsonNode.Parse(b.Payload));

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

    private void RequireAdmin() => actor.RequireAnyRole("Only the region's administrators start workflows, raise events and read instances.", RegionRole.RegionAdmin);
}
