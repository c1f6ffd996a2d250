using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rake.Host.Tests;

/// <summary>The remaining endpoints' bad input and edge cases, so every endpoint answers ProblemDetails for each kind of mistake.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class EndpointEdgeTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    [Theory]
    [InlineData("scope=Everything", "scope")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task Listing_refuses_bad_paging_and_scope(string query, string field)
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        var problem = await Reports.ReadProblemAsync(await professional.GetAsync($"/api/v1/regions/kainuu/social-reports?{query}"),
            HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        var missing = Guid.NewGuid();
        await Reports.ReadProblemAsync(await supervisor.GetAsync($"/api/v1/regions/kainuu/social-reports/{missing}"),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"/api/v1/regions/kainuu/social-reports/{missing}/feedback",
            new { comment = "x" }), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await admin.PutAsJsonAsync($"/api/v1/regions/kainuu/taxonomy/{missing}", new { nameFi = "x" }),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await admin.DeleteAsync($"/api/v1/regions/kainuu/supervisors/{missing}"), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await admin.GetAsync("/api/v1/regions/kainuu/social-reports/not-a-guid"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feedback_needs_a_comment_of_sensible_length()
    {
        using var professional = await Host.ClientFor("keski-suomi-professional");
        using var supervisor = await Host.ClientFor("keski-suomi-supervisor");
        var (_, _, location) = await Reports.SubmitAsync(professional, "keski-suomi");
        var empty = await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{location}/feedback", new { comment = "  " }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["comment"]);
        var tooLong = await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{location}/feedback",
            new { comment = new string('k', 2001) }), HttpStatusCode.BadRequest);
        Assert.Contains("2000", tooLong["errors"]!["comment"]![0]!.GetValue<string>());
        var report = await professional.GetFromJsonAsync<JsonObject>(location);
        Assert.Single(report!["timeline"]!.AsArray());
    }

    [Fact]
    public async Task Notifications_are_marked_read_for_the_caller_only()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        using var responsible = await Host.ClientFor("kainuu-responsibleperson");
        var (id, _, location) = await Reports.SubmitAsync(professional, "kainuu");
        await supervisor.PostAsJsonAsync($"{location}/status-changes", new { status = "WithSupervisor" });
        await Host.DeliverEventsAsync();

        Assert.Equal(HttpStatusCode.NoContent,
            (await professional.PostAsync("/api/v1/regions/kainuu/notifications/read", null)).StatusCode);
        var mine = await professional.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/notifications");
        Assert.All(mine!, n => Assert.True(n!["read"]!.GetValue<bool>()));
        var theirs = await supervisor.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/notifications");
        Assert.Contains(theirs!, n => n!["reportId"]!.GetValue<Guid>() == id && !n["read"]!.GetValue<bool>());
        Assert.DoesNotContain((await responsible.GetFromJsonAsync<JsonArray>("/api/v1/regions/kainuu/notifications"))!,
            n => n!["reportId"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task The_form_options_are_the_regions_own_in_the_callers_language()
    {
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        professional.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");
        var form = await professional.GetFromJsonAsync<JsonObject>("/api/v1/regions/kymenlaakso/social-report-form");
        Assert.Contains(form!["municipalities"]!.AsArray(),
            m => m!["code"]!.GetValue<string>() == "hamina" && m["name"]!.GetValue<string>() == "Fredrikshamn");
        Assert.DoesNotContain(form["municipalities"]!.AsArray(), m => m!["code"]!.GetValue<string>() == "kajaani");
        Assert.Contains(form["categories"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "Boende");
        Assert.Contains(form["supervisors"]!.AsArray(), s => s!["userName"]!.GetValue<string>() == "kymenlaakso-supervisor");
    }

    [Fact]
    public async Task A_removed_supervisor_no_longer_receives_new_reports_but_keeps_the_old_ones()
    {
        using var admin = await Host.ClientFor("keski-suomi-regionadmin");
        using var professional = await Host.ClientFor("keski-suomi-professional");
        using var supervisor = await Host.ClientFor("keski-suomi-supervisor");
        var (_, _, location) = await Reports.SubmitAsync(professional, "keski-suomi");
        var listing = (await admin.GetFromJsonAsync<JsonArray>("/api/v1/regions/keski-suomi/supervisors"))!
            .Single(s => s!["userName"]!.GetValue<string>() == "keski-suomi-supervisor")!;
        try
        {
            Assert.Equal(HttpStatusCode.NoContent,
                (await admin.DeleteAsync($"/api/v1/regions/keski-suomi/supervisors/{listing["id"]}")).StatusCode);
            var refused = await Reports.ReadProblemAsync(
                await professional.PostAsJsonAsync("/api/v1/regions/keski-suomi/social-reports", Reports.Valid("keski-suomi")),
                    HttpStatusCode.BadRequest);
            Assert.NotNull(refused["errors"]!["supervisor"]);
            Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(location)).StatusCode);
        }
        finally
        {
            await admin.PostAsJsonAsync("/api/v1/regions/keski-suomi/supervisors",
                new { userName = "keski-suomi-supervisor", serviceArea = "adults" });
        }
    }
}
