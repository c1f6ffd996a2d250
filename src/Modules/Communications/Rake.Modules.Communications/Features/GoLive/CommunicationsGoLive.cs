namespace Rake.Modules.Communications.Features.GoLive;

/// <summary>Staff and partners are told about the work by the plan: before go-live it names at least one target group.</summary>
internal sealed class CommunicationsGoLive(CommunicationsDbContext db) : IGoLiveSource
{
    public async Task<IReadOnlyList<GoLiveItem>> GoLiveItemsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.PlanRows.CountAsync(cancellationToken);
        return [new("Communications", "communications.plan", rows > 0, "communications/plan", rows)];
    }
}
