using FluentValidation;
using Rake.BuildingBlocks.Export;

namespace Rake.Modules.Reporting.Features.ProcessReport;

/// <summary>The service area whose records to export (a query parameter); none exports every service area at once.</summary>
internal sealed record ExportRecordsQuery(string? ServiceArea);

internal static class ExportRecordsEndpoint
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/supervisor-records.xlsx", async (
                    [AsParameters] ExportRecordsQuery query, ExportRecordsHandler handler, CancellationToken ct) =>
                await handler.ExportAsync(query.ServiceArea, ct))
            .RequireRegionRoles(ReportingRoles.ExportRecords)
            .WithTags("Supervisor processing")
            .WithSummary("The supervisor processing records (the ten fields, with service area and status) as an Excel sheet: "
                + "one service area, or all of them when serviceArea is left out.");
}

/// <summary>
/// Replaces the supervisors' shared Excel sheet: one row per processed report, the ten fields as columns, with the report's
/// service area and where it stands now; one service area or all of them.
/// </summary>
internal sealed class ExportRecordsHandler(
    ReportingDbContext db, TextCatalog texts, IRequestContext actor, IRegionAccess regions, TimeProvider clock)
{
    public static readonly string[] FieldKeys =
    [
        "reporting.record.coreOfReport", "reporting.record.communicationGoal", "reporting.record.audience",
        "reporting.record.coreMessage", "reporting.record.channelAndMethod", "reporting.record.timing", "reporting.record.responsible",
        "reporting.record.followUp", "reporting.record.priority", "reporting.record.result",
    ];

    public async Task<IResult> ExportAsync(string? serviceArea, CancellationToken ct)
    {
        var query = db.Reports.AsNoTracking().Include(r => r.Record).Where(r => r.Record != null);
        if (!string.IsNullOrEmpty(serviceArea))
        {
            query = query.Where(r => r.ServiceArea == serviceArea);
        }
        var rows = await query.OrderBy(r => r.Number).ToListAsync(ct);
        var language = TextCatalog.CurrentLanguage;
        var areas = await db.Terms.AsNoTracking().Where(t => t.Kind == TermKind.ServiceArea).ToListAsync(ct);
        string AreaName(string code) => areas.FirstOrDefault(t => t.Code == code)?.Name(language) ?? code;

        string[] headers =
        [
            texts["reporting.field.number"], texts["reporting.field.receivedAt"], texts["reporting.export.serviceArea"],
            texts["reporting.export.status"], .. FieldKeys.Select(k => texts[k]),
        ];
        var regionName = regions.NameOf(actor.RequireRegion());
        var scope = string.IsNullOrEmpty(serviceArea) ? texts["reporting.export.allServiceAreas"] : AreaName(serviceArea);
        var title = XlsxTitle.For(texts, texts["reporting.export.title"], regionName, scope, clock.GetUtcNow());
        var sheet = XlsxWriter.Write(texts["reporting.export.sheet"], title, headers, rows.Select(report =>
        {
            var r = report.Record!;
            return (IReadOnlyList<object?>)
            [
                report.Number, Helsinki.ToLocalDate(report.ReceivedAt), AreaName(report.ServiceArea),
                texts[$"reporting.status.{report.Status}"], r.CoreOfReport, r.CommunicationGoal, r.Audience, r.CoreMessage,
                r.ChannelAndMethod, r.Timing, r.Responsible, r.FollowUp, r.Priority, r.Result,
            ];
        }));
        return FileDownload.File(sheet, ExportRecordsEndpoint.XlsxContentType,
            $"{regionName} – {texts["reporting.file.records"]} – {scope}.xlsx");
    }
}

/// <summary>None (all), or one of the region's service areas (active or not: old records stay exportable).</summary>
internal sealed class ExportRecordsQueryValidator : RequestValidator<ExportRecordsQuery>
{
    public ExportRecordsQueryValidator(TextCatalog texts, ReportingDbContext db) : base(texts) =>
        RuleFor(r => r.ServiceArea).CustomAsync(async (serviceArea, context, ct) =>
        {
            if (!string.IsNullOrEmpty(serviceArea)
                && !await db.Terms.AnyAsync(t => t.Kind == TermKind.ServiceArea && t.Code == serviceArea, ct))
            {
                var known = await db.Terms.Where(t => t.Kind == TermKind.ServiceArea).Select(t => t.Code).ToListAsync(ct);
                context.AddFailure(Texts.Get("validation.unknownValue", serviceArea ?? "", string.Join(", ", known)));
            }
        });
}
