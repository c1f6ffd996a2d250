namespace Rake.Modules.Workflows.Engine;

/// <summary>
/// The connections of one flowchart, split as Elsa splits them: walking breadth-first from the start activity, an edge
/// is "forward" unless its target can already reach its source through accepted edges; the rest are loop (backward)
/// edges, valid only when every forward path from the start to their source passes through their target.
/// </summary>
internal sealed class FlowGraph
{
    private readonly IReadOnlyList<Connection> _connections;
    private readonly HashSet<Connection> _forward;
    private readonly string? _start;

    public FlowGraph(IReadOnlyList<Connection> connections, string? startActivityId)
    {
        _connections = connections;
        _start = startActivityId;
        _forward = startActivityId is null ? [] : ForwardConnections(connections, startActivityId);
    }

    /// <summary>The start activity the forward edges were found from.</summary>
    public string? Start => _start;

    public IEnumerable<Connection> Outbound(string activityId) => _connections.Where(c => c.Source == activityId);

    public IReadOnlyList<Connection> Inbound(string activityId) => _connections.Where(c => c.Target == activityId).ToList();

    public IReadOnlyList<Connection> ForwardInbound(string activityId) =>
        _connections.Where(c => c.Target == activityId && _forward.Contains(c)).ToList();

    public bool IsForward(Connection connection) => _forward.Contains(connection);

    public bool IsDangling(string activityId) => activityId != _start && !_forward.Any(c => c.Target == activityId);

    public HashSet<string> Ancestors(string activityId)
    {
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([activityId]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var c in _forward.Where(c => c.Target == current))
            {
                if (ancestors.Add(c.Source))
                {
                    queue.Enqueue(c.Source);
                }
            }
        }
        return ancestors;
    }

    /// <summary>Every forward path from the start to the loop edge's source must pass through its target.</summary>
    public bool IsValidBackward(Connection connection)
    {
        if (_start is null)
        {
            return false;
        }
        var queue = new Queue<List<string>>([[connection.Source]]);
        while (queue.TryDequeue(out var path))
        {
            var last = path[^1];
            if (last == _start)
            {
                if (!path.Contains(connection.Target))
                {
                    return false;
                }
                continue;
            }
            foreach (var previous in _forward.Where(c => c.Target == last).Select(c => c.Source).Distinct())
            {
                if (!path.Contains(previous))
                {
                    queue.Enqueue([.. path, previous]);
                }
            }
        }
        return true;
    }

    private static HashSet<Connection> ForwardConnections(IReadOnlyList<Connection> connections, string start)
    {
        var accepted = new List<(string Source, string Target)>();
        var seenEdges = new HashSet<(string, string)>();
        var visited = new HashSet<string>();
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var source))
        {
            visited.Add(source);
            foreach (var target in connections.Where(c => c.Source == source).Select(c => c.Target))
            {
                if (seenEdges.Contains((source, target)) || Reaches(accepted, target, source))
                {
                    continue;
                }
                seenEdges.Add((source, target));
                accepted.Add((source, target));
                if (!visited.Contains(target))
                {
                    queue.Enqueue(target);
                }
            }
        }
        var edges = accepted.ToHashSet();
        return connections.Where(c => edges.Contains((c.Source, c.Target))).ToHashSet();
    }

    private static bool Reaches(List<(string Source, string Target)> edges, string from, string to)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([from]);
        while (stack.TryPop(out var current))
        {
            if (current == to)
            {
                return true;
            }
            if (!seen.Add(current))
            {
                continue;
            }
            foreach (var (_, next) in edges.Where(e => e.Source == current))
            {
                stack.Push(next);
            }
        }
        return false;
    }
}
