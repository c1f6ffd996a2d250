using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Rake.Host.Tests;

/// <summary>
/// Walks every operation in <c>/openapi/v1.json</c> as a user holding a role that may call it, with malformed input of
/// every kind: nulls in every list and for every property, wrong types, dates at the ends of the calendar, huge and
/// negative numbers, characters no stored text may hold, repeated keys, bad query values and path ids. No answer may be
/// a 5xx, a 400 must be a ProblemDetails, and a refused request (4xx) must not have written a row: every INSERT, UPDATE
/// and DELETE that EF Core sends to this host's database is counted around each request (docs/adr/0070).
/// </summary>
public sealed class MalformedInputWalkTests : IAsyncLifetime
{
    private const string Region = "kainuu";

    private static readonly string[] RolePreference =
        ["RegionAdmin", "ResponsiblePerson", "Planner", "Communications", "Supervisor", "WorkingGroupMember", "SteeringGroupMember",
            "Professional"];

    private static readonly string[] BadText = ["\u0000", "\u0001", "a\uFFFE", "\uFFFF", "\uD800", "x\uDC00y"];

    private RakeTestHost host = default!;
    private WriteCounter writes = default!;
    private readonly Dictionary<string, HttpClient> clients = new();
    private readonly Dictionary<string, string> knownValues = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> failures = [];
    private int sent;

    public async Task InitializeAsync()
    {
        host = await RakeTestHost.StartAsync(configure: builder => builder.Host.UseServiceProviderFactory(new WithoutBackgroundWork()));
        writes = new WriteCounter(host);
    }

    public async Task DisposeAsync()
    {
        writes.Dispose();
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        await host.DisposeAsync();
    }

    [Fact]
    public async Task No_operation_answers_malformed_input_with_a_5xx_or_stores_anything_it_refused()
    {
        using var anonymous = host.Anonymous();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => new Operation(p.Key, m.Key.ToUpperInvariant(), m.Value!.AsObject())))
            .OrderBy(o => o.Method == "GET" ? 0 : 1).ThenBy(o => o.Path, StringComparer.Ordinal).ToList();
        Assert.True(operations.Count > 100, $"Only {operations.Count} operations documented.");

        // Reading first lets the walk fill path ids with real ones, so handlers get past "not found" to their own checks.
        foreach (var operation in operations.Where(o => o.Method == "GET"))
        {
            await HarvestAsync(operation);
        }
        foreach (var operation in operations)
        {
            await WalkAsync(operation, schemas);
        }
        Assert.True(sent > 2000, $"Only {sent} requests were sent.");
        // The requests it accepted wrote rows; a counter that saw none would also miss a refused request's writes.
        Assert.True(writes.Count > 0, "The write counter saw no write to this host's database at all.");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {sent} malformed requests went wrong:\n" + string.Join("\n", failures.Take(200)));
    }

    private async Task HarvestAsync(Operation operation)
    {
        if (operation.Path.Contains('{', StringComparison.Ordinal)
            && operation.Path.Replace("{region}", "", StringComparison.Ordinal).Contains('{', StringComparison.Ordinal))
        {
            return;
        }
        var client = await CallerAsync(operation,
            () => new HttpRequestMessage(HttpMethod.Get, Fill(operation.Path, n => n == "region" ? Region : null)));
        using var response = await client.GetAsync(Fill(operation.Path, n => n == "region" ? Region : null));
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return;
        }
        Collect(JsonNode.Parse(await response.Content.ReadAsStringAsync()), operation.Path);
    }

    private void Collect(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array.Take(3))
                {
                    Collect(item, path);
                }
                break;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length is > 0 and < 200)
                    {
                        knownValues.TryAdd(name, text);
                        if (name == "id")
                        {
                            // "/bodies" lists bodies: their id fills "{id}" under "/bodies/{id}".
                            knownValues.TryAdd(path.TrimEnd('/') + "/{id}", text);
                        }
                    }
                    else
                    {
                        Collect(value, path);
                    }
                }
                break;
        }
    }

    private async Task WalkAsync(Operation operation, JsonObject schemas)
    {
        var parameters = operation.Spec["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
        string PathValue(string name) => name == "region" ? Region
            : knownValues.GetValueOrDefault(PathKey(operation.Path, name)) ?? knownValues.GetValueOrDefault(name)
              ?? TypicalParameter(parameters.FirstOrDefault(p => (string?)p["name"] == name));
        var path = Fill(operation.Path, PathValue);
        var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var typicalQuery = string.Join("&", query.Where(p => p["required"]?.GetValue<bool>() == true)
            .Select(p => $"{p["name"]}={Uri.EscapeDataString(TypicalParameter(p))}"));
        var bodySchema = operation.Spec["requestBody"]?["content"]?["application/json"]?["schema"];
        var typical = bodySchema is null ? null : Typical(bodySchema, schemas, 0);
        var client = await CallerAsync(operation, () => new HttpRequestMessage(new HttpMethod(operation.Method), path + Query(typicalQuery))
        {
            Content = typical is null ? null : new StringContent(typical.ToJsonString(), Encoding.UTF8, "application/json"),
        });

        foreach (var parameter in parameters.Where(p => (string?)p["in"] == "path" && (string?)p["name"] != "region"))
        {
            foreach (var bad in BadParameterValues(parameter))
            {
                var url = Fill(operation.Path, name => name == (string?)parameter["name"] ? bad : PathValue(name));
                await SendAsync(client, operation, url + Query(typicalQuery), typical?.ToJsonString(), $"path {parameter["name"]}={bad}");
            }
        }
        foreach (var parameter in query)
        {
            foreach (var bad in BadParameterValues(parameter))
            {
                var others = string.Join("&", query.Where(p => p != parameter && p["required"]?.GetValue<bool>() == true)
                    .Select(p => $"{p["name"]}={Uri.EscapeDataString(TypicalParameter(p))}"));
                await SendAsync(client, operation, path + Query(Join(others, $"{parameter["name"]}={bad}")), typical?.ToJsonString(),
                    $"query {parameter["name"]}={bad}");
            }
        }
        if (operation.Method is "GET" or "DELETE")
        {
            return;
        }
        var bodies = new List<(string Json, string What)>
        {
            ("{\"a\":1,\"a\":2}", "repeated key"), ("[null]", "array of null"), ("null", "null"), ("\"\\u0000\"", "string"),
                ("{", "truncated"),
            ("{\"x\":\"\\uD800\"}", "lone surrogate"), ("12345678901234567890", "huge number"),
        };
        if (bodySchema is not null)
        {
            bodies.AddRange(Variants(typical, bodySchema, schemas).Select(v => (v.Body.ToJsonString(), v.What)));
            if (typical is JsonObject obj && obj.Count > 0)
            {
                var first = obj.First();
                var text = obj.ToJsonString();
                var duplicated = "{" + JsonSerializer.Serialize(first.Key) + ":" + (first.Value?.ToJsonString() ?? "null") + "," +
                    text[1..];
                bodies.Add((duplicated, $"repeated key {first.Key}"));
                bodies.Add((new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))
                    .Append(KeyValuePair.Create("unexpected", (JsonNode?)1))).ToJsonString(), "unknown property"));
            }
        }
        foreach (var (json, what) in bodies)
        {
            await SendAsync(client, operation, path + Query(typicalQuery), json, "body " + what);
        }
    }

    private static string PathKey(string path, string name) =>
        path[..(path.IndexOf("{" + name + "}", StringComparison.Ordinal) + name.Length + 2)];

    private async Task SendAsync(HttpClient client, Operation operation, string url, string? json, string what)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (operation.Path.StartsWith("/elsa/", StringComparison.Ordinal))
        {
            request.Headers.Add("X-Tenant-Id", Region);
        }
        var before = writes.Count;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException ex)
        {
            failures.Add($"{operation.Method} {url} [{what}]: no answer ({ex.Message})");
            return;
        }
        sent++;
        using (response)
        {
            var status = (int)response.StatusCode;
            var written = writes.Count - before;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                failures.Add($"{operation.Method} {url} [{what}] {Printable(json)}: {status} " +
                    $"{Printable(body)[..Math.Min(300, body.Length)]}");
            }
            else if (status >= 400 && written > 0)
            {
                failures.Add($"{operation.Method} {url} [{what}] {Printable(json)}: refused with {status} but wrote {written} row(s)");
            }
            else if (status == 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{operation.Method} {url} [{what}]: 400 without a ProblemDetails");
            }
            else if (status < 400)
            {
                // An accepted request may raise integration events; deliver them now so their writes are not counted against the next
                // request.
                await host.DeliverEventsAsync();
            }
        }
    }

    /// <param name="probe">A plain request: the first role it is not refused for lacking is one that may call the operation.</param>
    private async Task<HttpClient> CallerAsync(Operation operation, Func<HttpRequestMessage> probe)
    {
        if (operation.Path.StartsWith("/api/v1/platform", StringComparison.Ordinal))
        {
            // The region catalogue is the PlatformAdmin's; the national view the NationalObserver's.
            return await ClientAsync(operation.Path.StartsWith("/api/v1/platform/regions", StringComparison.Ordinal)
                ? "platform-admin"
                : "national-observer");
        }
        if (!operation.Path.StartsWith("/api/v1/regions/", StringComparison.Ordinal))
        {
            return await ClientAsync($"{Region}-regionadmin");
        }
        if (operation.Caller is { } known)
        {
            return await ClientAsync(known);
        }
        foreach (var role in RolePreference)
        {
            var user = $"{Region}-{role.ToLowerInvariant()}";
            var client = await ClientAsync(user);
            using var request = probe();
            using var response = await client.SendAsync(request);
            await host.DeliverEventsAsync();
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
            {
                operation.Caller = user;
                return client;
            }
        }
        operation.Caller = $"{Region}-regionadmin";
        return await ClientAsync(operation.Caller);
    }

    private async Task<HttpClient> ClientAsync(string user)
    {
        if (!clients.TryGetValue(user, out var client))
        {
            clients[user] = client = await host.ClientFor(user);
        }
        return client;
    }

    private static IEnumerable<string> BadParameterValues(JsonObject parameter)
    {
        var schema = parameter["schema"];
        var type = TypeOf(schema);
        var format = (string?)schema?["format"];
        var values = new List<string> { "%EF%BF%BF", "%EF%BF%BE", "%ED%A0%80", "%01", "%2F%5Cevil", new string('9', 400) };
        if ((string?)parameter["in"] == "query")
        {
            // In a path Kestrel itself refuses %00 with a bare 400 before the application sees the request.
            values.Add("%00");
        }
        values.AddRange(type switch
        {
            "integer" or "number" => ["0", "-1", "2147483648", "-2147483649", "99999999999999999999", "1e400", "abc"],
            "boolean" => ["maybe"],
            _ when format == "uuid" => ["not-a-guid", Guid.Empty.ToString()],
            _ when format is "date" or "date-time" => ["0001-01-01", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00%2B14:00"],
            _ => ["xx", "-1", "0"],
        });
        return values;
    }

    private string TypicalParameter(JsonObject? parameter)
    {
        var schema = parameter?["schema"];
        if (parameter?["name"] is { } name && knownValues.TryGetValue((string)name!, out var known))
        {
            return known;
        }
        return TypeOf(schema) switch
        {
            "integer" or "number" => (string?)parameter?["name"] is "year" ? "2026" : "1",
            "boolean" => "true",
            _ when (string?)schema?["format"] == "uuid" => Guid.NewGuid().ToString(),
            _ when (string?)schema?["format"] == "date" => "2026-05-04",
            _ => "x",
        };
    }

    private static string Fill(string path, Func<string, string?> value) =>
        Regex.Replace(path, @"\{(\*\*)?([^}:]+)[^}]*\}", m => value(m.Groups[2].Value) ?? Guid.NewGuid().ToString());

    private static string Query(string query) => query.Length == 0 ? "" : "?" + query;

    private static string Join(string a, string b) => a.Length == 0 ? b : $"{a}&{b}";

    private static string Printable(string? text) =>
        text is null ? "" : Regex.Replace(text, @"[^\x20-\x7E]", m => $"\\u{(int)m.Value[0]:X4}");

    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => (string?)v,
        JsonArray a => a.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private static JsonNode? Resolve(JsonNode? schema, JsonObject schemas)
    {
        for (var i = 0; i < 5 && schema?["$ref"] is JsonValue reference; i++)
        {
            schema = schemas[((string)reference!).Split('/')[^1]];
        }
        if ((schema?["anyOf"] ?? schema?["oneOf"]) is JsonArray choices)
        {
            return Resolve(choices.FirstOrDefault(s => TypeOf(s) != "null" || s?["$ref"] is not null), schemas);
        }
        return schema;
    }

    /// <summary>A well-formed value for a schema, so each variant below is wrong in one place only.</summary>
    private static JsonNode? Typical(JsonNode? schema, JsonObject schemas, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema?["enum"] is JsonArray values && values.Count > 0)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }
        return TypeOf(schema) switch
        {
            "string" => (string?)schema!["format"] switch
            {
                "date-time" => "2026-06-01T10:00:00+03:00",
                "date" => "2026-06-01",
                "uuid" => Guid.NewGuid().ToString(),
                _ => "Testi",
            },
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "array" => depth > 3 ? new JsonArray() : new JsonArray(Typical(schema!["items"], schemas, depth + 1)),
            _ when schema?["properties"] is JsonObject properties && depth <= 3 =>
                new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Typical(p.Value, schemas, depth + 1)))),
            _ when schema?["additionalProperties"] is JsonObject => new JsonObject { ["key"] = "Testi" },
            _ => new JsonObject(),
        };
    }

    /// <summary>The typical body broken in one place at a time, at the top level and one level down.</summary>
    private static IEnumerable<(JsonNode Body, string What)> Variants(JsonNode? typical, JsonNode? schema, JsonObject schemas)
    {
        if (typical is not JsonObject root)
        {
            yield break;
        }
        var properties = Resolve(schema, schemas)?["properties"]?.AsObject();
        foreach (var (name, value) in root.ToList())
        {
            var propertySchema = Resolve(properties?[name], schemas);
            foreach (var (broken, what) in BreakValue(value, propertySchema, schemas))
            {
                var copy = root.DeepClone().AsObject();
                copy[name] = broken;
                yield return (copy, $"{name}: {what}");
            }
            if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject item)
            {
                foreach (var (inner, what) in Variants(item, propertySchema?["items"], schemas))
                {
                    var copy = root.DeepClone().AsObject();
                    copy[name] = new JsonArray(inner);
                    yield return (copy, $"{name}[0].{what}");
                }
            }
            else if (value is JsonObject nested)
            {
                foreach (var (inner, what) in Variants(nested, propertySchema, schemas))
                {
                    var copy = root.DeepClone().AsObject();
                    copy[name] = inner;
                    yield return (copy, $"{name}.{what}");
                }
            }
        }
        yield return (new JsonObject(root.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)null))), "every property null");
    }

    private static IEnumerable<(JsonNode? Value, string What)> BreakValue(JsonNode? value, JsonNode? schema, JsonObject schemas)
    {
        yield return (null, "null");
        var format = (string?)schema?["format"];
        switch (value)
        {
            case JsonArray:
                yield return (new JsonArray((JsonNode?)null), "[null]");
                yield return (new JsonArray(value.AsArray().Select(v => v?.DeepClone()).Append(null).ToArray()), "[..., null]");
                yield return (new JsonObject(), "object for list");
                yield return ("x", "text for list");
                break;
            case JsonObject:
                yield return (new JsonArray(), "list for object");
                yield return (1, "number for object");
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                yield return (123, "number for text");
                yield return (new JsonArray("x"), "list for text");
                if (format is "date" or "date-time")
                {
                    yield return (format == "date" ? "0001-01-01" : "0001-01-01T00:00:00Z", "first date");
                    yield return (format == "date" ? "9999-12-31" : "9999-12-31T23:59:59Z", "last date");
                    yield return (format == "date" ? "0001-01-01" : "0001-01-01T00:00:00+14:00", "before the first instant");
                    yield return ("2026-02-30", "no such day");
                }
                else if (format != "uuid" && schema?["enum"] is null)
                {
                    foreach (var bad in BadText)
                    {
                        yield return ("Testi" + bad, $"U+{(int)bad[^1]:X4}");
                    }
                    yield return (new string('x', 100_000), "100 000 characters");
                }
                else
                {
                    yield return ("not-a-value\u0000", "unknown value");
                }
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                foreach (var number in new JsonNode?[] { 0, -1, int.MaxValue, int.MinValue, long.MaxValue, JsonValue.Create(1e308) })
                {
                    yield return (number, $"number {number}");
                }
                yield return ("1", "text for number");
                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                yield return ("yes", "text for true/false");
                break;
        }
    }

    private sealed class Operation(string path, string method, JsonObject spec)
    {
        public string Path { get; } = path;
        public string Method { get; } = method;
        public JsonObject Spec { get; } = spec;
        public string? Caller { get; set; }
    }

    /// <summary>
    /// Counts the write commands EF Core sends to this host's database, whichever module's context sends them. The test
    /// host runs without its background workers, so every write between two counts comes from the request in between.
    /// </summary>
    private sealed class WriteCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly Regex Write = new(@"(^|;)\s*(INSERT|UPDATE|DELETE|MERGE)\b",
            RegexOptions.IgnoreCase | RegexOptions.Multiline);
        private readonly string database;
        private readonly List<IDisposable> subscriptions = [];
        private int count;

        public WriteCounter(RakeTestHost host)
        {
            database = host.IsPostgres
                ? new NpgsqlConnectionStringBuilder(host.ConnectionString).Database!
                : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(host.ConnectionString).DataSource;
            subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Count => Volatile.Read(ref count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && (data.Command.Connection?.Database == database || data.Command.Connection?.DataSource == database)
                && Write.IsMatch(data.Command.CommandText))
            {
                Interlocked.Increment(ref count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
        }
    }

    /// <summary>Leaves out the outbox dispatcher, mail worker and timers, which would otherwise write between requests.</summary>
    private sealed class WithoutBackgroundWork : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            var background = services.Where(d => d.ServiceType == typeof(IHostedService) && IsRakeOrQuartz(d)).ToList();
            foreach (var descriptor in background)
            {
                services.Remove(descriptor);
            }
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();

        private static bool IsRakeOrQuartz(ServiceDescriptor descriptor)
        {
            var type = descriptor.ImplementationType ?? descriptor.ImplementationFactory?.Method.DeclaringType
                ?? descriptor.ImplementationInstance?.GetType();
            var assembly = type?.Assembly.GetName().Name ?? "";
            return assembly.StartsWith("Rake.", StringComparison.Ordinal) || assembly.StartsWith("Quartz", StringComparison.Ordinal);
        }
    }
}
