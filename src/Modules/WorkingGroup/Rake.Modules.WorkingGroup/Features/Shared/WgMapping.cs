using Mapster;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>A body with what is counted around it: its members and its next scheduled meeting.</summary>
internal sealed record BodyRow(Body Body, int MemberCount, DateTimeOffset? NextMeeting);

/// <summary>A row seen on a given day (Helsinki): whether a term is running or a date has passed depends on it.</summary>
internal sealed record OnDay<TRow>(TRow Row, DateOnly Today);

/// <summary>The module's entity-to-DTO mappings; the fields computed from a row (active, overdue, review due) live here.</summary>
internal sealed class WgMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<BodyRow, BodyDto>()
            .MapToConstructor(true)
            .Map(d => d.Id, s => s.Body.Id)
            .Map(d => d.Kind, s => s.Body.Kind.ToString())
            .Map(d => d.Name, s => s.Body.Name)
            .Map(d => d.Description, s => s.Body.Description)
            .Map(d => d.MemberCount, s => s.MemberCount)
            .Map(d => d.NextMeeting, s => s.NextMeeting);
        config.NewConfig<OnDay<BodyMember>, MemberDto>()
            .MapToConstructor(true)
            .Map(d => d.Id, s => s.Row.Id)
            .Map(d => d.Name, s => s.Row.Name)
            .Map(d => d.Title, s => s.Row.Title)
            .Map(d => d.UserName, s => s.Row.UserName)
            .Map(d => d.Role, s => s.Row.Role.ToString())
            .Map(d => d.TermStart, s => s.Row.TermStart)
            .Map(d => d.TermEnd, s => s.Row.TermEnd)
            .Map(d => d.Active, s => s.Row.ActiveOn(s.Today));
        config.NewConfig<Meeting, MeetingSummaryDto>().MapToConstructor(true).Map(d => d.Status, s => s.Status.ToString());
        config.NewConfig<AgendaItem, AgendaItemDto>().MapToConstructor(true).Map(d => d.Kind, s => s.Kind.ToString());
        config.NewConfig<Decision, DecisionDto>()
            .MapToConstructor(true)
            .Map(d => d.Outcome, s => s.Outcome.ToString())
            .Map(d => d.ReportNumbers, s => s.Numbers());
        config.NewConfig<ActionProposal, ProposalDto>()
            .MapToConstructor(true)
            .Map(d => d.TargetKind, s => s.TargetKind.ToString())
            .Map(d => d.Status, s => s.Status.ToString());
        config.NewConfig<OnDay<Assignment>, AssignmentDto>()
            .MapToConstructor(true)
            .Map(d => d.Id, s => s.Row.Id)
            .Map(d => d.Title, s => s.Row.Title)
            .Map(d => d.AssigneeUserName, s => s.Row.AssigneeUserName)
            .Map(d => d.AssigneeName, s => s.Row.AssigneeName)
            .Map(d => d.DueDate, s => s.Row.DueDate)
            .Map(d => d.Status, s => s.Row.Status.ToString())
            .Map(d => d.FollowUp, s => s.Row.FollowUp)
            .Map(d => d.Overdue, s => s.Row.IsOverdue(s.Today))
            .Map(d => d.MeetingId, s => s.Row.MeetingId)
            .Map(d => d.DecisionId, s => s.Row.DecisionId);
        config.NewConfig<OnDay<WellbeingGroupNomination>, NominationDto>()
            .MapToConstructor(true)
            .Map(d => d.Id, s => s.Row.Id)
            .Map(d => d.Municipality, s => s.Row.Municipality)
            .Map(d => d.GroupName, s => s.Row.GroupName)
            .Map(d => d.MemberName, s => s.Row.MemberName)
            .Map(d => d.DeputyName, s => s.Row.DeputyName)
            .Map(d => d.DecidedBy, s => s.Row.DecidedBy)
            .Map(d => d.DecidedOn, s => s.Row.DecidedOn)
            .Map(d => d.ReviewDue, s => s.Row.ReviewDue)
            .Map(d => d.ReviewOverdue, s => s.Row.ReviewDue < s.Today);
        config.NewConfig<BudgetProposal, BudgetProposalDto>().MapToConstructor(true).Map(d => d.Status, s => s.Status.ToString());
    }
}
