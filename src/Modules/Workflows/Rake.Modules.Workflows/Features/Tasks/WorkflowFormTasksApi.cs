using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.Tasks;

/// <summary>
/// The tasks a module's page completes (payload <c>formKey</c>, docs/adr/0173). The region filter of the context keeps another
/// region's run out of both calls.
/// </summary>
internal sealed class WorkflowFormTasksApi(WorkflowsDbContext db, WorkflowRuntime runtime, IRequestContext actor) : IWorkflowFormTasksApi
{
    /// <summary>The payload key that marks a task as completed by a module's own page, never in "My tasks".</summary>
    public const string FormKey = "formKey";

    public async Task<IReadOnlyList<FormTask>> OpenAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var open = await OpenRecordsAsync(instanceId, cancellationToken);
        return open.Select(b => (Record: b, Payload: Parse(b.Payload)))
            .Where(t => Text(t.Payload?[FormKey]) is not null)
            .Select(t => new FormTask(t.Record.Id, Text(t.Payload![FormKey])!, t.Record.Role ?? "", Text(t.Payload["title"]) ?? "",
                t.Record.DueAt)
            {
                Titles = t.Payload["titles"] is JsonObject titles
                    ? titles.Where(v => Text(v.Value) is not null).ToDictionary(v => v.Key, v => Text(v.Value)!)
                    : null,
            })
            .ToList();
    }

    public async Task<int> CompleteAsync(
        Guid instanceId, IReadOnlyCollection<string> formKeys, string? comment, CancellationToken cancellationToken)
    {
        var completed = 0;
        // One at a time, each on the state the previous one left: completing a step can open (or at once finish) the next.
        foreach (var key in formKeys)
        {
            foreach (var task in await OpenAsync(instanceId, cancellationToken))
            {
                if (task.FormKey != key)
                {
                    continue;
                }
                var input = new JsonObject { ["outcome"] = "Done", ["comment"] = comment, ["completedBy"] = actor.UserName };
                if (await runtime.ResumeAsync(task.Id, input, actor.UserName, cancellationToken) == ResumeOutcome.Resumed)
                {
                    completed++;
                }
            }
        }
        return completed;
    }

    /// <summary>Whether an inbox task is one a module's page completes.</summary>
    internal static bool IsFormTask(WorkflowBookmarkRecord task) => Text(Parse(task.Payload)?[FormKey]) is not null;

    private Task<List<WorkflowBookmarkRecord>> OpenRecordsAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == instanceId && b.Kind == WorkflowRuntime.HumanTaskKind && b.CompletedAt == null)
            .OrderBy(b => b.CreatedAt)
            .ToListAsync(cancellationToken);

    private static JsonObject? Parse(string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(payload) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
