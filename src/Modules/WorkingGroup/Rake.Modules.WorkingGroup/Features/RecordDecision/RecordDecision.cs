using FluentValidation;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.WorkingGroup.Features.RecordDecision;

internal sealed record RecordDecisionRequest(
    [ScreenedText] string? Phenomenon, string? Outcome, [ScreenedText] string? Text, string? ResponsiblePerson,
    IReadOnlyList<int>? ReportNumbers)
{
    public const int MaxReports = 100;

    public IReadOnlyList<int> Numbers() => (ReportNumbers ?? []).Distinct().Order().ToList();
}

internal static class RecordDecisionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/decisions", async (Guid id, RecordDecisionRequest request, DecisionAccess access,
                RecordDecisionHandler h, CancellationToken ct) =>
            {
                await access.DemandAsync(id, ct);
                return Results.Created($"meetings/{id}", await h.HandleAsync(id, request, sourceKey: null, ct));
            })
            .RequireRegionRoles(WgRoles.MeetingsRequirement)
            .WithTags(ViewMeetingEndpoints.Tag)
            .WithSummary("Record a decision on a phenomenon (ContinueHandling, FollowUpAction, Noted) with a responsible person; "
                + "the concerned reports' reporters see it.");
}

/// <summary>
/// Whose decision it is depends on the meeting's body (a steering group decides for itself), so the endpoint and the page
/// ask this after the declared requirement and before the handler. A workflow activity records as the region's system actor.
/// </summary>
internal sealed class DecisionAccess(WgLookup lookup, IRequestContext actor, TextCatalog texts)
{
    public async Task DemandAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await lookup.MeetingAsync(meetingId, ct);
        var body = await lookup.BodyAsync(meeting.BodyId, ct);
        WgRoles.DecisionsFor(body.Kind).Demand(actor, texts);
    }
}

internal sealed class RecordDecisionValidator : WgValidator<RecordDecisionRequest>
{
    public RecordDecisionValidator(TextCatalog texts, IReportingApi reporting) : base(texts)
    {
        RequiredText(r => r.Phenomenon, Limits.Name);
        OneOf<DecisionOutcome>(r => r.Outcome);
        RequiredText(r => r.Text, Limits.Text);
        // Who carries the decision on is named unless the decision only notes the matter.
        RuleFor(r => r.ResponsiblePerson)
            .Must((r, person) => !string.IsNullOrWhiteSpace(person) || Parse<DecisionOutcome>(r.Outcome) == DecisionOutcome.Noted)
            .WithMessage(_ => Texts["validation.required"]);
        OptionalText(r => r.ResponsiblePerson, Limits.Name);
        RuleFor(r => r.ReportNumbers)
            .Must((r, _) => r.Numbers().Count <= RecordDecisionRequest.MaxReports)
            .WithMessage(_ => Texts.Get("wg.validation.tooManyReports", RecordDecisionRequest.MaxReports))
            .CustomAsync(async (_, context, ct) =>
            {
                var numbers = context.InstanceToValidate.Numbers();
                if (numbers.Count is 0 or > RecordDecisionRequest.MaxReports)
                {
                    return;
                }
                var found = (await reporting.FindAsync(numbers, ct)).Select(r => r.Number).ToHashSet();
                var unknown = numbers.Where(n => !found.Contains(n)).ToList();
                if (unknown.Count > 0)
                {
                    context.AddFailure(nameof(RecordDecisionRequest.ReportNumbers),
                        Texts.Get("wg.validation.unknownReports", string.Join(", ", unknown)));
                }
            });
    }
}

/// <summary>
/// Stores the decision and publishes <see cref="DecisionRecorded"/> in the same transaction; a workflow run's
/// <c>sourceKey</c> makes a retried activity return the decision it recorded the first time.
/// </summary>
internal sealed class RecordDecisionHandler(
    WorkingGroupDbContext db, WgLookup lookup, IRequestContext actor, ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock)
{
    public async Task<DecisionDto> HandleAsync(Guid meetingId, RecordDecisionRequest request, string? sourceKey, CancellationToken ct) =>
        mapper.Map<DecisionDto>(await RecordAsync(meetingId, request, sourceKey, null, ct));

    /// <summary>Records without saving when <paramref name="compilation"/> is given: the caller saves the set of decisions
    /// (a compilation's, with their follow-ups) in one transaction.</summary>
    public async Task<Decision> RecordAsync(
        Guid meetingId, RecordDecisionRequest request, string? sourceKey, CompilationContext? compilation, CancellationToken ct)
    {
        var meeting = await lookup.MeetingAsync(meetingId, ct);
        var body = await lookup.BodyAsync(meeting.BodyId, ct);
        if (sourceKey is not null && await db.Decisions.FirstOrDefaultAsync(d => d.SourceKey == sourceKey, ct) is { } existing)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var numbers = request.Numbers();
        var outcome = WgValidator<RecordDecisionRequest>.Parse<DecisionOutcome>(request.Outcome)!.Value;
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(now),
            MeetingId = meeting.Id,
            Phenomenon = request.Phenomenon!.Trim(),
            Outcome = outcome,
            Text = request.Text!.Trim(),
            ResponsiblePerson = request.ResponsiblePerson?.Trim() ?? "",
            ReportNumbers = string.Join(',', numbers),
            DecidedAt = now,
            SourceKey = sourceKey,
        };
        db.Decisions.Add(decision);
        db.Publish(new DecisionRecorded(Guid.CreateVersion7(now), actor.RequireRegion(), now, decision.Id, meeting.Id, body.Name,
            decision.Phenomenon, outcome.ToString(), decision.Text, decision.ResponsiblePerson, numbers)
        {
            PeriodId = compilation?.PeriodId,
            Reasons = compilation?.Reasons,
        });
        if (compilation is null)
        {
            await db.SaveChangesAsync(ct);
        }
        return decision;
    }
}

/// <summary>A decision taken on a period's compilation: the period and the reasons the body gave.</summary>
internal sealed record CompilationContext(string PeriodId, string? Reasons);
