using Rake.Modules.Workflows.Engine;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// The working-group activities in the region workflows: where the seed documents say a meeting is held, the workflow
/// schedules it (and adds the region's review items) before the meeting task appears; bad designs are refused at publish.
/// Running them against a real database inside the Host (idempotency on retry, the journal) is not yet tested.
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
        var result = Publish($$"""{ "id": "s1", "type": "Rake.WorkingGroup.ScheduleMeeting", "version": 1, {{Input("time", "String", "\"9.00\"")}}, {{Input("durationMinutes", "Int32", "5")}}, {{Input("onlineUrl", "String", "\"http://teams.example\"")}} }""");

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
        var item = Publish($$"""{ "id": "a1", "type": "Rake.WorkingGroup.AddAgendaItem", "version": 1, {{Input("body", "String", "\"WorkingGroup\"")}}, {{Input("kind", "String", "\"Gossip\"")}}, {{Input("title", "String", "\"x\"")}} }""");
        var decision = Publish($$"""{ "id": "r1", "type": "Rake.WorkingGroup.RecordDecision", "version": 1, {{Input("body", "String", "\"SteeringGroup\"")}}, {{Input("outcome", "String", "\"Maybe\"")}} }""");

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
        var sim = new YearSimulation(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        sim.Publish(definition);

        await sim.RunUntilAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var journal = sim.Instances.Single().Journal.Where(e => e.Event == "Journal").Select(e => e.Message!).ToList();
        var meetings = journal.Where(m => m.StartsWith("Meeting to schedule: RAKE-työryhmän kokous", StringComparison.Ordinal)).ToList();
        // Four Teams meetings a year, three weeks after the month's first day (the meeting task is due by the month's end).
        Assert.Equal(
        [
            "Meeting to schedule: RAKE-työryhmän kokous (helmikuu) (WorkingGroup) on 2026-02-22 at 09:00; no meeting store in this run.",
            "Meeting to schedule: RAKE-työryhmän kokous (toukokuu) (WorkingGroup) on 2026-05-22 at 09:00; no meeting store in this run.",
            "Meeting to schedule: RAKE-työryhmän kokous (syyskuu) (WorkingGroup) on 2026-09-22 at 09:00; no meeting store in this run.",
            "Meeting to schedule: RAKE-työryhmän kokous (marraskuu) (WorkingGroup) on 2026-11-22 at 09:00; no meeting store in this run.",
        ], meetings);
        Assert.Contains(journal, m => m.Contains("HYTETU-työryhmien jäsenten nimeämisen tarkastelu", StringComparison.Ordinal));
        Assert.Equal(2, journal.Count(m => m.StartsWith("Agenda item for the next meeting of WorkingGroup: Toteutussuunnitelma", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("kainuu/annual-cycle.json", "feb-meeting", "Rake.WorkingGroup.ScheduleMeeting|Rake.WorkingGroup.AddAgendaItem")]
    [InlineData("kainuu/annual-cycle.json", "nov-meeting", "Rake.WorkingGroup.ScheduleMeeting|Rake.WorkingGroup.AddAgendaItem|Rake.WorkingGroup.AddAgendaItem")]
    [InlineData("kymenlaakso/half-year-routing.json", "sg-decision", "Rake.WorkingGroup.ScheduleMeeting|Rake.WorkingGroup.AddAgendaItem")]
    [InlineData("kymenlaakso/half-year-routing.json", "info-session", "Rake.WorkingGroup.RecordDecision")]
    [InlineData("keski-suomi/annual-plan-cycle.json", "network", "Rake.WorkingGroup.ScheduleMeeting")]
    [InlineData("keski-suomi/annual-plan-cycle.json", "nov-steering", "Rake.WorkingGroup.ScheduleMeeting")]
    public void The_meeting_steps_come_right_before_the_task_they_serve(string file, string task, string expected)
    {
        var definition = RakeWorkflows.Load(file);
        var byId = definition.Root.Activities.ToDictionary(a => a.Id);
        var incoming = definition.Root.Json["connections"]!.AsArray()
            .GroupBy(c => (string)c!["target"]!["activity"]!).ToDictionary(g => g.Key, g => (string)g.First()!["source"]!["activity"]!);
        var chain = new List<string>();
        for (var current = incoming[task]; byId[current].Type.StartsWith("Rake.WorkingGroup.", StringComparison.Ordinal); current = incoming[current])
        {
            chain.Insert(0, byId[current].Type);
        }
        Assert.Equal(expected, string.Join("|", chain));
    }
}
