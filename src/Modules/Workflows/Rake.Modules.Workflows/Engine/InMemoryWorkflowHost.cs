using Rake.Modules.Workflows.Engine.Activities;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine;

/// <summary>
/// Runs workflows in memory together with the child workflows they ask for (ExecuteWorkflow, DispatchWorkflow): what
/// the runtime does with the database, for the engine's tests and the conformance corpus. After each run it starts the
/// children asked for, then resumes a parent that waits on a child whose run ended.
/// </summary>
internal sealed class InMemoryWorkflowHost(WorkflowEngine engine)
{
    private readonly Dictionary<string, WorkflowDefinition> definitions = new(StringComparer.Ordinal);

    public WorkflowEngine Engine => engine;

    /// <summary>Every instance this host started, children included, by instance id.</summary>
    public Dictionary<string, WorkflowInstance> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The lines every instance wrote, in the order their runs ended: one console for parents and children, as Elsa's
    /// tests capture one text writer.
    /// </summary>
    public List<string> Lines { get; } = [];

    private readonly Dictionary<string, int> linesSeen = new(StringComparer.Ordinal);

    public InMemoryWorkflowHost Publish(WorkflowDefinition definition)
    {
        definitions[definition.DefinitionId] = definition;
        return this;
    }

    public async Task<WorkflowInstance> StartAsync(string definitionId, RunOptions? options = null, CancellationToken ct = default)
    {
        var definition = definitions.GetValueOrDefault(definitionId)
            ?? throw new KeyNotFoundException($"No published workflow '{definitionId}'.");
        var instance = await engine.StartAsync(definition, options, ct);
        Instances[instance.Id] = instance;
        await AfterRunAsync(instance, ct);
        return instance;
    }

    public async Task ResumeAsync(WorkflowInstance instance, string bookmarkId, object? input, CancellationToken ct = default)
    {
        await engine.ResumeAsync(instance, bookmarkId, input, ct);
        await AfterRunAsync(instance, ct);
    }

    /// <summary>The children an instance started, oldest first.</summary>
    public IEnumerable<WorkflowInstance> ChildrenOf(WorkflowInstance parent) =>
        Instances.Values.Where(i => i.Options.ParentInstanceId == parent.Id);

    private async Task AfterRunAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var seen = linesSeen.GetValueOrDefault(instance.Id);
        Lines.AddRange(instance.Lines.Skip(seen));
        linesSeen[instance.Id] = instance.Lines.Count;
        var requests = instance.ChildRequests.ToList();
        instance.ChildRequests.Clear();
        foreach (var request in requests)
        {
            var waiting = WaitingBookmark(instance, request.ChildInstanceId);
            if (!definitions.ContainsKey(request.DefinitionId))
            {
                if (waiting is not null)
                {
                    await ResumeAsync(instance, waiting.Id, ChildWorkflows.NotFound(request.DefinitionId), ct);
                }
                continue;
            }
            if (request.ResumeOnDispatch && waiting is not null)
            {
                await ResumeAsync(instance, waiting.Id, ChildWorkflows.Dispatched(request.ChildInstanceId), ct);
            }
            await StartAsync(request.DefinitionId, ChildWorkflows.OptionsFor(instance, request), ct);
        }
        if (instance.Options.ParentInstanceId is { } parentId && Instances.TryGetValue(parentId, out var parent)
            && WaitingBookmark(parent, instance.Id) is { } bookmark
            && (instance.Status == WorkflowStatus.Finished || ChildWorkflows.ResumesWhenIdle(bookmark.Payload)))
        {
            await ResumeAsync(parent, bookmark.Id, ChildWorkflows.Result(instance), ct);
        }
    }

    private static Bookmark? WaitingBookmark(WorkflowInstance parent, string childInstanceId) =>
        parent.Bookmarks.FirstOrDefault(b => b.Kind == BookmarkKind.ChildWorkflow && b.Name == childInstanceId);
}
