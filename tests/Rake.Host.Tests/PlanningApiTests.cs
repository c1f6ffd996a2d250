using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Rake.Host.Tests.WorkflowJson;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Rake.Host.Tests;

/// <summary>The implementation plan API: seeded real plans, action status with evidence, evaluation with report counts, versions, export,
/// roles and regions.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class PlanningApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static async Task<JsonObject> PlanAsync(HttpClient client, string region) =>
        (await client.GetFromJsonAsync<JsonObject>($"{Base(region)}/plan"))!;

    private static IEnumerable<JsonObject> Actions(JsonObject plan) =>
        plan["goals"]!.AsArray().SelectMany(g => g!["actions"]!.AsArray()).Select(a => a!.AsObject());

    [Fact]
    public async Task The_three_regions_are_seeded_with_their_real_plans()
    {
        using var kainuu = await Host.ClientFor("kainuu-professional");
        var plan = await PlanAsync(kainuu, "kainuu");
        Assert.Equal("2026-12-31", plan["validUntil"]!.GetValue<string>());
        var approval = plan["approvals"]!.AsArray().Single(a => a!["kind"]!.GetValue<string>() == "Approved")!;
        Assert.Equal(("Hyvinvointialuejohtajan päätös", "2025-09-18"),
            (approval["body"]!.GetValue<string>(), approval["on"]!.GetValue<string>()));
        Assert.Equal(["introduction", "updating", "goals", "organisation", "implementation", "competence", "communication", "authors"],
            plan["sections"]!.AsArray().Select(s => s!["key"]!.GetValue<string>()).ToArray());
        Assert.Contains("RAKE-työryhmän asialistalle", plan["sections"]![1]!["content"]!.GetValue<string>());
        Assert.Contains("systemaattisemmin",
            plan["sections"]!
                .AsArray()
                .Single(s => s!["key"]!.GetValue<string>() == "communication")!["developmentNeeds"]!
                .GetValue<string>());

        using var kymi = await Host.ClientFor("kymenlaakso-professional");
        var kymiPlan = await PlanAsync(kymi, "kymenlaakso");
        Assert.Equal("Sosiaalipalveluiden johtoryhmä", kymiPlan["approvals"]![0]!["body"]!.GetValue<string>());
        Assert.Equal(["Rakenteellisen sosiaalityön tiedon kerääminen", "Rakenteellisen sosiaalityön tiedon hyödyntäminen",
            "Rakenteellisen sosiaalityön viestintä"],
            kymiPlan["goals"]!.AsArray().Select(g => g!["title"]!.GetValue<string>()).ToArray());
        Assert.Equal(6, Actions(kymiPlan).Count());

        using var ks = await Host.ClientFor("keski-suomi-professional");
        var ksPlan = await PlanAsync(ks, "keski-suomi");
        Assert.Equal(("2025-01-01", "2029-12-31"), (ksPlan["validFrom"]!.GetValue<string>(), ksPlan["validUntil"]!.GetValue<string>()));
        Assert.Equal(["Sosiaali- ja terveyspalvelujen johtoryhmä", "Rakenteellisen sosiaalityön ohjausryhmä"],
            ksPlan["approvals"]!.AsArray().Select(a => a!["body"]!.GetValue<string>()).ToArray());
        Assert.Contains(Actions(ksPlan), a => a["year"]?.GetValue<int>() == 2026);
    }

    [Fact]
    public async Task A_planner_marks_an_action_done_with_evidence_and_the_evaluation_shows_it_with_the_report_counts()
    {
        using var planner = await Host.ClientFor("keski-suomi-planner");
        using var reporter = await Host.ClientFor("keski-suomi-professional");
        var year = DateTime.UtcNow.Year;
        var action = Actions(await PlanAsync(planner, "keski-suomi")).First(a => a["countsReports"]!.GetValue<bool>() && a["year"] is null);
        var id = action["id"]!.GetValue<string>();

        var before = (await planner.GetFromJsonAsync<JsonObject>($"{Base("keski-suomi")}/plan/evaluation?year={year}"))!;
        int CountIn(JsonObject e) =>
            e["reportCounts"]!.AsArray().Single(p => p!["periodId"]!.GetValue<string>() == $"{year}")!["reports"]!.GetValue<int>();
        await Reports_SubmitAsync(reporter);

        var noEvidence = await Reports.ReadProblemAsync(await planner.PutAsJsonAsync($"{Base("keski-suomi")}/plan/actions/{id}/status",
            new { status = "Done" }), HttpStatusCode.BadRequest);
        Assert.Equal(["evidence"], noEvidence["errors"]!.AsObject().Select(e => e.Key).ToArray());
        var badStatus = await Reports.ReadProblemAsync(await planner.PutAsJsonAsync($"{Base("keski-suomi")}/plan/actions/{id}/status",
            new { status = "Finished", evidence = new string('x', 4001) }), HttpStatusCode.BadRequest);
        Assert.Equal(["evidence", "status"], badStatus["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        var professional = reporter;
        await Reports.ReadProblemAsync(await professional.PutAsJsonAsync($"{Base("keski-suomi")}/plan/actions/{id}/status",
            new { status = "Done", evidence = "x" }), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.GetAsync($"{Base("keski-suomi")}/plan/evaluation"), HttpStatusCode.Forbidden);

        var updated = await planner.PutAsJsonAsync($"{Base("keski-suomi")}/plan/actions/{id}/status",
            new { status = "Done", evidence = "Ohjausryhmän pöytäkirja 3/2026, § 4" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var after = (await planner.GetFromJsonAsync<JsonObject>($"{Base("keski-suomi")}/plan/evaluation?year={year}"))!;
        var row = after["actions"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(("Done", "Ohjausryhmän pöytäkirja 3/2026, § 4"),
            (row["status"]!.GetValue<string>(), row["evidence"]!.GetValue<string>()));
        Assert.Equal(before["actionsDone"]!.GetValue<int>() + 1, after["actionsDone"]!.GetValue<int>());
        Assert.Equal(CountIn(before) + 1, CountIn(after));
        await Reports.ReadProblemAsync(await planner.GetAsync($"{Base("keski-suomi")}/plan/evaluation?year=1999"),
            HttpStatusCode.BadRequest);
    }

    private static Task Reports_SubmitAsync(HttpClient reporter) => Rake.Host.Tests.Reports.SubmitAsync(reporter, "keski-suomi");

    [Fact]
    public async Task Kymenlaakso_counts_reports_per_half_year_period()
    {
        using var steering = await Host.ClientFor("kymenlaakso-steeringgroupmember");
        var evaluation = (await steering.GetFromJsonAsync<JsonObject>($"{Base("kymenlaakso")}/plan/evaluation?year=2026"))!;
        Assert.Equal(["2026-H1", "2026-H2"],
            evaluation["reportCounts"]!.AsArray().Select(p => p!["periodId"]!.GetValue<string>()).ToArray());
        Assert.Equal(6, evaluation["actionsTotal"]!.GetValue<int>());
    }

    [Fact]
    public async Task Versions_are_saved_and_compared_and_only_planners_edit()
    {
        using var planner = await Host.ClientFor("kainuu-planner");
        using var member = await Host.ClientFor("kainuu-workinggroupmember");
        var saved = await planner.PostAsJsonAsync($"{Base("kainuu")}/plan/versions", new { note = "Ennen katselmointia" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var number = (await saved.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<int>();

        var marker = $"Katselmoitu RAKE-työryhmässä {Guid.NewGuid():N}"[..45];
        var section = (await PlanAsync(planner, "kainuu"))["sections"]!
            .AsArray()
            .Single(s => s!["key"]!.GetValue<string>() == "introduction")!;
        var oldFirstLine = section["content"]!.GetValue<string>().Split('\n')[0];
        await Reports.ReadProblemAsync(await member.PutAsJsonAsync($"{Base("kainuu")}/plan/sections/introduction",
            new { content = marker }), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await planner.PutAsJsonAsync($"{Base("kainuu")}/plan/sections/nonsense", new { content = marker }),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await planner.PutAsJsonAsync($"{Base("kainuu")}/plan/sections/introduction",
            new { content = new string('a', 20001) }), HttpStatusCode.BadRequest);
        var put = await planner.PutAsJsonAsync($"{Base("kainuu")}/plan/sections/introduction",
            new { content = marker, developmentNeeds = section["developmentNeeds"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var diff = (await planner.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/plan/versions/{number}/diff/0"))!;
        Assert.Contains(diff, d => d!["op"]!.GetValue<string>() == "+" && d["text"]!.GetValue<string>() == marker);
        Assert.Contains(diff, d => d!["op"]!.GetValue<string>() == "-" && d["text"]!.GetValue<string>() == oldFirstLine);
        Assert.DoesNotContain(diff,
            d => d!["op"]!.GetValue<string>() != " " && d["text"]!.GetValue<string>().StartsWith("## ", StringComparison.Ordinal));
        await Reports.ReadProblemAsync(await planner.GetAsync($"{Base("kainuu")}/plan/versions/999/diff/0"), HttpStatusCode.NotFound);

        var approval = await Reports.ReadProblemAsync(await planner.PostAsJsonAsync($"{Base("kainuu")}/plan/approvals",
            new { kind = "Signed", body = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(["body", "kind", "on"], approval["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        var publication = await Reports.ReadProblemAsync(await planner.PutAsJsonAsync($"{Base("kainuu")}/plan/publication",
            new { intranetUrl = "javascript:alert(1)" }), HttpStatusCode.BadRequest);
        Assert.NotNull(publication["errors"]!["intranetUrl"]);
    }

    [Fact]
    public async Task The_plan_exports_as_a_valid_docx_and_an_accessible_html_page()
    {
        using var client = await Host.ClientFor("kymenlaakso-professional");
        var response = await client.GetAsync($"{Base("kymenlaakso")}/plan/export.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            response.Content.Headers.ContentType!.MediaType);
        using (var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync()))
        using (var document = WordprocessingDocument.Open(stream, false))
        {
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Lomakepohjaisia sosiaalisia raportointeja kerätään ja laaditaan", text);
            Assert.Contains("Sosiaalipalveluiden johtoryhmä", text);
            Assert.Contains("Kehittämistarpeet", text);
            Assert.Contains("Tavoitteet ja toimenpiteet", text);
            Assert.Equal("fi", document.PackageProperties.Language);
            var body = document.MainDocumentPart.Document.Body;
            Assert.Equal("Title", body.Descendants<W.ParagraphStyleId>().First().Val!.Value);
            Assert.Contains(body.Descendants<W.ParagraphStyleId>(), s => s.Val!.Value == "Heading1");
            // The goals and actions as a table whose header row repeats on every page.
            var table = body.Elements<W.Table>().Single();
            Assert.NotNull(table.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>());
            Assert.StartsWith("TavoiteToimenpide", table.Elements<W.TableRow>().First().InnerText);
            Assert.True(table.Elements<W.TableRow>().Count() > 1);
        }
        var html = await client.GetStringAsync($"{Base("kymenlaakso")}/plan/export.html?lang=fi");
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"fi\">", html);
        Assert.Contains("<main>", html);
        Assert.Contains("<caption>Tavoitteet ja toimenpiteet</caption>", html);
        Assert.Contains("<th scope=\"col\">Vastuutaho</th>", html);
        var swedish = await client.GetStringAsync($"{Base("kymenlaakso")}/plan/export.html?lang=sv");
        Assert.Contains("<html lang=\"sv\">", swedish);
        Assert.Contains("Utvecklingsbehov", swedish);
    }

    [Fact]
    public async Task Another_regions_plan_is_out_of_reach()
    {
        using var kainuu = await Host.ClientFor("kainuu-planner");
        using var kymi = await Host.ClientFor("kymenlaakso-planner");
        var kymiAction = Actions(await PlanAsync(kymi, "kymenlaakso")).First()["id"]!.GetValue<string>();
        await Reports.ReadProblemAsync(await kainuu.GetAsync($"{Base("kymenlaakso")}/plan"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await kainuu.GetAsync($"{Base("kymenlaakso")}/plan/export.docx"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await kainuu.PutAsJsonAsync($"{Base("kainuu")}/plan/actions/{kymiAction}/status",
            new { status = "Done", evidence = "x" }), HttpStatusCode.NotFound);
        Assert.DoesNotContain(Actions(await PlanAsync(kainuu, "kainuu")), a => a["id"]!.GetValue<string>() == kymiAction);
        var evaluation = (await kymi.GetFromJsonAsync<JsonObject>($"{Base("kymenlaakso")}/plan/evaluation"))!;
        Assert.Contains("Kymenlaakso", evaluation["planTitle"]!.GetValue<string>());
    }

    [Fact]
    public async Task Workflow_activities_record_the_evaluation_and_the_review_once_per_run()
    {
        using var admin = await Host.ClientFor("keski-suomi-regionadmin");
        var id = $"plan-eval-{Guid.NewGuid():N}"[..24];
        var definition = Sequence(id,
            Activity("evaluate", "Rake.Planning.RecordEvaluation", ("kind", "Yearly"), ("year", "current year")),
            Activity("review", "Rake.Planning.ReviewPlan"));
        definition["root"]!["connections"]!
            .AsArray()
            .Single(c => c!["source"]!["activity"]!.GetValue<string>() == "review")!["source"]!["port"] = "NeedsUpdate";
        await PublishAsync(admin, "keski-suomi", definition);
        var instance = await StartAsync(admin, "keski-suomi", id);
        var state = await InstanceAsync(admin, "keski-suomi", instance["id"]!.GetValue<string>());
        Assert.Equal("Finished", state["status"]!.GetValue<string>());

        var year = DateTime.UtcNow.Year;
        var evaluation = (await admin.GetFromJsonAsync<JsonObject>($"{Base("keski-suomi")}/plan/evaluation?year={year}"))!;
        var recorded = evaluation["evaluations"]!.AsArray();
        Assert.Contains(recorded,
            e => e!["kind"]!.GetValue<string>() == "Yearly"
                && e["actionsTotal"]!.GetValue<int>() == evaluation["actionsTotal"]!.GetValue<int>());
        // The plan is valid until 2029: a review while most actions are still open says it needs updating.
        Assert.Contains(recorded, e => e!["kind"]!.GetValue<string>() == "Review");

        // A retried run records nothing twice.
        await using (var scope = Host.RegionScope("keski-suomi"))
        {
            var handler =
                scope.ServiceProvider.GetRequiredService<Rake.Modules.Planning.Features.RecordEvaluation.RecordEvaluationHandler>();
            var key = $"{Guid.NewGuid()}/evaluate";
            var first = await handler.HandleAsync(new(year, "Yearly", "x", false), key, CancellationToken.None);
            var again = await handler.HandleAsync(new(year, "Yearly", "y", false), key, CancellationToken.None);
            Assert.Equal(first.Text, again.Text);
            var db = scope.ServiceProvider.GetRequiredService<Rake.Modules.Planning.Persistence.PlanningDbContext>();
            Assert.Equal(1, await db.Evaluations.CountAsync(e => e.SourceKey == key));
        }

        // A bad constant is refused when publishing.
        var bad = $"plan-bad-{Guid.NewGuid():N}"[..24];
        var saved = await admin.PostAsJsonAsync($"{Base("keski-suomi")}/workflow-definitions",
            Sequence(bad, Activity("evaluate", "Rake.Planning.RecordEvaluation", ("kind", "Whenever"))));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var problem = await Reports.ReadProblemAsync(await admin.PostAsync($"{Base("keski-suomi")}/workflow-definitions/{bad}/publish",
            null), HttpStatusCode.BadRequest);
        Assert.Contains("Yearly or EndOfTerm", problem.ToJsonString());
    }
}
