
namespace Rake.Modules.Reporting.Features.Import;

internal enum ImportRowStatus
{
    New,
    Duplicate,
    Error,
}

internal sealed record ImportRowDto(
    int Row, string? SourceRowId, string Status, DateTimeOffset? ReceivedAt, string? PhenomenonType, string? Title,
    IReadOnlyList<string> Categories, string? ServiceArea, string? Municipality, IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings);

internal sealed record ImportResultDto(
    string FileName, bool Committed, int NewCount, int DuplicateCount, int ErrorCount, IReadOnlyList<ImportRowDto> Rows,
    IReadOnlyList<int> ImportedNumbers);

internal static class ImportEndpoints
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/imports/preview", async (HttpRequest request, string? fileName, ImportReportsHandler handler, CancellationToken ct) =>
                await handler.RunAsync(fileName, await ReadBodyAsync(request, handler, ct), commit: false, ct))
            .RequireRegionRoles(ReportingRoles.Import)
            .WithTags("Import").WithSummary("Read a Questback/Webropol export (.csv or .xlsx as the request body) and show what would be "
                + "imported, row by row. Stores nothing.");
        api.MapPost("/imports", async (HttpRequest request, string? fileName, ImportReportsHandler handler, CancellationToken ct) =>
                await handler.RunAsync(fileName, await ReadBodyAsync(request, handler, ct), commit: true, ct))
            .RequireRegionRoles(ReportingRoles.Import)
            .WithTags("Import").WithSummary("Import the file: all new rows or nothing (400 with every row's errors). Rows imported "
                + "before are skipped as duplicates.");
    }

    /// <summary>The file is the body as is, or the first file of a multipart form (the import page posts one).</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, ImportReportsHandler handler, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            handler.TooLarge();
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.FirstOrDefault();
            if (file is null)
            {
                return [];
            }
            using var fileStream = new MemoryStream();
            await file.CopyToAsync(fileStream, ct);
            return fileStream.ToArray();
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            handler.TooLarge();
        }
        return buffer.ToArray();
    }
}
