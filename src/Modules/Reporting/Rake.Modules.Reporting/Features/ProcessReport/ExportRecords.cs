using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Export;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Features.ProcessReport;

internal static class ExportRecordsEndpoint
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/supervisor-records.xlsx", async (string region, string? serviceArea, ExportRecordsHandler handler, CancellationToken ct) =>
                Results.File(await handler.ExportAsync(serviceArea, ct), XlsxContentType, $"rake-{region}-{serviceArea}-kasittelykirjaukset.xlsx"))
            .WithTags("Supervisor processing").WithSummary("A service area's supervisor processing records as an Excel sheet with the ten fields.");
}

/// <summary>Replaces the supervisors' shared Excel sheet: one row per processed report of the service area, the ten fields as columns.</summary>
internal sealed class ExportRecordsHandler(ReportingDbContext db, IRequestContext actor, TextCatalog texts)
{
    public static readonly string[] FieldKeys =
    [
        "reporting.record.coreOfReport", "reporting.record.communicationGoal", "reporting.record.audience", "reporting.record.coreMessage",
        "reporting.record.channelAndMethod", "reporting.record.timing", "reporting.record.responsible", "reporting.record.followUp",
        "reporting.record.priority", "reporting.record.result",
    ];

    public async Task<byte[]> ExportAsync(string? serviceArea, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.export.forbidden"], RegionRole.Supervisor, RegionRole.ResponsiblePerson);
        if (string.IsNullOrWhiteSpace(serviceArea) || !await db.Terms.AnyAsync(t => t.Kind == TermKind.ServiceArea && t.Code == serviceArea, ct))
        {
            var known = await db.Terms.Where(t => t.Kind == TermKind.ServiceArea).Select(t => t.Code).ToListAsync(ct);
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["serviceArea"] = [texts.Get("validation.unknownValue", serviceArea ?? "", string.Join(", ", known))],
            });
        }
        var rows = await db.Reports.AsNoTracking().Include(r => r.Record)
            .Where(r => r.ServiceArea == serviceArea && r.Record != null)
            .OrderBy(r => r.Number).ToListAsync(ct);

        string[] headers = [texts["reporting.field.number"], texts["reporting.field.receivedAt"], .. FieldKeys.Select(k => texts[k])];
        return XlsxWriter.Write(texts["reporting.export.sheet"], headers, rows.Select(report =>
        {
            var r = report.Record!;
            return (IReadOnlyList<object?>)
            [
                report.Number, Helsinki.ToLocalDate(report.ReceivedAt), r.CoreOfReport, r.CommunicationGoal, r.Audience, r.CoreMessage,
                r.ChannelAndMethod, r.Timing, r.Responsible, r.FollowUp, r.Priority, r.Result,
            ];
        }));
    }
}
