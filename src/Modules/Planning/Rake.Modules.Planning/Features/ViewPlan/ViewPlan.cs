namespace Rake.Modules.Planning.Features.ViewPlan;

internal sealed record SectionDto(string Key, string Content, string DevelopmentNeeds);

internal sealed record ApprovalDto(Guid Id, string Kind, string Body, string? Approver, DateOnly On);

internal sealed record ActionDto(
    Guid Id, string Title, string Responsible, int? Year, bool CountsReports, string Status, string? Evidence,
    DateTimeOffset? StatusChangedAt, string? StatusChangedBy);

internal sealed record GoalDto(Guid Id, int Position, string Title, IReadOnlyList<ActionDto> Actions);

internal sealed record PlanDto(
    Guid Id, string Title, DateOnly ValidFrom, DateOnly ValidUntil, string UpdateResponsible, DateOnly? PublishedIntranetOn,
    DateOnly? PublishedWebsiteOn, string? IntranetUrl, string? WebsiteUrl, int CurrentVersion, IReadOnlyList<SectionDto> Sections,
    IReadOnlyList<ApprovalDto> Approvals, IReadOnlyList<GoalDto> Goals);

/// <summary>The plan's rows as read, before mapping: the registration in <see cref="PlanningMappings"/> orders and fills them.</summary>
internal sealed record PlanContents(
    Plan Plan, IReadOnlyList<PlanSection> Sections, IReadOnlyList<PlanApproval> Approvals, IReadOnlyList<PlanGoal> Goals,
    IReadOnlyList<PlanAction> Actions);

internal static class ViewPlanEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapGet("", (ViewPlanHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithSummary("The region's implementation plan: template sections with development needs, validity, approvals, "
                + "publication, goals and actions.");
}

/// <summary>The region's plan as one document; anyone with a role in the region may read it.</summary>
internal sealed class ViewPlanHandler(PlanningDbContext db, TextCatalog texts, ModuleMapper<PlanningModule> mapper)
{
    public async Task<PlanDto> HandleAsync(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == plan.Id).ToListAsync(ct);
        var approvals = await db.Approvals.AsNoTracking().Where(a => a.PlanId == plan.Id).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).ToListAsync(ct);
        var goalIds = goals.Select(g => g.Id).ToList();
        var actions = await db.Actions.AsNoTracking().Where(a => goalIds.Contains(a.GoalId)).ToListAsync(ct);
        return mapper.Map<PlanDto>(new PlanContents(plan, sections, approvals, goals, actions));
    }
}
