using Microsoft.EntityFrameworkCore;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// The working-group activities in the region workflows: where the seed documents say a meeting is held, the workflow
/// schedules it (and adds the region's review items) before the meeting task appears; bad designs are refused at publish.
/// The simulation runs them against the WorkingGroup module's real handlers and database.
/// </summary>
public sealed class WorkingGroupActivityTests
{
    private static PublishResult Publish(string activity)
    {
        var json = $$"""
            { "definitionId": "d1", "root": { "type": "Elsa.Flowchart", "version": 1, "id": "root",
              "activities": [{{activity}}], "connections": [] } }
            """;
        return RakeWorkflows.Publisher(TimeProvider.System).Publish(WorkflowDefinition.Parse(json));
    }

    private static string Input(string name, string typeName, string value) =>
        $"\"{name}\": {{ \"typeName\": \"{typeName}\", \"expression\": {{ \"type\": \"Literal\", \"value\": {value} }} }}";

    [Fact]
    public void A_schedule_without_a_body_or_with_a_bad_time_duration_or_link_is_refused()
    {
        var result = Publish($$"""{ "id": "s1", "type": "Rake.WorkingGroup.ScheduleMeeting", "version": 1, """
            + $$"""{{Input("time", "String", "\"9.00\"")}}, {{Input("durationMinutes", "Int32", "5")}}, """
            + $$"""{{Input("onlineUrl", "String", "\"http://teams.example\"")}} }""");

        Assert.False(result.Succeeded);
        var messages = result.ValidationErrors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("The body is missing", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'9.00' is not HH:mm", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("not 5", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("is not an https address", StringComparison.Ordinal));
    }

    [Fact]
    public void An_agenda_item_of_an_unknown_kind_and_a_decision_without_text_are_refused()
    {
        var item = Publish($$"""{ "id": "a1", "type": "Rake.WorkingGroup.AddAgendaItem", "version": 1, """
            + $$"""{{Input("body", "String", "\"WorkingGroup\"")}}, {{Input("kind", "String", "\"Gossip\"")}}, """
            + $$"""{{Input("title", "String", "\"x\"")}} }""");
        var decision = Publish($$"""{ "id": "r1", "type": "Rake.WorkingGroup.RecordDecision", "version": 1, """
            + $$"""{{Input("body", "String", "\"SteeringGroup\"")}}, {{Input("outcome", "String", "\"Maybe\"")}} }""");

        Assert.Contains(item.ValidationErrors, e => e.Message.Contains("'Gossip' is not an agenda item kind", StringComparison.Ordinal));
        var messages = decision.ValidationErrors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("phenomenon", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("decision text is missing", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'Maybe' is not a decision outcome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kainuu_schedules_each_working_group_meeting_before_its_task_and_adds_the_reviews_in_february_and_november()
    {
        var definition = RakeWorkflows.Load("kainuu/annual-cycle.json");
        await using var sim = await YearSimulation.CreateAsync(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "kainuu");
        sim.Publish(definition);

        await sim.RunUntilAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        // What the workflow stored (the demo's own meetings carry no source key), in the order the meetings are held.
        var scheduled = await sim.Modules.ReadAsync<WorkingGroupDbContext, List<(Meeting Meeting, string Body, string[] Items)>>(
            "kainuu", async db =>
            {
                var meetings = await db.Meetings.AsNoTracking().Where(m => m.SourceKey != null).ToListAsync();
                var result = new List<(Meeting, string, string[])>();
                foreach (var meeting in meetings.OrderBy(m => m.StartsAt))
                {
                    var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId);
                    var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meeting.Id && i.SourceKey != null)
                        .OrderBy(i => i.Position).Select(i => i.Kind + ": " + i.Title).ToArrayAsync();
                    result.Add((meeting, body.Name, items));
                }
                return result;
            });
        // Four Teams meetings a year, three weeks after the month's first day (the meeting task is due by the month's end).
        Assert.Equal(
        [
            "2026-02-22 09:00 RAKE-työryhmän kokous (helmikuu)",
            "2026-05-22 09:00 RAKE-työryhmän kokous (toukokuu)",
            "2026-09-22 09:00 RAKE-työryhmän kokous (syyskuu)",
            "2026-11-22 09:00 RAKE-työryhmän kokous (marraskuu)",
        ], scheduled.Select(m =>
            $"{TimeZoneInfo.ConvertTime(m.Meeting.StartsAt, RakeWorkflows.Helsinki):yyyy-MM-dd HH:mm} {m.Meeting.Title}"));
        Assert.All(scheduled, m => Assert.Equal(("RAKE-työryhmä", "Teams", 120), (m.Body, m.Meeting.Location,
            (int)(m.Meeting.EndsAt - m.Meeting.StartsAt).TotalMinutes)));
        Assert.Equal(["PlanReview: Toteutussuunnitelman ja tavoitteiden toteutumisen arviointi; osallisuusohjelman seuranta"],
            scheduled[0].Items);
        Assert.Empty(scheduled[1].Items);
        Assert.Empty(scheduled[2].Items);
        Assert.Equal(
        [
            "PlanReview: Toteutussuunnitelman katselmointi ja päivitystarpeen arviointi",
            "NominationsReview: HYTETU-työryhmien jäsenten nimeämisen tarkastelu",
        ], scheduled[3].Items);
        var journal = sim.Instances.Single().Journal.Where(e => e.Event == "Journal").Select(e => e.Message!).ToList();
        Assert.Contains("Meeting 'RAKE-työryhmän kokous (helmikuu)' of RAKE-työryhmä scheduled for 2026-02-22 at 09:00.", journal);
    }

    [Theory]
    [InlineData("kainuu/annual-cycle.json", "feb-meeting", "Rake.WorkingGroup.ScheduleMeeting|Rake.WorkingGroup.AddAgendaItem")]
    [InlineData("kainuu/annual-cycle.json", "nov-meeting",
        "Rake.WorkingGroup.ScheduleMeeting|Rake.WorkingGroup.AddAgendaItem|Rake.WorkingGroup.AddAgendaItem")]
    [InlineData("kymenlaakso/half-year-routing.json", "sg-decision", "Rake.WorkingGroup.ScheduleMeeting|Rake.WorkingGroup.AddAgendaItem")]
    [InlineData("kymenlaakso/half-year-routing.json", "schedule-info",
        "Rake.WorkingGroup.ScheduleMeeting|Rake.WorkingGroup.AddAgendaItem|Rake.WorkingGroup.DecideOnCompilation")]
    [InlineData("keski-suomi/annual-plan-cycle.json", "network", "Rake.WorkingGroup.ScheduleMeeting")]
    [InlineData("keski-suomi/annual-plan-cycle.json", "nov-steering", "Rake.WorkingGroup.ScheduleMeeting")]
    public void The_meeting_steps_come_right_before_the_task_they_serve(string file, string task, string expected)
    {
        var definition = RakeWorkflows.Load(file);
        var byId = definition.Root.Activities.ToDictionary(a => a.Id);
        var incoming = definition.Root.Json["connections"]!.AsArray()
            .GroupBy(c => (string)c!["target"]!["activity"]!).ToDictionary(g => g.Key, g => (string)g.First()!["source"]!["activity"]!);
        var chain = new List<string>();
        for (var current = incoming[task]; byId[current].Type.StartsWith("Rake.WorkingGroup.",
            StringComparison.Ordinal); current = incoming[current])
        {
            chain.Insert(0, byId[current].Type);
        }
        Assert.Equal(expected, string.Join("|", chain));
    }
}
