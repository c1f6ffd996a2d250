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

    // Per activity, in the definition's order: the scheduler asks these at every completed activity, and a graph is built
    // once per flowchart node and then only read, so they are worked out here once (docs/adr/0195).
    private readonly Dictionary<string, Connection[]> _outbound;
    private readonly Dictionary<string, Connection[]> _inbound;
    private readonly Dictionary<string, Connection[]> _forwardInbound;
    private readonly HashSet<string> _forwardTargets;

    public FlowGraph(IReadOnlyList<Connection> connections, string? startActivityId)
    {
        _connections = connections;
        _start = startActivityId;
        _forward = startActivityId is null ? [] : ForwardConnections(connections, startActivityId);
        _outbound = Index(connections, c => c.Source, _ => true);
        _inbound = Index(connections, c => c.Target, _ => true);
        _forwardInbound = Index(connections, c => c.Target, _forward.Contains);
        _forwardTargets = _forward.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
    }

    private static Dictionary<string, Connection[]> Index(IReadOnlyList<Connection> connections, Func<Connection, string> key,
        Func<Connection, bool> include) =>
        connections.Where(include).GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>The start activity the forward edges were found from.</summary>
    public string? Start => _start;

    public IReadOnlyList<Connection> Outbound(string activityId) => _outbound.GetValueOrDefault(activityId) ?? [];

    public IReadOnlyList<Connection> Inbound(string activityId) => _inbound.GetValueOrDefault(activityId) ?? [];

    public IReadOnlyList<Connection> ForwardInbound(string activityId) => _forwardInbound.GetValueOrDefault(activityId) ?? [];

    public bool IsForward(Connection connection) => _forward.Contains(connection);

    public bool IsDangling(string activityId) => activityId != _start && !_forwardTargets.Contains(activityId);

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
