using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rake.Modules.Workflows.Engine;

/// <summary>
/// A workflow definition in Elsa 3 JSON. The parsed JSON is kept whole and the typed view reads from it, so
/// everything the engine does not understand (designer metadata, Studio properties, future fields) survives a
/// round trip untouched.
/// </summary>
internal sealed class WorkflowDefinition
{
    private WorkflowDefinition(JsonObject json, ActivityNode root, IReadOnlyList<VariableDefinition> variables)
    {
        Json = json;
        Root = root;
        Variables = variables;
    }

    public JsonObject Json { get; }
    public ActivityNode Root { get; }
    public IReadOnlyList<VariableDefinition> Variables { get; }

    public string DefinitionId => JsonRead.Text(Json["definitionId"]) ?? JsonRead.Text(Json["id"]) ?? "";
    public string? Name => JsonRead.Text(Json["name"]);
    public int Version => Json["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 1;

    /// <summary>Names of the workflow-level outputs (<c>outputs[].name</c>), which activity outputs can bind to.</summary>
    public IReadOnlyList<string> OutputNames =>
        Json["outputs"] is JsonArray outputs
            ? outputs.Select(o => JsonRead.Text((o as JsonObject)?["name"])).OfType<string>().ToList() : [];

    /// <summary>Names of the declared workflow inputs (<c>inputs[].name</c>): Elsa's JavaScript has a get&lt;Name&gt;() for each.</summary>
    public IReadOnlyList<string> InputNames =>
        Json["inputs"] is JsonArray inputs
            ? inputs.Select(i => i is JsonObject o ? JsonRead.Text(o["name"]) : null).OfType<string>().ToList() : [];

    public IEnumerable<ActivityNode> AllActivities() => Root.Descendants();

    /// <summary>A validation message as the admin reads it: naming the activity by its display text (or name) and id, once.</summary>
    public string Describe(ValidationError error)
    {
        var node = error.ActivityId is { } id ? AllActivities().FirstOrDefault(a => a.Id == id) : null;
        return node is null || error.Message.Contains(node.Label, StringComparison.Ordinal)
            ? error.Message
            : $"Activity {node.Label}: {error.Message}";
    }

    /// <summary>
    /// How deep a definition may nest. Below the 64 levels System.Text.Json writes by default, with room for the envelopes
    /// the APIs put around a definition: deeper JSON was read but then failed as the answer was written (a 500).
    /// </summary>
    public const int MaxDepth = 56;

    public static WorkflowDefinition Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>The parsed definition, or null when it is malformed (for checks that leave that error to the parser's own).</summary>
    public static WorkflowDefinition? ParseOrNull(string json)
    {
        try
        {
            return Parse(json);
        }
        catch (WorkflowDefinitionFormatException)
        {
            return null;
        }
    }

    /// <summary>Parses a definition already read as a JSON tree; a tree too deep to write again is refused as malformed.</summary>
    /// <exception cref="WorkflowDefinitionFormatException">The JSON is malformed, too deep, or lacks a root activity.</exception>
    public static WorkflowDefinition Parse(JsonNode node)
    {
        string text;
        try
        {
            text = node.ToJsonString(new JsonSerializerOptions { MaxDepth = 1024 });
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new WorkflowDefinitionFormatException($"The workflow JSON cannot be read: {ex.Message}", ex);
        }
        return Parse(text);
    }

    /// <exception cref="WorkflowDefinitionFormatException">The JSON is malformed or lacks a root activity.</exception>
    public static WorkflowDefinition Parse(ReadOnlySpan<byte> utf8)
    {
        // Elsa's exported files sometimes carry a UTF-8 BOM, which the JSON reader rejects.
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        JsonNode? node;
        try
        {
            // A repeated key would otherwise fail later, when the object is first read, as an ArgumentException.
            node = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                AllowDuplicateProperties = false,
                MaxDepth = MaxDepth,
            });
        }
        catch (JsonException ex)
        {
            throw new WorkflowDefinitionFormatException(
                $"The workflow JSON is malformed or nested deeper than {MaxDepth} levels: {ex.Message}", ex);
        }
        if (node is not JsonObject json)
        {
            throw new WorkflowDefinitionFormatException("The workflow JSON must be an object.");
        }
        if (json["root"] is not JsonObject root)
        {
            throw new WorkflowDefinitionFormatException("The workflow has no 'root' activity.");
        }
        var variables = json["variables"] is JsonArray array
            ? array.OfType<JsonObject>().Select(VariableDefinition.From).ToList()
            : [];
        return new WorkflowDefinition(json, ActivityNode.From(root, parent: null), variables);
    }

    public string ToJson(bool indented = true) => Json.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
}

internal sealed class WorkflowDefinitionFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads a definition's JSON without trusting its types: a designer or a hand-edited file may put a number or an
/// object where text belongs, and that must become a validation error, never an exception (docs/adr/0160).</summary>
internal static class JsonRead
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool IsNull(JsonNode? node) => node is null || (node is JsonValue v && v.GetValueKind() == JsonValueKind.Null);
}

internal sealed record VariableDefinition(string Id, string Name, string TypeName, JsonNode? Value)
{
    public static VariableDefinition From(JsonObject json) => new(
        JsonRead.Text(json["id"]) ?? JsonRead.Text(json["name"]) ?? "",
        JsonRead.Text(json["name"]) ?? JsonRead.Text(json["id"]) ?? "",
        JsonRead.Text(json["typeName"]) ?? "Object",
        json["value"]?.DeepClone());
}

/// <summary>An input as Elsa writes it: <c>{typeName, expression:{type, value}}</c>; the value may be a string or any JSON.</summary>
internal sealed record InputValue(string? TypeName, string ExpressionType, JsonNode? Value)
{
    /// <summary>The value when it is a JSON string, read once: reading it from the parsed text decodes it again each time.</summary>
    public string? StringValue { get; } = JsonRead.Text(Value);

    /// <summary>The expression text: a string value as is, other JSON (a literal <c>false</c>) as its JSON text.</summary>
    public string? Text => Value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => Value.ToJsonString(),
    };

    /// <summary>
    /// As Elsa's input converter reads it: an object is <c>{typeName, expression}</c> (without an expression object it is
    /// no input); a bare value (<c>true</c>, <c>1</c>, <c>"text"</c>, <c>[]</c>) is a literal of that value; null is no input.
    /// An expression type that is not text is left to validation (<see cref="DefinitionShape"/>) and read as no input.
    /// </summary>
    public static InputValue? From(JsonNode? node)
    {
        if (JsonRead.IsNull(node))
        {
            return null;
        }
        if (node is not JsonObject obj)
        {
            return new InputValue(null, "Literal", node);
        }
        if (obj["expression"] is not JsonObject expression)
        {
            return null;
        }
        var type = expression["type"];
        if (!JsonRead.IsNull(type) && JsonRead.Text(type) is null)
        {
            return null;
        }
        return new InputValue(JsonRead.Text(obj["typeName"]), JsonRead.Text(type) ?? "Literal", expression["value"]);
    }
}

internal sealed record Connection(string Source, string SourcePort, string Target, string TargetPort)
{
    // Connections are dictionary keys of the flowchart's counters, looked up at every completed activity: the hash of the
    // four texts is worked out once. Derived from the four, so equality is unchanged; the four are get-only, so no `with`
    // can leave the hash of the old values behind.
    public string Source { get; } = Source;
    public string SourcePort { get; } = SourcePort;
    public string Target { get; } = Target;
    public string TargetPort { get; } = TargetPort;
    private readonly int hash = HashCode.Combine(Source, SourcePort, Target, TargetPort);

    public bool Equals(Connection? other) =>
        other is not null && (ReferenceEquals(this, other) || (hash == other.hash && Source == other.Source
            && SourcePort == other.SourcePort && Target == other.Target && TargetPort == other.TargetPort));

    public override int GetHashCode() => hash;

    public override string ToString() => $"{Source}:{SourcePort}->{Target}:{TargetPort}";
}

/// <summary>One activity of the definition, with its children when it is a container (flowchart, FlowNode, ParallelForEach).</summary>
internal sealed class ActivityNode
{
    /// <summary>Keys that describe the activity itself rather than its inputs.</summary>
    private static readonly HashSet<string> StructuralKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "canStartWorkflow", "runAsynchronously",
        "source", "line", "activities", "connections", "start", "body", "variables", "applicationProperties", "then", "else",
        "default", "childFinished", "childFaulted",
    };

    /// <summary>The ports of Elsa's structured activities that hold one child activity each (If, Switch).</summary>
    /// <summary>Named ports holding one whole activity: If's, Switch's default, BulkDispatchWorkflows' child ports.</summary>
    private static readonly string[] PortKeys = ["then", "else", "default", "childFinished", "childFaulted"];

    private ActivityNode(JsonObject json, ActivityNode? parent)
    {
        Json = json;
        Parent = parent;
        // Read once: the engine asks for them several times per activity, and a node's JSON is not changed after parsing.
        Id = JsonRead.Text(json["id"]) ?? "";
        Type = JsonRead.Text(json["type"]) ?? "";
        Version = json["version"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) ? n : 1;
    }

    public JsonObject Json { get; }
    public ActivityNode? Parent { get; }
    public string Id { get; }
    public string Type { get; }
    public int Version { get; }

    /// <summary>The descriptor this node ran with, per registry (docs/adr/0192): found once, not per execution.</summary>
    internal NodeDescriptor? CachedDescriptor { get; set; }

    private FlowGraph? graph;

    /// <summary>
    /// This flowchart's graph from <paramref name="startActivityId"/>: built once per start activity and shared by the runs
    /// of the parsed definition (a graph is only read), instead of once per run and per resume (docs/adr/0192).
    /// </summary>
    internal FlowGraph GraphFrom(string? startActivityId)
    {
        var cached = Volatile.Read(ref graph);
        if (cached is not null && cached.Start == startActivityId)
        {
            return cached;
        }
        var built = new FlowGraph(Connections, startActivityId);
        Volatile.Write(ref graph, built);
        return built;
    }
    public string? Name => JsonRead.Text(Json["name"]);

    /// <summary>What the designer shows on the canvas (<c>metadata.displayText</c>), when the definition sets it.</summary>
    public string? DisplayText => JsonRead.Text((Json["metadata"] as JsonObject)?["displayText"]) is { } text
        && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>How messages name the activity: its display text or name, and its id.</summary>
    public string Label
    {
        get
        {
            var shown = DisplayText ?? (Name is { Length: > 0 } name && name != Id ? name : null);
            if (Id.Length > 0)
            {
                return shown is null ? $"'{Id}'" : $"'{shown}' ('{Id}')";
            }
            // Without an id, the container it sits in is what the admin can find.
            var what = shown ?? (Type.Length > 0 ? Type : "without a type");
            return Parent is { } parent ? $"'{what}' (no id, in {parent.Label})" : $"'{what}' (no id)";
        }
    }

    /// <summary>A flowchart's activities; empty for other activities.</summary>
    public IReadOnlyList<ActivityNode> Activities { get; private set; } = [];
    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    /// <summary>The old format's explicit start activity id (<c>root.start</c>).</summary>
    public string? StartId => Json["start"] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonObject o => JsonRead.Text(o["id"]),
        _ => null,
    };

    /// <summary>The body of FlowNode, ParallelForEach and similar containers.</summary>
    public ActivityNode? Body { get; private set; }

    /// <summary>
    /// Children held in a named port (If's <c>then</c>/<c>else</c>, Switch's <c>default</c>) or in a Switch case
    /// (<c>cases/0</c>…): Elsa writes each as a whole activity object under that property.
    /// </summary>
    public IReadOnlyDictionary<string, ActivityNode> Ports { get; private set; } = new Dictionary<string, ActivityNode>();

    public ActivityNode? Port(string key) => Ports.GetValueOrDefault(key);

    /// <summary>Old files put the flag at activity level, new ones in <c>customProperties</c>.</summary>
    public bool CanStartWorkflow =>
        Flag(Json["canStartWorkflow"]) || Flag((Json["customProperties"] as JsonObject)?["canStartWorkflow"]);

    /// <summary>
    /// The definition id a workflow-used-as-activity node runs (Elsa's WorkflowDefinitionActivity writes it as plain text
    /// at node level, where ExecuteWorkflow has an input object); null for every other node.
    /// </summary>
    public string? UsedWorkflowDefinitionId =>
        JsonRead.Text(Json["workflowDefinitionId"]) is { Length: > 0 } id && !string.IsNullOrWhiteSpace(id) ? id : null;

    /// <summary>The stored version such a node pins (Elsa's <c>workflowDefinitionVersionId</c>), if it names one.</summary>
    public string? UsedWorkflowDefinitionVersionId => JsonRead.Text(Json["workflowDefinitionVersionId"]);

    public string? MergeMode => JsonRead.Text((Json["customProperties"] as JsonObject)?["mergeMode"]);

    public IEnumerable<string> InputNames => Json.Select(p => p.Key).Where(k => !StructuralKeys.Contains(k));

    public JsonNode? RawInput(string name) => FindProperty(name);

    private Dictionary<string, (JsonNode Raw, InputValue? Value)>? inputs;

    /// <summary>
    /// An input as <see cref="InputValue.From"/> reads it, read once per name and kept while the node holds the same JSON
    /// under that name: the engine asks for each input at every execution (docs/adr/0195). The cache is replaced, never
    /// changed, so threads sharing a parsed definition read it without a lock.
    /// </summary>
    public InputValue? Input(string name)
    {
        var raw = FindProperty(name);
        if (raw is null)
        {
            return null;
        }
        var cache = Volatile.Read(ref inputs);
        if (cache is not null && cache.TryGetValue(name, out var known) && ReferenceEquals(known.Raw, raw))
        {
            return known.Value;
        }
        var value = InputValue.From(raw);
        var next = cache is null
            ? new Dictionary<string, (JsonNode, InputValue?)>(StringComparer.Ordinal)
            : new Dictionary<string, (JsonNode, InputValue?)>(cache, StringComparer.Ordinal);
        next[name] = (raw, value);
        Volatile.Write(ref inputs, next);
        return value;
    }

    private Dictionary<string, ActivityNode>? childrenById;

    /// <summary>
    /// A flowchart's activity by id (the first of that id, as a search in order finds it); asked per connection followed.
    /// </summary>
    public ActivityNode? FindChild(string id)
    {
        var byId = Volatile.Read(ref childrenById);
        if (byId is null)
        {
            byId = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
            foreach (var child in Activities)
            {
                byId.TryAdd(child.Id, child);
            }
            Volatile.Write(ref childrenById, byId);
        }
        return byId.GetValueOrDefault(id);
    }

    public IEnumerable<ActivityNode> Descendants()
    {
        yield return this;
        foreach (var child in Activities)
        {
            foreach (var node in child.Descendants())
            {
                yield return node;
            }
        }
        if (Body is not null)
        {
            foreach (var node in Body.Descendants())
            {
                yield return node;
            }
        }
        foreach (var port in Ports.Values)
        {
            foreach (var node in port.Descendants())
            {
                yield return node;
            }
        }
    }

    /// <summary>Input names are camel case in JSON but some writers differ in case; a case-insensitive match is what Elsa
    /// accepts.</summary>
    private JsonNode? FindProperty(string name)
    {
        if (Json.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }
        return Json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private static bool Flag(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static ActivityNode From(JsonObject json, ActivityNode? parent)
    {
        var node = new ActivityNode(json, parent);
        if (json["activities"] is JsonArray activities)
        {
            node.Activities = activities.OfType<JsonObject>().Select(a => From(a, node)).ToList();
        }
        if (json["connections"] is JsonArray connections)
        {
            node.Connections = connections.OfType<JsonObject>().Select(ParseConnection).OfType<Connection>().ToList();
        }
        if (json["body"] is JsonObject body && body["type"] is not null)
        {
            node.Body = From(body, node);
        }
        var ports = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        foreach (var key in PortKeys)
        {
            // Elsa writes ports in camel case; a hand-written file may not.
            var value = json[key] ?? json.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
            if (value is JsonObject child && child["type"] is JsonValue)
            {
                ports[key] = From(child, node);
            }
        }
        if (json["cases"] is JsonArray cases)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                if (cases[i]?["activity"] is JsonObject child && child["type"] is JsonValue)
                {
                    ports[$"cases/{i}"] = From(child, node);
                }
            }
        }
        node.Ports = ports;
        return node;
    }

    /// <summary>Both generations: <c>{source:{activity,port}, target:{activity,port}}</c> and flat <c>{source, target, sourcePort,
    /// targetPort}</c>.</summary>
    private static Connection? ParseConnection(JsonObject json)
    {
        if (json["source"] is JsonObject source && json["target"] is JsonObject target)
        {
            return new Connection(
                JsonRead.Text(source["activity"]) ?? "", JsonRead.Text(source["port"]) ?? "Done",
                JsonRead.Text(target["activity"]) ?? "", JsonRead.Text(target["port"]) ?? "In");
        }
        if (JsonRead.Text(json["source"]) is { } flatSource && JsonRead.Text(json["target"]) is { } flatTarget)
        {
            return new Connection(
                flatSource, JsonRead.Text(json["sourcePort"]) ?? "Done",
                flatTarget, JsonRead.Text(json["targetPort"]) ?? "In");
        }
        return null;
    }
}
