using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rake.Host.Tests;

/// <summary>Request builders and readers shared by the API tests.</summary>
public static class Reports
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Dictionary<string, object?> Valid(string region, string title = "Nuorten asunnottomuus kasvaa") => new()
    {
        ["phenomenonType"] = "Negative",
        ["title"] = title,
        ["description"] = "Nuorten aikuisten asunnottomuus on lisääntynyt koko palvelualueella viimeisen puolen vuoden aikana.",
        ["proposal"] = "Lisätään tuettuja asuntoja ja nopeutetaan asumisneuvontaa.",
        ["triedAlready"] = "Asumisneuvonnan ajanvarausta on laajennettu.",
        ["categories"] = new[] { "housing", "needs" },
        ["serviceArea"] = "adults",
        ["municipality"] = Municipality(region),
        ["targetGroup"] = "working-age",
        ["supervisor"] = $"{region}-supervisor",
        ["language"] = "fi",
    };

    public static string Municipality(string region) => region switch
    {
        "kainuu" => "kajaani",
        "kymenlaakso" => "kotka",
        _ => "jyvaskyla",
    };

    public static async Task<(Guid Id, int Number, string Location)> SubmitAsync(HttpClient client, string region,
        Dictionary<string, object?>? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/regions/{region}/social-reports", body ?? Valid(region));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var receipt = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (receipt!["id"]!.GetValue<Guid>(), receipt["number"]!.GetValue<int>(), response.Headers.Location!.ToString());
    }

    public static async Task<JsonObject> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.MediaType ?? "");
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        return problem;
    }

    public static async Task<int> CountVisibleAsync(HttpClient client, string region)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{region}/social-reports?pageSize=1");
        return page!["totalCount"]!.GetValue<int>();
    }
}
