using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Host.Tests;

/// <summary>
/// The steering group's decisions on a compilation, phenomenon by phenomenon, reach each reporter's timeline with what they set
/// going and how it ended; a decision never skips the supervisor's step, and the annual figures count accordingly.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class CompilationDecisionsApiTests(SharedHost shared)
{
    private const string Region = "kymenlaakso";
    private const string Api = $"/api/v1/regions/{Region}";

    private RakeTestHost Host => shared.Host;

    /// <summary>The region's shortest period that holds today: the half-year a compilation is made of.</summary>
    private async Task<string> CurrentPeriodAsync()
    {
        await using var scope = Host.RegionScope(Region);
        var reporting = scope.ServiceProvider.GetRequiredService<IReportingApi>();
        var today = Helsinki.ToLocalDate(DateTimeOffset.UtcNow);
        var periods = await reporting.PeriodsAsync(today.Year, default);
        periods = [.. periods, .. await reporting.PeriodsAsync(today.Year + 1, default)];
        return periods.Where(p => p.From <= today && today <= p.To).OrderBy(p => p.To.DayNumber - p.From.DayNumber).First().Id;
    }

    private async Task<Guid> SteeringMeetingAsync(HttpClient responsible, HttpClient steering)
    {
        var body = await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "SteeringGroup");
        var meeting = await WorkingGroupApiTests.ScheduleAsync(steering, Region, body["id"]!.GetValue<Guid>(), DateTimeOffset.UtcNow,
            "Johtoryhmä: puolivuotiskooste");
        return meeting["meeting"]!["id"]!.GetValue<Guid>();
    }

    private static JsonObject Step(JsonObject report, string kind) =>
        report["timeline"]!.AsArray().Last(s => (string?)s!["kind"] == kind)!.AsObject();

    [Fact]
    public async Task Each_reporter_sees_the_decision_on_their_phenomenon_the_assignment_it_gave_and_its_result()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        using var steering = await Host.ClientFor($"{Region}-steeringgroupmember");
        using var professional = await Host.ClientFor($"{Region}-professional");
        using var supervisor = await Host.ClientFor($"{Region}-supervisor");
        using var assignee = await Host.ClientFor($"{Region}-workinggroupmember");
        var meetingId = await SteeringMeetingAsync(responsible, steering);
        var period = await CurrentPeriodAsync();
        var (processedId, processed, processedAt) = await Reports.SubmitAsync(professional, Region,
            Reports.Valid(Region, "Ikäihmisten yksinäisyys lisääntyy"));
        var (waitingId, waiting, _) = await Reports.SubmitAsync(professional, Region, Reports.Valid(Region, "Kuljetuspalvelun katkokset"));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutAsJsonAsync($"{processedAt}/supervisor-record",
            ProcessingApiTests.Record("Yksinäisyys"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"{processedAt}/status-changes",
            new { status = "ToWorkingGroup" })).StatusCode);

        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        var response = await steering.PostAsJsonAsync($"{Api}/meetings/{meetingId}/compilation-decisions", new
        {
            periodId = period,
            decisions = new object[]
            {
                new
                {
                    phenomenon = "Ikäihmisten yksinäisyys", outcome = "FollowUpAction", reasons = "Toistuu kolmessa kunnassa.",
                    responsible = $"{Region}-workinggroupmember", action = "Kartoita kohtaamispaikat", dueDate = due,
                    reportNumbers = new[] { processed },
                },
                new
                {
                    phenomenon = "Kuljetuspalvelu", outcome = "NoAction", reasons = "Sopimus on jo korjattu.",
                    reportNumbers = new[] { waiting },
                },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var saved = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["FollowUpAction", "Noted"], saved["decisions"]!.AsArray().Select(d => (string)d!["outcome"]!));
        var given = Assert.Single(saved["assignments"]!.AsArray())!;
        Assert.Equal("Kartoita kohtaamispaikat", (string)given["title"]!);
        Assert.Equal(saved["decisions"]![0]!["id"]!.GetValue<Guid>(), given["decisionId"]!.GetValue<Guid>());
        await Host.DeliverEventsAsync();
        await Host.DeliverEventsAsync();

        // The processed report is decided, with its own decision and the assignment it gave.
        var first = (await professional.GetFromJsonAsync<JsonObject>($"{Api}/social-reports/{processedId}"))!;
        Assert.Equal("Decided", (string)first["status"]!);
        var decision = Step(first, "Decision");
        Assert.Equal("FollowUpAction", (string)decision["code"]!);
        Assert.False(decision["beforeSupervisorRecord"]!.GetValue<bool>());
        Assert.Contains("Toistuu kolmessa kunnassa.", (string)decision["comment"]!);
        Assert.DoesNotContain("Sopimus on jo korjattu", (string)decision["comment"]!);
        var followUp = Step(first, "FollowUp");
        Assert.Equal("Assignment", (string)followUp["code"]!);
        Assert.Contains("Kartoita kohtaamispaikat", (string)followUp["comment"]!);

        // The unprocessed one keeps its status: the decision is there, marked as coming before the supervisor's record.
        var second = (await professional.GetFromJsonAsync<JsonObject>($"{Api}/social-reports/{waitingId}"))!;
        Assert.Equal("Received", (string)second["status"]!);
        var early = Step(second, "Decision");
        Assert.Equal("Noted", (string)early["code"]!);
        Assert.True(early["beforeSupervisorRecord"]!.GetValue<bool>());
        Assert.Contains("Sopimus on jo korjattu.", (string)early["comment"]!);
        Assert.DoesNotContain(second["timeline"]!.AsArray(), s => (string?)s!["kind"] == "FollowUp");

        // The assignee reports it done; the reporter reads the result.
        var done = await assignee.PutAsJsonAsync($"{Api}/assignments/{given["id"]}",
            new { status = "Done", followUp = "Kartoitettu: 12 kohtaamispaikkaa." });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        await Host.DeliverEventsAsync();
        first = (await professional.GetFromJsonAsync<JsonObject>($"{Api}/social-reports/{processedId}"))!;
        var ended = Step(first, "FollowUpEnded");
        Assert.Equal("Assignment.Done", (string)ended["code"]!);
        Assert.Contains("Kartoitettu: 12 kohtaamispaikkaa.", (string)ended["comment"]!);

        // The decisions are notes of the compilation's phenomena, which the annual report lists.
        var compilation = (await responsible.GetFromJsonAsync<JsonObject>($"{Api}/compilations/{period}"))!;
        var phenomenon = compilation["phenomena"]!.AsArray().Single(p => p!["number"]!.GetValue<int>() == processed)!;
        Assert.Contains(phenomenon["notes"]!.AsArray(), n => (string?)n!["kind"] == "SteeringGroupDecision"
            && ((string)n["text"]!).StartsWith("Ikäihmisten yksinäisyys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_decision_form_with_gaps_is_refused_field_by_field()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        using var steering = await Host.ClientFor($"{Region}-steeringgroupmember");
        using var professional = await Host.ClientFor($"{Region}-professional");
        var meetingId = await SteeringMeetingAsync(responsible, steering);
        var period = await CurrentPeriodAsync();
        var (_, number, _) = await Reports.SubmitAsync(professional, Region, Reports.Valid(Region, "Puutteellinen päätös"));

        var problem = await Reports.ReadProblemAsync(await steering.PostAsJsonAsync($"{Api}/meetings/{meetingId}/compilation-decisions", new
        {
            periodId = period,
            decisions = new object[]
            {
                new { phenomenon = "Ilmiö", outcome = "FollowUpAction", reasons = "", reportNumbers = new[] { number } },
                new { phenomenon = "Toinen", outcome = "Maybe", reasons = "Syy", reportNumbers = new[] { 999_999 } },
            },
        }), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "decisions[0].reasons", "decisions[0].action", "decisions[0].responsible", "decisions[0].dueDate",
            "decisions[1].outcome", "decisions[1].reportNumbers" })
        {
            Assert.True(errors.ContainsKey(field), $"{field} missing from {errors.ToJsonString()}");
        }

        problem = await Reports.ReadProblemAsync(await steering.PostAsJsonAsync($"{Api}/meetings/{meetingId}/compilation-decisions",
            new { periodId = "1999-H9", decisions = new[] { new { phenomenon = "X", outcome = "NoAction", reasons = "Y" } } }),
            HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("periodId"));

        // A responsible person must be one of the region's people.
        problem = await Reports.ReadProblemAsync(await steering.PostAsJsonAsync($"{Api}/meetings/{meetingId}/compilation-decisions", new
        {
            periodId = period,
            decisions = new[]
            {
                new
                {
                    phenomenon = "Ilmiö", outcome = "FollowUpAction", reasons = "Syy", action = "Tee", responsible = "kainuu-supervisor",
                    dueDate = (DateOnly?)DateOnly.FromDateTime(DateTime.UtcNow), reportNumbers = new[] { number },
                },
            },
        }), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("decisions[0].responsible"));

        // Only the steering group decides for itself.
        using var member = await Host.ClientFor($"{Region}-workinggroupmember");
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{Api}/meetings/{meetingId}/compilation-decisions", new
        {
            periodId = period,
            decisions = new[] { new { phenomenon = "Ilmiö", outcome = "NoAction", reasons = "Syy", reportNumbers = new[] { number } } },
        }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_decision_before_the_supervisors_record_is_not_counted_as_processed_or_to_action()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        using var steering = await Host.ClientFor($"{Region}-steeringgroupmember");
        using var professional = await Host.ClientFor($"{Region}-professional");
        using var supervisor = await Host.ClientFor($"{Region}-supervisor");
        var meetingId = await SteeringMeetingAsync(responsible, steering);
        var (id, number, location) = await Reports.SubmitAsync(professional, Region, Reports.Valid(Region, "Vanha ilmiö"));
        // A year no other test writes to, so its figures are this report's alone.
        await using (var scope = Host.RegionScope(Region))
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var stored = await db.Reports.SingleAsync(r => r.Id == id);
            stored.ReceivedAt = new DateTimeOffset(2019, 5, 10, 9, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }

        async Task DecideAsync(string text)
        {
            var decided = await steering.PostAsJsonAsync($"{Api}/meetings/{meetingId}/decisions", new
            {
                phenomenon = "Vanha ilmiö",
                outcome = "FollowUpAction",
                text,
                responsiblePerson = "Vastuuhenkilö",
                reportNumbers = new[] { number },
            });
            Assert.True(decided.StatusCode == HttpStatusCode.Created, await decided.Content.ReadAsStringAsync());
            await Host.DeliverEventsAsync();
        }

        async Task<(int Total, int Processed, int ToAction)> FiguresAsync()
        {
            var annual = (await responsible.GetFromJsonAsync<JsonObject>($"{Api}/annual-reports/2019"))!["figures"]!;
            return (annual["total"]!.GetValue<int>(), annual["processed"]!.GetValue<int>(), annual["actionsTaken"]!.GetValue<int>());
        }

        // Before: the decision moved the report straight to Decided, and the year said "processed 0, to action 1".
        await DecideAsync("Päätetty ennen esihenkilöä.");
        Assert.Equal((1, 0, 0), await FiguresAsync());
        var report = (await professional.GetFromJsonAsync<JsonObject>(location))!;
        Assert.Equal("Received", (string)report["status"]!);
        Assert.True(Step(report, "Decision")["beforeSupervisorRecord"]!.GetValue<bool>());

        // Once the supervisor has recorded their processing, a decision moves the report on and both figures count it.
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutAsJsonAsync($"{location}/supervisor-record",
            ProcessingApiTests.Record("Ydin"))).StatusCode);
        await DecideAsync("Päätetty esihenkilön jälkeen.");
        Assert.Equal((1, 1, 1), await FiguresAsync());
        report = (await professional.GetFromJsonAsync<JsonObject>(location))!;
        Assert.Equal("Decided", (string)report["status"]!);
        Assert.False(Step(report, "Decision")["beforeSupervisorRecord"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_action_proposals_outcome_and_its_result_reach_the_reporters_timeline_step_by_step()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        using var steering = await Host.ClientFor($"{Region}-steeringgroupmember");
        using var professional = await Host.ClientFor($"{Region}-professional");
        var meetingId = await SteeringMeetingAsync(responsible, steering);
        var (id, number, _) = await Reports.SubmitAsync(professional, Region, Reports.Valid(Region, "Kotihoidon kiire"));
        var decided = await steering.PostAsJsonAsync($"{Api}/meetings/{meetingId}/compilation-decisions", new
        {
            periodId = await CurrentPeriodAsync(),
            decisions = new[] { new { phenomenon = "Kotihoito", outcome = "ContinueHandling", reasons = "Ehdotus kunnalle.",
                reportNumbers = new[] { number } } },
        });
        Assert.True(decided.StatusCode == HttpStatusCode.Created, await decided.Content.ReadAsStringAsync());
        var decisionId = (await decided.Content.ReadFromJsonAsync<JsonObject>())!["decisions"]![0]!["id"]!.GetValue<Guid>();
        var proposed = await steering.PostAsJsonAsync($"{Api}/meetings/{meetingId}/action-proposals",
            new { title = "Kotihoidon käyntiajat", targetKind = "Municipality", target = "Kotka", decisionId });
        Assert.True(proposed.StatusCode == HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var proposalId = (await proposed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // A result with an identity code is refused like any other text; the accepted and the done step each reach the reporter.
        await Reports.ReadProblemAsync(await steering.PutAsJsonAsync($"{Api}/action-proposals/{proposalId}/status",
            new { status = "Accepted", result = "Asiakas 131052-308T" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await steering.PutAsJsonAsync($"{Api}/action-proposals/{proposalId}/status",
            new { status = "Accepted", result = "Kunta hyväksyi ehdotuksen." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await steering.PutAsJsonAsync($"{Api}/action-proposals/{proposalId}/status",
            new { status = "Done", result = "Käyntiajat pidennetty 1.3. alkaen." })).StatusCode);
        await Host.DeliverEventsAsync();
        await Host.DeliverEventsAsync();

        var report = (await professional.GetFromJsonAsync<JsonObject>($"{Api}/social-reports/{id}"))!;
        var steps = report["timeline"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Contains(steps, s => (string?)s["kind"] == "FollowUp" && (string?)s["code"] == "ActionProposal");
        var ended = steps.Where(s => (string?)s["kind"] == "FollowUpEnded").ToList();
        Assert.Equal(["ActionProposal.Accepted", "ActionProposal.Done"], ended.Select(s => (string)s["code"]!));
        Assert.Contains("Kunta hyväksyi ehdotuksen.", (string)ended[0]["comment"]!);
        Assert.Contains("Käyntiajat pidennetty 1.3. alkaen.", (string)ended[1]["comment"]!);
    }
}
