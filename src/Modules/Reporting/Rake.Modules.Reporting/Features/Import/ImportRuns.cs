namespace Rake.Modules.Reporting.Features.Import;

/// <summary>
/// One stored import report; <see cref="ReportNumbers"/> are the reports it added, in the order they were numbered, and
/// <see cref="RefusedRows"/> the rows that refused it, each with what is wrong and how to fix it (docs/adr/0184).
/// </summary>
internal sealed record ImportRunDto(
    Guid Id, string FileName, DateTimeOffset ImportedAt, string ImportedBy, string Outcome, int RowCount, int NewCount,
    int DuplicateCount, int ErrorCount, IReadOnlyList<int> ReportNumbers, IReadOnlyList<ImportRefusedRowDto> RefusedRows);

/// <summary>A row of the file (the header is row 1) that refused its import, with every problem found in it.</summary>
internal sealed record ImportRefusedRowDto(int Row, IReadOnlyList<ImportRowReasonDto> Reasons);

/// <summary>
/// One problem of a refused row: the column's key and name, the kind of problem (<c>Required</c>, <c>TooLong</c>,
/// <c>UnknownType</c>, <c>UnknownTerm</c>, <c>BadDate</c>, <c>FutureDate</c>, <c>IdentityCode</c>) and, in the reader's language,
/// what is wrong and how to fix it. It never quotes the cell.
/// </summary>
internal sealed record ImportRowReasonDto(string Column, string ColumnName, string Problem, string Text);

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
internal sealed class ImportRunsHandler(ReportingDbContext db, TextCatalog texts)
{
    public async Task<PagedResult<ImportRunDto>> PageAsync(ImportRunQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        var runs = db.ImportRuns.AsNoTracking();
        var total = await runs.CountAsync(ct);
        var rows = await runs.OrderByDescending(r => r.ImportedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        // The values a term column accepts are read now: the region may have added the missing one since.
        var terms = rows.Any(r => r.RowProblems.Any(p => p.Problem == ImportProblem.UnknownTerm))
            ? await db.Terms.AsNoTracking().ToListAsync(ct)
            : [];
        var items = rows.Select(r => new ImportRunDto(r.Id, r.FileName, r.ImportedAt, r.ImportedBy, r.Outcome.ToString(), r.RowCount,
                r.NewCount, r.DuplicateCount, r.ErrorCount,
                r.FirstNumber is { } first ? Enumerable.Range(first, r.NewCount).ToList() : [],
                r.RowProblems.GroupBy(p => p.Row).OrderBy(g => g.Key)
                    .Select(g => new ImportRefusedRowDto(g.Key, g.Select(p => Reason(p, terms)).ToList())).ToList()))
            .ToList();
        return new PagedResult<ImportRunDto>(items, total, page, pageSize);
    }

    private static readonly Dictionary<string, TermKind> TermColumns = new(StringComparer.Ordinal)
    {
        ["categories"] = TermKind.Category,
        ["serviceArea"] = TermKind.ServiceArea,
        ["municipality"] = TermKind.Municipality,
        ["targetGroup"] = TermKind.TargetGroup,
    };

    private ImportRowReasonDto Reason(ImportRowProblem problem, List<TaxonomyTerm> terms)
    {
        var column = texts[$"reporting.import.column.{problem.Column}"];
        object detail = problem.Problem switch
        {
            ImportProblem.TooLong => problem.Limit ?? 0,
            ImportProblem.UnknownTerm when TermColumns.TryGetValue(problem.Column, out var kind) =>
                string.Join(", ", terms.Where(t => t.Kind == kind).Select(t => t.Code).Order(StringComparer.Ordinal)),
            _ => "",
        };
        return new ImportRowReasonDto(problem.Column, column, problem.Problem.ToString(),
            texts.Get($"importRuns.problem.{problem.Problem}", column, detail));
    }
}
