using Rake.BuildingBlocks.Export;
using Rake.Modules.Reporting.Features.Compilations;
using Rake.Modules.Reporting.Features.Documents;
using Rake.Modules.Reporting.Features.Periods;

namespace Rake.Modules.Reporting.Features.AnnualReport;

internal sealed record AnnualFiguresDto(
    int Year, DateOnly From, DateOnly To, int Total, int PreviousYearTotal, int Processed, int ActionsTaken,
    IReadOnlyList<ComparedCountDto> ByType, IReadOnlyList<ComparedCountDto> ByCategory, IReadOnlyList<ComparedCountDto> ByServiceArea,
    IReadOnlyList<ComparedCountDto> ByMunicipality, IReadOnlyList<CountDto> ByStatus, IReadOnlyList<CountDto> ByPeriod,
    IReadOnlyList<CompilationNoteDto> Decisions, int WorkingGroupComments);

internal sealed record AnnualSectionsDto(string Introduction, string ActionsTaken, string PlanEvaluation, string Conclusions);

internal sealed record AnnualReportDto(
    int Year, string Status, AnnualSectionsDto Sections, AnnualFiguresDto Figures, DateTimeOffset? UpdatedAt, string? UpdatedBy,
    DateTimeOffset? ApprovedAt, string? ApprovedBy, DateTimeOffset? PublishedAt, string? PublishedBy, bool PlanEvaluationFromPlanning);

internal sealed record UpdateAnnualSectionsRequest(
    [ScreenedText] string? Introduction, [ScreenedText] string? ActionsTaken, [ScreenedText] string? PlanEvaluation,
    [ScreenedText] string? Conclusions);

internal static class AnnualReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Annual social report";
        const string one = "/annual-reports/{year:int}";
        api.MapGet(one, (int year, AnnualReportHandler handler, CancellationToken ct) => handler.GetAsync(year, ct))
            .WithTags(tag).WithSummary("The year's social report: figures computed from the stored reports, narrative sections, "
                + "approval and publication.");
        api.MapPut(one, (int year, UpdateAnnualSectionsRequest request, AnnualReportHandler handler, CancellationToken ct) =>
                handler.UpdateAsync(year, request, ct))
            .RequireRegionRoles(ReportingRoles.AnnualEdit)
            .WithTags(tag).WithSummary("Edit the narrative sections (only while a draft).");
        api.MapPost($"{one}/approve", (int year, AnnualReportHandler handler, CancellationToken ct) => handler.ApproveAsync(year, ct))
            .RequireRegionRoles(ReportingRoles.AnnualApprove)
            .WithTags(tag).WithSummary("The steering group approves the draft.");
        api.MapPost($"{one}/publish", (int year, AnnualReportHandler handler, CancellationToken ct) => handler.PublishAsync(year, ct))
            .RequireRegionRoles(ReportingRoles.Publish)
            .WithTags(tag).WithSummary("Publish the approved report (intranet, website, municipal wellbeing groups).");
        api.MapGet($"{one}/report.docx", async (int year, AnnualDocumentHandler documents, IRegionAccess regions,
                IRequestContext actor, TextCatalog texts, CancellationToken ct) =>
                FileDownload.File(DocxWriter.Write(await documents.DocumentAsync(year, ct)), DocxWriter.ContentType,
                    $"{regions.NameOf(actor.RequireRegion())} – {texts.Get("reporting.file.annual", year)}.docx"))
            .WithTags(tag).WithSummary("The annual social report as a Word document.");
        api.MapGet($"{one}/report.html", async (int year, AnnualDocumentHandler documents, CancellationToken ct) =>
                Results.Content(HtmlWriter.Write(await documents.DocumentAsync(year, ct)), "text/html; charset=utf-8"))
            .WithTags(tag).WithSummary("The annual social report as an accessible HTML page.");
        api.MapGet($"{one}/infographic.svg", async (int year, AnnualDocumentHandler documents, CancellationToken ct) =>
                Results.Content(Svg.Infographic(await documents.InfographicAsync(year, ct)), "image/svg+xml; charset=utf-8"))
            .WithTags(tag).WithSummary("The year on one page (SVG).");
    }
}
