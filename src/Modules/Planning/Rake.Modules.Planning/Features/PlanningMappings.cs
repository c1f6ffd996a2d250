using Rake.Modules.Planning.Features.ListVersions;
using Rake.Modules.Planning.Features.ViewEvaluation;
using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features;

/// <summary>
/// Planning's entity-to-DTO mappings (docs/adr/0086). The plan's order lives here: every template section in template
/// order (an unwritten one empty), approvals by date, goals by position, each goal's actions by year then position.
/// </summary>
internal sealed class PlanningMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        // Dates are values: copied as they are, never rebuilt member by member.
        config.NewConfig<DateOnly, DateOnly>().MapWith(d => d);

        config.NewConfig<PlanContents, PlanDto>()
            .Map(d => d.Id, s => s.Plan.Id)
            .Map(d => d.Title, s => s.Plan.Title)
            .Map(d => d.ValidFrom, s => s.Plan.ValidFrom)
            .Map(d => d.ValidUntil, s => s.Plan.ValidUntil)
            .Map(d => d.UpdateResponsible, s => s.Plan.UpdateResponsible)
            .Map(d => d.PublishedIntranetOn, s => s.Plan.PublishedIntranetOn)
            .Map(d => d.PublishedWebsiteOn, s => s.Plan.PublishedWebsiteOn)
            .Map(d => d.IntranetUrl, s => s.Plan.IntranetUrl)
            .Map(d => d.WebsiteUrl, s => s.Plan.WebsiteUrl)
            .Map(d => d.CurrentVersion, s => s.Plan.CurrentVersion)
            .Map(d => d.Sections, s => TemplateSections(s.Sections))
            .Map(d => d.Approvals, s => s.Approvals.OrderBy(a => a.On).ToList())
            .Map(d => d.Goals, s => s.Goals.OrderBy(g => g.Position).Select(g => new GoalContents(g, ActionsOf(g, s.Actions))).ToList());

        config.NewConfig<GoalContents, GoalDto>()
            .Map(d => d.Id, s => s.Goal.Id)
            .Map(d => d.Position, s => s.Goal.Position)
            .Map(d => d.Title, s => s.Goal.Title)
            .Map(d => d.Actions, s => s.Actions);

        config.NewConfig<EvaluationContents, PlanEvaluationInfo>()
            .Map(d => d.PlanTitle, s => s.Plan.Title)
            .Map(d => d.ValidFrom, s => s.Plan.ValidFrom)
            .Map(d => d.ValidUntil, s => s.Plan.ValidUntil)
            .Map(d => d.Year, s => s.Year)
            .Map(d => d.ActionsDone, s => s.Actions.Count(a => a.Action.Status == ActionStatus.Done))
            .Map(d => d.ActionsTotal, s => s.Actions.Count)
            .Map(d => d.Actions, s => s.Actions)
            .Map(d => d.ReportCounts, s => s.ReportCounts)
            .Map(d => d.Evaluations, s => s.Evaluations.OrderBy(e => e.RecordedAt).ToList());

        config.NewConfig<GoalAction, PlanActionInfo>()
            .Map(d => d.Id, s => s.Action.Id)
            .Map(d => d.Goal, s => s.GoalTitle)
            .Map(d => d.Title, s => s.Action.Title)
            .Map(d => d.Responsible, s => s.Action.Responsible)
            .Map(d => d.Year, s => s.Action.Year)
            .Map(d => d.Status, s => s.Action.Status.ToString())
            .Map(d => d.Evidence, s => s.Action.Evidence)
            .Map(d => d.CountsReports, s => s.Action.CountsReports);

        // Same-named members: PlanSection → SectionDto, PlanApproval → ApprovalDto, PlanAction → ActionDto,
        // PlanVersion → VersionDto and PlanEvaluation → RecordedEvaluation need no rules; enums go out by name.
        config.NewConfig<PlanSection, SectionDto>();
        config.NewConfig<PlanApproval, ApprovalDto>();
        config.NewConfig<PlanAction, ActionDto>();
        config.NewConfig<PlanVersion, VersionDto>();
        config.NewConfig<PlanEvaluation, RecordedEvaluation>();
    }

    private static List<PlanSection> TemplateSections(IReadOnlyList<PlanSection> written) =>
        PlanSections.Keys.Select(key => written.FirstOrDefault(s => s.Key == key) ?? new PlanSection { Key = key }).ToList();

    private static List<PlanAction> ActionsOf(PlanGoal goal, IReadOnlyList<PlanAction> actions) =>
        actions.Where(a => a.GoalId == goal.Id).OrderBy(a => a.Year ?? 0).ThenBy(a => a.Position).ToList();
}

internal sealed record GoalContents(PlanGoal Goal, IReadOnlyList<PlanAction> Actions);
