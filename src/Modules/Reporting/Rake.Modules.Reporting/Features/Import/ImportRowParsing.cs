using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rake.Modules.Reporting.Features.Import;

/// <summary>One row of an export: each cell checked like a submission's field, its identity hashed.</summary>
internal sealed partial class ImportReportsHandler
{
    /// <summary>
    /// The row's answer, its report when it has no errors, its identity, and its problems as kept in a refusal's import report
    /// (column and kind only: the answer may quote a cell, the import report never does).
    /// </summary>
    private (ImportRowDto, SocialReport?, string, List<ImportRowProblem>) ParseRow(int rowNumber, List<string?> header,
        List<RawCell> cells, List<TaxonomyTerm> terms)
    {
        var errors = new List<string>();
        var problems = new List<ImportRowProblem>();
        void Problem(string key, ImportProblem problem, string text, int? limit = null)
        {
            errors.Add($"{Label(key)}: {text}");
            problems.Add(new ImportRowProblem(rowNumber, key, problem, limit));
        }
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
                    Problem(key, ImportProblem.Required, texts["validation.required"]);
                }

                return null;
            }
            if (value.Length > max)
            {
                Problem(key, ImportProblem.TooLong, texts.Get("validation.tooLong", max, value.Length), max);
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
                Problem(key, ImportProblem.UnknownTerm, texts.Get("validation.unknownValue", value, Codes(terms, kind)));
            }

            return term?.Code;
        }

        var sourceId = Text("id", 100, required: false);
        var receivedAt = ParseDate(Cell("date"), Problem);
        var typeText = Text("type", 40, required: true);
        var type = typeText is null ? (PhenomenonType?)null : ParseType(typeText);
        if (typeText is not null && type is null)
        {
            Problem("type", ImportProblem.UnknownType,
                texts.Get("validation.unknownValue", typeText, "Negative, Positive, Other, kielteinen, myönteinen, muu"));
        }
        var title = Text("title", SocialReport.TitleMax, true);
        var description = Text("description", SocialReport.DescriptionMax, true);
        var proposal = Text("proposal", SocialReport.ProposalMax, true);
        var tried = Text("tried", SocialReport.TriedAlreadyMax, false);
        var categoryText = Text("categories", 2000, true);
        var categories = new List<string>();
        foreach (var part in (categoryText ?? "")
            .Split([';', ',', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var term = Match(terms, TermKind.Category, part);
            if (term is null)
            {
                Problem("categories", ImportProblem.UnknownTerm,
                    texts.Get("validation.unknownValue", part, Codes(terms, TermKind.Category)));
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
            Problem("date", ImportProblem.FutureDate, texts["reporting.import.future"]);
        }

        var findings = PiiGuard.Scan([("title", title), ("description", description), ("proposal", proposal), ("triedAlready", tried)]);
        foreach (var f in findings.Where(f => f.Kind == PiiKind.PersonalIdentityCode))
        {
            Problem(f.Field == "triedAlready" ? "tried" : f.Field, ImportProblem.IdentityCode, texts["reporting.import.identityCode"]);
        }
        var warnings = findings.Where(f => f.Kind != PiiKind.PersonalIdentityCode)
            .Select(f =>
                $"{Label(f.Field == "triedAlready" ? "tried" : f.Field)}: {texts.Get("reporting.import.identifying", f.Excerpt)}").ToList();

        var hash = Hash(sourceId, header, cells);
        if (errors.Count > 0)
        {
            return (new ImportRowDto(rowNumber, sourceId, nameof(ImportRowStatus.Error), receivedAt, type?.ToString(), title,
                categories, serviceArea, municipality, errors, warnings), null, hash, problems);
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
            Timeline = [new TimelineEntry { Id = Guid.CreateVersion7(receivedAt.Value), At = receivedAt.Value,
                Status = ReportStatus.Closed, Actor = actor.UserName ?? "" }],
        };
        return (new ImportRowDto(rowNumber, sourceId, nameof(ImportRowStatus.New), receivedAt, type.ToString(), title, categories,
            serviceArea, municipality, [], warnings), report, hash, problems);
    }

    private DateTimeOffset? ParseDate(RawCell? cell, Action<string, ImportProblem, string, int?> problem)
    {
        if (cell is not { } c || c.Text.Trim().Length == 0)
        {
            problem("date", ImportProblem.Required, texts["validation.required"], null);
            return null;
        }
        DateTime local;
        if (c.Number is { } oa && oa is > 20000 and < 80000)
        {
            local = DateTime.FromOADate(oa);
        }
        else if (!DateTime.TryParseExact(c.Text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            problem("date", ImportProblem.BadDate, texts.Get("reporting.import.badDate", c.Text.Trim()), null);
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
            || string.Equals(t.NameFi, value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t.NameSv, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.NameEn, value, StringComparison.OrdinalIgnoreCase)));

    private static string Codes(List<TaxonomyTerm> terms, TermKind kind) =>
        string.Join(", ", terms.Where(t => t.Kind == kind).Select(t => t.Code));

    private string Label(string key) => texts[$"reporting.import.column.{key}"];

    /// <summary>The source row id identifies a row when the form gives one; otherwise its whole content does.</summary>
    internal static string Hash(string? sourceId, List<string?> header, List<RawCell> cells)
    {
        var text = sourceId is not null
            ? $"id\u001f{sourceId}"
            : string.Join("\u001e",
                header.Select((h, i) => h is null ? null : $"{h}\u001f{(i < cells.Count ? cells[i].Text.Trim() : "")}")
                .Where(x => x is not null).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
