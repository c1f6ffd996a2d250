using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

/// <summary>
/// Elsa's HTTP Endpoint. As a trigger (<c>canStartWorkflow</c>) a request to the region's workflow path starts a new
/// instance; inside a running instance it waits until such a request comes. Either way the request's parsed body, route
/// values, query string and headers become its outputs (Elsa's names). The Host's route, token and size checks are in
/// Features/HttpWorkflows (docs/adr/0158).
/// </summary>
[Activity("Elsa.HttpEndpoint", Category = "HTTP", DisplayName = "HTTP Endpoint", IsTrigger = true,
    Description = "Waits for an HTTP request to /api/v1/regions/{region}/workflows/http/{path} with an integration token.")]
internal sealed class HttpEndpoint : WorkflowActivity
{
    /// <summary>Where a run started by this trigger finds the request (the workflow input key); Rake's own key.</summary>
    public const string RequestInputKey = "__HttpEndpointRequest";

    [Input(DisplayName = "Path", Description = "The path after …/workflows/http/, e.g. 'orders' or 'orders/{id}'.")]
    public string? Path { get; set; }

    [Input(DisplayName = "Supported methods", Description = "The HTTP methods to accept (GET, POST, PUT, PATCH, DELETE, HEAD).")]
    public string[]? SupportedMethods { get; set; }

    [Input(DisplayName = "Authorize", Description = "Check the caller against the policy (the caller always needs a token of the region).")]
    public bool Authorize { get; set; }

    [Input(DisplayName = "Policy", Description = "With Authorize: the region role the caller must hold, e.g. Supervisor.")]
    public string? Policy { get; set; }

    [Input(DisplayName = "Request size limit",
        Description = "The largest request body in bytes this endpoint accepts (a whole number); a bigger one is answered 413. "
            + "Empty: the Host's limit. It cannot raise the Host's limit.")]
    public long? RequestSizeLimit { get; set; }

    [Input(DisplayName = "File size limit",
        Description = "The largest uploaded file in bytes (a whole number); a request with a bigger one is answered 413 and runs "
            + "nothing. Empty: only the request size limit.")]
    public long? FileSizeLimit { get; set; }

    [Input(DisplayName = "Allowed MIME types",
        Description = "The content types uploaded files may have, e.g. [\"application/pdf\", \"image/*\"]; a request with another "
            + "is answered 415 and runs nothing. Empty: any type.")]
    public string[]? AllowedMimeTypes { get; set; }

    [Output(DisplayName = "Parsed content",
        Description = "The request body: JSON as it was sent, a form (also the fields of a multipart form) as an object, else text.")]
    public JsonNode? ParsedContent { get; private set; }

    [Output(DisplayName = "Files",
        Description = "The files of a multipart/form-data request: name, fileName, contentType, length and content (base64).")]
    public JsonArray? Files { get; private set; }

    [Output(DisplayName = "Route data", Description = "The values of the path's {placeholders}.")]
    public JsonObject? RouteData { get; private set; }

    [Output(DisplayName = "Query string data", Description = "The query string's values.")]
    public JsonObject? QueryStringData { get; private set; }

    [Output(DisplayName = "Headers", Description = "The request's headers, without Authorization and Cookie.")]
    public JsonObject? Headers { get; private set; }

    [Output(DisplayName = "Result", Description = "The request: method, path, content type.")]
    public JsonObject? Result { get; private set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.IsTriggerOfRun && ((ActivityContext)context).GetInput(RequestInputKey) is JsonObject request)
        {
            Receive(context, request);
            return ValueTask.CompletedTask;
        }
        if (!HttpRoute.TryNormalise(Path, out var path, out var problem))
        {
            context.Fault($"path: {problem}");
            return ValueTask.CompletedTask;
        }
        var methods = HttpRoute.Methods(SupportedMethods);
        if (methods.FirstOrDefault(m => !HttpRoute.KnownMethods.Contains(m)) is { } unknown)
        {
            context.Fault($"supportedMethods: '{unknown}' is not one of {string.Join(", ", HttpRoute.KnownMethods)}.");
            return ValueTask.CompletedTask;
        }
        if (!HttpAccess.TryRole(Authorize, Policy, out var role, out var policyProblem))
        {
            context.Fault($"policy: {policyProblem}");
            return ValueTask.CompletedTask;
        }
        var payload = new JsonObject
        {
            ["methods"] = new JsonArray(methods.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
        };
        if (role is not null)
        {
            payload[HttpAccess.RoleKey] = role;
        }
        if (RequestSizeLimit is { } limit)
        {
            if (limit < 1)
            {
                context.Fault($"{HttpAccess.SizeLimitKey}: {limit} is not a size; write the largest request body in bytes, at least 1.");
                return ValueTask.CompletedTask;
            }
            payload[HttpAccess.SizeLimitKey] = limit;
        }
        if (FileSizeLimit is { } fileLimit)
        {
            if (fileLimit < 1)
            {
                context.Fault($"{HttpAccess.FileSizeLimitKey}: {fileLimit} is not a size; write the largest file in bytes, at least 1.");
                return ValueTask.CompletedTask;
            }
            payload[HttpAccess.FileSizeLimitKey] = fileLimit;
        }
        if (!HttpAccess.TryMimeTypes(AllowedMimeTypes is null ? null : new JsonArray(AllowedMimeTypes
            .Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()), out var types))
        {
            context.Fault($"{HttpAccess.AllowedMimeTypesKey}: write content types such as application/pdf or image/*.");
            return ValueTask.CompletedTask;
        }
        if (types.Count > 0)
        {
            payload[HttpAccess.AllowedMimeTypesKey] = new JsonArray(types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }
        context.CreateBookmark(new BookmarkRequest(BookmarkKind.Http, path, Payload: payload));
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        if (bookmark.Input is JsonObject request)
        {
            Receive(context, request);
        }
        else
        {
            context.Complete();
        }
        return ValueTask.CompletedTask;
    }

    private void Receive(IActivityExecutionContext context, JsonObject request)
    {
        ParsedContent = request["parsedContent"]?.DeepClone();
        Files = request["files"]?.DeepClone() as JsonArray ?? [];
        RouteData = request["routeData"]?.DeepClone() as JsonObject ?? [];
        QueryStringData = request["queryStringData"]?.DeepClone() as JsonObject ?? [];
        Headers = request["headers"]?.DeepClone() as JsonObject ?? [];
        Result = new JsonObject
        {
            ["method"] = request["method"]?.DeepClone(),
            ["path"] = request["path"]?.DeepClone(),
            ["contentType"] = request["contentType"]?.DeepClone(),
        };
        context.Complete();
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("path") is null)
        {
            yield return "path: an HTTP endpoint needs a path.";
        }
        else if (design.GetExpressionType("path") == "Literal")
        {
            design.TryGetConstantInput<string>("path", out var path);
            if (!HttpRoute.TryNormalise(path, out _, out var problem))
            {
                yield return $"path: {problem}";
            }
        }
        if (design.TryGetConstantInput<string[]>("supportedMethods", out var methods)
            && HttpRoute.Methods(methods).FirstOrDefault(m => !HttpRoute.KnownMethods.Contains(m)) is { } unknown)
        {
            yield return $"supportedMethods: '{unknown}' is not one of {string.Join(", ", HttpRoute.KnownMethods)}.";
        }
        foreach (var problem in HttpAccess.Validate(design).Concat(HttpAccess.ValidateSizeLimit(design))
            .Concat(HttpAccess.ValidateUploadRules(design)))
        {
            yield return problem;
        }
    }

    /// <summary>One trigger per method, named <c>METHOD path</c>; a path or methods that are not constants start nothing.</summary>
    public override IEnumerable<TriggerRequest> GetTriggers(IActivityDesign design, DateTimeOffset now)
    {
        if (!design.TryGetConstantInput<string>("path", out var raw) || !HttpRoute.TryNormalise(raw, out var path, out _))
        {
            return [];
        }
        design.TryGetConstantInput<string[]>("supportedMethods", out var methods);
        return HttpRoute.Methods(methods).Where(HttpRoute.KnownMethods.Contains)
            .Select(m => new TriggerRequest(design.ActivityId, BookmarkKind.Http, $"{m} {path}")).ToList();
    }
}

/// <summary>
/// Elsa's HTTP Response: writes the status code, content and content type back to the caller whose request this run is
/// answering. Without a waiting caller (the instance was resumed by a timer or a person) it is journalled and skipped.
/// </summary>
[Activity("Elsa.WriteHttpResponse", Category = "HTTP", DisplayName = "HTTP Response",
    Description = "Writes the response to the HTTP request that started or resumed the workflow.")]
internal sealed class WriteHttpResponse : WorkflowActivity
{
    /// <summary>What a response body may hold; a bigger one faults rather than tying up memory per waiting caller.</summary>
    public const int MaxContentLength = 1024 * 1024;

    [Input(DisplayName = "Status code", Description = "The status code to return (a number such as 201, or Elsa's name such as Created).")]
    public object? StatusCode { get; set; }

    [Input(DisplayName = "Content", Description = "Text is sent as it is; anything else as JSON.", UIHint = InputUIHints.MultiLine)]
    public object? Content { get; set; }

    [Input(DisplayName = "Content type", Description = "Empty: text/plain for text, application/json otherwise.")]
    public string? ContentType { get; set; }

    [Input(DisplayName = "Response headers",
        Description = "Headers to add, e.g. {\"Cache-Control\": [\"no-store\"]}: caching, language, ETag, a relative Location, "
            + "X- headers.")]
    public object? ResponseHeaders { get; set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!TryStatus(StatusCode, out var status, out var problem))
        {
            context.Fault($"statusCode: {problem}");
            return ValueTask.CompletedTask;
        }
        var content = Content switch
        {
            null => null,
            string text => text,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            JsonNode node => node.ToJsonString(),
            var other => ValueConverter.ToStateValue(other) is JsonNode node ? node.ToJsonString() : Convert.ToString(other,
                CultureInfo.InvariantCulture),
        };
        if (content is { Length: > MaxContentLength })
        {
            context.Fault($"content: the response is {content.Length} characters long; at most {MaxContentLength} can be sent.");
            return ValueTask.CompletedTask;
        }
        var contentType = string.IsNullOrWhiteSpace(ContentType)
            ? IsText(Content) ? "text/plain" : "application/json"
            : ContentType.Trim();
        if (contentType.Any(char.IsControl))
        {
            context.Fault("contentType: a content type is one line.");
            return ValueTask.CompletedTask;
        }
        if (!HttpResponseHeaders.TryRead(ResponseHeaders, out var headers, out var headerProblem))
        {
            context.Fault($"responseHeaders: {headerProblem}");
            return ValueTask.CompletedTask;
        }
        var caller = context.Services.GetService<HttpWorkflowResponse>();
        if (caller is not null && caller.Answers(context.WorkflowInstanceId))
        {
            caller.Write(status, content, content is null ? null : contentType, headers);
            context.Journal($"HTTP response {status} written.");
        }
        else
        {
            context.Journal($"HTTP response {status} not sent: no HTTP request is waiting for this run.");
        }
        context.Complete();
        return ValueTask.CompletedTask;
    }

    private static bool IsText(object? content) =>
        content is string || (content is JsonValue value && value.TryGetValue<string>(out _));

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("statusCode") is "Literal" or "Object"
            && design.TryGetConstantInput<string>("statusCode", out var raw) && raw is not null
            && !TryStatus(raw, out _, out var problem))
        {
            yield return $"statusCode: {problem}";
        }
        if (design.TryGetConstantInput<object>("responseHeaders", out var headers)
            && !HttpResponseHeaders.TryRead(headers, out _, out var headerProblem))
        {
            yield return $"responseHeaders: {headerProblem}";
        }
    }

    /// <summary>Elsa stores the status as its HttpStatusCode name ("OK", "Created") or number; both are read.</summary>
    internal static bool TryStatus(object? value, out int status, out string? problem)
    {
        problem = null;
        status = 200;
        var text = value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            JsonNode => "",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            if (value is null or JsonValue)
            {
                return true;
            }
            problem = "the status code is a number such as 200 or a name such as OK.";
            return false;
        }
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number)
            && Math.Abs(number) < 100_000)
        {
            status = (int)number;
        }
        else if (!text.All(char.IsAsciiDigit) && Enum.TryParse<HttpStatusCode>(text, ignoreCase: true, out var named))
        {
            status = (int)named;
        }
        else
        {
            problem = $"'{text}' is not a status code: use a number such as 200 or a name such as OK.";
            return false;
        }
        if (status is < 200 or > 599)
        {
            problem = $"{status} is not a status code a workflow may answer with (200–599).";
            return false;
        }
        return true;
    }
}

/// <summary>
/// The answer waiting for the HTTP caller of one run: the request's scope holds it, and only the instance the request
/// started or resumed may write it, so a child workflow or an event cascade in the same scope cannot answer instead.
/// </summary>
internal sealed class HttpWorkflowResponse
{
    private Guid? instanceId;

    public bool Written { get; private set; }
    public int StatusCode { get; private set; } = 200;
    public string? Content { get; private set; }
    public string? ContentType { get; private set; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; private set; } = [];

    public void AnswerFor(Guid instance) => instanceId = instance;

    public bool Answers(string workflowInstanceId) =>
        !Written && instanceId is { } id && Guid.TryParse(workflowInstanceId, out var other) && other == id;

    public void Write(int statusCode, string? content, string? contentType,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        (StatusCode, Content, ContentType, Written) = (statusCode, content, contentType, true);
        Headers = headers ?? [];
    }
}

/// <summary>Paths and methods of workflow HTTP endpoints: how they are written, compared and matched.</summary>
internal static partial class HttpRoute
{
    public const int PathMax = 200;

    public static readonly IReadOnlyList<string> KnownMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

    /// <summary>Upper-cased, each once; none given means GET, as Elsa's default.</summary>
    public static List<string> Methods(IEnumerable<string?>? methods)
    {
        var list = (methods ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!.Trim().ToUpperInvariant()).Distinct().ToList();
        return list.Count == 0 ? ["GET"] : list;
    }

    /// <summary>
    /// A path as stored: without leading or trailing slashes, segments of letters, digits and <c>-._~</c>, or a
    /// <c>{name}</c> placeholder filling a whole segment.
    /// </summary>
    public static bool TryNormalise(string? raw, out string path, out string? problem)
    {
        path = (raw ?? "").Trim().Trim('/');
        problem = null;
        if (path.Length == 0)
        {
            problem = "an HTTP endpoint needs a path, such as 'orders' or 'orders/{id}'.";
        }
        else if (path.Length > PathMax)
        {
            problem = $"the path is {path.Length} characters long; at most {PathMax} are allowed.";
        }
        else if (path.Split('/').FirstOrDefault(s => !Segment().IsMatch(s) || s is "." or "..") is { } bad)
        {
            problem = $"'{bad}' in '{path}' is not a path segment: use letters, digits, '-', '.', '_', '~' or a whole "
                + "'{name}' placeholder.";
        }
        return problem is null;
    }

    /// <summary>Two paths that match the same requests: letter case and placeholder names aside.</summary>
    public static string Shape(string path) => Placeholder().Replace(path.ToLowerInvariant(), "{}");

    /// <summary>Matches a request path against an endpoint's path; the placeholders' values are returned.</summary>
    public static bool TryMatch(string template, string requestPath, out JsonObject routeData)
    {
        routeData = [];
        var expected = template.Split('/');
        var actual = requestPath.Trim('/').Split('/');
        if (expected.Length != actual.Length)
        {
            return false;
        }
        for (var i = 0; i < expected.Length; i++)
        {
            if (Placeholder().Match(expected[i]) is { Success: true } placeholder)
            {
                if (actual[i].Length == 0)
                {
                    return false;
                }
                routeData[placeholder.Groups[1].Value] = Uri.UnescapeDataString(actual[i]);
            }
            else if (!string.Equals(expected[i], actual[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9\-._~]+|\{[A-Za-z_][A-Za-z0-9_]{0,39}\})$")]
    private static partial Regex Segment();

    [GeneratedRegex(@"^\{([A-Za-z_][A-Za-z0-9_]{0,39})\}$|\{[^}]*\}")]
    private static partial Regex Placeholder();
}
