using Rake.BuildingBlocks.Mapping;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Features;

namespace Rake.Modules.WorkingGroup.Tests;

/// <summary>The module's Mapster configuration: it compiles with every DTO member sourced, and the computed fields are right.</summary>
public sealed class MappingTests
{
    private static readonly ModuleMapper<WorkingGroupModule> Mapper = new();
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Fact]
    public void The_configuration_compiles_with_every_destination_member_sourced() => Mapper.Config.Compile();

    [Fact]
    public void A_body_carries_its_counted_members_and_next_meeting()
    {
        var body = new Body { Id = Guid.NewGuid(), Kind = BodyKind.SteeringGroup, Name = "Johtoryhmä", Description = "d" };
        var next = new DateTimeOffset(2026, 4, 1, 7, 0, 0, TimeSpan.Zero);

        var dto = Mapper.Map<BodyDto>(new BodyRow(body, 7, next));

        Assert.Equal(new BodyDto(body.Id, "SteeringGroup", "Johtoryhmä", "d", 7, next), dto);
    }

    [Theory]
    [InlineData("2026-01-01", null, true)]
    [InlineData("2026-01-01", "2026-03-15", true)]
    [InlineData("2026-01-01", "2026-03-14", false)]
    [InlineData("2026-03-16", null, false)]
    public void A_member_is_active_while_the_term_runs(string start, string? end, bool active)
    {
        var member = new BodyMember
        {
            Id = Guid.NewGuid(),
            Name = "Maija",
            Role = MemberRole.Chair,
            TermStart = DateOnly.Parse(start),
            TermEnd = end is null ? null : DateOnly.Parse(end),
        };

        var dto = Mapper.Map<MemberDto>(new OnDay<BodyMember>(member, Today));

        Assert.Equal(active, dto.Active);
        Assert.Equal("Chair", dto.Role);
        Assert.Equal(member.TermEnd, dto.TermEnd);
    }

    [Theory]
    [InlineData("Open", "2026-03-14", true)]
    [InlineData("InProgress", "2026-03-14", true)]
    [InlineData("Open", "2026-03-15", false)]
    [InlineData("Done", "2026-01-01", false)]
    public void An_open_assignment_past_its_due_date_is_overdue(string state, string due, bool overdue)
    {
        var status = Enum.Parse<AssignmentStatus>(state);
        var assignment = new Assignment
        {
            Id = Guid.NewGuid(),
            Title = "Tee",
            AssigneeUserName = "u",
            AssigneeName = "U",
            DueDate = DateOnly.Parse(due),
            Status = status,
            MeetingId = Guid.NewGuid(),
        };

        var dto = Mapper.Map<AssignmentDto>(new OnDay<Assignment>(assignment, Today));

        Assert.Equal(overdue, dto.Overdue);
        Assert.Equal(status.ToString(), dto.Status);
        Assert.Equal(assignment.MeetingId, dto.MeetingId);
    }

    [Fact]
    public void A_nomination_is_overdue_for_review_after_its_review_date()
    {
        var nomination = new WellbeingGroupNomination
        {
            Id = Guid.NewGuid(),
            Municipality = "Kajaani",
            GroupName = "HYTETU",
            MemberName = "M",
            DecidedBy = "P",
            DecidedOn = new DateOnly(2025, 3, 14),
            ReviewDue = new DateOnly(2026, 3, 14),
        };

        Assert.True(Mapper.Map<NominationDto>(new OnDay<WellbeingGroupNomination>(nomination, Today)).ReviewOverdue);
        Assert.False(Mapper.Map<NominationDto>(new OnDay<WellbeingGroupNomination>(nomination, Today.AddDays(-1))).ReviewOverdue);
    }

    [Fact]
    public void A_decision_lists_its_report_numbers_and_enums_go_out_by_name()
    {
        var decision = new Decision
        {
            Id = Guid.NewGuid(),
            Phenomenon = "p",
            Outcome = DecisionOutcome.FollowUpAction,
            Text = "t",
            ResponsiblePerson = "r",
            ReportNumbers = "3,5,12",
        };
        var proposal = new ActionProposal
        {
            Id = Guid.NewGuid(),
            Title = "t",
            TargetKind = ProposalTarget.BudgetProposal,
            Target = "x",
            Status = ProposalStatus.Proposed,
        };
        var budget = new BudgetProposal { Id = Guid.NewGuid(), Year = 2027, Title = "t", Amount = 12.5m, Status = BudgetStatus.Draft };
        var meeting = new Meeting { Id = Guid.NewGuid(), Title = "Kokous", Status = MeetingStatus.Held, Sequence = 3 };
        var item = new AgendaItem { Id = Guid.NewGuid(), Position = 2, Kind = AgendaItemKind.CurrentMatters, Title = "Ajankohtaiset" };

        var dto = Mapper.Map<DecisionDto>(decision);

        Assert.Equal([3, 5, 12], dto.ReportNumbers);
        Assert.Equal("FollowUpAction", dto.Outcome);
        var proposalDto = Mapper.Map<ProposalDto>(proposal);
        Assert.Equal(("BudgetProposal", "Proposed"), (proposalDto.TargetKind, proposalDto.Status));
        Assert.Equal(("Draft", 12.5m), (Mapper.Map<BudgetProposalDto>(budget).Status, Mapper.Map<BudgetProposalDto>(budget).Amount));
        Assert.Equal(("Held", 3), (Mapper.Map<MeetingSummaryDto>(meeting).Status, Mapper.Map<MeetingSummaryDto>(meeting).Sequence));
        Assert.Equal(new AgendaItemDto(item.Id, 2, "CurrentMatters", "Ajankohtaiset", null), Mapper.Map<AgendaItemDto>(item));
    }
}
