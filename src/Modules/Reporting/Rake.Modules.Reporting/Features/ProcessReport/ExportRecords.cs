using FluentValidation;
using Rake.BuildingBlocks.Export;

namespace Rake.Modules.Reporting.Features.ProcessReport;

/// <summary>The service area whose records to export (a query parameter).</summary>
internal sealed record ExportRecordsQuery(string? ServiceArea);

internal static class ExportRecordsEndpoint
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/supervisor-records.xlsx", async (
                    string region, [AsParameters] ExportRecordsQuery query, ExportRecordsHandler handler, CancellationToken ct) =>
                Results.File(await handler.ExportAsync(query.ServiceArea!, ct), XlsxContentType,
                    $"rake-{region}-{query.ServiceArea}-kasittelykirjaukset.xlsx"))
            .RequireRegionRoles(ReportingRoles.ExportRecords)
            .WithTags("Supervisor processing")
            .WithSummary("A service area's supervisor processing records as an Excel sheet with the ten fields.");
}

/// <summary>
/// Replaces the supervisors' shared Excel sheet: one row per processed report of the service area, the ten fields as columns.
/// </summary>
internal sealed class ExportRecordsHandler(ReportingDbContext db, TextCatalog texts)
{
    public static readonly string[] FieldKeys =
    [
        "reporting.record.coreOfReport", "reporting.record.communicationGoal", "reporting.record.audience",
        "reporting.record.coreMessage", "reporting.record.channelAndMethod", "reporting.record.timing", "reporting.record.responsible",
        "reporting.record.followUp", "reporting.record.priority", "reporting.record.result",
    ];

    public async Task<byte[]> ExportAsync(string serviceArea, CancellationToken ct)
    {
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

/// <summary>Only one of the region's service areas (active or not: old records stay exportable).</summary>
internal sealed class ExportRecordsQueryValidator : RequestValidator<ExportRecordsQuery>
{
    public ExportRecordsQueryValidator(TextCatalog texts, ReportingDbContext db) : base(texts) =>
        RuleFor(r => r.ServiceArea).CustomAsync(async (serviceArea, context, ct) =>
        {
            if (string.IsNullOrWhiteSpace(serviceArea)
                || !await db.Terms.AnyAsync(t => t.Kind == TermKind.ServiceArea && t.Code == serviceArea, ct))
            {
                var known = await db.Terms.Where(t => t.Kind == TermKind.ServiceArea).Select(t => t.Code).ToListAsync(ct);
                context.AddFailure(Texts.Get("validation.unknownValue", serviceArea ?? "", string.Join(", ", known)));
            }
        });
}
