using System.Text.Json.Nodes;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Features.ElsaApi;

/// <summary>
/// Elsa 3 activity descriptors (the shape Elsa Studio 3.8 reads from <c>GET descriptors/activities</c>) generated from
/// the activity classes the registry found: a module's new activity reaches the designer's toolbox without any
/// designer-side work. Texts come from the <c>[Activity]</c>/<c>[Input]</c>/<c>[Output]</c> attributes unless a
/// module's texts.json has a translation under <c>activity.{TypeName}</c>, <c>activity.{TypeName}.description</c>,
/// <c>activity.{TypeName}.{input}</c> or <c>activity.category.{Category}</c> (docs/adr/0011).
/// </summary>
internal sealed class ElsaActivityDescriptors(WorkflowEngineFactory engines, TextCatalog texts, IServiceProvider regionScope,
    WorkflowsDbContext db)
{
    /// <summary>Activities the engine knows under Elsa's names but the designer cannot lay out as flowchart nodes.</summary>
    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal)
    {
        "Elsa.End", "Elsa.Finish", "Elsa.Fault", "Elsa.Break", "Elsa.Complete",
    };

    public async Task<JsonObject> ListAsync(CancellationToken ct)
    {
        var items = new JsonArray();
        var latest = engines.Registry.All
            .Where(d => d.TypeName != Rake.Modules.Workflows.Engine.Activities.WorkflowDefinitionActivity.TypeName)
            .GroupBy(d => d.TypeName, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(d => d.Version))
            .OrderBy(d => d.Attribute.Category, StringComparer.Ordinal).ThenBy(d => d.TypeName, StringComparer.Ordinal);
        foreach (var descriptor in latest)
        {
            items.Add(await DescribeAsync(descriptor, ct));
        }
        foreach (var usable in await UsableWorkflows.ListAsync(db, ct))
        {
            items.Add(DescribeWorkflow(usable));
        }
        return new JsonObject { ["items"] = items, ["count"] = items.Count };
    }

    private async Task<JsonObject> DescribeAsync(ActivityDescriptor d, CancellationToken ct)
    {
        var typeName = d.TypeName;
        var dot = typeName.LastIndexOf('.');
        var inputs = new JsonArray();
        var order = 0;
        foreach (var input in d.Inputs)
        {
            inputs.Add(await DescribeInputAsync(d, input, order++, ct));
        }
        var outputs = new JsonArray();
        order = 0;
        foreach (var output in d.Outputs)
        {
            outputs.Add(OutputJson(Pascal(output.Name), ElsaTypeName(output.Property.PropertyType),
                Text($"activity.{typeName}.{output.Name}", output.Attribute.DisplayName ?? Pascal(output.Name)),
                Text($"activity.{typeName}.{output.Name}.description", output.Attribute.Description ?? ""), order++, synthetic: false));
        }
        var isTerminal = Terminal.Contains(typeName);
        var ports = new JsonArray();
        if (!isTerminal)
        {
            foreach (var outcome in d.Outcomes)
            {
                ports.Add(new JsonObject { ["name"] = outcome, ["displayName"] = outcome, ["type"] = "Flow", ["isBrowsable"] = true });
            }
        }
        // The child slots of Elsa's structured activities (If's Then and Else, a loop's Body), as Elsa describes its [Port]s.
        foreach (var port in Rake.Modules.Workflows.Engine.Activities.Structured.EmbeddedPorts.GetValueOrDefault(typeName) ?? [])
        {
            ports.Add(new JsonObject { ["name"] = port, ["displayName"] = port, ["type"] = "Embedded", ["isBrowsable"] = true });
        }
        return new JsonObject
        {
            ["typeName"] = typeName,
            ["namespace"] = dot > 0 ? typeName[..dot] : "",
            ["name"] = dot > 0 ? typeName[(dot + 1)..] : typeName,
            ["version"] = d.Version,
            ["category"] = Text($"activity.category.{d.Attribute.Category}", d.Attribute.Category),
            ["displayName"] = Text($"activity.{typeName}", d.Attribute.DisplayName ?? typeName[(dot + 1)..]),
            ["description"] = Text($"activity.{typeName}.about", d.Attribute.Description ?? ""),
            ["inputs"] = inputs,
            ["outputs"] = outputs,
            ["kind"] = d.Attribute.IsTrigger ? "Trigger" : "Action",
            ["ports"] = typeName == "Elsa.Flowchart" ? new JsonArray() : ports,
            ["customProperties"] = new JsonObject(),
            ["constructionProperties"] = new JsonObject(),
            ["isContainer"] = typeName == "Elsa.Flowchart",
            ["isBrowsable"] = true,
            ["isStart"] = typeName == "Elsa.Start",
            ["isTerminal"] = isTerminal,
        };
    }

    /// <summary>
    /// A workflow of the region usable as an activity, as Elsa describes a WorkflowDefinitionActivity: its name as the type
    /// and display name, its category (Elsa's default "Workflows"), its workflow inputs and outputs as the activity's, and
    /// the construction properties the Studio copies onto a dropped node (docs/adr/0185).
    /// </summary>
    private static JsonObject DescribeWorkflow(WorkflowDefinitionVersion v)
    {
        var json = JsonNode.Parse(v.Json) as JsonObject ?? [];
        var typeName = UsableWorkflows.TypeName(v);
        var versionId = v.Id.ToString("N");
        var inputs = new JsonArray(Named(json["inputs"]).Select((e, order) => (JsonNode)InputJson(e.Name,
            JsonRead.Text(e.Item["type"]) ?? "Object", JsonRead.Text(e.Item["displayName"]) ?? e.Name,
            JsonRead.Text(e.Item["description"]) ?? "", order, JsonRead.Text(e.Item["uiHint"]) ?? "singleline",
            JsonRead.Text(e.Item["category"]), [], synthetic: true)).ToArray());
        var outputs = new JsonArray(Named(json["outputs"]).Select((e, order) => (JsonNode)OutputJson(e.Name,
            JsonRead.Text(e.Item["type"]) ?? "Object", JsonRead.Text(e.Item["displayName"]) ?? e.Name,
            JsonRead.Text(e.Item["description"]) ?? "", order, synthetic: true)).ToArray());
        return new JsonObject
        {
            ["typeName"] = typeName,
            ["namespace"] = "",
            ["name"] = typeName,
            ["version"] = v.Version,
            ["category"] = JsonRead.Text(json["options"]?["activityCategory"]) is { Length: > 0 } category ? category : "Workflows",
            ["displayName"] = v.Name,
            ["description"] = JsonRead.Text(json["description"]) ?? "",
            ["inputs"] = inputs,
            ["outputs"] = outputs,
            ["kind"] = "Action",
            ["ports"] = WorkflowPorts(json),
            ["customProperties"] = new JsonObject
            {
                ["RootType"] = "WorkflowDefinitionActivity",
                ["WorkflowDefinitionId"] = v.DefinitionId,
                ["WorkflowDefinitionVersionId"] = versionId,
            },
            ["constructionProperties"] = new JsonObject
            {
                ["WorkflowDefinitionId"] = v.DefinitionId,
                ["WorkflowDefinitionVersionId"] = versionId,
                ["Version"] = v.Version,
            },
            ["isContainer"] = false,
            ["isBrowsable"] = true,
            ["isStart"] = false,
            ["isTerminal"] = false,
        };
    }

    /// <summary>
    /// Elsa lists the used workflow's declared <c>outcomes</c> as the node's flow ports (it completes on the outcomes of the
    /// Complete that ends the child), and the embedded <c>Root</c> port, hidden. A workflow that declares none has Done,
    /// on which the node completes, so that it can be connected (docs/adr/0191).
    /// </summary>
    private static JsonArray WorkflowPorts(JsonObject json)
    {
        var outcomes = UsableWorkflows.DeclaredOutcomes(json);
        var ports = new JsonArray(new JsonObject
        {
            ["name"] = "Root",
            ["displayName"] = "Root",
            ["type"] = "Embedded",
            ["isBrowsable"] = false,
        });
        foreach (var outcome in outcomes.Count > 0 ? outcomes : [WorkflowActivity.DoneOutcome])
        {
            ports.Add(new JsonObject { ["name"] = outcome, ["displayName"] = outcome, ["type"] = "Flow", ["isBrowsable"] = true });
        }
        return ports;
    }

    private async Task<JsonObject> DescribeInputAsync(ActivityDescriptor d, InputDescriptor input, int order, CancellationToken ct)
    {
        var attribute = input.Attribute;
        // The Studio names two hints without the hyphen Rake's constants have.
        var uiHint = attribute.UIHint switch
        {
            InputUIHints.SingleLine => "singleline",
            InputUIHints.MultiLine => "multiline",
            var other => other,
        };
        var specifications = new JsonObject();
        if (attribute.Options is { } optionsType)
        {
            var items = new JsonArray();
            foreach (var option in await OptionsAsync(optionsType, ct))
            {
                items.Add(new JsonObject { ["text"] = option.Text ?? option.Value, ["value"] = option.Value });
            }
            uiHint = InputUIHints.DropDown;
            specifications[InputUIHints.DropDown] = new JsonObject
            {
                ["selectList"] = new JsonObject { ["items"] = items, ["isFlagsEnum"] = false },
            };
        }
        if (uiHint == InputUIHints.DynamicOutcomes)
        {
            // Elsa Studio draws the ports of a dynamic-outcomes activity from this input plus these fixed ones.
            specifications["DynamicOutcomesOptions"] = new JsonObject { ["fixedOutcomes"] = new JsonArray(WorkflowActivity.DoneOutcome) };
        }
        var json = InputJson(Pascal(input.Name), ElsaTypeName(input.Property.PropertyType),
            Text($"activity.{d.TypeName}.{input.Name}", attribute.DisplayName ?? Pascal(input.Name)),
            Text($"activity.{d.TypeName}.{input.Name}.description", attribute.Description ?? ""), order, uiHint, attribute.Category,
            specifications, synthetic: false);
        json["autoEvaluate"] = attribute.AutoEvaluate;
        return json;
    }

    /// <summary>A workflow definition's declared inputs or outputs that have a name, with that name.</summary>
    private static IEnumerable<(string Name, JsonObject Item)> Named(JsonNode? list) =>
        (list as JsonArray ?? []).OfType<JsonObject>()
            .Select(item => (Name: JsonRead.Text(item["name"]), Item: item))
            .Where(e => !string.IsNullOrWhiteSpace(e.Name))
            .Select(e => (e.Name!, e.Item));

    /// <summary>One input as Elsa's activity descriptor has it; synthetic for a workflow's own inputs, which no property backs.</summary>
    private static JsonObject InputJson(string name, string typeName, string displayName, string description, int order,
        string uiHint, string? category, JsonObject specifications, bool synthetic) => new()
        {
            ["name"] = name,
            ["typeName"] = typeName,
            ["displayName"] = displayName,
            ["description"] = description,
            ["order"] = order,
            ["isBrowsable"] = true,
            ["uiHint"] = uiHint,
            ["category"] = category,
            ["defaultValue"] = null,
            ["defaultSyntax"] = "Literal",
            ["isReadOnly"] = false,
            ["storageDriverType"] = null,
            ["isSynthetic"] = synthetic,
            ["isWrapped"] = true,
            ["uiSpecifications"] = specifications,
            ["autoEvaluate"] = true,
            ["isSerializable"] = true,
        };

    /// <summary>One output as Elsa's activity descriptor has it.</summary>
    private static JsonObject OutputJson(string name, string typeName, string displayName, string description, int order,
        bool synthetic) => new()
        {
            ["name"] = name,
            ["typeName"] = typeName,
            ["displayName"] = displayName,
            ["description"] = description,
            ["order"] = order,
            ["isBrowsable"] = true,
            ["isSynthetic"] = synthetic,
            ["isSerializable"] = true,
        };

    private async Task<IReadOnlyList<InputOption>> OptionsAsync(Type optionsType, CancellationToken ct)
    {
        if (optionsType.IsEnum)
        {
            return Enum.GetNames(optionsType)
                .Select(name => new InputOption(name, optionsType == typeof(RegionRole) ? Text($"role.{name}", name) : name))
                .ToList();
        }
        if (typeof(IInputOptionsProvider).IsAssignableFrom(optionsType)
            && Activator.CreateInstance(optionsType, nonPublic: true) is IInputOptionsProvider provider)
        {
            return await provider.GetOptionsAsync(regionScope, ct);
        }
        throw new InvalidOperationException(
            $"Input options type {optionsType.FullName} is neither an enum nor an {nameof(IInputOptionsProvider)}.");
    }

    private string Text(string key, string fallback)
    {
        if (texts.Entries.TryGetValue(key, out var byLanguage)
            && byLanguage.TryGetValue(TextCatalog.CurrentLanguage, out var text) && !string.IsNullOrEmpty(text))
        {
            return text;
        }
        return fallback;
    }

    /// <summary>Elsa's type aliases, which the Studio uses to pick editors and which definitions carry as <c>typeName</c>.</summary>
    internal static string ElsaTypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return ElsaTypeName(type.GetElementType()!) + "[]";
        }
        if (type.IsEnum)
        {
            return "String";
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "String",
            TypeCode.Boolean => "Boolean",
            TypeCode.Int32 => "Int32",
            TypeCode.Int64 => "Int64",
            TypeCode.Double => "Double",
            TypeCode.Decimal => "Decimal",
            TypeCode.DateTime => "DateTime",
            _ when type == typeof(DateTimeOffset) => "DateTimeOffset",
            _ when type == typeof(TimeSpan) => "TimeSpan",
            _ when type == typeof(DateOnly) => "DateOnly",
            _ when typeof(JsonNode).IsAssignableFrom(type) => "Object",
            _ => "Object",
        };
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
