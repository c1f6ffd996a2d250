namespace Rake.Modules.Reporting.Features.PhenomenonRegister;

internal sealed record PhenomenonListItem(
    Guid Id, string Title, int ReportCount, DateTimeOffset? LastReportAt, string Trend, int Municipalities, DateTimeOffset ChangedAt,
    string ChangedBy);

internal sealed record PhenomenonCriteria(string Needs, string Topicality, string Significance, string Recurrence);

internal sealed record PeriodCountDto(string PeriodId, DateOnly From, DateOnly To, int Count);

internal sealed record PhenomenonTrendDto(
    string Label, IReadOnlyList<PeriodCountDto> Periods, int PeriodsSeen, int Municipalities, IReadOnlyList<string> RecurringIn);

internal sealed record LinkedReportDto(
    Guid Id, int Number, DateTimeOffset ReceivedAt, string PeriodId, string Title, string ServiceArea, string Municipality,
    string Status, string LinkedBy, DateTimeOffset LinkedAt);

/// <summary>A decision on the phenomenon's reports, or a follow-up it set going or its end, once however many reports it
/// concerned. <see cref="Kind"/> is Decision, FollowUp or FollowUpEnded; <see cref="Code"/> as on the report's timeline.</summary>
internal sealed record PhenomenonActionDto(
    DateTimeOffset At, string Kind, string? Code, string Actor, string? Comment, IReadOnlyList<int> ReportNumbers);

internal sealed record PhenomenonReportRefDto(Guid Id, string Title, string Stage);

internal sealed record CountByKeyDto(string Key, int Count);

internal sealed record RegisteredPhenomenonDto(
    Guid Id, string Title, string Description, PhenomenonCriteria Criteria, string CreatedBy, DateTimeOffset CreatedAt,
    string ChangedBy, DateTimeOffset ChangedAt, PhenomenonTrendDto Trend, IReadOnlyList<CountByKeyDto> ByPeriod,
    IReadOnlyList<CountByKeyDto> ByMunicipality, IReadOnlyList<CountByKeyDto> ByServiceArea, IReadOnlyList<LinkedReportDto> Reports,
    IReadOnlyList<PhenomenonActionDto> Actions, IReadOnlyList<PhenomenonReportRefDto> PhenomenonReports);

/// <summary>A new register entry, or its new title and description.</summary>
internal sealed record PhenomenonChoiceDto(Guid Id, string Title);

/// <summary>A report's phenomena on its page: those it is linked to, and the region's phenomena to choose from.</summary>
internal sealed record ReportPhenomenaDto(IReadOnlyList<PhenomenonChoiceDto> Linked, IReadOnlyList<PhenomenonChoiceDto> Choices);

internal sealed record PhenomenonRequest([ScreenedText] string? Title, [ScreenedText] string? Description);

/// <summary>Links the region's report with this number to the phenomenon.</summary>
internal sealed record PhenomenonLinkRequest(int? ReportNumber);

/// <summary>The column the register is ordered by.</summary>
internal enum PhenomenonSort
{
    Changed,
    Title,
    Reports,
    LastReport,
    Trend,
}

/// <summary>The register's query string: text in the title, one trend label, the order and the page.</summary>
internal sealed record PhenomenonListQuery(
    string? Search, string? Trend, string? Sort, bool Descending = true, int Page = 1, int PageSize = 50);

internal static class PhenomenonRegisterEndpoints
{
    public const string Tag = "Phenomenon register";

    public static void Map(IEndpointRouteBuilder api)
    {
        const string one = "/phenomena/{id:guid}";
        api.MapGet("/phenomena", ([AsParameters] PhenomenonListQuery query, PhenomenonRegisterHandler h, CancellationToken ct) =>
                h.ListAsync(query, ct))
            .RequireRegionRoles(ReportingRoles.PhenomenaRead)
            .WithTags(Tag).WithSummary("The region's phenomena with their report counts and trend (Recurring, New, Fading, NoReports).");
        api.MapGet(one, (Guid id, PhenomenonRegisterHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .RequireRegionRoles(ReportingRoles.PhenomenaRead)
            .WithTags(Tag).WithSummary("A phenomenon: its reports by period, municipality and service area, the decisions and actions "
                + "taken on them, and its trend.");
        api.MapPost("/phenomena", async (string region, PhenomenonRequest request, PhenomenonRegisterHandler h, CancellationToken ct) =>
            {
                var created = await h.CreateAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/phenomena/{created.Id}", created);
            })
            .RequireRegionRoles(ReportingRoles.PhenomenaEdit)
            .WithTags(Tag).WithSummary("Add a phenomenon to the register.");
        api.MapPut(one, (Guid id, PhenomenonRequest request, PhenomenonRegisterHandler h, CancellationToken ct) =>
                h.UpdateAsync(id, request, ct))
            .RequireRegionRoles(ReportingRoles.PhenomenaEdit)
            .WithTags(Tag).WithSummary("Change a phenomenon's title and description.");
        api.MapPost($"{one}/reports", (Guid id, PhenomenonLinkRequest request, PhenomenonRegisterHandler h, CancellationToken ct) =>
                h.LinkAsync(id, request, ct))
            .RequireRegionRoles(ReportingRoles.PhenomenaEdit)
            .WithTags(Tag).WithSummary("Link a report of the region (by its number) to the phenomenon; linking it again changes nothing.");
        api.MapDelete($"{one}/reports/{{number:int}}", (Guid id, int number, PhenomenonRegisterHandler h, CancellationToken ct) =>
                h.UnlinkAsync(id, number, ct))
            .RequireRegionRoles(ReportingRoles.PhenomenaEdit)
            .WithTags(Tag).WithSummary("Remove a report's link to the phenomenon.");
    }
}
