using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rake.BuildingBlocks.Localization;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Activities;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Features.HttpWorkflows;

/// <summary>Settings of the workflows' HTTP endpoints (<c>Workflows:Http</c>).</summary>
internal sealed class HttpWorkflowOptions
{
    public const string Section = "Workflows:Http";

    /// <summary>The largest request body a workflow endpoint reads; a bigger one is answered 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;
}

/// <summary>
/// <c>/api/v1/regions/{region}/workflows/http/{path}</c>: Elsa's HTTP endpoints, inside the region API, so the region gate
/// and its tokens apply before any workflow is looked at (docs/adr/0158).
/// </summary>
internal static class HttpWorkflowEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapMethods("/workflows/http/{**path}", HttpRoute.KnownMethods,
                (string? path, HttpContext http, HttpWorkflowsHandler h, CancellationToken ct) => h.HandleAsync(path, http, ct))
            .WithTags("Workflows")
            .WithSummary("Calls a workflow's HTTP Endpoint (Elsa.HttpEndpoint) of the region: starts the workflow that has it as its "
                + "trigger, or resumes an instance waiting on it, and answers what its HTTP Response wrote (200 and no body when "
                + "nothing was written). A token of the region is required; the body is limited (Workflows:Http:MaxRequestBodyBytes, "
                + "or the endpoint's smaller requestSizeLimit).");
}

internal sealed class HttpWorkflowsHandler(
    WorkflowsDbContext db, WorkflowRuntime runtime, WorkflowEngineFactory engines, HttpWorkflowResponse response, TextCatalog texts,
    IOptions<HttpWorkflowOptions> options, Rake.BuildingBlocks.Regions.IRequestContext actor)
{
    private const string HttpKind = nameof(BookmarkKind.Http);

    /// <summary>Headers that carry the caller's credentials never reach the workflow's state.</summary>
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "Proxy-Authorization", "X-Api-Key",
    };

    public async Task<IResult> HandleAsync(string? rawPath, HttpContext http, CancellationToken ct)
    {
        var method = http.Request.Method.ToUpperInvariant();
        var path = (rawPath ?? "").Trim('/');
        var limit = Math.Max(0, options.Value.MaxRequestBodyBytes);
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }
        var waiting = await FindWaitingAsync(method, path, ct);
        var trigger = waiting is null ? await FindTriggerAsync(method, path, ct) : null;
        if (waiting is null && trigger is null)
        {
            return Results.Problem(statusCode: 404, title: texts["workflows.http.notFoundTitle"],
                detail: texts.Get("workflows.http.notFound", method, path));
        }
        // Elsa's authorize + policy: checked before the body is read or anything runs (docs/adr/0178).
        var requiredRole = waiting is { } w ? RoleOf(w.Record.Payload) : trigger!.Value.Role;
        if (!HttpAccess.Allows(requiredRole, actor.IsInRole))
        {
            return Results.Problem(statusCode: 403, title: texts["workflows.http.forbiddenTitle"],
                detail: texts.Get("workflows.http.forbidden", texts[$"role.{requiredRole}"]));
        }
        // The endpoint's own requestSizeLimit can only lower the Host's limit (docs/adr/0194).
        var own = waiting is { } v ? SizeLimitOf(v.Record.Payload) : trigger!.Value.SizeLimit;
        if (own is { } endpointLimit && endpointLimit < limit)
        {
            limit = (int)endpointLimit;
            if (http.Request.ContentLength > limit)
            {
                return TooLargeForEndpoint(limit);
            }
        }
        var body = await ReadLimitedAsync(http.Request.Body, limit, ct);
        if (body is null)
        {
            return own is { } ownLimit && ownLimit <= limit ? TooLargeForEndpoint(limit) : TooLarge(limit);
        }
        JsonNode? content;
        JsonArray files = [];
        if (IsMultipartForm(http.Request.ContentType))
        {
            var rules = waiting is { } u ? HttpAccess.UploadRulesOf(ParsePayload(u.Record.Payload)) : trigger!.Value.Uploads;
            var (fields, uploaded, refusal) = await ReadMultipartAsync(body, http.Request.ContentType!, rules, ct);
            if (refusal is not null)
            {
                return refusal;
            }
            (content, files) = (fields, uploaded!);
        }
        else
        {
            try
            {
                content = Parse(body, http.Request.ContentType);
            }
            catch (JsonException)
            {
                return Results.Problem(statusCode: 400, title: texts["workflows.http.badBodyTitle"],
                    detail: texts["workflows.http.badJson"]);
            }
        }
        var request = new JsonObject
        {
            ["method"] = method,
            ["path"] = path,
            ["contentType"] = http.Request.ContentType,
            ["parsedContent"] = content,
            ["files"] = files,
            ["routeData"] = (waiting?.RouteData ?? trigger!.Value.RouteData).DeepClone(),
            ["queryStringData"] = FirstValues(http.Request.Query.Select(q => (q.Key, First(q.Value)))),
            ["headers"] = FirstValues(http.Request.Headers.Where(h => !SecretHeaders.Contains(h.Key)).Select(h => (h.Key, First(h.Value)))),
        };

        WorkflowInstanceRecord? record;
        if (waiting is { } bookmark)
        {
            response.AnswerFor(bookmark.Record.InstanceId);
            if (await runtime.ResumeAsync(bookmark.Record.Id, request, null, ct) != ResumeOutcome.Resumed)
            {
                return Results.Problem(statusCode: 409, title: texts["workflows.http.goneTitle"], detail: texts["workflows.http.gone"]);
            }
            record = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == bookmark.Record.InstanceId, ct);
        }
        else
        {
            var (definitionId, activityId, _, _, _, _) = trigger!.Value;
            var instanceId = Guid.NewGuid();
            response.AnswerFor(instanceId);
            record = await runtime.StartAsync(definitionId, new RunOptions
            {
                InstanceId = instanceId,
                TriggerActivityId = activityId,
                Input = new Dictionary<string, object?> { [HttpEndpoint.RequestInputKey] = request },
            }, ct);
        }
        return Answer(http, record);
    }

    private IResult Answer(HttpContext http, WorkflowInstanceRecord? record)
    {
        // What a workflow writes is served from Rake's own origin: it may never run as a page there.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        if (record is not null)
        {
            http.Response.Headers["X-Rake-Workflow-Instance"] = record.Id.ToString("D");
        }
        if (response.Written)
        {
            foreach (var (name, value) in response.Headers)
            {
                http.Response.Headers.Append(name, value);
            }
            return response.Content is null
                ? Results.StatusCode(response.StatusCode)
                : Results.Text(response.Content, response.ContentType, Encoding.UTF8, response.StatusCode);
        }
        if (record is { SubStatus: nameof(WorkflowSubStatus.Faulted) })
        {
            return Results.Problem(statusCode: 422, title: texts["workflows.http.faultedTitle"],
                detail: texts.Get("workflows.http.faulted", record.FaultMessage ?? ""));
        }
        // Elsa answers 200 with no body when the workflow ends or waits without writing a response.
        return Results.Ok();
    }

    private IResult TooLarge(int limit) =>
        Results.Problem(statusCode: 413, title: texts["workflows.http.tooLargeTitle"], detail: texts.Get("workflows.http.tooLarge", limit));

    private IResult TooLargeForEndpoint(int limit) =>
        Results.Problem(statusCode: 413, title: texts["workflows.http.tooLargeTitle"],
            detail: texts.Get("workflows.http.tooLargeForEndpoint", limit));

    private sealed record Waiting(WorkflowBookmarkRecord Record, JsonObject RouteData);

    /// <summary>The region's oldest instance waiting on an HTTP Endpoint of this path that accepts the method.</summary>
    private async Task<Waiting?> FindWaitingAsync(string method, string path, CancellationToken ct)
    {
        var open = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == HttpKind && b.CompletedAt == null)
            .OrderBy(b => b.CreatedAt)
            .ToListAsync(ct);
        foreach (var bookmark in open)
        {
            if (Accepts(bookmark.Payload, method) && HttpRoute.TryMatch(bookmark.Name, path, out var routeData))
            {
                return new Waiting(bookmark, routeData);
            }
        }
        return null;
    }

    private static long? SizeLimitOf(string? payload)
    {
        try
        {
            return payload is not null && JsonNode.Parse(payload)?[HttpAccess.SizeLimitKey] is JsonValue value
                && value.TryGetValue<long>(out var limit) ? limit : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? RoleOf(string? payload)
    {
        try
        {
            return payload is null ? null : JsonRead.Text(JsonNode.Parse(payload)?[HttpAccess.RoleKey]);
        }
        catch (JsonException)
        {
            return "(none)";
        }
    }

    private static bool Accepts(string? payload, string method)
    {
        try
        {
            return payload is not null && JsonNode.Parse(payload)?["methods"] is JsonArray methods
                && methods.Any(m => string.Equals((string?)m, method, StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The published workflow of the region whose HTTP Endpoint trigger takes this request; a path with fewer placeholders
    /// wins (<c>orders/new</c> before <c>orders/{id}</c>), as in ASP.NET routing.
    /// </summary>
    private async Task<(string DefinitionId, string ActivityId, JsonObject RouteData, string? Role, long? SizeLimit, UploadRules Uploads)?>
        FindTriggerAsync(string method, string path, CancellationToken ct)
    {
        var publisher = engines.Publisher();
        var matches = new List<(string DefinitionId, string ActivityId, JsonObject RouteData, int Placeholders, string Json)>();
        foreach (var (definitionId, json) in await HttpTriggers.LatestPublishedAsync(db, ct))
        {
            foreach (var trigger in HttpTriggers.Of(publisher, json))
            {
                var (triggerMethod, template) = HttpTriggers.Split(trigger.Name);
                if (triggerMethod == method && HttpRoute.TryMatch(template, path, out var routeData))
                {
                    matches.Add((definitionId, trigger.ActivityId, routeData, template.Count(c => c == '{'), json));
                }
            }
        }
        return matches.OrderBy(m => m.Placeholders).ThenBy(m => m.DefinitionId, StringComparer.Ordinal)
            .Select(m => (Match: m, Root: JsonNode.Parse(m.Json)?["root"]))
            .Select(m => ((string, string, JsonObject, string?, long?, UploadRules)?)(m.Match.DefinitionId, m.Match.ActivityId,
                m.Match.RouteData, HttpAccess.RoleOf(m.Root, m.Match.ActivityId), HttpAccess.SizeLimitOf(m.Root, m.Match.ActivityId),
                HttpAccess.UploadRulesOf(m.Root, m.Match.ActivityId)))
            .FirstOrDefault();
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static JsonObject? ParsePayload(string? payload)
    {
        try
        {
            return payload is null ? null : JsonNode.Parse(payload) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsMultipartForm(string? contentType) =>
        string.Equals((contentType ?? "").Split(';')[0].Trim(), "multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A multipart form as Elsa's HTTP Endpoint gives it: the fields (first value per name) as the parsed content, each file as
    /// <c>{name, fileName, contentType, length, content}</c> with the content in base64. The body was already read within the
    /// endpoint's limit, so the files together cannot exceed it; a file over the endpoint's <c>fileSizeLimit</c>, or more
    /// than <see cref="MaxFiles"/> files, is 413, a type <c>allowedMimeTypes</c> does not list is 415, and nothing runs.
    /// </summary>
    private async Task<(JsonObject? Fields, JsonArray? Files, IResult? Refusal)> ReadMultipartAsync(byte[] body, string contentType,
        UploadRules rules, CancellationToken ct)
    {
        var boundary = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
            ? Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(media.Boundary).Value : null;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
        {
            return (null, null, BadMultipart());
        }
        var fields = new JsonObject();
        var files = new JsonArray();
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false)) { HeadersCountLimit = 16 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                if (disposition is null)
                {
                    continue;
                }
                var name = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, ct);
                if (!disposition.FileName.HasValue && !disposition.FileNameStar.HasValue)
                {
                    fields[name] ??= Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                    continue;
                }
                var fileName = Path.GetFileName(Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(
                    disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
                var type = string.IsNullOrWhiteSpace(section.ContentType) ? "application/octet-stream" : section.ContentType.Trim();
                if (files.Count == MaxFiles)
                {
                    return (null, null, Results.Problem(statusCode: 413, title: texts["workflows.http.tooLargeTitle"],
                        detail: texts.Get("workflows.http.tooManyFiles", MaxFiles)));
                }
                if (rules.FileSizeLimit is { } fileLimit && buffer.Length > fileLimit)
                {
                    return (null, null, Results.Problem(statusCode: 413, title: texts["workflows.http.tooLargeTitle"],
                        detail: texts.Get("workflows.http.fileTooLarge", fileName, buffer.Length, fileLimit)));
                }
                if (!rules.AllowsType(type))
                {
                    return (null, null, Results.Problem(statusCode: 415, title: texts["workflows.http.fileTypeTitle"],
                        detail: texts.Get("workflows.http.fileType", fileName, type, string.Join(", ", rules.AllowedMimeTypes))));
                }
                files.Add(new JsonObject
                {
                    ["name"] = name,
                    ["fileName"] = fileName,
                    ["contentType"] = type,
                    ["length"] = buffer.Length,
                    ["content"] = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length),
                });
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException)
        {
            return (null, null, BadMultipart());
        }
        return (fields, files, null);
    }

    private IResult BadMultipart() =>
        Results.Problem(statusCode: 400, title: texts["workflows.http.badBodyTitle"], detail: texts["workflows.http.badMultipart"]);

    /// <summary>How many files one request may upload; each becomes part of the instance's state.</summary>
    public const int MaxFiles = 20;

    /// <summary>JSON as sent, a form as an object of its first values, anything else as text; no body is null.</summary>
    private static JsonNode? Parse(byte[] body, string? contentType)
    {
        if (body.Length == 0)
        {
            return null;
        }
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal))
        {
            return JsonNode.Parse(body);
        }
        var text = Encoding.UTF8.GetString(body);
        if (type == "application/x-www-form-urlencoded")
        {
            return FirstValues(QueryHelpers.ParseQuery(text).Select(p => (p.Key, First(p.Value))));
        }
        return JsonValue.Create(text);
    }

    /// <summary>Elsa gives each name's first value.</summary>
    private static string First(Microsoft.Extensions.Primitives.StringValues values) => values.Count > 0 ? values[0] ?? "" : "";

    private static JsonObject FirstValues(IEnumerable<(string Key, string Value)> pairs)
    {
        var result = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            result[key] ??= value;
        }
        return result;
    }
}

/// <summary>The HTTP Endpoint triggers of the region's published workflows, read from their JSON (as the Event triggers are).</summary>
internal static class HttpTriggers
{
    public const string ActivityType = "Elsa.HttpEndpoint";

    /// <summary>The latest published version of each definition that has an HTTP Endpoint.</summary>
    public static async Task<List<(string DefinitionId, string Json)>> LatestPublishedAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        var candidates = await db.Definitions.AsNoTracking()
            .Where(d => d.IsPublished && d.Json.Contains(ActivityType))
            .Select(d => new { d.DefinitionId, d.Version, d.Json })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }
        // An older version with an endpoint does not count once a newer published version has none.
        var ids = candidates.Select(c => c.DefinitionId).Distinct().ToList();
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => d.IsPublished && ids.Contains(d.DefinitionId))
            .GroupBy(d => d.DefinitionId)
            .Select(g => new { DefinitionId = g.Key, Version = g.Max(d => d.Version) })
            .ToListAsync(ct);
        return candidates.Where(c => latest.Any(l => l.DefinitionId == c.DefinitionId && l.Version == c.Version))
            .OrderBy(c => c.DefinitionId, StringComparer.Ordinal)
            .Select(c => (c.DefinitionId, c.Json))
            .ToList();
    }

    public static IEnumerable<TriggerRequest> Of(WorkflowPublisher publisher, string json) =>
        publisher.Publish(WorkflowDefinition.Parse(json), failOnValidationErrors: false).Triggers.Where(t => t.Kind == BookmarkKind.Http);

    public static (string Method, string Path) Split(string triggerName)
    {
        var space = triggerName.IndexOf(' ', StringComparison.Ordinal);
        return (triggerName[..space], triggerName[(space + 1)..]);
    }
}
