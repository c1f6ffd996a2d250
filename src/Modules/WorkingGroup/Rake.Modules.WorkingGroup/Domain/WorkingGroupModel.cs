using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.WorkingGroup.Domain;

/// <summary>
/// Kinds of body the regions' plans name: RAKE working group, steering group (johtoryhmä/ohjausryhmä), Keski-Suomi's coordination team
/// and network.
/// </summary>
internal enum BodyKind { WorkingGroup, SteeringGroup, CoordinationTeam, Network }

internal enum MemberRole { Chair, ViceChair, Coordinator, Secretary, Member, Deputy }

internal enum MeetingStatus { Scheduled, Held, Cancelled }

/// <summary>
/// Standard agenda items: the reports since the previous meeting and current matters; the region's workflow adds reviews.
/// </summary>
internal enum AgendaItemKind { Reports, CurrentMatters, PlanReview, NominationsReview, Compilation, Other }

internal enum DecisionOutcome { ContinueHandling, FollowUpAction, Noted }

internal enum ProposalTarget { RegionUnit, Municipality, OtherActor, BudgetProposal }

internal enum ProposalStatus { Proposed, Sent, Accepted, Rejected, Done }

internal enum AssignmentStatus { Open, InProgress, Done, Cancelled }

internal enum BudgetStatus { Draft, Submitted, Approved, Rejected }

internal static class Limits
{
    public const int Name = 200;
    public const int Text = 4000;
    public const int Url = 500;
}

/// <summary>A body of the region's structural social work (working group, steering group, coordination team, network).</summary>
internal sealed class Body : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public BodyKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A member of a body with a role and a term; linked to a Rake user when the person has one.</summary>
internal sealed class BodyMember : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid BodyId { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public MemberRole Role { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }

    public bool ActiveOn(DateOnly day) => TermStart <= day && (TermEnd is null || day <= TermEnd);
}

internal sealed class Meeting : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid BodyId { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Location { get; set; }
    public string? OnlineUrl { get; set; }
    public MeetingStatus Status { get; set; }
    public string? Minutes { get; set; }

    /// <summary>Bumped on each change, so calendar clients replace the event (iCalendar SEQUENCE).</summary>
    public int Sequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>"instance/activity" of the workflow run that scheduled it; a retried run finds it instead of adding another.</summary>
    public string? SourceKey { get; set; }
}

internal sealed class AgendaItem : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid MeetingId { get; set; }
    public int Position { get; set; }
    public AgendaItemKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Notes { get; set; }
    public string? SourceKey { get; set; }
}

/// <summary>Who of the body's members attended a meeting (recorded with the minutes).</summary>
internal sealed class Attendance : IRegionOwned
{
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public string RegionCode { get; set; } = "";
    public bool Present { get; set; }
}

/// <summary>A decision on a phenomenon: where handling continues or which follow-up action, and who is responsible.</summary>
internal sealed class Decision : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid MeetingId { get; set; }
    public string Phenomenon { get; set; } = "";
    public DecisionOutcome Outcome { get; set; }
    public string Text { get; set; } = "";
    public string ResponsiblePerson { get; set; } = "";

    /// <summary>The social reports the decision concerns, as a comma-separated list of report numbers.</summary>
    public string ReportNumbers { get; set; } = "";

    public DateTimeOffset DecidedAt { get; set; }
    public string? SourceKey { get; set; }

    public IReadOnlyList<int> Numbers() =>
        ReportNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
}

/// <summary>A toimenpide-ehdotus: what should be done, and for whom (a region unit, a municipality, another actor, the budget).</summary>
internal sealed class ActionProposal : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid? MeetingId { get; set; }
    public Guid? DecisionId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public ProposalTarget TargetKind { get; set; }
    public string Target { get; set; } = "";
    public ProposalStatus Status { get; set; }

    /// <summary>What came of the proposal (the answer received, why it was rejected), written with a status step.</summary>
    public string? Result { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A toimeksianto: a task given to a named person with a due date, followed up until done.</summary>
internal sealed class Assignment : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid? MeetingId { get; set; }
    public Guid? DecisionId { get; set; }
    public string Title { get; set; } = "";
    public Guid AssigneeId { get; set; }
    public string AssigneeUserName { get; set; } = "";
    public string AssigneeName { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public AssignmentStatus Status { get; set; }
    public string? FollowUp { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsOpen => Status is AssignmentStatus.Open or AssignmentStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && DueDate < today;
}

/// <summary>
/// A member and deputy from adult social work in a municipality's wellbeing group (HYTETU), decided by the service-area manager and
/// reviewed yearly.
/// </summary>
internal sealed class WellbeingGroupNomination : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Municipality { get; set; } = "";
    public string GroupName { get; set; } = "";
    public string MemberName { get; set; } = "";
    public string? DeputyName { get; set; }

    /// <summary>The member's Rake account, when they have one: it opens their municipality's pack to them (docs/adr/0171).</summary>
    public Guid? MemberUserId { get; set; }

    public Guid? DeputyUserId { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateOnly DecidedOn { get; set; }
    public DateOnly ReviewDue { get; set; }
}

/// <summary>A määrärahaesitys for the yearly budget round, derived from a RAKE decision.</summary>
internal sealed class BudgetProposal : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public int Year { get; set; }
    public Guid? DecisionId { get; set; }
    public string Title { get; set; } = "";
    public string Justification { get; set; } = "";
    public string ServiceArea { get; set; } = "";
    public decimal Amount { get; set; }
    public BudgetStatus Status { get; set; }

    /// <summary>What came of the proposal in the budget (the sum granted, why it was rejected), written with a status step.</summary>
    public string? Result { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
