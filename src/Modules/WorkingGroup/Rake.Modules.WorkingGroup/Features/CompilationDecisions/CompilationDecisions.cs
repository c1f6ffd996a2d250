using FluentValidation;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.WorkingGroup.Features.CompilationDecisions;

/// <summary>What a steering group may decide on one phenomenon of a compilation (NoAction is stored as Noted).</summary>
internal enum PhenomenonOutcome { ContinueHandling, FollowUpAction, NoAction }

/// <summary>
/// The decision on one phenomenon: the outcome with its reasons; a follow-up action names the action, the region's person
/// responsible for it (a user name, as the person picker gives it) and when it is due.
/// </summary>
internal sealed record PhenomenonDecisionRequest(
    [ScreenedText] string? Phenomenon, string? Outcome, [ScreenedText] string? Reasons, string? Responsible,
    [ScreenedText] string? Action, DateOnly? DueDate, IReadOnlyList<int>? ReportNumbers)
{
    public IReadOnlyList<int> Numbers() => (ReportNumbers ?? []).Distinct().Order().ToList();
}

/// <summary>The steering group's decisions on a period's compilation, phenomenon by phenomenon.</summary>
internal sealed record CompilationDecisionsRequest(string? PeriodId, IReadOnlyList<PhenomenonDecisionRequest>? Decisions)
{
    public const int MaxDecisions = 100;
}

internal sealed record CompilationDecisionsDto(
    string PeriodId, IReadOnlyList<DecisionDto> Decisions, IReadOnlyList<AssignmentDto> Assignments);

internal static class CompilationDecisionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/compilation-decisions", async (Guid id, CompilationDecisionsRequest request,
                DecisionAccess access, CompilationDecisionsHandler h, CancellationToken ct) =>
            {
                await access.DemandAsync(id, ct);
                return Results.Created($"meetings/{id}", await h.HandleAsync(id, request, sourceKey: null, ct));
            })
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(ViewMeetingEndpoints.Tag)
            .WithSummary("Record the decisions on a period's compilation phenomenon by phenomenon (ContinueHandling, "
                + "FollowUpAction with a responsible person, NoAction) with reasons; each report's reporters see their decision.");
}

internal sealed class CompilationDecisionsValidator : WgValidator<CompilationDecisionsRequest>
{
    public CompilationDecisionsValidator(TextCatalog texts, IReportingApi reporting, WgLookup lookup) : base(texts)
    {
        RequiredText(r => r.PeriodId, 20);
        RuleFor(r => r.Decisions).Must(d => d is { Count: > 0 }).WithMessage(_ => Texts["validation.required"]);
        RuleFor(r => r.Decisions).Must(d => d is null || d.Count <= CompilationDecisionsRequest.MaxDecisions)
            .WithMessage(_ => Texts.Get("wg.validation.tooManyDecisions", CompilationDecisionsRequest.MaxDecisions));
        RuleFor(r => r.Decisions).CustomAsync(async (_, context, ct) =>
        {
            var request = context.InstanceToValidate;
            if (string.IsNullOrWhiteSpace(request.PeriodId)
                || request.Decisions is not { Count: > 0 and <= CompilationDecisionsRequest.MaxDecisions })
            {
                return;
            }
            var compilation = await reporting.CompileAsync(request.PeriodId.Trim(), ct);
            if (compilation is null)
            {
                context.AddFailure("periodId", Texts.Get("wg.validation.unknownPeriod", request.PeriodId.Trim()));
                return;
            }
            var inPeriod = compilation.Reports.Select(r => r.Number).ToHashSet();
            for (var i = 0; i < request.Decisions.Count; i++)
            {
                await CheckAsync(request.Decisions[i], $"decisions[{i}].", inPeriod, context, ct);
            }
        });
        Lookup = lookup;
    }

    private WgLookup Lookup { get; }

    private async Task CheckAsync(
        PhenomenonDecisionRequest? d, string prefix, HashSet<int> inPeriod, ValidationContext<CompilationDecisionsRequest> context,
        CancellationToken ct)
    {
        void Fail(string field, string message) => context.AddFailure(prefix + field, message);
        void Text(string field, string? value, int max, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                Fail(field, Texts["validation.required"]);
            }
            else if (value is not null && value.Trim().Length > max)
            {
                Fail(field, Texts.Get("validation.tooLong", max, value.Trim().Length));
            }
        }
        if (d is null)
        {
            Fail("phenomenon", Texts["validation.required"]);
            return;
        }
        Text("phenomenon", d.Phenomenon, Limits.Name, required: true);
        Text("reasons", d.Reasons, Limits.Text, required: true);
        var outcome = Parse<PhenomenonOutcome>(d.Outcome);
        if (outcome is null)
        {
            Fail("outcome", string.IsNullOrWhiteSpace(d.Outcome) ? Texts["validation.required"]
                : Texts.Get("wg.validation.oneOf", string.Join(", ", Enum.GetNames<PhenomenonOutcome>())));
        }
        var numbers = d.Numbers();
        if (numbers.Count == 0)
        {
            Fail("reportNumbers", Texts["validation.required"]);
        }
        else if (numbers.Where(n => !inPeriod.Contains(n)).ToList() is { Count: > 0 } unknown)
        {
            Fail("reportNumbers", Texts.Get("wg.validation.reportsNotInPeriod", string.Join(", ", unknown)));
        }
        if (outcome != PhenomenonOutcome.FollowUpAction)
        {
            return;
        }
        // A follow-up action goes to a named person of this region, with a due date, as any assignment does.
        Text("action", d.Action, Limits.Name, required: true);
        if (d.DueDate is null)
        {
            Fail("dueDate", Texts["validation.required"]);
        }
        if (string.IsNullOrWhiteSpace(d.Responsible))
        {
            Fail("responsible", Texts["validation.required"]);
        }
        else if (d.Responsible.Trim().Length > AddAssignmentRequest.AssigneeMax
            || await Lookup.RegionUserAsync(d.Responsible, ct) is null)
        {
            Fail("responsible", Texts.Get("wg.validation.unknownUser", d.Responsible.Trim()));
        }
    }
}

/// <summary>
/// Records one decision per phenomenon (the reports' reporters see each their own) and, for a follow-up action, an assignment
/// to the responsible person resting on that decision; all in one transaction. A workflow run's <c>sourceKey</c> makes a
/// second sending of the same task's form return what the first one recorded.
/// </summary>
internal sealed class CompilationDecisionsHandler(
    WorkingGroupDbContext db, RecordDecisionHandler decisions, AddAssignmentHandler assignments, WgLookup lookup,
    ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock, TextCatalog texts)
{
    public async Task<CompilationDecisionsDto> HandleAsync(
        Guid meetingId, CompilationDecisionsRequest request, string? sourceKey, CancellationToken ct)
    {
        await lookup.MeetingAsync(meetingId, ct);
        var periodId = request.PeriodId!.Trim();
        if (sourceKey is not null && await RecordedAsync(sourceKey, ct) is { Decisions.Count: > 0 } earlier)
        {
            return earlier with { PeriodId = periodId };
        }
        var added = new List<Assignment>();
        var recorded = new List<Decision>();
        for (var i = 0; i < request.Decisions!.Count; i++)
        {
            var (decision, assignment) = await RecordAsync(meetingId, periodId, request.Decisions[i],
                sourceKey is null ? null : $"{sourceKey}/{i}", ct);
            recorded.Add(decision);
            if (assignment is not null)
            {
                added.Add(assignment);
            }
        }
        await db.SaveChangesAsync(ct);
        return Dto(periodId, recorded, added);
    }

    /// <summary>
    /// The decision on one phenomenon, as the form saves them one at a time (docs/adr/0169). Under a workflow run's key the
    /// decision is kept as <c>{sourceKey}/{report number}</c>, so a second sending of the same phenomenon returns what the
    /// first recorded, and <see cref="RecordedAsync"/> assembles the task's result from the separate saves. Without a run, a
    /// report this meeting has already decided on is a conflict: a reload must not record the decision and its assignment twice.
    /// </summary>
    public async Task<CompilationDecisionsDto> DecideOneAsync(
        Guid meetingId, CompilationDecisionsRequest request, string? sourceKey, CancellationToken ct)
    {
        await lookup.MeetingAsync(meetingId, ct);
        var periodId = request.PeriodId!.Trim();
        var d = request.Decisions is { Count: 1 } one ? one[0]
            : throw new ValidationException(new Dictionary<string, string[]> { ["decisions"] = [texts["validation.required"]] });
        var numbers = d.Numbers();
        var key = sourceKey is null ? null : $"{sourceKey}/{numbers[0]}";
        if (key is not null && await db.Decisions.AsNoTracking().FirstOrDefaultAsync(x => x.SourceKey == key, ct) is { } earlier)
        {
            var given = await db.Assignments.AsNoTracking().Where(a => a.DecisionId == earlier.Id).ToListAsync(ct);
            return Dto(periodId, [earlier], given);
        }
        var decided = await db.Decisions.AsNoTracking().Where(x => x.MeetingId == meetingId).ToListAsync(ct);
        if (decided.FirstOrDefault(x => x.Numbers().Intersect(numbers).Any()) is { } taken)
        {
            throw new ConflictException(texts.Get("wg.decide.conflict.decided", string.Join(", ", numbers), taken.Phenomenon));
        }
        var (decision, assignment) = await RecordAsync(meetingId, periodId, d, key, ct);
        await db.SaveChangesAsync(ct);
        return Dto(periodId, [decision], assignment is null ? [] : [assignment]);
    }

    private async Task<(Decision Decision, Assignment? Assignment)> RecordAsync(
        Guid meetingId, string periodId, PhenomenonDecisionRequest d, string? key, CancellationToken ct)
    {
        var outcome = WgValidator<CompilationDecisionsRequest>.Parse<PhenomenonOutcome>(d.Outcome)!.Value;
        var followUp = outcome == PhenomenonOutcome.FollowUpAction;
        var person = followUp ? await lookup.RegionUserAsync(d.Responsible, ct) : null;
        var stored = outcome switch
        {
            PhenomenonOutcome.ContinueHandling => DecisionOutcome.ContinueHandling,
            PhenomenonOutcome.FollowUpAction => DecisionOutcome.FollowUpAction,
            _ => DecisionOutcome.Noted,
        };
        var text = followUp ? $"{d.Action!.Trim()}. {d.Reasons!.Trim()}" : d.Reasons!.Trim();
        var decision = await decisions.RecordAsync(meetingId,
            new RecordDecisionRequest(d.Phenomenon, stored.ToString(), Clip(text), person?.DisplayName, d.Numbers()),
            key, new CompilationContext(periodId, d.Reasons!.Trim()), ct);
        var assignment = followUp
            ? await assignments.AddAsync(meetingId, new AddAssignmentRequest(d.Action, d.Responsible, d.DueDate, decision.Id), ct)
            : null;
        return (decision, assignment);
    }

    private CompilationDecisionsDto Dto(string periodId, IEnumerable<Decision> recorded, IEnumerable<Assignment> added)
    {
        var today = Helsinki.Today(clock);
        return new CompilationDecisionsDto(periodId, recorded.Select(mapper.Map<DecisionDto>).ToList(),
            added.Select(a => mapper.Map<AssignmentDto>(new OnDay<Assignment>(a, today))).ToList());
    }

    /// <summary>What a run's form recorded, in the order of the form; empty when nothing is recorded yet.</summary>
    public async Task<CompilationDecisionsDto> RecordedAsync(string sourceKey, CancellationToken ct)
    {
        var prefix = sourceKey + "/";
        var found = await db.Decisions.AsNoTracking().Where(d => d.SourceKey != null && d.SourceKey.StartsWith(prefix)).ToListAsync(ct);
        found = found.OrderBy(d => int.TryParse(d.SourceKey![prefix.Length..], out var i) ? i : int.MaxValue).ToList();
        var ids = found.Select(d => (Guid?)d.Id).ToList();
        var given = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.DecisionId)).ToListAsync(ct);
        var today = Helsinki.Today(clock);
        return new CompilationDecisionsDto("", found.Select(mapper.Map<DecisionDto>).ToList(),
            given.Select(a => mapper.Map<AssignmentDto>(new OnDay<Assignment>(a, today))).ToList());
    }

    private static string Clip(string text) => text.Length <= Limits.Text ? text : text[..(Limits.Text - 1)] + "…";
}
