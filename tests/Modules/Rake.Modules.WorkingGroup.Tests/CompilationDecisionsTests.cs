using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Web;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Features.AddProposal;
using Rake.Modules.WorkingGroup.Features.Budget;
using Rake.Modules.WorkingGroup.Features.ChangeProposalStatus;
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

    [Fact]
    public async Task Decisions_saved_one_phenomenon_at_a_time_make_up_the_tasks_result_and_a_resent_one_is_stored_once()
    {
        Task<CompilationDecisionsDto> DecideAsync(PhenomenonDecisionRequest d) =>
            services.RunAsync((CompilationDecisionsHandler h) => h.DecideOneAsync(meetingId, Request(d), "run-2/sg", default));

        var second = await DecideAsync(NoAction(3));
        var first = await DecideAsync(FollowUp(1));
        var again = await DecideAsync(FollowUp(1));
        var recorded = await services.RunAsync((CompilationDecisionsHandler h) => h.RecordedAsync("run-2/sg", default));

        // The task's result lists the separate saves in the compilation's order, with the one assignment given.
        Assert.Equal([first.Decisions[0].Id, second.Decisions[0].Id], recorded.Decisions.Select(d => d.Id));
        Assert.Equal(first.Decisions[0].Id, again.Decisions[0].Id);
        Assert.Equal(first.Assignments.Single().Id, again.Assignments.Single().Id);
        Assert.Equal(first.Assignments.Single().Id, recorded.Assignments.Single().Id);
        Assert.Equal(2, await Read(db => db.Decisions.CountAsync()));
        Assert.Equal(1, await Read(db => db.Assignments.CountAsync()));
        Assert.Equal(["run-2/sg/1", "run-2/sg/3"], await Read(db => db.Decisions.Select(d => d.SourceKey!).OrderBy(k => k).ToListAsync()));
    }

    [Fact]
    public async Task Without_a_run_a_report_this_meeting_has_decided_on_is_a_conflict_not_a_second_decision()
    {
        await services.RunAsync((CompilationDecisionsHandler h) => h.DecideOneAsync(meetingId, Request(NoAction(2)), null, default));

        var refused = await Assert.ThrowsAsync<ConflictException>(() =>
            services.RunAsync((CompilationDecisionsHandler h) => h.DecideOneAsync(meetingId, Request(FollowUp(2)), null, default)));
        Assert.Contains("Kuljetuspalvelu", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Read(db => db.Decisions.CountAsync()));
        Assert.Equal(0, await Read(db => db.Assignments.CountAsync()));
    }

    [Fact]
    public async Task A_proposals_outcome_with_its_result_is_announced_to_the_decisions_reporters()
    {
        var decided = await services.RunAsync((CompilationDecisionsHandler h) =>
            h.HandleAsync(meetingId, Request(NoAction(4, 5)), null, default));
        var decisionId = decided.Decisions[0].Id;
        var action = await services.RunAsync((AddProposalHandler h) => h.HandleAsync(meetingId,
            new AddProposalRequest("Kuljetussopimuksen seuranta", null, "Municipality", "Kotka", decisionId), default));
        var budget = await services.RunAsync((ProposeBudgetHandler h) => h.HandleAsync(
            new ProposeBudgetRequest(2027, "Kuljetuspalvelun lisämääräraha", "Perustelu", "Aikuiset", 20_000m, decisionId), default));

        await services.RunAsync((ChangeProposalStatusHandler h) => h.ActionProposalAsync(action.Id,
            new ChangeProposalStatusRequest("Sent", "Ei vielä ratkaistu"), default));
        await services.RunAsync((ChangeProposalStatusHandler h) => h.ActionProposalAsync(action.Id,
            new ChangeProposalStatusRequest("Accepted", "  Kunta seuraa sopimusta kuukausittain. "), default));
        await services.RunAsync((ChangeProposalStatusHandler h) => h.BudgetProposalAsync(budget.Id,
            new ChangeProposalStatusRequest("Submitted"), default));
        await services.RunAsync((ChangeProposalStatusHandler h) => h.BudgetProposalAsync(budget.Id,
            new ChangeProposalStatusRequest("Rejected", "Ei mahdu ensi vuoden talousarvioon."), default));

        var events = await Read(db => db.OutboxMessages.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToListAsync());
        var started = events.Where(e => e.EventType.Contains("FollowUpStarted", StringComparison.Ordinal)).ToList();
        Assert.Contains(started, e => e.Payload.Contains("\"kind\":\"BudgetProposal\"", StringComparison.OrdinalIgnoreCase)
            && e.Payload.Contains("\"responsible\":\"Aikuiset\"", StringComparison.OrdinalIgnoreCase));
        // Only the steps that settle a proposal are announced, each with its status, its result and the decision's reports.
        var ended = events.Where(e => e.EventType.Contains("FollowUpEnded", StringComparison.Ordinal)).Select(e => e.Payload).ToList();
        Assert.Equal(2, ended.Count);
        var accepted = Assert.Single(ended, e => e.Contains("\"kind\":\"ActionProposal\"", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("\"status\":\"Accepted\"", accepted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"result\":\"Kunta seuraa sopimusta kuukausittain.\"", accepted, StringComparison.OrdinalIgnoreCase);
        var rejected = Assert.Single(ended, e => e.Contains("\"kind\":\"BudgetProposal\"", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("\"status\":\"Rejected\"", rejected, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Ei mahdu ensi vuoden talousarvioon.", rejected, StringComparison.Ordinal);
        Assert.All(ended, e => Assert.Contains("\"reportNumbers\":[4,5]", e, StringComparison.OrdinalIgnoreCase));
    }
}
