namespace Rake.Modules.Reporting.Features.Import;

/// <summary>One stored import report; <see cref="ReportNumbers"/> are the reports it added, in the order they were numbered.</summary>
internal sealed record ImportRunDto(
    Guid Id, string FileName, DateTimeOffset ImportedAt, string ImportedBy, string Outcome, int RowCount, int NewCount,
    int DuplicateCount, int ErrorCount, IReadOnlyList<int> ReportNumbers);

internal sealed record ImportRunQuery(int? Page, int? PageSize);

internal sealed class ImportRunQueryValidator : RequestValidator<ImportRunQuery>
{
    public ImportRunQueryValidator(TextCatalog texts) : base(texts) => Paging(q => q.Page, q => q.PageSize);
}

internal static class ImportRunEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/imports", ([AsParameters] ImportRunQuery query, ImportRunsHandler h, CancellationToken ct) => h.PageAsync(query, ct))
            .RequireRegionRoles(ReportingRoles.Import)
            .WithTags("Import")
            .WithSummary("The region's import reports, newest first: who imported which file and when, rows added, skipped as "
                + "imported before, and refused (a refused import added nothing).");
}

/// <summary>The region's import reports a page at a time, newest first, paged in the database.</summary>
internal sealed class ImportRunsHandler(ReportingDbContext db)
{
    public async Task<PagedResult<ImportRunDto>> PageAsync(ImportRunQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        var runs = db.ImportRuns.AsNoTracking();
        var total = await runs.CountAsync(ct);
        var rows = await runs.OrderByDescending(r => r.ImportedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(r => new ImportRunDto(r.Id, r.FileName, r.ImportedAt, r.ImportedBy, r.Outcome.ToString(), r.RowCount,
                r.NewCount, r.DuplicateCount, r.ErrorCount,
                r.FirstNumber is { } first ? Enumerable.Range(first, r.NewCount).ToList() : []))
            .ToList();
        return new PagedResult<ImportRunDto>(items, total, page, pageSize);
    }
}
