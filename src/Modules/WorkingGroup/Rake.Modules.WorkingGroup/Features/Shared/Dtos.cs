using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.WorkingGroup.Features;

internal sealed record BodyDto(Guid Id, string Kind, string Name, string? Description, int MemberCount, DateTimeOffset? NextMeeting);

internal sealed record MemberDto(
    Guid Id, string Name, string? Title, string? UserName, string Role, DateOnly TermStart, DateOnly? TermEnd, bool Active);

internal sealed record MeetingSummaryDto(
    Guid Id, Guid BodyId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, string? OnlineUrl,
    string Status, int Sequence, DateTimeOffset UpdatedAt);

internal sealed record BodyDetailDto(BodyDto Body, IReadOnlyList<MemberDto> Members, IReadOnlyList<MeetingSummaryDto> Meetings);

internal sealed record AgendaItemDto(Guid Id, int Position, string Kind, string Title, string? Notes);

internal sealed record AttendanceDto(Guid MemberId, string Name, string Role, bool Present);

internal sealed record DecisionDto(
    Guid Id, string Phenomenon, string Outcome, string Text, string ResponsiblePerson, IReadOnlyList<int> ReportNumbers,
    DateTimeOffset DecidedAt);

internal sealed record ProposalDto(
    Guid Id, string Title, string? Description, string TargetKind, string Target, string Status, Guid? DecisionId,
    string? Result = null);

internal sealed record AssignmentDto(
    Guid Id, string Title, string AssigneeUserName, string AssigneeName, DateOnly DueDate, string Status, string? FollowUp,
    bool Overdue, Guid? MeetingId, Guid? DecisionId);

/// <summary>A meeting with its agenda; <see cref="Reports"/> are the social reports received since the body's previous meeting.</summary>
internal sealed record MeetingDto(
    MeetingSummaryDto Meeting, BodyDto Body, DateTimeOffset? ReportsSince, IReadOnlyList<ReportDigest> Reports,
    IReadOnlyList<AgendaItemDto> Agenda, string? Minutes, IReadOnlyList<AttendanceDto> Attendance, IReadOnlyList<DecisionDto> Decisions,
    IReadOnlyList<ProposalDto> Proposals, IReadOnlyList<AssignmentDto> Assignments, bool CanEdit, bool CanDecide)
{
    /// <summary>Recurring phenomena of the region's register not yet on the agenda, offered to whoever draws it up while the
    /// meeting is still to be held (docs/adr/0162).</summary>
    public IReadOnlyList<RecurringPhenomenon> SuggestedPhenomena { get; init; } = [];
}

internal sealed record NominationDto(
    Guid Id, string Municipality, string GroupName, string MemberName, string? DeputyName, string DecidedBy, DateOnly DecidedOn,
    DateOnly ReviewDue, bool ReviewOverdue);

internal sealed record BudgetProposalDto(
    Guid Id, int Year, string Title, string Justification, string ServiceArea, decimal Amount, string Status, Guid? DecisionId,
    string? Result = null);
