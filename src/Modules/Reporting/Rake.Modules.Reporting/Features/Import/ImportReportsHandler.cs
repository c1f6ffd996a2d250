using System.Globalization;

namespace Rake.Modules.Reporting.Features.Import;

/// <summary>
/// Maps the exports of the forms the regions use today onto reports. Every row is validated before anything is written;
/// a commit with any row in error writes nothing. A row's identity is a hash of its source row id (or, without one, of its
/// content): a row imported before is skipped and reported as a duplicate, so importing the same file twice is harmless.
/// </summary>
internal sealed partial class ImportReportsHandler(
    ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock)
{
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

    private static readonly string[] Required = ["date", "type", "title", "description", "proposal", "categories", "serviceArea",
        "municipality"];

    private static readonly string[] DateFormats =
        ["d.M.yyyy H:mm:ss", "d.M.yyyy H:mm", "d.M.yyyy H.mm.ss", "d.M.yyyy H.mm", "d.M.yyyy", "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    public void TooLarge() =>
        throw new ValidationException(new Dictionary<string, string[]>
        {
            ["file"] = [texts.Get("reporting.import.tooLarge",
        ImportEndpoints.MaxBytes / 1024 / 1024)]
        });

    public async Task<ImportResultDto> RunAsync(string? fileName, byte[] content, bool commit, CancellationToken ct)
    {
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
        catch (Exception ex) when (ex is FormatException or InvalidDataException
                                       or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["file"] = [texts.Get("reporting.import.unreadable",
                ex.Message)]
            });
        }
        table = table.Where(r => r.Any(c => c.Text.Trim().Length > 0)).ToList();
        if (table.Count < 2)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["file"] = [texts["reporting.import.noRows"]] });
        }
        if (table.Count - 1 > MaxRows)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["file"] = [texts.Get("reporting.import.tooManyRows",
                MaxRows)]
            });
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
        var parsed = new List<(ImportRowDto Dto, SocialReport? Report, string Hash, List<ImportRowProblem> Problems)>();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < table.Count; i++)
        {
            parsed.Add(ParseRow(i + 1, header, table[i], terms));
        }
        var allHashes = parsed.Select(p => p.Hash).ToList();
        var known = (await db.ImportedRows.AsNoTracking().Where(r => allHashes.Contains(r.ContentHash)).Select(r => r.ContentHash)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < parsed.Count; i++)
        {
            var (dto, report, hash, problems) = parsed[i];
            if (dto.Status == nameof(ImportRowStatus.New) && (known.Contains(hash) || !hashes.Add(hash)))
            {
                parsed[i] = (dto with { Status = nameof(ImportRowStatus.Duplicate) }, null, hash, problems);
            }
        }
        var rows = parsed.Select(p => p.Dto).ToList();
        var errorRows = rows.Where(r => r.Status == nameof(ImportRowStatus.Error)).ToList();
        var newRows = parsed.Where(p => p.Report is not null && p.Dto.Status == nameof(ImportRowStatus.New)).ToList();
        if (!commit)
        {
            return new ImportResultDto(name, false, newRows.Count, rows.Count(r => r.Status == nameof(ImportRowStatus.Duplicate)),
                errorRows.Count, rows, []);
        }
        var duplicates = rows.Count(r => r.Status == nameof(ImportRowStatus.Duplicate));
        if (errorRows.Count > 0)
        {
            // The refusal is kept in the import reports with each bad row's problems; no report and no ledger row is written.
            var refused = Run(name, ImportOutcome.Refused, rows.Count, 0, duplicates, errorRows.Count, null);
            refused.RowProblems = parsed.SelectMany(p => p.Problems).ToList();
            db.ImportRuns.Add(refused);
            await db.SaveChangesAsync(ct);
            throw new ValidationException(
                errorRows.ToDictionary(r => texts.Get("reporting.import.rowKey", r.Row), r => r.Errors.ToArray()),
                texts.Get("reporting.import.nothingImported", errorRows.Count));
        }

        var numbers = new List<int>();
        if (newRows.Count > 0)
        {
            var now = clock.GetUtcNow();
            var ordered = newRows.OrderBy(r => r.Report!.ReceivedAt).ThenBy(r => r.Dto.Row).ToList();
            // One transaction with the numbers taken: either every new row is stored, or (on any failure) none is.
            await db.SaveNumberedAsync(ordered.Count, first =>
            {
                numbers.Clear();
                var next = first;
                foreach (var (dto, report, hash, _) in ordered)
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
                // In the same transaction as the reports: an import report never names reports that were not stored.
                db.ImportRuns.Add(Run(name, ImportOutcome.Imported, rows.Count, ordered.Count, duplicates, 0, first));
            }, ct);
        }
        else
        {
            db.ImportRuns.Add(Run(name, ImportOutcome.Imported, rows.Count, 0, duplicates, 0, null));
            await db.SaveChangesAsync(ct);
        }
        return new ImportResultDto(name, true, numbers.Count, duplicates, 0, rows, numbers);
    }

    private ImportRun Run(string fileName, ImportOutcome outcome, int rows, int added, int duplicates, int errors, int? first)
    {
        var now = clock.GetUtcNow();
        return new ImportRun
        {
            Id = Guid.CreateVersion7(now),
            FileName = fileName,
            ImportedAt = now,
            ImportedBy = actor.UserName ?? "",
            Outcome = outcome,
            RowCount = rows,
            NewCount = added,
            DuplicateCount = duplicates,
            ErrorCount = errors,
            FirstNumber = first,
        };
    }
}
