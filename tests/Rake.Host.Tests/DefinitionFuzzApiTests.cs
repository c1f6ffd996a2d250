using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Rake.Tests.Fuzzing;

namespace Rake.Host.Tests;

/// <summary>
/// Issue 15, "never a 500 from a definition", through the real endpoints: a seeded sample of the mutations of every region
/// workflow file and Elsa conformance definition (<see cref="DefinitionMutations"/>) is saved and published through Rake's
/// API, saved-and-published through the Studio's, and imported; no answer is a 5xx, and a refused publish names the mutated
/// activity. Its own Host, because valid mutations publish start triggers into the region.
/// </summary>
public sealed class DefinitionFuzzApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private const string Region = "kainuu";
    private const int Sample = 40;

    [Fact]
    public async Task Mutated_definitions_get_no_5xx_from_save_publish_studio_or_import_and_a_refusal_names_the_activity()
    {
        using var admin = await fixture.Host.ClientFor("kainuu-regionadmin");
        using var studio = await fixture.Host.ClientFor("kainuu-regionadmin");
        studio.DefaultRequestHeaders.Add("X-Tenant-Id", Region);
        var random = new Random(DefinitionMutations.Seed);
        var all = new List<DefinitionMutation>();
        foreach (var (source, path) in Sources())
        {
            var json = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF'))!.AsObject();
            all.AddRange(DefinitionMutations.Of(source, json, random));
        }
        var whole = all.Where(m => m.ActivityId is null && m.Source.EndsWith("hello-world.json", StringComparison.Ordinal));
        var sample = all.Where(m => m.ActivityId is not null).OrderBy(_ => random.Next()).Take(Sample).Concat(whole).ToList();
        var failures = new List<string>();
        var refusedPublishes = 0;

        for (var n = 0; n < sample.Count; n++)
        {
            var mutation = sample[n];
            var rest = await admin.PostAsync($"/api/v1/regions/{Region}/workflow-definitions", Body(WithId(mutation.Json, $"fuzz-{n}")));
            await Check("save", mutation, rest, failures);
            if (rest.StatusCode == HttpStatusCode.Created)
            {
                var publish = await admin.PostAsync($"/api/v1/regions/{Region}/workflow-definitions/fuzz-{n}/publish", null);
                if (await Check("publish", mutation, publish, failures) is { } refusal)
                {
                    refusedPublishes++;
                    NamesActivity("publish", mutation, refusal, failures);
                }
            }
            var viaStudio = await studio.PostAsync("/elsa/api/workflow-definitions",
                Body($"{{\"model\":{WithId(mutation.Json, $"fuzz-studio-{n}")},\"publish\":true}}"));
            if (await Check("studio save and publish", mutation, viaStudio, failures) is { } studioRefusal)
            {
                NamesActivity("studio save and publish", mutation, studioRefusal, failures);
            }
            await Check("import", mutation,
                await studio.PostAsync("/elsa/api/workflow-definitions/import", Body(WithId(mutation.Json, $"fuzz-import-{n}"))), failures);
        }

        Assert.True(failures.Count == 0,
            $"{failures.Count} failures in {sample.Count} mutations:\n" + string.Join("\n", failures.Take(30)));
        Assert.True(refusedPublishes > 0, "no sampled mutation was refused on publish: the sample does not reach validation");
    }

    /// <summary>Fails on a 5xx; returns the body of a 400 so the caller can check what it names.</summary>
    private static async Task<string?> Check(string step, DefinitionMutation mutation, HttpResponseMessage response, List<string> failures)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{mutation}: {step} answered {(int)response.StatusCode}: {Short(body)}");
            return null;
        }
        if (response.StatusCode == HttpStatusCode.BadRequest
            && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{mutation}: {step} answered 400 without ProblemDetails: {Short(body)}");
        }
        return response.StatusCode == HttpStatusCode.BadRequest ? body : null;
    }

    private static void NamesActivity(string step, DefinitionMutation mutation, string problem, List<string> failures)
    {
        // The body is JSON: compare with the id and display text as JSON would write them.
        var text = JsonNode.Parse(problem)?["errors"]?.ToJsonString(
            new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";
        if (mutation.ActivityId is { } id && !text.Contains(id, StringComparison.Ordinal)
            && !(mutation.ActivityText is { } shown && text.Contains(shown, StringComparison.Ordinal)))
        {
            failures.Add($"{mutation}: the {step} refusal does not name the activity: {Short(text)}");
        }
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A definition id of our own, put in the text (a nested mutation is deeper than a JSON reader goes).</summary>
    private static string WithId(string json, string id)
    {
        var at = json.IndexOf("\"definitionId\":\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return "{\"definitionId\":\"" + id + "\"," + json[1..];
        }
        var start = at + "\"definitionId\":\"".Length;
        var end = json.IndexOf('"', start);
        return json[..start] + id + json[end..];
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static IEnumerable<(string Source, string Path)> Sources()
    {
        string? repository = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && repository is null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rake.Modular.sln")))
            {
                repository = dir.FullName;
            }
        }
        Assert.NotNull(repository);
        var workflows = Path.Combine(repository, "workflows");
        foreach (var file in Directory.EnumerateFiles(workflows, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return ("workflows/" + Path.GetRelativePath(workflows, file).Replace('\\', '/'), file);
        }
        var corpus = Environment.GetEnvironmentVariable("RAKE_ELSA_CONFORMANCE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Directory.GetParent(repository)!.FullName, "shared", "elsa-conformance");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus, "workflows"), "*.json").Order(StringComparer.Ordinal))
        {
            yield return ("elsa-conformance/" + Path.GetFileName(file), file);
        }
    }
}
