using Microsoft.EntityFrameworkCore;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Features.CompilationDecisions;
using Rake.Modules.WorkingGroup.Features.ScheduleMeeting;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.WorkingGroup.Tests;

/// <summary>The steering group's decisions on a compilation, phenomenon by phenomenon: what is stored, announced and refused.</summary>
public sealed class CompilationDecisionsTests : IAsyncLifetime
{
    private readonly WgTestServices services = new();
    private readonly Body body = new()
    {
        Id = Guid.NewGuid(),
        Kind = BodyKind.SteeringGroup,
        Name = "Johtoryhmä",
        CreatedAt = WgTestServices.Now,
    };

    private Guid meetingId;

    public async Task InitializeAsync()
    {
        await services.SeedAsync(db => db.Bodies.Add(body));
        var meeting = await services.RunAsync((ScheduleMeetingHandler h) => h.HandleAsync(body.Id,
            new ScheduleMeetingRequest("Johtoryhmä", WgTestServices.Now.AddDays(-1), 60, "Teams", null), null, default));
        meetingId = meeting.Id;
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static CompilationDecisionsRequest Request(params PhenomenonDecisionRequest[] decisions) =>
        new(WgTestServices.Period, decisions);

    private static PhenomenonDecisionRequest FollowUp(params int[] reports) => new("Ikäihmisten yksinäisyys", "FollowUpAction",
        "Toistuu kolmessa kunnassa.", WgTestServices.Member.UserName, "Kartoita kohtaamispaikat", new DateOnly(2026, 5, 31), reports);

    private static PhenomenonDecisionRequest NoAction(params int[] reports) =>
        new("Kuljetuspalvelu", "NoAction", "Sopimus on jo korjattu.", null, null, null, reports);

    private Task<TResult> Read<TResult>(Func<WorkingGroupDbContext, Task<TResult>> read) => services.RunAsync(read);

    [Fact]
    public async Task Each_phenomenon_gets_its_own_decision_and_a_follow_up_action_an_assignment_resting_on_it()
    {
        var result = await services.RunAsync((CompilationDecisionsHandler h) =>
            h.HandleAsync(meetingId, Request(FollowUp(1, 2), NoAction(3)), null, default));

        Assert.Equal(["FollowUpAction", "Noted"], result.Decisions.Select(d => d.Outcome));
        Assert.Equal(new[] { new[] { 1, 2 }, new[] { 3 } }, result.Decisions.Select(d => d.ReportNumbers.ToArray()));
        Assert.Equal("Työryhmän jäsen", result.Decisions[0].ResponsiblePerson);
        Assert.Equal("", result.Decisions[1].ResponsiblePerson);
        Assert.StartsWith("Kartoita kohtaamispaikat.", result.Decisions[0].Text);
        var assignment = Assert.Single(result.Assignments);
        Assert.Equal((result.Decisions[0].Id, WgTestServices.Member.UserName, new DateOnly(2026, 5, 31)),
            (assignment.DecisionId!.Value, assignment.AssigneeUserName, assignment.DueDate));

        // Two decisions for the reporters and the compilation, and the assignment for the reporters of reports 1 and 2.
        var events = await Read(db => db.OutboxMessages.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToListAsync());
        Assert.Equal(2, events.Count(e => e.EventType.Contains("DecisionRecorded", StringComparison.Ordinal)));
        Assert.All(events.Where(e => e.EventType.Contains("DecisionRecorded", StringComparison.Ordinal)),
            e => Assert.Contains($"\"periodId\":\"{WgTestServices.Period}\"", e.Payload, StringComparison.OrdinalIgnoreCase));
        var started = Assert.Single(events, e => e.EventType.Contains("FollowUpStarted", StringComparison.Ordinal));
        Assert.Contains("\"reportNumbers\":[1,2]", started.Payload, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_same_tasks_form_sent_twice_is_stored_once()
    {
        var request = Request(FollowUp(1), NoAction(2));
        var first = await services.RunAsync((CompilationDecisionsHandler h) => h.HandleAsync(meetingId, request, "run-1/sg", default));
        var again = await services.RunAsync((CompilationDecisionsHandler h) => h.HandleAsync(meetingId, request, "run-1/sg", default));
        var recorded = await services.RunAsync((CompilationDecisionsHandler h) => h.RecordedAsync("run-1/sg", default));

        Assert.Equal(first.Decisions.Select(d => d.Id), again.Decisions.Select(d => d.Id));
        Assert.Equal(first.Decisions.Select(d => d.Id), recorded.Decisions.Select(d => d.Id));
        Assert.Equal(2, await Read(db => db.Decisions.CountAsync()));
        Assert.Equal(1, await Read(db => db.Assignments.CountAsync()));
    }

    [Fact]
    public async Task A_form_with_gaps_is_refused_field_by_field_and_a_complete_one_passes()
    {
        Assert.Empty(await services.ErrorsAsync(Request(FollowUp(1), NoAction(2))));

        var errors = await services.ErrorsAsync(Request(
            new PhenomenonDecisionRequest("Ilmiö", "FollowUpAction", " ", null, null, null, [1]),
            new PhenomenonDecisionRequest("", "Maybe", "Syy", null, null, null, [9]),
            FollowUp(2) with { Responsible = WgTestServices.Outsider.UserName },
            NoAction()));
        Assert.Equal(
        [
            "decisions[0].action", "decisions[0].dueDate", "decisions[0].reasons", "decisions[0].responsible",
            "decisions[1].outcome", "decisions[1].phenomenon", "decisions[1].reportNumbers",
            "decisions[2].responsible", "decisions[3].reportNumbers",
        ], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("9", errors["decisions[1].reportNumbers"][0]);

        Assert.Equal(["periodId"], (await services.ErrorsAsync(new CompilationDecisionsRequest("2020-H1", [NoAction(1)]))).Keys);
        Assert.Equal(["decisions"], (await services.ErrorsAsync(new CompilationDecisionsRequest(WgTestServices.Period, []))).Keys);
        var swedish = await services.ErrorsAsync(Request(NoAction(7)), "sv");
        Assert.Contains("sammandrag", swedish["decisions[0].reportNumbers"][0]);
    }
}
