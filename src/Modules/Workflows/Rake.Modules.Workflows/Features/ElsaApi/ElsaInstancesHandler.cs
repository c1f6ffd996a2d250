using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.ElsaApi;

/// <summary>
/// Elsa's workflow-instance and activity-execution endpoints that the Studio's instance list and viewer call, answered
/// from Rake's own instances and journals. The region filter makes another region's instance not found (docs/adr/0177).
/// </summary>
internal sealed class ElsaInstancesHandler(WorkflowsDbContext db, TextCatalog texts, WorkflowRuntime runtime)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;
    private const int MaxBulk = 500;

    private static readonly string[] Statuses = Enum.GetNames<WorkflowStatus>();

    /// <summary>Elsa's sub-statuses; Interrupted never happens here but is a valid filter.</summary>
    private static readonly string[] SubStatuses = [.. Enum.GetNames<WorkflowSubStatus>(), "Interrupted"];

    public async Task<JsonObject> ListAsync(JsonObject? request, CancellationToken ct)
    {
        request ??= [];
        var page = Int(request, "page") ?? 0;
        var pageSize = Int(request, "pageSize") ?? DefaultPageSize;
        if (page < 0 || pageSize < 1)
        {
            throw Invalid(page < 0 ? "page" : "pageSize", texts["workflows.elsa.badPage"]);
        }
        pageSize = Math.Min(pageSize, MaxPageSize);
        if (page > int.MaxValue / pageSize)
        {
            throw Invalid("page", texts["workflows.elsa.badPage"]);
        }
        var query = db.Instances.AsNoTracking();
        var definitionIds = Strings(request, "definitionIds");
        if (Text(request, "definitionId") is { Length: > 0 } definitionId)
        {
            definitionIds.Add(definitionId);
        }
        if (definitionIds.Count > 0)
        {
            query = query.Where(i => definitionIds.Contains(i.DefinitionId));
        }
        if (Int(request, "version") is { } version)
        {
            query = query.Where(i => i.DefinitionVersion == version);
        }
        var statuses = Names(request, "statuses", "status", Statuses);
        if (statuses.Count > 0)
        {
            query = query.Where(i => statuses.Contains(i.Status));
        }
        var subStatuses = Names(request, "subStatuses", "subStatus", SubStatuses);
        if (subStatuses.Count > 0)
        {
            query = query.Where(i => subStatuses.Contains(i.SubStatus));
        }
        if (Bool(request, "hasIncidents") is { } hasIncidents)
        {
            query = hasIncidents ? query.Where(i => i.SubStatus == "Faulted") : query.Where(i => i.SubStatus != "Faulted");
        }
        // Elsa's list request names it correlationId; the column is indexed per region (docs/adr/0190).
        if (Text(request, "correlationId") is { Length: > 0 } correlationId)
        {
            if (correlationId.Length > WorkflowInstanceRecord.CorrelationIdMax)
            {
                throw Invalid("correlationId", texts["workflows.validation.correlationId"]);
            }
            query = query.Where(i => i.CorrelationId == correlationId);
        }
        if (Text(request, "searchTerm")?.Trim() is { Length: > 0 } term)
        {
            query = Guid.TryParse(term, out var searched)
                ? query.Where(i => i.Id == searched)
                : query.Where(i => i.DefinitionId.Contains(term) || (i.CorrelationId != null && i.CorrelationId.Contains(term)));
        }
        var descending = !string.Equals(Text(request, "orderDirection"), "Ascending", StringComparison.OrdinalIgnoreCase);
        query = Text(request, "orderBy") switch
        {
            "LastExecuted" or "UpdatedAt" or "Finished" => descending
                ? query.OrderByDescending(i => i.UpdatedAt)
                : query.OrderBy(i => i.UpdatedAt),
            _ => descending ? query.OrderByDescending(i => i.CreatedAt) : query.OrderBy(i => i.CreatedAt),
        };
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new JsonObject
        {
            ["items"] = new JsonArray(items.Select(i => (JsonNode)Summary(i)).ToArray()),
            ["totalCount"] = total,
        };
    }

    public async Task<JsonObject> GetAsync(string id, CancellationToken ct)
    {
        var instance = await FindAsync(id, ct);
        var summary = Summary(instance);
        var records = await RecordsAsync(instance, ct);
        var bookmarks = await OpenBookmarksAsync(instance.Id, ct);
        var state = JsonNode.Parse(instance.State is { Length: > 0 } s ? s : "{}") as JsonObject ?? [];
        var incidents = new JsonArray();
        JsonObject? fault = null;
        if (instance.SubStatus == nameof(WorkflowSubStatus.Faulted))
        {
            var faulted = records.Executions.LastOrDefault(e => e.Status == "Faulted");
            var message = faulted?.FaultMessage ?? instance.FaultMessage ?? "";
            incidents.Add(new JsonObject
            {
                ["activityId"] = faulted?.ActivityId,
                ["activityNodeId"] = faulted?.NodeId,
                ["activityType"] = faulted?.ActivityType,
                ["message"] = message,
                ["exception"] = null,
                ["timestamp"] = faulted?.CompletedAt ?? instance.UpdatedAt,
            });
            fault = new JsonObject { ["exception"] = null, ["message"] = message, ["faultedActivityId"] = faulted?.ActivityId };
        }
        summary["workflowState"] = new JsonObject
        {
            ["id"] = Id(instance),
            ["definitionId"] = instance.DefinitionId,
            ["definitionVersion"] = instance.DefinitionVersion,
            ["correlationId"] = summary["correlationId"]?.DeepClone(),
            ["status"] = instance.Status,
            ["subStatus"] = instance.SubStatus,
            ["bookmarks"] = new JsonArray(bookmarks.Select(b => (JsonNode)new JsonObject
            {
                ["id"] = b.Id.ToString("N"),
                ["name"] = b.Name,
                ["hash"] = "",
                ["payload"] = b.Payload is null ? null : JsonNode.Parse(b.Payload),
                ["activityNodeId"] = records.NodeOf(b.ActivityId).NodeId,
                ["activityInstanceId"] = records.Executions.LastOrDefault(e => e.ActivityId == b.ActivityId)?.Id,
                ["autoBurn"] = true,
            }).ToArray()),
            ["incidents"] = incidents,
            ["fault"] = fault,
            ["completionCallbacks"] = new JsonArray(),
            ["activityExecutionContexts"] = new JsonArray(),
            ["input"] = Values(state["input"]),
            ["output"] = Values(state["output"]),
            ["properties"] = new JsonObject(),
            ["createdAt"] = instance.CreatedAt,
            ["updatedAt"] = instance.UpdatedAt,
            ["finishedAt"] = summary["finishedAt"]?.DeepClone(),
        };
        summary["incidentCount"] = incidents.Count;
        return summary;
    }

    public async Task<JsonObject> ExecutionStateAsync(string id, CancellationToken ct)
    {
        var instance = await FindAsync(id, ct);
        return new JsonObject
        {
            ["status"] = instance.Status,
            ["workflowSubStatus"] = instance.SubStatus,
            ["updatedAt"] = instance.UpdatedAt,
        };
    }

    /// <summary>Elsa's journal: the entries in order, filtered as the Studio asks, paged with skip and take.</summary>
    public async Task<JsonObject> JournalAsync(string id, JsonObject? body, int? skip, int? take, CancellationToken ct)
    {
        if (skip is < 0 || take is < 0)
        {
            throw Invalid(skip is < 0 ? "skip" : "take", texts["workflows.elsa.badPage"]);
        }
        var instance = await FindAsync(id, ct);
        var records = await RecordsAsync(instance, ct);
        var filter = body?["filter"] as JsonObject ?? [];
        var activityIds = Strings(filter, "activityIds");
        var nodeIds = Strings(filter, "activityNodeIds");
        var excluded = Strings(filter, "excludedActivityTypes");
        var events = Strings(filter, "eventNames");
        var matching = records.Log
            .Where(r => activityIds.Count == 0 || activityIds.Contains(r.Entry.ActivityId))
            .Where(r => nodeIds.Count == 0 || nodeIds.Contains(r.NodeId))
            .Where(r => !excluded.Contains(r.Entry.ActivityType))
            .Where(r => events.Count == 0 || events.Contains(r.Entry.Event))
            .ToList();
        var page = matching.Skip(skip ?? 0).Take(Math.Min(take ?? MaxPageSize, MaxPageSize));
        return new JsonObject
        {
            ["items"] = new JsonArray(page.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = $"{instance.Id:N}-j{r.Sequence}",
                ["activityInstanceId"] = r.ActivityInstanceId,
                ["parentActivityInstanceId"] = null,
                ["activityId"] = r.Entry.ActivityId,
                ["activityType"] = r.Entry.ActivityType,
                ["activityTypeVersion"] = 1,
                ["activityName"] = r.ActivityName,
                ["nodeId"] = r.NodeId,
                ["timestamp"] = r.Entry.At,
                ["sequence"] = r.Sequence,
                ["eventName"] = r.Entry.Event,
                ["message"] = r.Entry.Message,
                ["source"] = null,
                ["activityState"] = null,
                ["payload"] = null,
            }).ToArray()),
            ["totalCount"] = matching.Count,
        };
    }

    /// <summary>Per activity node: how often it started and completed, and whether it waits or faulted (the canvas badges).</summary>
    public async Task<JsonObject> ReportAsync(JsonObject? body, CancellationToken ct)
    {
        body ??= [];
        var instance = await FindAsync(Text(body, "workflowInstanceId") ?? "", ct);
        var records = await RecordsAsync(instance, ct);
        var waiting = (await OpenBookmarksAsync(instance.Id, ct)).Select(b => b.ActivityId).ToHashSet(StringComparer.Ordinal);
        var stats = new JsonArray();
        foreach (var nodeId in Strings(body, "activityNodeIds").Distinct(StringComparer.Ordinal))
        {
            var runs = records.Executions.Where(e => e.NodeId == nodeId).ToList();
            if (runs.Count == 0)
            {
                continue;
            }
            var completed = runs.Count(e => e.Status == "Completed");
            stats.Add(new JsonObject
            {
                ["activityId"] = runs[0].ActivityId,
                ["activityNodeId"] = nodeId,
                ["startedCount"] = runs.Count,
                ["completedCount"] = completed,
                ["uncompletedCount"] = runs.Count - completed,
                ["isBlocked"] = waiting.Contains(runs[0].ActivityId) && runs.Any(e => e.Status == "Running"),
                ["isFaulted"] = runs.Any(e => e.Status == "Faulted"),
                ["metadata"] = new JsonObject(),
            });
        }
        return new JsonObject { ["stats"] = stats };
    }

    public async Task<JsonObject> ListExecutionsAsync(string? workflowInstanceId, string? activityNodeId, bool summaries,
        CancellationToken ct)
    {
        var instance = await FindAsync(workflowInstanceId ?? "", ct);
        var records = await RecordsAsync(instance, ct);
        var waiting = (await OpenBookmarksAsync(instance.Id, ct)).Select(b => b.ActivityId).ToHashSet(StringComparer.Ordinal);
        var items = records.Executions
            .Where(e => string.IsNullOrEmpty(activityNodeId) || e.NodeId == activityNodeId)
            .Select(e => (JsonNode)Execution(instance, e, waiting, full: !summaries))
            .ToArray();
        return new JsonObject { ["items"] = new JsonArray(items), ["count"] = items.Length };
    }

    public async Task<JsonObject> GetExecutionAsync(string? id, CancellationToken ct)
    {
        var dash = id?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (id is null || dash < 0)
        {
            throw Invalid("id", texts["workflows.elsa.badExecutionId"]);
        }
        var instance = await FindAsync(id[..dash], ct);
        var records = await RecordsAsync(instance, ct);
        var waiting = (await OpenBookmarksAsync(instance.Id, ct)).Select(b => b.ActivityId).ToHashSet(StringComparer.Ordinal);
        var record = records.Executions.FirstOrDefault(e => e.Id == id)
            ?? throw new NotFoundException(texts.Get("workflows.elsa.executionNotFound", id));
        return Execution(instance, record, waiting, full: true);
    }

    /// <summary>
    /// Deletes a finished instance with its bookmarks; the audit trail records who did. A running one is refused: a person
    /// may be working on its task, so it is not silently thrown away (docs/adr/0177).
    /// </summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        var instance = await FindAsync(id, ct, tracked: true);
        if (instance.Status == nameof(WorkflowStatus.Running))
        {
            throw new ConflictException(texts.Get("workflows.elsa.deleteRunning", Id(instance)));
        }
        await RemoveAsync([instance], ct);
    }

    /// <summary>
    /// The instance ids of a bulk action's <c>{ids}</c>, at most <see cref="MaxBulk"/> (more is a 400 worded by
    /// <paramref name="tooManyKey"/>); ids that are no instance id are left out, as Elsa leaves unknown ones.
    /// </summary>
    private List<Guid> BulkIds(JsonObject? body, string tooManyKey)
    {
        var ids = Strings(body ?? [], "ids");
        if (ids.Count > MaxBulk)
        {
            throw Invalid("ids", texts.Get(tooManyKey, MaxBulk));
        }
        return ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
    }

    /// <summary>Deletes the finished instances of the list; nothing is deleted when one of them is still running.</summary>
    public async Task<JsonObject> BulkDeleteAsync(JsonObject? body, CancellationToken ct)
    {
        var guids = BulkIds(body, "workflows.elsa.tooManyIds");
        var instances = await db.Instances.Where(i => guids.Contains(i.Id)).ToListAsync(ct);
        var running = instances.Where(i => i.Status == nameof(WorkflowStatus.Running)).Select(Id).ToList();
        if (running.Count > 0)
        {
            throw new ConflictException(texts.Get("workflows.elsa.deleteRunning", string.Join(", ", running)));
        }
        await RemoveAsync(instances, ct);
        return new JsonObject { ["deleted"] = instances.Count };
    }

    /// <summary>
    /// Elsa's cancel of one instance: a running or suspended one ends Cancelled with its tasks and timers closed (docs/adr/0177);
    /// a finished one is 409, since there is nothing left to cancel.
    /// </summary>
    public async Task CancelAsync(string id, CancellationToken ct)
    {
        var instance = await FindAsync(id, ct);
        switch (await runtime.CancelAsync(instance.Id, ct))
        {
            case null:
                throw new NotFoundException(texts.Get("workflows.elsa.instanceNotFound", id));
            case CancelOutcome.AlreadyFinished:
                throw new ConflictException(texts.Get("workflows.elsa.cancelFinished", Id(instance)));
            case CancelOutcome.Busy:
                throw new ConflictException(texts.Get("workflows.elsa.cancelBusy", Id(instance)));
        }
    }

    /// <summary>
    /// Elsa's bulk cancel: cancels the listed instances that are still running; finished, busy and unknown ones (another
    /// region's among them) are left as they are. Answers how many were cancelled, as Elsa does.
    /// </summary>
    public async Task<JsonObject> BulkCancelAsync(JsonObject? body, CancellationToken ct)
    {
        var guids = BulkIds(body, "workflows.elsa.tooManyToCancel");
        var cancelled = 0;
        foreach (var guid in guids)
        {
            if (await runtime.CancelAsync(guid, ct) == CancelOutcome.Cancelled)
            {
                cancelled++;
            }
        }
        return new JsonObject { ["cancelled"] = cancelled };
    }

    private async Task RemoveAsync(IReadOnlyCollection<WorkflowInstanceRecord> instances, CancellationToken ct)
    {
        var ids = instances.Select(i => i.Id).ToList();
        db.Bookmarks.RemoveRange(await db.Bookmarks.Where(b => ids.Contains(b.InstanceId)).ToListAsync(ct));
        db.Instances.RemoveRange(instances);
        await db.SaveChangesAsync(ct);
    }

    private JsonObject Execution(WorkflowInstanceRecord instance, ExecutionRecord e, HashSet<string> waiting, bool full)
    {
        var json = new JsonObject
        {
            ["id"] = e.Id,
            ["workflowInstanceId"] = Id(instance),
            ["activityId"] = e.ActivityId,
            ["activityNodeId"] = e.NodeId,
            ["activityType"] = e.ActivityType,
            ["activityTypeVersion"] = 1,
            ["activityName"] = e.ActivityName,
            ["startedAt"] = e.StartedAt,
            ["hasBookmarks"] = e.Status == "Running" && waiting.Contains(e.ActivityId),
            ["status"] = e.Status,
            ["completedAt"] = e.CompletedAt,
            ["metadata"] = new JsonObject(),
        };
        if (full)
        {
            var payload = new JsonObject();
            if (e.Outcomes is { Length: > 0 } outcomes)
            {
                payload["outcomes"] = new JsonArray(outcomes.Split(',').Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
            }
            if (e.Messages.Count > 0)
            {
                payload["journal"] = new JsonArray(e.Messages.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
            }
            json["activityState"] = new JsonObject();
            json["payload"] = payload;
            json["outputs"] = new JsonObject();
            json["properties"] = new JsonObject();
            json["exception"] = e.FaultMessage is null ? null : new JsonObject
            {
                ["type"] = "Rake.Workflows.Fault",
                ["message"] = e.FaultMessage,
                ["stackTrace"] = null,
                ["innerException"] = null,
            };
            json["aggregateFaultCount"] = e.Status == "Faulted" ? 1 : 0;
            json["schedulingActivityExecutionId"] = null;
            json["schedulingActivityId"] = null;
            json["schedulingWorkflowInstanceId"] = null;
            json["callStackDepth"] = null;
        }
        return json;
    }

    private async Task<ElsaExecutionRecords> RecordsAsync(WorkflowInstanceRecord instance, CancellationToken ct)
    {
        var version = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == instance.DefinitionVersionId, ct);
        return ElsaExecutionRecords.Of(instance, version);
    }

    private Task<List<WorkflowBookmarkRecord>> OpenBookmarksAsync(Guid instanceId, CancellationToken ct) =>
        db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId && b.CompletedAt == null).OrderBy(b => b.CreatedAt)
            .ToListAsync(ct);

    private async Task<WorkflowInstanceRecord> FindAsync(string id, CancellationToken ct, bool tracked = false)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            throw new NotFoundException(texts.Get("workflows.elsa.instanceNotFound", id));
        }
        var query = tracked ? db.Instances : db.Instances.AsNoTracking();
        return await query.FirstOrDefaultAsync(i => i.Id == guid, ct)
            ?? throw new NotFoundException(texts.Get("workflows.elsa.instanceNotFound", id));
    }

    /// <summary>Elsa's instance summary. The correlation id and name live in the stored state.</summary>
    private static JsonObject Summary(WorkflowInstanceRecord i)
    {
        var state = StateHeader(i.State);
        return new JsonObject
        {
            ["id"] = Id(i),
            ["definitionId"] = i.DefinitionId,
            ["definitionVersionId"] = i.DefinitionVersionId.ToString("N"),
            ["version"] = i.DefinitionVersion,
            ["status"] = i.Status,
            ["subStatus"] = i.SubStatus,
            ["correlationId"] = state.CorrelationId,
            ["name"] = state.Name,
            ["incidentCount"] = i.SubStatus == nameof(WorkflowSubStatus.Faulted) ? 1 : 0,
            ["isSystem"] = false,
            ["createdAt"] = i.CreatedAt,
            ["updatedAt"] = i.UpdatedAt,
            ["finishedAt"] = i.Status == nameof(WorkflowStatus.Finished) ? i.UpdatedAt : null,
        };
    }

    private static (string? CorrelationId, string? Name) StateHeader(string state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return (null, null);
        }
        try
        {
            var json = JsonNode.Parse(state);
            return (JsonRead.Text(json?["correlationId"]), JsonRead.Text(json?["name"]));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>Stored values are wrapped with their type; Elsa shows the plain values.</summary>
    private static JsonObject Values(JsonNode? stored)
    {
        var result = new JsonObject();
        if (stored is JsonObject values)
        {
            foreach (var (name, value) in values)
            {
                result[name] = value is JsonObject wrapped && wrapped.ContainsKey("value")
                    ? wrapped["value"]?.DeepClone()
                    : value?.DeepClone();
            }
        }
        return result;
    }

    private static string Id(WorkflowInstanceRecord i) => i.Id.ToString("D");

    private ValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    private static string? Text(JsonObject json, string name) =>
        Find(json, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private int? Int(JsonObject json, string name) => Find(json, name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, out var n) => n,
        _ => throw Invalid(name, texts["workflows.elsa.badNumber"]),
    };

    private bool? Bool(JsonObject json, string name) => Find(json, name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var b) => b,
        _ => throw Invalid(name, texts["workflows.elsa.badBoolean"]),
    };

    /// <summary>A list of strings; a single string counts as a list of one, anything else is refused.</summary>
    private List<string> Strings(JsonObject json, string name) => Find(json, name) switch
    {
        null => [],
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonArray a when a.All(x => x is JsonValue xv && xv.TryGetValue<string>(out _)) => a.Select(x => (string)x!).ToList(),
        _ => throw Invalid(name, texts["workflows.elsa.badList"]),
    };

    /// <summary>Elsa's status names, in the list or the single field; numbers are Elsa's enum positions.</summary>
    private List<string> Names(JsonObject json, string listName, string singleName, string[] allowed)
    {
        var raw = new List<JsonNode?>();
        if (Find(json, listName) is JsonArray list)
        {
            raw.AddRange(list);
        }
        else if (Find(json, listName) is { } other)
        {
            raw.Add(other);
        }
        if (Find(json, singleName) is { } single)
        {
            raw.Add(single);
        }
        var names = new List<string>();
        foreach (var node in raw)
        {
            var name = node is JsonValue v && v.TryGetValue<int>(out var n) && n >= 0 && n < allowed.Length ? allowed[n]
                : node is JsonValue s && s.TryGetValue<string>(out var text)
                    ? allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase))
                    : null;
            names.Add(name ?? throw Invalid(listName, texts.Get("workflows.elsa.badStatus", string.Join(", ", allowed))));
        }
        return names;
    }

    /// <summary>Property names as the Studio sends them (camelCase) or as another client might (any case).</summary>
    private static JsonNode? Find(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
