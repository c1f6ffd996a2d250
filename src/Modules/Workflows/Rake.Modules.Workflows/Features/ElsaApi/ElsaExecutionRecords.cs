using System.Text.Json.Nodes;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.ElsaApi;

/// <summary>One activity run as Elsa's activity execution record: a Started journal entry and the entry that ended it.</summary>
internal sealed record ExecutionRecord(
    string Id, string ActivityId, string ActivityType, string? ActivityName, string NodeId, DateTimeOffset StartedAt)
{
    public string Status { get; set; } = "Running";
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Outcomes { get; set; }
    public string? FaultMessage { get; set; }
    public List<string> Messages { get; } = [];
}

/// <summary>One journal entry as Elsa's execution log record, tied to the activity run it belongs to.</summary>
internal sealed record LogRecord(int Sequence, JournalEntry Entry, string NodeId, string? ActivityName, string ActivityInstanceId);

/// <summary>
/// Elsa keeps activity execution records and an execution log beside each instance; Rake keeps one journal per instance.
/// Both views are derived from that journal on request, so nothing is stored twice (docs/adr/0177). Node ids are Elsa's:
/// the activity's own <c>nodeId</c> when the definition has one, else the ids of its containers from <c>Workflow1</c> down.
/// </summary>
internal sealed class ElsaExecutionRecords
{
    public const string RootNodeId = "Workflow1";

    private readonly Dictionary<string, (string NodeId, string? Name)> nodes = new(StringComparer.Ordinal);

    private ElsaExecutionRecords(Guid instanceId, string definitionJson, string journalJson)
    {
        Walk(JsonNode.Parse(definitionJson)?["root"], RootNodeId);
        var open = new Dictionary<string, Stack<ExecutionRecord>>(StringComparer.Ordinal);
        var journal = InstanceStateSerializer.DeserializeJournal(journalJson);
        for (var i = 0; i < journal.Count; i++)
        {
            var entry = journal[i];
            var (nodeId, name) = NodeOf(entry.ActivityId);
            if (!open.TryGetValue(entry.ActivityId, out var stack))
            {
                open[entry.ActivityId] = stack = new Stack<ExecutionRecord>();
            }
            ExecutionRecord record;
            if (entry.Event == "Started" || stack.Count == 0)
            {
                record = new ExecutionRecord($"{instanceId:N}-{i}", entry.ActivityId, entry.ActivityType, name, nodeId, entry.At);
                Executions.Add(record);
                stack.Push(record);
            }
            else
            {
                record = stack.Peek();
            }
            switch (entry.Event)
            {
                case "Completed":
                    record.Status = "Completed";
                    record.Outcomes = entry.Message;
                    break;
                case "Faulted":
                    record.Status = "Faulted";
                    record.FaultMessage = entry.Message;
                    break;
                case "Canceled":
                    record.Status = "Canceled";
                    break;
                default:
                    if (entry.Message is { } message)
                    {
                        record.Messages.Add(message);
                    }
                    break;
            }
            if (record.Status != "Running")
            {
                record.CompletedAt = entry.At;
                stack.Pop();
            }
            Log.Add(new LogRecord(i, entry, nodeId, name, record.Id));
        }
    }

    public List<ExecutionRecord> Executions { get; } = [];

    public List<LogRecord> Log { get; } = [];

    public static ElsaExecutionRecords Of(WorkflowInstanceRecord instance, WorkflowDefinitionVersion? version) =>
        new(instance.Id, version?.Json ?? "{}", instance.Journal is { Length: > 0 } journal ? journal : "[]");

    public (string NodeId, string? Name) NodeOf(string activityId) =>
        nodes.TryGetValue(activityId, out var node) ? node : ($"{RootNodeId}:{activityId}", null);

    /// <summary>Gives each activity of a definition model its Elsa node id where it has none, as Elsa's server does.</summary>
    public static void AddNodeIds(JsonNode? root) => Walk(root, RootNodeId, write: true, into: null);

    private void Walk(JsonNode? node, string parentNodeId) => Walk(node, parentNodeId, write: false, into: nodes);

    private static void Walk(JsonNode? node, string parentNodeId, bool write,
        Dictionary<string, (string NodeId, string? Name)>? into)
    {
        switch (node)
        {
            case JsonObject obj:
                var nodeId = parentNodeId;
                if (JsonRead.Text(obj["id"]) is { Length: > 0 } id && JsonRead.Text(obj["type"]) is { Length: > 0 })
                {
                    nodeId = JsonRead.Text(obj["nodeId"]) is { Length: > 0 } given ? given : $"{parentNodeId}:{id}";
                    if (write && obj["nodeId"] is null)
                    {
                        obj["nodeId"] = nodeId;
                    }
                    into?.TryAdd(id, (nodeId, JsonRead.Text(obj["name"])));
                }
                foreach (var (_, child) in obj.ToList())
                {
                    Walk(child, nodeId, write, into);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child, parentNodeId, write, into);
                }
                break;
        }
    }
}
