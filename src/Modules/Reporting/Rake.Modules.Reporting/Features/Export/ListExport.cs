using FluentValidation;
using Rake.BuildingBlocks.Export;
using Rake.Modules.Reporting.Features.ProcessReport;
using Rake.Modules.Reporting.Features.ViewReports;

namespace Rake.Modules.Reporting.Features.Export;

/// <summary>Which reports to export (query parameters): scope as in the list, and optionally one year.</summary>
internal sealed record ReportExportQuery(string? Scope, int? Year);

internal static class ListExportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/social-reports/export.xlsx", async (
                [AsParameters] ReportExportQuery query, ListExportHandler handler, CancellationToken ct) =>
            {
                var (headers, rows) = await handler.RowsAsync(query, ct);
                return FileDownload.File(XlsxWriter.Write(handler.SheetName, handler.Title(query), headers, rows),
                    ExportRecordsEndpoint.XlsxContentType, handler.FileName(query, "xlsx"));
            })
            .WithTags("Social reports")
            .WithSummary("The report list the caller may see (scope Visible, Mine or Inbox; optional year) as an Excel sheet.");
        api.MapGet("/social-reports/export.csv", async (
                [AsParameters] ReportExportQuery query, ListExportHandler handler, CancellationToken ct) =>
            {
                var (headers, rows) = await handler.RowsAsync(query, ct);
                return FileDownload.File(CsvExport.Write(headers, rows), CsvExport.ContentType, handler.FileName(query, "csv"));
            })
            .WithTags("Social reports").WithSummary("The same list as CSV for Excel: UTF-8 with BOM, ';' separated, dates d.M.yyyy.");
    }
}

/// <summary>
/// Exports exactly the rows the list would show the caller (same scope rules as <see cref="ViewReportsHandler.ListAsync"/>).
/// </summary>
internal sealed class ListExportHandler(
    ReportingDbContext db, IRequestContext actor, TextCatalog texts, IRegionAccess regions, TimeProvider clock)
{
    public const int MaxRows = 100_000;

    public string SheetName => texts["reporting.export.listSheet"];

    /// <summary>What the sheet lists, whose it is (the region's name), which reports and year, and when it was made.</summary>
    public XlsxTitle Title(ReportExportQuery request) =>
        XlsxTitle.For(texts, SheetName, regions.NameOf(actor.RequireRegion()), Period(request), clock.GetUtcNow());

    public string FileName(ReportExportQuery request, string extension) =>
        $"{regions.NameOf(actor.RequireRegion())} – {texts["reporting.file.reports"]}"
        + (request.Year is { } year ? $" {year}" : "") + $".{extension}";

    private string Period(ReportExportQuery request)
    {
        var scope = texts[$"reporting.export.scope.{ReportListQueryValidator.ScopeOf(request.Scope)}"];
        return request.Year is { } year ? $"{scope}, {texts.Get("reporting.export.year", year)}" : scope;
    }

    public async Task<(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)> RowsAsync(
        ReportExportQuery request, CancellationToken ct)
    {
        var year = request.Year;
        var userId = actor.UserId!.Value;
        var query = db.Reports.AsNoTracking();
        query = ReportListQueryValidator.ScopeOf(request.Scope) switch
        {
            ListScope.Mine => query.Where(r => r.ReporterId == userId || r.CoReporters.Any(c => c.UserId == userId)),
            ListScope.Inbox => query.Where(r => r.SupervisorId == userId),
            _ when ReportRules.ReadAll.Any(actor.IsInRole) => query,
            _ => query.Where(r => r.ReporterId == userId || r.SupervisorId == userId || r.CoReporters.Any(c => c.UserId == userId)),
        };
        if (year is { } y)
        {
            var from = Helsinki.StartOf(new DateOnly(y, 1, 1));
            var until = Helsinki.StartOf(new DateOnly(y + 1, 1, 1));
            query = query.Where(r => r.ReceivedAt >= from && r.ReceivedAt < until);
        }
        var reports = await query.Include(r => r.Categories).OrderBy(r => r.Number).Take(MaxRows).ToListAsync(ct);
        var terms = await db.Terms.AsNoTracking().ToListAsync(ct);
        var language = TextCatalog.CurrentLanguage;
        string Name(TermKind kind, string code) =>
            terms.FirstOrDefault(t => t.Kind == kind && t.Code == code)?.Name(language) ?? code;
        string[] headers =
        [
            texts["reporting.field.number"], texts["reporting.field.receivedAt"], texts["reporting.export.status"],
            texts["reporting.export.type"], texts["reporting.export.reportTitle"], texts["reporting.export.categories"],
            texts["reporting.export.serviceArea"], texts["reporting.export.municipality"], texts["reporting.export.supervisor"],
        ];
        var rows = reports.Select(r => (IReadOnlyList<object?>)
        [
            r.Number, Helsinki.ToLocalDate(r.ReceivedAt), texts[$"reporting.status.{r.Status}"],
            texts[$"reporting.type.{r.PhenomenonType}"], r.Title,
            string.Join(", ", r.Categories.Select(c => Name(TermKind.Category, c.Code)).Order(StringComparer.CurrentCulture)),
            Name(TermKind.ServiceArea, r.ServiceArea), Name(TermKind.Municipality, r.Municipality), r.SupervisorName,
        ]).ToList();
        return (headers, rows);
    }
}

internal sealed class ReportExportQueryValidator : RequestValidator<ReportExportQuery>
{
    public ReportExportQueryValidator(TextCatalog texts) : base(texts)
    {
        EnumName<ListScope>(r => r.Scope, required: false);
        RuleFor(r => r.Year).Must(y => y is null or (>= 2000 and <= 2100)).WithMessage(_ => Texts.Get("validation.range", 2000, 2100));
    }
}
