using Rake.BuildingBlocks.Export;
using Rake.Modules.Reporting.Features.Documents;

namespace Rake.Modules.Reporting.Features.PhenomenonReports;

internal sealed record PhenomenonCriteriaDto(string Needs, string Topicality, string Significance, string Recurrence);

internal sealed record PhenomenonEntryDto(Guid Id, string Kind, string Text, string Author, DateTimeOffset At);

internal sealed record PhenomenonReportDto(
    Guid Id, string Title, string Description, PhenomenonCriteriaDto Criteria, IReadOnlyList<int> RelatedReports, string Stage,
    string Draft, IReadOnlyList<PhenomenonEntryDto> Entries, string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? PublishedBy, DateTimeOffset? PublishedAt, string CreatedBy, DateTimeOffset CreatedAt, Guid? PhenomenonId,
    Guid? WorkflowRunId = null);

internal sealed record ChoosePhenomenonRequest(
    [ScreenedText] string? Title, [ScreenedText] string? Description, [ScreenedText] string? Needs, [ScreenedText] string? Topicality,
    [ScreenedText] string? Significance, [ScreenedText] string? Recurrence,
    IReadOnlyList<int>? RelatedReports, Guid? PhenomenonId = null, Guid? WorkflowRunId = null);

/// <summary>Workshop input or, while commenting, a comment on the draft.</summary>
internal sealed record PhenomenonEntryRequest([ScreenedText] string? Text);

internal sealed record PhenomenonDraftRequest([ScreenedText] string? Text);

internal sealed record PhenomenonDecisionRequest([ScreenedText] string? Text);

internal sealed record AdvanceRequest(string? Stage);

internal static class PhenomenonReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Phenomenon-based reports";
        const string one = "/phenomenon-reports/{id:guid}";
        api.MapPost("/phenomenon-reports", async (
                string region, ChoosePhenomenonRequest request, PhenomenonReportHandler handler, CancellationToken ct) =>
            {
                var created = await handler.ChooseAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/phenomenon-reports/{created.Id}", created);
            })
            .RequireRegionRoles(ReportingRoles.PhenomenonLead)
            .WithTags(tag).WithSummary("Choose a phenomenon from the register (phenomenonId; without it a new entry is made), "
                + "recording the criteria there: needs, topicality, significance, recurrence. With workflowRunId, the report follows "
                + "that run of the phenomenon-report workflow: its tasks are completed as the stages move on.");
        api.MapGet("/phenomenon-reports", (PhenomenonReportHandler handler, CancellationToken ct) => handler.ListAsync(ct)).WithTags(tag);
        api.MapGet(one, (Guid id, PhenomenonReportHandler handler, CancellationToken ct) => handler.GetAsync(id, ct)).WithTags(tag);
        api.MapPost($"{one}/advance", (Guid id, AdvanceRequest request, PhenomenonReportHandler handler, CancellationToken ct) =>
                handler.AdvanceAsync(id, request, ct))
            .RequireRegionRoles(ReportingRoles.PhenomenonLead)
            .WithTags(tag)
            .WithSummary("The responsible person moves the report to its next stage: Workshop1 → Workshop2 → Drafting → Commenting → "
                + "Deciding.");
        api.MapPost($"{one}/entries", (Guid id, PhenomenonEntryRequest request, PhenomenonReportHandler handler, CancellationToken ct) =>
                handler.AddEntryAsync(id, request, ct))
            .RequireRegionRoles(ReportingRoles.PhenomenonInput)
            .WithTags(tag).WithSummary("Workshop input (round 1: extent in services; round 2: action proposals) or, while commenting, "
                + "a comment on the draft.");
        api.MapPut($"{one}/draft", (Guid id, PhenomenonDraftRequest request, PhenomenonReportHandler handler, CancellationToken ct) =>
                handler.SaveDraftAsync(id, request, ct))
            .RequireRegionRoles(ReportingRoles.PhenomenonLead)
            .WithTags(tag).WithSummary("Write the draft (while drafting or commenting).");
        api.MapPost($"{one}/decision",
            (Guid id, PhenomenonDecisionRequest request, PhenomenonReportHandler handler, CancellationToken ct) =>
                handler.DecideAsync(id, request, ct))
            .RequireRegionRoles(ReportingRoles.PhenomenonDecide)
            .WithTags(tag).WithSummary("The steering group's decision, after the working group's comments (while commenting or deciding).");
        api.MapPost($"{one}/publish", (Guid id, PhenomenonReportHandler handler, CancellationToken ct) => handler.PublishAsync(id, ct))
            .RequireRegionRoles(ReportingRoles.Publish)
            .WithTags(tag).WithSummary("Publish the decided report.");
        api.MapGet($"{one}/report.html", async (Guid id, PhenomenonDocumentHandler documents, CancellationToken ct) =>
                Results.Content(HtmlWriter.Write(await documents.DocumentAsync(id, ct)), "text/html; charset=utf-8")).WithTags(tag);
        api.MapGet($"{one}/report.docx", async (Guid id, PhenomenonDocumentHandler documents, IRegionAccess regions,
                IRequestContext actor, TextCatalog texts, CancellationToken ct) =>
                FileDownload.File(DocxWriter.Write(await documents.DocumentAsync(id, ct)), DocxWriter.ContentType,
                    $"{regions.NameOf(actor.RequireRegion())} – {texts["reporting.file.phenomenon"]}.docx")).WithTags(tag);
    }
}
