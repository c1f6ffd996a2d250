using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Host.Tests;

/// <summary>
/// The phenomenon register over REST (docs/adr/0162): roles, bad input, the identity-code screen, links, the audit trail,
/// region isolation through both regions' routes, and the working group's agenda suggesting the recurring phenomena.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class PhenomenonRegisterApiTests(SharedHost shared)
{
    private const string Region = "kymenlaakso";
    private const string Api = $"/api/v1/regions/{Region}/phenomena";

    private RakeTestHost Host => shared.Host;

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];

    [Fact]
    public async Task Staff_register_a_phenomenon_link_reports_and_see_them_counted_with_the_trail_audited()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        using var supervisor = await Host.ClientFor($"{Region}-supervisor");
        using var professional = await Host.ClientFor($"{Region}-professional");
        using var communications = await Host.ClientFor($"{Region}-communications");
        var (_, number, _) = await Reports.SubmitAsync(professional, Region);

        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync(Api, new { title = "x", description = "y" }),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.GetAsync(Api), HttpStatusCode.Forbidden);
        var missing = await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync(Api, new { title = " " }), HttpStatusCode.BadRequest);
        Assert.Equal(["description", "title"], missing["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        var title = Unique("Nuorten yksinäisyys");
        var coded = await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync(Api,
            new { title, description = "Asiakas 131052-308T kertoi" }), HttpStatusCode.BadRequest);
        Assert.NotNull(coded["errors"]!["description"]);
        var before = await responsible.GetFromJsonAsync<JsonObject>($"{Api}?search={Uri.EscapeDataString(title)}");
        Assert.Equal(0, before!["totalCount"]!.GetValue<int>());

        var created = await supervisor.PostAsJsonAsync(Api, new { title, description = "Nuoret kertovat yksinäisyydestä." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var phenomenon = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = phenomenon["id"]!.GetValue<Guid>();
        Assert.Equal("NoReports", phenomenon["trend"]!["label"]!.GetValue<string>());

        await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{Api}/{id}/reports", new { reportNumber = 0 }),
            HttpStatusCode.BadRequest);
        var unknown = await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{Api}/{id}/reports",
            new { reportNumber = 99999999 }), HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["reportNumber"]);
        await Reports.ReadProblemAsync(await communications.PostAsJsonAsync($"{Api}/{id}/reports", new { reportNumber = number }),
            HttpStatusCode.Forbidden);
        var linked = await (await supervisor.PostAsJsonAsync($"{Api}/{id}/reports", new { reportNumber = number }))
            .Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal([number], linked!["reports"]!.AsArray().Select(r => r!["number"]!.GetValue<int>()));
        Assert.Equal("New", linked["trend"]!["label"]!.GetValue<string>());
        Assert.Equal(Reports.Municipality(Region), linked["byMunicipality"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(1, linked["trend"]!["periods"]!.AsArray().Last()!["count"]!.GetValue<int>());

        // Communications reads the register; the list finds it by its title.
        var list = await communications.GetFromJsonAsync<JsonObject>($"{Api}?search={Uri.EscapeDataString(title)}&trend=New");
        var row = Assert.Single(list!["items"]!.AsArray())!;
        Assert.Equal(1, row["reportCount"]!.GetValue<int>());
        await Reports.ReadProblemAsync(await communications.GetAsync($"{Api}?trend=Sometimes"), HttpStatusCode.BadRequest);

        var renamed = await responsible.PutAsJsonAsync($"{Api}/{id}",
            new { title = $"{title} ja syrjäytyminen", description = "Laajempi." });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var changed = (await renamed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"{Region}-responsibleperson", changed["changedBy"]!.GetValue<string>());

        var unlinked = await supervisor.DeleteAsync($"{Api}/{id}/reports/{number}");
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        await Reports.ReadProblemAsync(await supervisor.DeleteAsync($"{Api}/{id}/reports/{number}"), HttpStatusCode.NotFound);

        await using var scope = Host.RegionScope(Region);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var audited = await db.AuditEntries.Where(a => a.EntityType == "Phenomenon" && a.EntityId == id.ToString())
            .Select(a => a.Action).ToListAsync();
        Assert.Contains("Added", audited);
        Assert.Contains("Modified", audited);
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityType == "PhenomenonLink").Select(a => a.Action).ToListAsync(),
            a => a == "Deleted");
    }

    [Fact]
    public async Task Another_regions_phenomenon_is_not_reachable_linkable_or_counted()
    {
        using var kymenlaakso = await Host.ClientFor($"{Region}-responsibleperson");
        using var kainuu = await Host.ClientFor("kainuu-responsibleperson");
        using var kainuuReporter = await Host.ClientFor("kainuu-professional");
        var (_, kainuuNumber, _) = await Reports.SubmitAsync(kainuuReporter, "kainuu");
        var created = await (await kymenlaakso.PostAsJsonAsync(Api, new { title = Unique("Kuljetuspalvelu"), description = "Katkoja." }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var id = created!["id"]!.GetValue<Guid>();

        // Through Kainuu's routes the phenomenon does not exist; through Kymenlaakso's the Kainuu person has no role.
        await Reports.ReadProblemAsync(await kainuu.GetAsync($"/api/v1/regions/kainuu/phenomena/{id}"), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kainuu.PostAsJsonAsync($"/api/v1/regions/kainuu/phenomena/{id}/reports",
            new { reportNumber = kainuuNumber }), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kainuu.PutAsJsonAsync($"/api/v1/regions/kainuu/phenomena/{id}",
            new { title = "Vallattu", description = "x" }), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kainuu.GetAsync($"{Api}/{id}"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await kainuu.PostAsJsonAsync($"{Api}/{id}/reports", new { reportNumber = kainuuNumber }),
            HttpStatusCode.Forbidden);
        var kainuuList = await kainuu.GetFromJsonAsync<JsonObject>("/api/v1/regions/kainuu/phenomena?pageSize=200");
        Assert.DoesNotContain(kainuuList!["items"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == id);

        // A Kainuu report's number, used in Kymenlaakso, is Kymenlaakso's report or none: never Kainuu's.
        var response = await kymenlaakso.PostAsJsonAsync($"{Api}/{id}/reports", new { reportNumber = kainuuNumber });
        if (response.IsSuccessStatusCode)
        {
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.All(page["reports"]!.AsArray(), r => Assert.NotEqual("kajaani", r!["municipality"]!.GetValue<string>()));
        }
        else
        {
            await Reports.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_recurring_phenomenon_is_suggested_for_the_working_groups_next_agenda()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        using var member = await Host.ClientFor($"{Region}-workinggroupmember");
        using var professional = await Host.ClientFor($"{Region}-professional");
        var (lastYearId, lastYear, _) = await Reports.SubmitAsync(professional, Region);
        var (_, now, _) = await Reports.SubmitAsync(professional, Region);
        // The first report is moved three years back, as if it had come then (no other test reads that far back).
        await using (var scope = Host.RegionScope(Region))
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var report = await db.Reports.SingleAsync(r => r.Id == lastYearId);
            report.ReceivedAt = report.ReceivedAt.AddYears(-3);
            await db.SaveChangesAsync();
        }
        var title = Unique("Omaishoitajien jaksaminen");
        var created = await (await responsible.PostAsJsonAsync(Api, new { title, description = "Omaishoitajat uupuvat." }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var id = created!["id"]!.GetValue<Guid>();
        await responsible.PostAsJsonAsync($"{Api}/{id}/reports", new { reportNumber = lastYear });
        var page = await (await responsible.PostAsJsonAsync($"{Api}/{id}/reports", new { reportNumber = now }))
            .Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Recurring", page!["trend"]!["label"]!.GetValue<string>());
        Assert.Equal(2, page["byPeriod"]!.AsArray().Count);

        var body = await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "WorkingGroup");
        var meeting = await WorkingGroupApiTests.ScheduleAsync(member, Region, body["id"]!.GetValue<Guid>(),
            DateTimeOffset.UtcNow.AddDays(14));
        var meetingId = meeting["meeting"]!["id"]!.GetValue<Guid>();
        var shown = await member.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{Region}/meetings/{meetingId}");
        var suggestion = shown!["suggestedPhenomena"]!.AsArray().Single(s => s!["id"]!.GetValue<Guid>() == id)!;
        Assert.Equal([lastYear, now], suggestion["reportNumbers"]!.AsArray().Select(n => n!.GetValue<int>()).Order());
        Assert.Equal(2, suggestion["periodsSeen"]!.GetValue<int>());

        // Once on the agenda it is no longer suggested.
        var added = await member.PostAsJsonAsync($"/api/v1/regions/{Region}/meetings/{meetingId}/agenda-items",
            new { kind = "CurrentMatters", title });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        shown = await member.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{Region}/meetings/{meetingId}");
        Assert.DoesNotContain(shown!["suggestedPhenomena"]!.AsArray(), s => s!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task Linking_the_same_report_several_times_at_once_answers_each_time_and_keeps_one_link()
    {
        using var supervisor = await Host.ClientFor($"{Region}-supervisor");
        using var professional = await Host.ClientFor($"{Region}-professional");
        var created = await supervisor.PostAsJsonAsync(Api,
            new { title = Unique("Samanaikainen linkitys"), description = "Kaksoisklikkaus." });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // A double click, or two people on the same report: each request meets the other's link between its check and its write.
        for (var round = 0; round < 3; round++)
        {
            var (_, number, _) = await Reports.SubmitAsync(professional, Region);
            var answers = await Task.WhenAll(Enumerable.Range(0, 6)
                .Select(_ => supervisor.PostAsJsonAsync($"{Api}/{id}/reports", new { reportNumber = number })));
            foreach (var answer in answers)
            {
                Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
            }
            var shown = (await supervisor.GetFromJsonAsync<JsonObject>($"{Api}/{id}"))!;
            Assert.Single(shown["reports"]!.AsArray(), r => r!["number"]!.GetValue<int>() == number);
        }
        await using var scope = Host.RegionScope(Region);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        Assert.Equal(3, await db.PhenomenonLinks.CountAsync(l => l.PhenomenonId == id));
    }
}
