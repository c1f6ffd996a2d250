namespace Rake.Modules.Communications.Features.Plan;

internal sealed record PlanRowDto(
    [ScreenedText] string TargetGroup, [ScreenedText] IReadOnlyList<string> Goals, IReadOnlyList<string> Channels);

internal sealed record PlannedDto(Guid Id, string What, string? Audience, string? CoreMessage, string? Channel, string? Timing,
    string? Responsible, string Status, int? SourceReportNumber, string? SourceDecision, DateTimeOffset CreatedAt);

internal sealed class PlanMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<PlanRow, PlanRowDto>()
            .Map(d => d.Goals, r => Lines(r.Goals))
            .Map(d => d.Channels, r => Lines(r.Channels));
        config.NewConfig<PlannedCommunication, PlannedDto>();
    }

    /// <summary>A plan cell holds one goal or channel a line.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The lines of a cell as stored: trimmed, blank ones dropped.</summary>
    public static string Joined(IReadOnlyList<string?>? lines) =>
        string.Join('\n', (lines ?? []).Select(l => l?.Trim()).Where(l => !string.IsNullOrEmpty(l)));
}
