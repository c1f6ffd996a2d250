using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rake.BuildingBlocks.Contracts;
using Rake.Modules.Workflows.Activities;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Engine.Activities;

/// <summary>
/// What an endpoint accepts of uploaded files before anything runs: the largest file in bytes (null: only the body limit)
/// and the content types (empty: any; <c>image/*</c> for a family).
/// </summary>
internal sealed record UploadRules(long? FileSizeLimit, IReadOnlyList<string> AllowedMimeTypes)
{
    public bool AllowsType(string? contentType)
    {
        if (AllowedMimeTypes.Count == 0)
        {
            return true;
        }
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return AllowedMimeTypes.Any(a => a == type || (a.EndsWith("/*", StringComparison.Ordinal)
            && type.StartsWith(a[..^1], StringComparison.Ordinal)));
    }
}

/// <summary>
/// Elsa's <c>authorize</c> and <c>policy</c> on an HTTP Endpoint. The caller always holds a token of the region (the region
/// API's gate); a policy, read as Elsa does only when <c>authorize</c> is on, names the region role the caller must also
/// hold (docs/adr/0178).
/// </summary>
internal static partial class HttpAccess
{
    /// <summary>Where a waiting endpoint's bookmark keeps the role its caller needs.</summary>
    public const string RoleKey = "role";

    public static bool TryRole(bool authorize, string? policy, out string? role, out string? problem)
    {
        role = null;
        problem = null;
        if (!authorize || string.IsNullOrWhiteSpace(policy))
        {
            return true;
        }
        if (!RegionRoles.TryParse(policy, out var parsed))
        {
            problem = $"'{policy.Trim()}' is not a role of the region; use one of {RegionRoles.Names}.";
            return false;
        }
        role = parsed.ToString();
        return true;
    }

    /// <summary>Both are read before the workflow runs, so both must be constants; a policy must name a region role.</summary>
    public static IEnumerable<string> Validate(IActivityDesign design)
    {
        var authorize = false;
        if (design.GetExpressionType("authorize") is { } authorizeType
            && (authorizeType is not ("Literal" or "Object") || !design.TryGetConstantInput("authorize", out authorize)))
        {
            yield return "authorize: write true or false as a literal; it is checked before the workflow runs.";
        }
        if (design.GetExpressionType("policy") is not { } policyType)
        {
            yield break;
        }
        if (policyType is not ("Literal" or "Object") || !design.TryGetConstantInput<string>("policy", out var policy))
        {
            yield return $"policy: write the role as a literal ({RegionRoles.Names}); it is checked before the workflow runs.";
        }
        else if (!TryRole(true, policy, out _, out var problem))
        {
            yield return $"policy: {problem}";
        }
        else if (!authorize && !string.IsNullOrWhiteSpace(policy))
        {
            yield return "policy: Elsa applies a policy only with authorize on; turn authorize on, or leave the policy empty.";
        }
    }

    /// <summary>Where a waiting endpoint's bookmark keeps its own body limit (Elsa's <c>requestSizeLimit</c>).</summary>
    public const string SizeLimitKey = "requestSizeLimit";

    /// <summary>
    /// Elsa's <c>requestSizeLimit</c>: the largest body in bytes. It is read before the workflow runs (and before the body
    /// is), so it must be a literal whole number of at least 1; empty means the Host's limit alone (docs/adr/0194).
    /// </summary>
    public static IEnumerable<string> ValidateSizeLimit(IActivityDesign design)
    {
        var raw = design.GetRawInput(SizeLimitKey);
        var value = raw is JsonObject wrapped && wrapped["expression"] is JsonObject expression ? expression["value"] : raw;
        if (design.GetExpressionType(SizeLimitKey) is not { } type || (type is "Literal" or "Object" && JsonRead.IsNull(value)))
        {
            yield break;
        }
        if (type is not ("Literal" or "Object") || !TrySizeLimit(raw, out _))
        {
            yield return $"{SizeLimitKey}: write the largest request body in bytes as a whole number of at least 1 (e.g. 65536); "
                + "it is checked before the workflow runs, so it cannot be an expression.";
        }
    }

    /// <summary>The body limit a trigger's request has, read from the published definition's JSON (null: the Host's).</summary>
    public static long? SizeLimitOf(JsonNode? definitionRoot, string activityId) =>
        Find(definitionRoot, activityId) is { } activity && TrySizeLimit(activity[SizeLimitKey], out var limit) ? limit : null;

    /// <summary>A literal whole number of bytes, at least 1 (as a number or a text of digits).</summary>
    public static bool TrySizeLimit(JsonNode? input, out long limit)
    {
        limit = 0;
        if (!Constant(input, out var value) || value is not JsonValue v)
        {
            return false;
        }
        var parsed = v.GetValueKind() switch
        {
            JsonValueKind.Number => v.TryGetValue<long>(out var number) ? number : (long?)null,
            JsonValueKind.String => long.TryParse(v.GetValue<string>().Trim(), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var text) ? text : null,
            _ => null,
        };
        limit = parsed ?? 0;
        return limit >= 1;
    }

    /// <summary>The role a trigger's caller needs, read from the published definition's JSON (null: any role of the region).</summary>
    public static string? RoleOf(JsonNode? definitionRoot, string activityId)
    {
        var activity = Find(definitionRoot, activityId);
        if (activity is null || !Constant(activity["authorize"], out var authorizeNode))
        {
            return null;
        }
        var authorize = authorizeNode is JsonValue a
            && ((a.TryGetValue<bool>(out var flag) && flag)
                || (a.TryGetValue<string>(out var text) && bool.TryParse(text, out flag) && flag));
        if (!Constant(activity["policy"], out var policyNode) || policyNode is not JsonValue p || !p.TryGetValue<string>(out var policy))
        {
            return null;
        }
        // A policy that is not a role never passed publishing; refusing everyone is the safe reading if it is there anyway.
        return TryRole(authorize, policy, out var role, out _) ? role : authorize ? "(none)" : null;
    }

    private static bool Constant(JsonNode? input, out JsonNode? value)
    {
        value = null;
        if (input is not JsonObject wrapped || wrapped["expression"] is not JsonObject expression)
        {
            value = input;
            return input is JsonValue;
        }
        if (JsonRead.Text(expression["type"]) is not ("Literal" or "Object"))
        {
            return false;
        }
        value = expression["value"];
        return true;
    }

    private static JsonObject? Find(JsonNode? node, string id)
    {
        switch (node)
        {
            case JsonObject o when JsonRead.Text(o["id"]) == id && o["type"] is not null:
                return o;
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (Find(child, id) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (Find(child, id) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>Where a waiting endpoint's bookmark keeps Elsa's <c>fileSizeLimit</c> (bytes per uploaded file).</summary>
    public const string FileSizeLimitKey = "fileSizeLimit";

    /// <summary>Where a waiting endpoint's bookmark keeps Elsa's <c>allowedMimeTypes</c> (the uploads' accepted types).</summary>
    public const string AllowedMimeTypesKey = "allowedMimeTypes";

    /// <summary>
    /// Elsa's <c>fileSizeLimit</c> and <c>allowedMimeTypes</c> are read before the workflow runs (a refused upload runs
    /// nothing), so they must be literals, as <c>requestSizeLimit</c> (docs/adr/0194).
    /// </summary>
    public static IEnumerable<string> ValidateUploadRules(IActivityDesign design)
    {
        if (design.GetExpressionType(FileSizeLimitKey) is { } sizeType
            && !(sizeType is "Literal" or "Object" && IsEmpty(design.GetRawInput(FileSizeLimitKey)))
            && (sizeType is not ("Literal" or "Object") || !TrySizeLimit(design.GetRawInput(FileSizeLimitKey), out _)))
        {
            yield return $"{FileSizeLimitKey}: write the largest uploaded file in bytes as a whole number of at least 1; it is checked "
                + "before the workflow runs, so it cannot be an expression.";
        }
        if (design.GetExpressionType(AllowedMimeTypesKey) is { } typesType
            && (typesType is not ("Literal" or "Object") || !TryMimeTypes(design.GetRawInput(AllowedMimeTypesKey), out _)))
        {
            yield return $"{AllowedMimeTypesKey}: write the accepted content types as a literal list, e.g. [\"application/pdf\", "
                + "\"image/*\"]; they are checked before the workflow runs, so they cannot be an expression.";
        }
    }

    /// <summary>A trigger's upload rules, read from the published definition's JSON.</summary>
    public static UploadRules UploadRulesOf(JsonNode? definitionRoot, string activityId)
    {
        var activity = Find(definitionRoot, activityId);
        return new UploadRules(
            activity is not null && TrySizeLimit(activity[FileSizeLimitKey], out var limit) ? limit : null,
            activity is not null && TryMimeTypes(activity[AllowedMimeTypesKey], out var types) ? types : []);
    }

    /// <summary>A waiting endpoint's upload rules, as its bookmark keeps them.</summary>
    public static UploadRules UploadRulesOf(JsonObject? payload) => new(
        payload?[FileSizeLimitKey] is JsonValue v && v.TryGetValue<long>(out var limit) ? limit : null,
        payload?[AllowedMimeTypesKey] is JsonArray a ? a.Select(t => JsonRead.Text(t) ?? "").Where(t => t.Length > 0).ToList() : []);

    /// <summary>A literal list of content types: a JSON array, JSON text of one, or text with commas (empty: any type).</summary>
    public static bool TryMimeTypes(JsonNode? input, out IReadOnlyList<string> types)
    {
        types = [];
        if (input is null)
        {
            return true;
        }
        if (!Constant(input, out var value) && value is not JsonArray)
        {
            return false;
        }
        if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            var raw = text.GetValue<string>().Trim();
            try
            {
                value = raw.StartsWith('[') ? JsonNode.Parse(raw) : new JsonArray(raw.Split(',', StringSplitOptions.TrimEntries
                    | StringSplitOptions.RemoveEmptyEntries).Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
            }
            catch (JsonException)
            {
                return false;
            }
        }
        if (value is null)
        {
            return true;
        }
        if (value is not JsonArray list || list.Any(t => t is not JsonValue s || s.GetValueKind() != JsonValueKind.String
            || !MimeType().IsMatch(s.GetValue<string>().Trim())))
        {
            return false;
        }
        types = list.Select(t => t!.GetValue<string>().Trim().ToLowerInvariant()).Distinct().ToList();
        return true;
    }

    private static bool IsEmpty(JsonNode? raw) =>
        raw is JsonObject wrapped && wrapped["expression"] is JsonObject e && (e["value"] is null
            || (e["value"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>())));

    [GeneratedRegex(@"^[a-zA-Z0-9!#$&^_.+-]+/(\*|[a-zA-Z0-9!#$&^_.+-]+)$")]
    private static partial Regex MimeType();

    public static bool Allows(string? requiredRole, Func<RegionRole, bool> callerHolds) =>
        requiredRole is null || (Enum.TryParse<RegionRole>(requiredRole, ignoreCase: false, out var role) && callerHolds(role));
}

/// <summary>
/// Elsa's <c>responseHeaders</c> on HTTP Response (a name → values object). A workflow answers on Rake's own origin, so
/// only headers that cannot weaken it are written: caching, language, download name, ETag, a relative Location and
/// the workflow's own <c>X-</c> headers. Cookies, CORS, security policies and content type stay Rake's (docs/adr/0178).
/// </summary>
internal static partial class HttpResponseHeaders
{
    public const int MaxHeaders = 20;
    public const int MaxValueLength = 1000;

    public static readonly IReadOnlyList<string> Allowed =
    [
        "Cache-Control", "Content-Disposition", "Content-Language", "ETag", "Expires", "Last-Modified", "Location", "Pragma",
        "Retry-After",
    ];

    private static readonly string[] ReservedPrefixes =
        ["X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection", "X-Rake-", "X-Forwarded-", "X-Powered-By", "X-Robots-Tag"];

    public static bool TryRead(object? value, out IReadOnlyList<KeyValuePair<string, string>> headers, out string? problem)
    {
        var list = new List<KeyValuePair<string, string>>();
        headers = list;
        problem = null;
        JsonNode? node;
        try
        {
            node = value switch
            {
                null => null,
                string text when string.IsNullOrWhiteSpace(text) => null,
                string text => JsonNode.Parse(text),
                JsonNode json when json is JsonValue v && v.TryGetValue<string>(out var text) =>
                    string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text),
                JsonNode json => json,
                _ => JsonSerializer.SerializeToNode(value),
            };
        }
        catch (JsonException)
        {
            problem = "write the headers as an object of names and values, e.g. {\"Cache-Control\": [\"no-store\"]}.";
            return false;
        }
        if (node is null)
        {
            return true;
        }
        if (node is not JsonObject names)
        {
            problem = "write the headers as an object of names and values, e.g. {\"Cache-Control\": [\"no-store\"]}.";
            return false;
        }
        foreach (var (name, values) in names)
        {
            if (!IsAllowed(name))
            {
                problem = $"'{name}' is not a header a workflow may set; use {string.Join(", ", Allowed)} or a header of its own "
                    + "beginning with X-.";
                return false;
            }
            var texts = values switch
            {
                JsonArray array when array.All(v => v is JsonValue) => array.Select(v => v!.ToString()).ToList(),
                JsonValue single => new List<string> { single.ToString() },
                _ => null,
            };
            if (texts is null)
            {
                problem = $"the value of '{name}' is a text or a list of texts.";
                return false;
            }
            foreach (var text in texts)
            {
                if (text.Length > MaxValueLength || text.Any(char.IsControl))
                {
                    problem = $"the value of '{name}' is one line of at most {MaxValueLength} characters.";
                    return false;
                }
                if (name.Equals("Location", StringComparison.OrdinalIgnoreCase) && !IsRelative(text))
                {
                    problem = "Location may only point within Rake, as a path beginning with a single '/'.";
                    return false;
                }
                list.Add(new(name, text));
            }
        }
        if (list.Count > MaxHeaders)
        {
            problem = $"at most {MaxHeaders} header values can be set.";
            return false;
        }
        return true;
    }

    private static bool IsAllowed(string name) =>
        Token().IsMatch(name)
        && (Allowed.Contains(name, StringComparer.OrdinalIgnoreCase)
            || (name.StartsWith("X-", StringComparison.OrdinalIgnoreCase)
                && !ReservedPrefixes.Any(r => name.StartsWith(r, StringComparison.OrdinalIgnoreCase))));

    private static bool IsRelative(string location) =>
        location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.Contains('\\');

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex Token();
}
