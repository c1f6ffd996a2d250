using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Features.Import;

internal enum ImportRowStatus
{
    New,
    Duplicate,
    Error,
}

internal sealed record ImportRowDto(
    int Row, string? SourceRowId, string Status, DateTimeOffset? ReceivedAt, string? PhenomenonType, string? Title,
    IReadOnlyList<string> Categories, string? ServiceArea, string? Municipality, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

internal sealed record ImportResultDto(string FileName, bool Committed, int NewCount, int DuplicateCount, int ErrorCount, IReadOnlyList<ImportRowDto> Rows, IReadOnlyList<int> ImportedNumbers);

internal static class ImportEndpoints
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/imports/preview", async (HttpRequest request, string? fileName, ImportReportsHandler handler, CancellationToken ct) =>
                await handler.RunAsync(fileName, await ReadBodyAsync(request, handler, ct), commit: false, ct))
            .WithTags("Import").WithSummary("Read a Questback/Webropol export (.csv or .xlsx as the request body) and show what would be imported, row by row. Stores nothing.");
        api.MapPost("/imports", async (HttpRequest request, string? fileName, ImportReportsHandler handler, CancellationToken ct) =>
                await handler.RunAsync(fileName, await ReadBodyAsync(request, handler, ct), commit: true, ct))
            .WithTags("Import").WithSummary("Import the file: all new rows or nothing (400 with every row's errors). Rows imported before are skipped as duplicates.");
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

/// <summary>
/// Maps the exports of the forms the regions use today onto reports. Every row is validated before anything is written;
/// a commit with any row in error writes nothing. A row's identity is a hash of its source row id (or, without one, of its
/// content): a row imported before is skipped and reported as a duplicate, so importing the same file twice is harmless.
/// </summary>
internal sealed class ImportReportsHandler(ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, ReportNumbering numbering)
{
    public static readonly RegionRole[] ImportRoles = [RegionRole.ResponsiblePerson, RegionRole.RegionAdmin];
    public const int MaxRows = 5000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["vastaustunnus"] = "id",
        ["vastauksen tunnus"] = "id",
        ["id"] = "id",
        ["response id"] = "id",
        ["respondent id"] = "id",
        ["tunniste"] = "id",
        ["svar-id"] = "id",
        ["vastausaika"] = "date",
        ["aika"] = "date",
        ["päivämäärä"] = "date",
        ["pvm"] = "date",
        ["lähetetty"] = "date",
        ["date"] = "date",
        ["submitted"] = "date",
        ["timestamp"] = "date",
        ["tidpunkt"] = "date",
        ["datum"] = "date",
        ["ilmiön tyyppi"] = "type",
        ["tyyppi"] = "type",
        ["type"] = "type",
        ["phenomenon type"] = "type",
        ["typ"] = "type",
        ["otsikko"] = "title",
        ["ilmiö"] = "title",
        ["title"] = "title",
        ["rubrik"] = "title",
        ["kuvaus"] = "description",
        ["ilmiön kuvaus"] = "description",
        ["description"] = "description",
        ["beskrivning"] = "description",
        ["ratkaisuehdotus"] = "proposal",
        ["toimenpide-ehdotus"] = "proposal",
        ["ehdotus"] = "proposal",
        ["proposal"] = "proposal",
        ["förslag"] = "proposal",
        ["mitä on jo kokeiltu"] = "tried",
        ["kokeiltu"] = "tried",
        ["tried already"] = "tried",
        ["luokka"] = "categories",
        ["luokat"] = "categories",
        ["aihealue"] = "categories",
        ["category"] = "categories",
        ["categories"] = "categories",
        ["kategori"] = "categories",
        ["palvelualue"] = "serviceArea",
        ["service area"] = "serviceArea",
        ["serviceområde"] = "serviceArea",
        ["kunta"] = "municipality",
        ["municipality"] = "municipality",
        ["kommun"] = "municipality",
        ["kohderyhmä"] = "targetGroup",
        ["target group"] = "targetGroup",
        ["målgrupp"] = "targetGroup",
    };

    private static readonly string[] Required = ["date", "type", "title", "description", "proposal", "categories", "serviceArea", "municipality"];

    private static readonly string[] DateFormats =
        ["d.M.yyyy H:mm:ss", "d.M.yyyy H:mm", "d.M.yyyy H.mm.ss", "d.M.yyyy H.mm", "d.M.yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    public void TooLarge() => throw new ValidationException(new Dictionary<string, string[]> { ["file"] = [texts.Get("reporting.import.tooLarge", ImportEndpoints.MaxBytes / 1024 / 1024)] });

    public async Task<ImportResultDto> RunAsync(string? fileName, byte[] content, bool commit, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.import.forbidden"], ImportRoles);
        var name = string.IsNullOrWhiteSpace(fileName) ? "import" : Path.GetFileName(fileName.Trim());
        name = name.Length > 260 ? name[..260] : name;
        if (content.Length == 0)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["file"] = [texts["reporting.import.empty"]] });
        }
        List<List<RawCell>> table;
        try
        {
            table = TableReader.Read(content);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["file"] = [texts.Get("reporting.import.unreadable", ex.Message)] });
        }
        table = table.Where(r => r.Any(c => c.Text.Trim().Length > 0)).ToList();
        if (table.Count < 2)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["file"] = [texts["reporting.import.noRows"]] });
        }
        if (table.Count - 1 > MaxRows)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["file"] = [texts.Get("reporting.import.tooManyRows", MaxRows)] });
        }
        var header = table[0].Select(c => Columns.GetValueOrDefault(c.Text.Trim())).ToList();
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["file"] = [texts.Get("reporting.import.missingColumns", string.Join(", ", missing), string.Join(", ", Columns.Keys))],
            });
        }

        var terms = await db.Terms.AsNoTracking().ToListAsync(ct);
        var parsed = new List<(ImportRowDto Dto, SocialReport? Report, string Hash)>();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < table.Count; i++)
        {
            parsed.Add(ParseRow(i + 1, header, table[i], terms));
        }
        var allHashes = parsed.Select(p => p.Hash).ToList();
        var known = (await db.ImportedRows.AsNoTracking().Where(r => allHashes.Contains(r.ContentHash)).Select(r => r.ContentHash).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < parsed.Count; i++)
        {
            var (dto, report, hash) = parsed[i];
            if (dto.Status == nameof(ImportRowStatus.New) && (known.Contains(hash) || !hashes.Add(hash)))
            {
                parsed[i] = (dto with { Status = nameof(ImportRowStatus.Duplicate) }, null, hash);
            }
        }
        var rows = parsed.Select(p => p.Dto).ToList();
        var errorRows = rows.Where(r => r.Status == nameof(ImportRowStatus.Error)).ToList();
        var newRows = parsed.Where(p => p.Report is not null && p.Dto.Status == nameof(ImportRowStatus.New)).ToList();
        if (!commit)
        {
            return new ImportResultDto(name, false, newRows.Count, rows.Count(r => r.Status == nameof(ImportRowStatus.Duplicate)), errorRows.Count, rows, []);
        }
        if (errorRows.Count > 0)
        {
            throw new ValidationException(
                errorRows.ToDictionary(r => texts.Get("reporting.import.rowKey", r.Row), r => r.Errors.ToArray()),
                texts.Get("reporting.import.nothingImported", errorRows.Count));
        }

        var numbers = new List<int>();
        if (newRows.Count > 0)
        {
            var region = actor.RequireRegion();
            using var turn = await numbering.TakeTurnAsync(region, ct);
            var next = (await db.Reports.MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
            var now = clock.GetUtcNow();
            foreach (var (dto, report, hash) in newRows.OrderBy(r => r.Report!.ReceivedAt).ThenBy(r => r.Dto.Row))
            {
                report!.Number = next++;
                report.Timeline[0].Comment = texts.Get("reporting.import.timeline", name, dto.Row);
                db.Reports.Add(report);
                db.ImportedRows.Add(new ImportedRow
                {
                    Id = Guid.CreateVersion7(now),
                    ContentHash = hash,
                    SourceRowId = dto.SourceRowId,
                    FileName = name,
                    ReportId = report.Id,
                    ImportedAt = now,
                    ImportedBy = actor.UserName ?? "",
                });
                numbers.Add(report.Number);
            }
            // One SaveChanges, one transaction: either every new row is stored, or (on any failure) none is.
            await db.SaveChangesAsync(ct);
        }
        return new ImportResultDto(name, true, numbers.Count, rows.Count(r => r.Status == nameof(ImportRowStatus.Duplicate)), 0, rows, numbers);
    }

    private (ImportRowDto, SocialReport?, string) ParseRow(int rowNumber, List<string?> header, List<RawCell> cells, List<TaxonomyTerm> terms)
    {
        var errors = new List<string>();
        RawCell? Cell(string key)
        {
            var index = header.IndexOf(key);
            return index >= 0 && index < cells.Count ? cells[index] : null;
        }
        string? Text(string key, int max, bool required)
        {
            var value = Cell(key)?.Text.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    errors.Add($"{Label(key)}: {texts["validation.required"]}");
                }

                return null;
            }
            if (value.Length > max)
            {
                errors.Add($"{Label(key)}: {texts.Get("validation.tooLong", max, value.Length)}");
            }
            return value;
        }
        string? Term(string key, TermKind kind, bool required)
        {
            var value = Text(key, SocialReport.CodeMax * 2, required);
            if (value is null)
            {
                return null;
            }

            var term = Match(terms, kind, value);
            if (term is null)
            {
                errors.Add($"{Label(key)}: {texts.Get("validation.unknownValue", value, string.Join(", ", terms.Where(t => t.Kind == kind).Select(t => t.Code)))}");
            }

            return term?.Code;
        }

        var sourceId = Text("id", 100, required: false);
        var receivedAt = ParseDate(Cell("date"), errors);
        var typeText = Text("type", 40, required: true);
        var type = typeText is null ? (PhenomenonType?)null : ParseType(typeText);
        if (typeText is not null && type is null)
        {
            errors.Add($"{Label("type")}: {texts.Get("validation.unknownValue", typeText, "Negative, Positive, Other, kielteinen, myönteinen, muu")}");
        }
        var title = Text("title", SocialReport.TitleMax, true);
        var description = Text("description", SocialReport.DescriptionMax, true);
        var proposal = Text("proposal", SocialReport.ProposalMax, true);
        var tried = Text("tried", SocialReport.TriedAlreadyMax, false);
        var categoryText = Text("categories", 2000, true);
        var categories = new List<string>();
        foreach (var part in (categoryText ?? "").Split([';', ',', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var term = Match(terms, TermKind.Category, part);
            if (term is null)
            {
                errors.Add($"{Label("categories")}: {texts.Get("validation.unknownValue", part, string.Join(", ", terms.Where(t => t.Kind == TermKind.Category).Select(t => t.Code)))}");
            }
            else if (!categories.Contains(term.Code))
            {
                categories.Add(term.Code);
            }
        }
        var serviceArea = Term("serviceArea", TermKind.ServiceArea, true);
        var municipality = Term("municipality", TermKind.Municipality, true);
        var targetGroup = Term("targetGroup", TermKind.TargetGroup, false);
        if (receivedAt is { } at && at > clock.GetUtcNow())
        {
            errors.Add($"{Label("date")}: {texts["reporting.import.future"]}");
        }

        var findings = PiiGuard.Scan([("title", title), ("description", description), ("proposal", proposal), ("triedAlready", tried)]);
        foreach (var f in findings.Where(f => f.Kind == PiiKind.PersonalIdentityCode))
        {
            errors.Add($"{Label(f.Field == "triedAlready" ? "tried" : f.Field)}: {texts["reporting.import.identityCode"]}");
        }
        var warnings = findings.Where(f => f.Kind != PiiKind.PersonalIdentityCode)
            .Select(f => $"{Label(f.Field == "triedAlready" ? "tried" : f.Field)}: {texts.Get("reporting.import.identifying", f.Excerpt)}").ToList();

        var hash = Hash(sourceId, header, cells);
        if (errors.Count > 0)
        {
            return (new ImportRowDto(rowNumber, sourceId, nameof(ImportRowStatus.Error), receivedAt, type?.ToString(), title, categories, serviceArea, municipality, errors, warnings), null, hash);
        }
        var id = Guid.CreateVersion7(receivedAt!.Value);
        var report = new SocialReport
        {
            Id = id,
            ReceivedAt = receivedAt.Value,
            ReporterId = actor.UserId ?? Guid.Empty,
            ReporterUserName = actor.UserName ?? "",
            ReporterName = texts["reporting.import.reporterName"],
            PhenomenonType = type!.Value,
            Title = title!,
            Description = description!,
            Proposal = proposal!,
            TriedAlready = tried,
            ServiceArea = serviceArea!,
            Municipality = municipality!,
            TargetGroup = targetGroup ?? "",
            SupervisorId = Guid.Empty,
            SupervisorUserName = "",
            SupervisorName = "",
            Language = "fi",
            // Rows from the old forms were handled outside this system; they count in the figures but wait in no inbox.
            Status = ReportStatus.Closed,
            WarningsConfirmed = warnings.Count > 0,
            Categories = categories.Select(c => new ReportCategory { Code = c }).ToList(),
            Timeline = [new TimelineEntry { Id = Guid.CreateVersion7(receivedAt.Value), At = receivedAt.Value, Status = ReportStatus.Closed, Actor = actor.UserName ?? "" }],
        };
        return (new ImportRowDto(rowNumber, sourceId, nameof(ImportRowStatus.New), receivedAt, type.ToString(), title, categories, serviceArea, municipality, [], warnings), report, hash);
    }

    private DateTimeOffset? ParseDate(RawCell? cell, List<string> errors)
    {
        if (cell is not { } c || c.Text.Trim().Length == 0)
        {
            errors.Add($"{Label("date")}: {texts["validation.required"]}");
            return null;
        }
        DateTime local;
        if (c.Number is { } oa && oa is > 20000 and < 80000)
        {
            local = DateTime.FromOADate(oa);
        }
        else if (!DateTime.TryParseExact(c.Text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            errors.Add($"{Label("date")}: {texts.Get("reporting.import.badDate", c.Text.Trim())}");
            return null;
        }
        // The forms export Finnish local time.
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Helsinki.TimeZone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private static PhenomenonType? ParseType(string text) => text.Trim().ToLowerInvariant() switch
    {
        "negative" or "kielteinen" or "negatiivinen" or "negativ" or "epäkohta" => PhenomenonType.Negative,
        "positive" or "myönteinen" or "positiivinen" or "positiv" or "hyvä käytäntö" => PhenomenonType.Positive,
        "other" or "muu" or "annan" => PhenomenonType.Other,
        _ => null,
    };

    private static TaxonomyTerm? Match(List<TaxonomyTerm> terms, TermKind kind, string value) =>
        terms.FirstOrDefault(t => t.Kind == kind && (string.Equals(t.Code, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.NameFi, value, StringComparison.OrdinalIgnoreCase) || string.Equals(t.NameSv, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.NameEn, value, StringComparison.OrdinalIgnoreCase)));

    private string Label(string key) => texts[$"reporting.import.column.{key}"];

    /// <summary>The source row id identifies a row when the form gives one; otherwise its whole content does.</summary>
    internal static string Hash(string? sourceId, List<string?> header, List<RawCell> cells)
    {
        var text = sourceId is not null
            ? $"id\u001f{sourceId}"
            : string.Join("\u001e", header.Select((h, i) => h is null ? null : $"{h}\u001f{(i < cells.Count ? cells[i].Text.Trim() : "")}").Where(x => x is not null).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
