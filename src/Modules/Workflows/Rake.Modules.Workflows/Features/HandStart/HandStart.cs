using System.Globalization;
using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Privacy;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Features.Instances;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.HandStart;

/// <summary>One declared input of a definition (Elsa's <c>inputs[]</c>): what the start form asks for.</summary>
internal sealed record HandStartInputDto(string Name, string DisplayName, string? Description, string Type);

/// <summary>A published definition with no start trigger: it runs only when a person starts it.</summary>
internal sealed record HandStartDefinitionDto(
    string DefinitionId, string Name, string? Description, int Version, IReadOnlyList<HandStartInputDto> Inputs);

internal sealed record HandStartInputValue(string? Name, [ScreenedText] string? Value);

internal sealed record HandStartRequest(string? DefinitionId, IReadOnlyList<HandStartInputValue>? Inputs);

internal sealed class HandStartRequestValidator : RequestValidator<HandStartRequest>
{
    public const int ValueMax = 4000;

    public HandStartRequestValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.DefinitionId).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["workflows.validation.definitionId"]);
        RuleForEach(r => r.Inputs).ChildRules(input =>
        {
            input.RuleFor(i => i.Name).Must(v => !string.IsNullOrWhiteSpace(v) && v.Length <= 200)
                .WithMessage(_ => Texts["handStart.validation.inputName"]);
            input.RuleFor(i => i.Value).MaximumLength(ValueMax)
                .WithMessage(i => Texts.Get("validation.tooLong", ValueMax, i.Value?.Length ?? 0));
        });
    }
}

internal static class HandStartEndpoints
{
    public static void Map(IEndpointRouteBuilder regionApi)
    {
        var api = regionApi.MapGroup("").RequireRegionRoles(WorkflowRoles.HandStart);
        api.MapGet("/hand-started-workflows", (HandStartHandler h, CancellationToken ct) => h.ListAsync(ct))
            .WithTags("Workflows").WithSummary("The published definitions that have no start trigger, with their inputs "
                + "(RegionAdmin, ResponsiblePerson).");
        api.MapPost("/hand-started-workflows", async (string region, HandStartRequest request, HandStartHandler h, CancellationToken ct) =>
            {
                var started = await h.StartAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/workflow-instances/{started.Id}", started);
            })
            .WithTags("Workflows").WithSummary("Start a hand-started process with its declared inputs (RegionAdmin, ResponsiblePerson).");
    }
}

/// <summary>
/// Starting a process by hand (docs/adr/0166): only a definition with no start trigger (no activity that can start the
/// workflow: Cron, Timer, StartAt, Event) may be started this way, so the people who run a region's processes can start
/// the phenomenon report without being able to start the scheduled ones out of turn.
/// </summary>
internal sealed class HandStartHandler(
    WorkflowsDbContext db, WorkflowRuntime runtime, InstancesHandler instances, TextCatalog texts)
{
    public async Task<IReadOnlyList<HandStartDefinitionDto>> ListAsync(CancellationToken ct)
    {
        // The latest published version of each definition: the one a start would run.
        var published = await db.Definitions.AsNoTracking().Where(d => d.IsPublished)
            .Select(d => new { d.DefinitionId, d.Version, d.Json })
            .ToListAsync(ct);
        return published.GroupBy(d => d.DefinitionId).Select(g => g.MaxBy(d => d.Version)!)
            .Select(d => Describe(d.DefinitionId, d.Version, d.Json))
            .OfType<HandStartDefinitionDto>()
            .OrderBy(d => d.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<InstanceDto> StartAsync(HandStartRequest request, CancellationToken ct)
    {
        var definition = (await ListAsync(ct)).FirstOrDefault(d => d.DefinitionId == request.DefinitionId!.Trim())
            ?? throw new NotFoundException(texts["handStart.notFound"]);
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var value in request.Inputs ?? [])
        {
            var declared = definition.Inputs.FirstOrDefault(i => i.Name == value.Name);
            if (declared is null)
            {
                errors[$"inputs.{value.Name}"] = [texts["handStart.validation.inputName"]];
                continue;
            }
            if (string.IsNullOrWhiteSpace(value.Value))
            {
                continue;
            }
            if (Convert(declared.Type, value.Value.Trim()) is { } converted)
            {
                input[declared.Name] = converted;
            }
            else
            {
                errors[$"inputs.{declared.Name}"] = [texts[$"handStart.validation.{InputKind(declared.Type)}"]];
            }
        }
        if (errors.Count > 0)
        {
            throw new Rake.BuildingBlocks.Web.ValidationException(errors);
        }
        var record = await runtime.StartAsync(definition.DefinitionId, new RunOptions { Input = input }, ct)
            ?? throw new NotFoundException(texts["handStart.notFound"]);
        return await instances.GetAsync(record.Id, ct);
    }

    /// <summary>The kind of form field an Elsa input type gets: a number, a yes/no box, or text.</summary>
    internal static string InputKind(string type) => type switch
    {
        "Int32" or "Int64" or "Int16" or "Double" or "Decimal" or "Single" => "number",
        "Boolean" => "boolean",
        _ => "text",
    };

    private static object? Convert(string type, string text) => InputKind(type) switch
    {
        "number" when type is "Int32" or "Int16" && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        "number" when type == "Int64" && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        "number" when type is "Double" or "Decimal" or "Single"
            && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        "number" => null,
        "boolean" => text is "true" or "on",
        _ => text,
    };

    private static HandStartDefinitionDto? Describe(string definitionId, int version, string json)
    {
        WorkflowDefinition parsed;
        try
        {
            parsed = WorkflowDefinition.Parse(json);
        }
        catch (WorkflowDefinitionFormatException)
        {
            return null;
        }
        if (parsed.AllActivities().Any(a => a.CanStartWorkflow))
        {
            return null;
        }
        var inputs = parsed.Json["inputs"] is JsonArray declared
            ? declared.OfType<JsonObject>()
                .Where(i => i["name"] is JsonValue)
                .Select(i => new HandStartInputDto((string)i["name"]!, Text(i["displayName"]) ?? (string)i["name"]!,
                    Text(i["description"]), Text(i["type"]) ?? "String"))
                .ToList()
            : [];
        return new HandStartDefinitionDto(definitionId, parsed.Name ?? definitionId, Text(parsed.Json["description"]), version, inputs);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
