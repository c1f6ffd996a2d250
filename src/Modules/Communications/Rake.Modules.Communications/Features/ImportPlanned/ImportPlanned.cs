using Rake.Modules.Communications.Features.Plan;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Communications.Features.ImportPlanned;

internal static class ImportPlannedEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/planned-communications/import-from-reports", (ImportPlannedHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithTags("Communication plan")
            .RequireRegionRoles(CommRoles.Edit)
            .WithSummary("Take the communications planned in supervisors' processing records (fields 2–7); each report once.");
}

internal sealed class ImportPlannedHandler(
    CommunicationsDbContext db, TimeProvider clock, IReportingApi reporting, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<IReadOnlyList<PlannedDto>> HandleAsync(CancellationToken ct)
    {
        var records = await reporting.CommunicationRecordsAsync(ct);
        var known = (await db.Planned.Where(p => p.SourceReportNumber != null).Select(p => p.SourceReportNumber!.Value).ToListAsync(ct))
            .ToHashSet();
        var now = clock.GetUtcNow();
        var added = records.Where(r => !known.Contains(r.ReportNumber)).Select(r => new PlannedCommunication
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            Status = PlannedStatus.Planned,
            SourceReportNumber = r.ReportNumber,
            What = Cut($"#{r.ReportNumber} {r.Title}: {r.CommunicationGoal ?? r.CoreMessage ?? r.Title}", PlannedCommunication.TextMax),
            Audience = r.Audience,
            CoreMessage = r.CoreMessage,
            Channel = r.ChannelAndMethod,
            Timing = r.Timing,
            Responsible = r.Responsible,
        }).ToList();
        db.Planned.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added.Select(mapper.Map<PlannedDto>).ToList();
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
