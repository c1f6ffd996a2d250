using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>
/// Tells the reporters what a decision set going and what came of it: only follow-ups that rest on a decision with reports
/// are published, in the same transaction as the change (the outbox).
/// </summary>
internal static class FollowUps
{
    public const string Assignment = "Assignment";
    public const string ActionProposal = "ActionProposal";
    public const string BudgetProposal = "BudgetProposal";

    public static async Task StartedAsync(
        WorkingGroupDbContext db, IRequestContext actor, Guid? decisionId, Guid id, string kind, string title, string responsible,
        DateOnly? dueDate, DateTimeOffset now, CancellationToken ct)
    {
        if (decisionId is { } decision && await NumbersAsync(db, decision, ct) is { Count: > 0 } numbers)
        {
            db.Publish(new FollowUpStarted(Guid.CreateVersion7(now), actor.RequireRegion(), now, id, decision, kind, title, responsible,
                dueDate, numbers));
        }
    }

    public static async Task EndedAsync(
        WorkingGroupDbContext db, IRequestContext actor, Guid? decisionId, Guid id, string kind, string title, string status,
        string? result, DateTimeOffset now, CancellationToken ct)
    {
        if (decisionId is { } decision && await NumbersAsync(db, decision, ct) is { Count: > 0 } numbers)
        {
            db.Publish(new FollowUpEnded(Guid.CreateVersion7(now), actor.RequireRegion(), now, id, decision, kind, title, status, result,
                numbers));
        }
    }

    // A compilation's decisions and their assignments are saved together, so the decision may not be in the database yet.
    private static async Task<IReadOnlyList<int>> NumbersAsync(WorkingGroupDbContext db, Guid decisionId, CancellationToken ct) =>
        (db.Decisions.Local.FirstOrDefault(d => d.Id == decisionId)
            ?? await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, ct))?.Numbers() ?? [];
}
