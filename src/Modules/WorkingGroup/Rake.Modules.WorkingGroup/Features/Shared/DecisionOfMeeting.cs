namespace Rake.Modules.WorkingGroup.Features;

/// <summary>A proposal or an assignment may rest on a decision of the same meeting, which only the route names.</summary>
internal static class DecisionOfMeeting
{
    public static async Task DemandAsync(
        WorkingGroupDbContext db, TextCatalog texts, Guid meetingId, Guid? decisionId, CancellationToken ct)
    {
        if (decisionId is { } id && !await db.Decisions.AnyAsync(d => d.Id == id && d.MeetingId == meetingId, ct))
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["decisionId"] = [texts["wg.validation.unknownDecision"]] });
        }
    }
}
