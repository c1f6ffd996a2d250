using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Planning.Contracts;
using Rake.Modules.Planning.Domain;
using Rake.Modules.Planning.Persistence;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Planning.Features;

internal sealed record SectionDto(string Key, string Content, string DevelopmentNeeds);

internal sealed record ApprovalDto(Guid Id, string Kind, string Body, string? Approver, DateOnly On);

internal sealed record ActionDto(Guid Id, string Title, string Responsible, int? Year, bool CountsReports, string Status, string? Evidence, DateTimeOffset? StatusChangedAt, string? StatusChangedBy);

internal sealed record GoalDto(Guid Id, int Position, string Title, IReadOnlyList<ActionDto> Actions);

internal sealed record PlanDto(
    Guid Id, string Title, DateOnly ValidFrom, DateOnly ValidUntil, string UpdateResponsible, DateOnly? PublishedIntranetOn, DateOnly? PublishedWebsiteOn,
    string? IntranetUrl, string? WebsiteUrl, int CurrentVersion, IReadOnlyList<SectionDto> Sections, IReadOnlyList<ApprovalDto> Approvals, IReadOnlyList<GoalDto> Goals);

internal sealed record SectionRequest(string? Content, string? DevelopmentNeeds);

internal sealed record ActionStatusRequest(string? Status, string? Evidence);

internal sealed record NewActionRequest(string? Title, string? Responsible, int? Year, bool CountsReports);

internal sealed record ApprovalRequest(string? Kind, string? Body, string? Approver, DateOnly? On);

internal sealed record PublicationRequest(DateOnly? IntranetOn, string? IntranetUrl, DateOnly? WebsiteOn, string? WebsiteUrl);

internal sealed record VersionRequest(string? Note);

internal sealed record VersionDto(int Number, DateTimeOffset CreatedAt, string CreatedBy, string Note);

internal sealed record DiffLine(char Op, string Text);

internal sealed record EvaluationRequest(int? Year, string? Kind, string? Text, bool NeedsUpdate);

/// <summary>The implementation plan: reading, editing sections, actions' status with evidence, approvals, versions and evaluation.</summary>
internal sealed class PlanHandler(PlanningDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, IServiceProvider services)
{
    /// <summary>May edit the plan's text, goals, approvals and publication.</summary>
    public static readonly RegionRole[] EditRoles = [RegionRole.Planner, RegionRole.RegionAdmin];

    /// <summary>May update an action's status and evidence, see the evaluation and record one.</summary>
    public static readonly RegionRole[] FollowUpRoles =
        [RegionRole.Planner, RegionRole.RegionAdmin, RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember];

    public async Task<PlanDto> PlanAsync(CancellationToken ct)
    {
        var plan = await RequirePlanAsync(ct);
        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == plan.Id).OrderBy(s => s.Position).ToListAsync(ct);
        var approvals = await db.Approvals.AsNoTracking().Where(a => a.PlanId == plan.Id).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.Position).ToListAsync(ct);
        var goalIds = goals.Select(g => g.Id).ToList();
        var actions = await db.Actions.AsNoTracking().Where(a => goalIds.Contains(a.GoalId)).ToListAsync(ct);
        return new PlanDto(
            plan.Id, plan.Title, plan.ValidFrom, plan.ValidUntil, plan.UpdateResponsible, plan.PublishedIntranetOn, plan.PublishedWebsiteOn,
            plan.IntranetUrl, plan.WebsiteUrl, plan.CurrentVersion,
            PlanSections.Keys.Select(k => sections.FirstOrDefault(s => s.Key == k) is { } s
                ? new SectionDto(k, s.Content, s.DevelopmentNeeds) : new SectionDto(k, "", "")).ToList(),
            approvals.OrderBy(a => a.On).Select(a => new ApprovalDto(a.Id, a.Kind.ToString(), a.Body, a.Approver, a.On)).ToList(),
            goals.Select(g => new GoalDto(g.Id, g.Position, g.Title, actions.Where(a => a.GoalId == g.Id).OrderBy(a => a.Year ?? 0).ThenBy(a => a.Position)
                .Select(ToDto).ToList())).ToList());
    }

    public async Task<SectionDto> UpdateSectionAsync(string key, SectionRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["planning.forbidden.edit"], EditRoles);
        if (!PlanSections.Keys.Contains(key))
        {
            throw new NotFoundException(texts.Get("planning.section.unknown", key));
        }
        var errors = new Dictionary<string, string[]>();
        CheckLength(errors, "content", request.Content, PlanSection.TextMax);
        CheckLength(errors, "developmentNeeds", request.DevelopmentNeeds, PlanSection.TextMax);
        ThrowIf(errors);
        var plan = await RequirePlanAsync(ct);
        var section = await db.Sections.FirstOrDefaultAsync(s => s.PlanId == plan.Id && s.Key == key, ct);
        if (section is null)
        {
            section = new PlanSection { Id = Guid.CreateVersion7(), PlanId = plan.Id, Key = key, Position = Array.IndexOf(PlanSections.Keys, key) };
            db.Sections.Add(section);
        }
        section.Content = (request.Content ?? "").Trim();
        section.DevelopmentNeeds = (request.DevelopmentNeeds ?? "").Trim();
        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new SectionDto(key, section.Content, section.DevelopmentNeeds);
    }

    public async Task<ActionDto> UpdateActionStatusAsync(Guid actionId, ActionStatusRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["planning.forbidden.followUp"], FollowUpRoles);
        var action = await db.Actions.FirstOrDefaultAsync(a => a.Id == actionId, ct)
            ?? throw new NotFoundException(texts["planning.action.notFound"]);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<ActionStatus>(request.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status))
        {
            errors["status"] = [texts["planning.validation.status"]];
        }
        var evidence = request.Evidence?.Trim();
        CheckLength(errors, "evidence", evidence, PlanAction.EvidenceMax);
        if (status == ActionStatus.Done && string.IsNullOrEmpty(evidence) && errors.Count == 0)
        {
            errors["evidence"] = [texts["planning.validation.evidenceRequired"]];
        }
        ThrowIf(errors);
        action.Status = status;
        action.Evidence = string.IsNullOrEmpty(evidence) ? null : evidence;
        action.StatusChangedAt = clock.GetUtcNow();
        action.StatusChangedBy = actor.UserName ?? "system";
        await db.SaveChangesAsync(ct);
        return ToDto(action);
    }

    public async Task<ActionDto> AddActionAsync(Guid goalId, NewActionRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["planning.forbidden.edit"], EditRoles);
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == goalId, ct) ?? throw new NotFoundException(texts["planning.goal.notFound"]);
        var plan = await RequirePlanAsync(ct);
        var errors = new Dictionary<string, string[]>();
        Required(errors, "title", request.Title, PlanAction.TitleMax);
        Required(errors, "responsible", request.Responsible, PlanAction.ResponsibleMax);
        if (request.Year is { } year && (year < plan.ValidFrom.Year || year > plan.ValidUntil.Year))
        {
            errors["year"] = [texts.Get("planning.validation.yearOutside", plan.ValidFrom.Year, plan.ValidUntil.Year)];
        }
        ThrowIf(errors);
        var position = await db.Actions.Where(a => a.GoalId == goalId).CountAsync(ct) + 1;
        var action = new PlanAction
        {
            Id = Guid.CreateVersion7(),
            GoalId = goal.Id,
            Position = position,
            Title = request.Title!.Trim(),
            Responsible = request.Responsible!.Trim(),
            Year = request.Year,
            CountsReports = request.CountsReports,
            Status = ActionStatus.NotDone,
        };
        db.Actions.Add(action);
        await db.SaveChangesAsync(ct);
        return ToDto(action);
    }

    public async Task<ApprovalDto> AddApprovalAsync(ApprovalRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["planning.forbidden.edit"], EditRoles);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<ApprovalKind>(request.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            errors["kind"] = [texts["planning.validation.approvalKind"]];
        }
        Required(errors, "body", request.Body, PlanApproval.NameMax);
        CheckLength(errors, "approver", request.Approver, PlanApproval.NameMax);
        if (request.On is null)
        {
            errors["on"] = [texts["planning.validation.date"]];
        }
        ThrowIf(errors);
        var plan = await RequirePlanAsync(ct);
        var approval = new PlanApproval
        {
            Id = Guid.CreateVersion7(),
            PlanId = plan.Id,
            Kind = kind,
            Body = request.Body!.Trim(),
            Approver = string.IsNullOrWhiteSpace(request.Approver) ? null : request.Approver.Trim(),
            On = request.On!.Value,
        };
        db.Approvals.Add(approval);
        await db.SaveChangesAsync(ct);
        return new ApprovalDto(approval.Id, approval.Kind.ToString(), approval.Body, approval.Approver, approval.On);
    }

    public async Task<PlanDto> SetPublicationAsync(PublicationRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["planning.forbidden.edit"], EditRoles);
        var errors = new Dictionary<string, string[]>();
        CheckUrl(errors, "intranetUrl", request.IntranetUrl);
        CheckUrl(errors, "websiteUrl", request.WebsiteUrl);
        ThrowIf(errors);
        var plan = await RequirePlanAsync(ct);
        plan.PublishedIntranetOn = request.IntranetOn;
        plan.IntranetUrl = string.IsNullOrWhiteSpace(request.IntranetUrl) ? null : request.IntranetUrl.Trim();
        plan.PublishedWebsiteOn = request.WebsiteOn;
        plan.WebsiteUrl = string.IsNullOrWhiteSpace(request.WebsiteUrl) ? null : request.WebsiteUrl.Trim();
        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await PlanAsync(ct);
    }

    public async Task<VersionDto> SaveVersionAsync(VersionRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["planning.forbidden.edit"], EditRoles);
        var errors = new Dictionary<string, string[]>();
        CheckLength(errors, "note", request.Note, 500);
        ThrowIf(errors);
        var plan = await db.Plans.FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        var snapshot = PlanText.Render(await PlanAsync(ct), texts);
        var number = (await db.Versions.Where(v => v.PlanId == plan.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var version = new PlanVersion
        {
            Id = Guid.CreateVersion7(),
            PlanId = plan.Id,
            Number = number,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserName ?? "system",
            Note = (request.Note ?? "").Trim(),
            Snapshot = snapshot,
        };
        db.Versions.Add(version);
        plan.CurrentVersion = number;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(texts["planning.version.conflict"]);
        }
        return new VersionDto(version.Number, version.CreatedAt, version.CreatedBy, version.Note);
    }

    public async Task<IReadOnlyList<VersionDto>> VersionsAsync(CancellationToken ct)
    {
        var plan = await RequirePlanAsync(ct);
        return await db.Versions.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderBy(v => v.Number)
            .Select(v => new VersionDto(v.Number, v.CreatedAt, v.CreatedBy, v.Note)).ToListAsync(ct);
    }

    /// <summary>Line diff from version <paramref name="from"/> to <paramref name="to"/>; 0 means the plan as it is now.</summary>
    public async Task<IReadOnlyList<DiffLine>> DiffAsync(int from, int to, CancellationToken ct)
    {
        var plan = await RequirePlanAsync(ct);
        async Task<string> TextOf(int number) => number == 0
            ? PlanText.Render(await PlanAsync(ct), texts)
            : (await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.PlanId == plan.Id && v.Number == number, ct))?.Snapshot
              ?? throw new NotFoundException(texts.Get("planning.version.notFound", number));
        return LineDiff.Compute(await TextOf(from), await TextOf(to));
    }

    public async Task<PlanEvaluationInfo> EvaluationAsync(int? year, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["planning.forbidden.followUp"], FollowUpRoles);
        var wanted = year ?? Helsinki.Today(clock).Year;
        if (wanted is < 2000 or > 2100)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["year"] = [texts["planning.validation.year"]] });
        }
        return await ComputeEvaluationAsync(wanted, ct) ?? throw new NotFoundException(texts["planning.notFound"]);
    }

    /// <summary>The evaluation without a role check, for the contract and workflow activities.</summary>
    public async Task<PlanEvaluationInfo?> ComputeEvaluationAsync(int year, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.Position).ToListAsync(ct);
        var goalIds = goals.Select(g => g.Id).ToList();
        var actions = (await db.Actions.AsNoTracking().Where(a => goalIds.Contains(a.GoalId) && (a.Year == null || a.Year == year)).ToListAsync(ct))
            .OrderBy(a => goals.FindIndex(g => g.Id == a.GoalId)).ThenBy(a => a.Position)
            .Select(a => new PlanActionInfo(a.Id, goals.First(g => g.Id == a.GoalId).Title, a.Title, a.Responsible, a.Year, a.Status.ToString(), a.Evidence, a.CountsReports))
            .ToList();
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.Year == year).ToListAsync(ct);
        return new PlanEvaluationInfo(
            plan.Title, plan.ValidFrom, plan.ValidUntil, year, actions.Count(a => a.Status == nameof(ActionStatus.Done)), actions.Count, actions,
            await ReportCountsAsync(year, ct),
            evaluations.OrderBy(e => e.RecordedAt)
                .Select(e => new RecordedEvaluation(e.Year, e.Kind.ToString(), e.Text, e.ActionsDone, e.ActionsTotal, e.NeedsUpdate, e.RecordedAt, e.RecordedBy)).ToList());
    }

    /// <summary>Reports per main reporting period of the year that has begun, from Reporting's contract.</summary>
    private async Task<IReadOnlyList<PeriodReportCount>> ReportCountsAsync(int year, CancellationToken ct)
    {
        if (services.GetService(typeof(IReportingApi)) is not IReportingApi reporting)
        {
            return [];
        }
        var today = Helsinki.Today(clock);
        var result = new List<PeriodReportCount>();
        foreach (var period in (await reporting.PeriodsAsync(year, ct)).Where(p => !p.IsInterim && p.From <= today))
        {
            var compilation = await reporting.CompileAsync(period.Id, ct);
            result.Add(new PeriodReportCount(period.Id, period.From, period.To, compilation?.Total ?? 0));
        }
        return result;
    }

    public async Task<RecordedEvaluation> RecordEvaluationAsync(EvaluationRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["planning.forbidden.followUp"], FollowUpRoles);
        var errors = new Dictionary<string, string[]>();
        if (request.Year is null or < 2000 or > 2100)
        {
            errors["year"] = [texts["planning.validation.year"]];
        }
        if (!Enum.TryParse<EvaluationKind>(request.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            errors["kind"] = [texts["planning.validation.evaluationKind"]];
        }
        Required(errors, "text", request.Text, PlanEvaluation.TextMax);
        ThrowIf(errors);
        return await RecordAsync(request.Year!.Value, kind, request.Text!.Trim(), request.NeedsUpdate, null, ct)
            ?? throw new NotFoundException(texts["planning.notFound"]);
    }

    /// <summary>Records an evaluation with the year's action counts; with a source key, only once per key.</summary>
    public async Task<RecordedEvaluation?> RecordAsync(int year, EvaluationKind kind, string text, bool needsUpdate, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.SourceKey == sourceKey, ct) is { } existing)
        {
            return ToInfo(existing);
        }
        var evaluation = await ComputeEvaluationAsync(year, ct);
        if (evaluation is null)
        {
            return null;
        }
        var row = new PlanEvaluation
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            Kind = kind,
            Text = text,
            ActionsDone = evaluation.ActionsDone,
            ActionsTotal = evaluation.ActionsTotal,
            NeedsUpdate = needsUpdate,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = actor.UserName ?? "system",
            SourceKey = sourceKey,
        };
        db.Evaluations.Add(row);
        await db.SaveChangesAsync(ct);
        return ToInfo(row);
    }

    private static RecordedEvaluation ToInfo(PlanEvaluation e) =>
        new(e.Year, e.Kind.ToString(), e.Text, e.ActionsDone, e.ActionsTotal, e.NeedsUpdate, e.RecordedAt, e.RecordedBy);

    private async Task<Plan> RequirePlanAsync(CancellationToken ct) =>
        await db.Plans.FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);

    private static ActionDto ToDto(PlanAction a) =>
        new(a.Id, a.Title, a.Responsible, a.Year, a.CountsReports, a.Status.ToString(), a.Evidence, a.StatusChangedAt, a.StatusChangedBy);

    private void Required(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [texts["planning.validation.required"]];
        }
        else
        {
            CheckLength(errors, field, value, max);
        }
    }

    private void CheckLength(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors[field] = [texts.Get("planning.validation.tooLong", max)];
        }
    }

    private void CheckUrl(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        if (value.Length > Plan.UrlMax || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            errors[field] = [texts["planning.validation.url"]];
        }
    }

    private static void ThrowIf(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}

/// <summary>The plan as plain text, one fact per line, for versions and their comparison.</summary>
internal static class PlanText
{
    public static string Render(PlanDto plan, TextCatalog texts)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {plan.Title}");
        text.AppendLine($"{texts.GetIn("fi", "planning.validity")}: {plan.ValidFrom:d.M.yyyy}–{plan.ValidUntil:d.M.yyyy}");
        foreach (var section in plan.Sections)
        {
            text.AppendLine($"## {texts.GetIn("fi", $"planning.section.{section.Key}")}");
            foreach (var line in Lines(section.Content))
            {
                text.AppendLine(line);
            }
            if (section.DevelopmentNeeds.Length > 0)
            {
                text.AppendLine($"### {texts.GetIn("fi", "planning.developmentNeeds")}");
                foreach (var line in Lines(section.DevelopmentNeeds))
                {
                    text.AppendLine(line);
                }
            }
        }
        text.AppendLine($"## {texts.GetIn("fi", "planning.goalsAndActions")}");
        foreach (var goal in plan.Goals)
        {
            text.AppendLine($"{goal.Position}. {goal.Title}");
            foreach (var action in goal.Actions)
            {
                text.AppendLine($"- {action.Title} ({action.Responsible}{(action.Year is { } y ? $", {y}" : "")})");
            }
        }
        text.AppendLine($"## {texts.GetIn("fi", "planning.approvals")}");
        foreach (var approval in plan.Approvals)
        {
            text.AppendLine($"- {approval.On:d.M.yyyy} {approval.Body}{(approval.Approver is null ? "" : $" ({approval.Approver})")}");
        }
        return text.ToString();
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0);
}

/// <summary>
/// A line diff by DiffPlex (docs/adr/0080): ' ' unchanged, '-' removed, '+' added, removals of a block before its additions.
/// </summary>
internal static class LineDiff
{
    public const int MaxLines = 5000;

    public static IReadOnlyList<DiffLine> Compute(string before, string after) =>
        InlineDiffBuilder.Diff(Bounded(before), Bounded(after), ignoreWhiteSpace: false, ignoreCase: false).Lines
            .Where(l => l.Type is not ChangeType.Imaginary)
            .Select(l => new DiffLine(l.Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' }, l.Text ?? ""))
            .ToList();

    private static string Bounded(string text) => string.Join('\n', text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').Take(MaxLines));
}
