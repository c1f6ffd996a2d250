using System.Globalization;
using Rake.BuildingBlocks.Export;
using Rake.Modules.Reporting.Features.Documents;
using Rake.Modules.Reporting.Features.Periods;

namespace Rake.Modules.Reporting.Features.Compilations;

internal sealed record ComparedCountDto(string Key, string Name, int Count, int Previous);

internal sealed record CompilationNoteDto(Guid Id, string Kind, int? ReportNumber, string Text, string? ResponsiblePerson,
    string Author, DateTimeOffset At);

internal sealed record CompiledPhenomenonDto(
    int Number, DateTimeOffset ReceivedAt, string PhenomenonType, string Title, string Proposal, string ServiceArea, string Municipality,
    IReadOnlyList<CompilationNoteDto> Notes);

internal sealed record CompilationDto(
    PeriodDto Period, PeriodDto PreviousPeriod, int Total, int PreviousTotal,
    IReadOnlyList<ComparedCountDto> ByType, IReadOnlyList<ComparedCountDto> ByCategory,
    IReadOnlyList<ComparedCountDto> ByServiceArea, IReadOnlyList<ComparedCountDto> ByMunicipality,
    IReadOnlyList<CompiledPhenomenonDto> Phenomena, IReadOnlyList<CompilationNoteDto> Notes);

internal sealed record AddCompilationNoteRequest(string? Kind, [ScreenedText] string? Text, int? ReportNumber, string? ResponsiblePerson);

/// <summary>A note with the period of its route: what the validator checks and the handler stores.</summary>
internal sealed record AddCompilationNote(
    string PeriodId, string? Kind, [ScreenedText] string? Text, int? ReportNumber, string? ResponsiblePerson);

internal static class CompilationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Compilations";
        api.MapGet("/compilations/{periodId}", (string periodId, CompilationHandler handler, CancellationToken ct) =>
                handler.BuildAsync(periodId, ct))
            .RequireRegionRoles(ReportingRoles.Summary)
            .WithTags(tag).WithSummary("A period's compilation (half-year or quarter-cumulative): counts compared with the previous "
                + "period, phenomena with proposals, comments and decisions.");
        api.MapGet("/compilations/{periodId}/compilation.docx",
                async (string periodId, CompilationHandler handler, IRegionAccess regions, IRequestContext actor, TextCatalog texts,
                        CancellationToken ct) =>
                    FileDownload.File(DocxWriter.Write(await handler.DocumentAsync(periodId, ct)), DocxWriter.ContentType,
                        $"{regions.NameOf(actor.RequireRegion())} – {texts.Get("reporting.file.compilation", periodId)}.docx"))
            .RequireRegionRoles(ReportingRoles.Summary)
            .WithTags(tag).WithSummary("The compilation as a Word document.");
        api.MapGet("/compilations/{periodId}/compilation.html", async (string periodId, CompilationHandler handler, CancellationToken ct) =>
                Results.Content(HtmlWriter.Write(await handler.DocumentAsync(periodId, ct)), "text/html; charset=utf-8"))
            .RequireRegionRoles(ReportingRoles.Summary)
            .WithTags(tag).WithSummary("The compilation as an accessible HTML page with charts.");
        api.MapPost("/compilations/{periodId}/notes", async (
                string region, string periodId, AddCompilationNoteRequest request, CompilationHandler handler,
                IRequestContext actor, TextCatalog texts, RequestChecks checks, CancellationToken ct) =>
            {
                var note = new AddCompilationNote(periodId, request.Kind, request.Text, request.ReportNumber, request.ResponsiblePerson);
                // Which note is whose to write depends on its kind: a known kind narrows the endpoint's requirement first.
                if (AddCompilationNoteValidator.KindOrNull(note.Kind) is { } kind)
                {
                    ReportingRoles.CompilationNote(kind).Demand(actor, texts);
                }
                // The period is part of the route, so the note is validated with it, every field at once.
                await checks.ThrowIfInvalidAsync(note, ct);
                var created = await handler.AddNoteAsync(note, ct);
                return Results.Created($"/api/v1/regions/{region}/compilations/{periodId}", created);
            })
            .RequireRegionRoles(ReportingRoles.CompilationNotes)
            .WithTags(tag)
            .WithSummary("Attach a working-group comment or a steering-group decision (optionally about one report) to a compilation.");
    }
}

/// <summary>Compilations are computed from the stored reports on request, like the period summary they build on; only the notes
/// are stored.</summary>
internal sealed class CompilationHandler(
    ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, PeriodSummaryHandler summaries,
    ModuleMapper<ReportingModule> mapper, IRegionAccess regions)
{
    public async Task<CompilationDto> BuildAsync(string periodId, CancellationToken ct)
    {
        var (scheme, period) = await PeriodAsync(periodId, ct);
        var previousPeriod = period.Previous(scheme);
        var current = await summaries.SummarizeAsync(period, ct);
        var previous = await summaries.SummarizeAsync(previousPeriod, ct);
        var terms = await db.Terms.AsNoTracking().ToListAsync(ct);
        var notes = (await db.CompilationNotes.AsNoTracking().Where(n => n.PeriodId == period.Id).ToListAsync(ct))
            .OrderBy(n => n.At).ThenBy(n => n.Id).Select(mapper.Map<CompilationNoteDto>).ToList();
        var language = TextCatalog.CurrentLanguage;
        string TermName(TermKind kind, string code) =>
            terms.FirstOrDefault(t => t.Kind == kind && t.Code == code)?.Name(language) ?? code;

        return new CompilationDto(
            current.Period, previous.Period, current.TotalCount, previous.TotalCount,
            Compare(current.ByType, previous.ByType, k => texts[$"reporting.type.{k}"]),
            Compare(current.ByCategory, previous.ByCategory, k => TermName(TermKind.Category, k)),
            Compare(current.ByServiceArea, previous.ByServiceArea, k => TermName(TermKind.ServiceArea, k)),
            Compare(current.ByMunicipality, previous.ByMunicipality, k => TermName(TermKind.Municipality, k)),
            current.Phenomena.Select(p => new CompiledPhenomenonDto(p.Number, p.ReceivedAt, p.PhenomenonType, p.Title, p.Proposal,
                TermName(TermKind.ServiceArea, p.ServiceArea), TermName(TermKind.Municipality, p.Municipality),
                notes.Where(n => n.ReportNumber == p.Number).ToList())).ToList(),
            notes.Where(n => n.ReportNumber is null || current.Phenomena.All(p => p.Number != n.ReportNumber)).ToList());
    }

    public async Task<ReportDocument> DocumentAsync(string periodId, CancellationToken ct)
    {
        var c = await BuildAsync(periodId, ct);
        var region = regions.NameOf(actor.RequireRegion());
        var current = PeriodLabel(c.Period);
        var previous = PeriodLabel(c.PreviousPeriod);
        var blocks = new List<DocBlock>
        {
            new DocHeading(1, texts["reporting.compilation.keyFigures"]),
            new DocText(texts.Get("reporting.compilation.totals", c.Total, current, c.PreviousTotal, previous)),
        };
        foreach (var (title, counts) in new[]
                 {
                     (texts["reporting.compilation.byType"], c.ByType), (texts["reporting.compilation.byCategory"], c.ByCategory),
                     (texts["reporting.compilation.byServiceArea"], c.ByServiceArea),
                         (texts["reporting.compilation.byMunicipality"], c.ByMunicipality),
                 })
        {
            blocks.Add(new DocHeading(2, title));
            blocks.Add(new DocChart(title, counts.Select(x => new ChartBar(x.Name, x.Count, x.Previous)).ToList(), current, previous));
        }
        blocks.Add(new DocHeading(1, texts["reporting.compilation.phenomena"]));
        foreach (var p in c.Phenomena)
        {
            blocks.Add(new DocHeading(2, $"{p.Number}. {p.Title}"));
            blocks.Add(new DocText($"{texts[$"reporting.type.{p.PhenomenonType}"]} · {p.ServiceArea} · {p.Municipality} · " +
                $"{Helsinki.ToLocalDate(p.ReceivedAt).ToString("d.M.yyyy", CultureInfo.InvariantCulture)}"));
            blocks.Add(new DocText($"{texts["reporting.compilation.proposal"]}: {p.Proposal}"));
            foreach (var n in p.Notes)
            {
                blocks.Add(new DocText(NoteLine(n)));
            }
        }
        if (c.Notes.Count > 0)
        {
            blocks.Add(new DocHeading(1, texts["reporting.compilation.notes"]));
            blocks.AddRange(c.Notes.Select(n => new DocText(NoteLine(n))));
        }
        return new ReportDocument(TextCatalog.CurrentLanguage, texts.Get("reporting.compilation.title", current),
            $"RAKE · {region}", blocks);
    }

    public async Task<CompilationNoteDto> AddNoteAsync(AddCompilationNote request, CancellationToken ct)
    {
        var (_, period) = await PeriodAsync(request.PeriodId, ct);
        var now = clock.GetUtcNow();
        var note = new CompilationNote
        {
            Id = Guid.CreateVersion7(now),
            PeriodId = period.Id,
            Kind = AddCompilationNoteValidator.KindOrNull(request.Kind)!.Value,
            ReportNumber = request.ReportNumber,
            Text = request.Text!.Trim(),
            ResponsiblePerson = string.IsNullOrWhiteSpace(request.ResponsiblePerson) ? null : request.ResponsiblePerson.Trim(),
            Author = actor.UserName ?? "",
            At = now,
        };
        db.CompilationNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return mapper.Map<CompilationNoteDto>(note);
    }

    private string NoteLine(CompilationNoteDto n) =>
        $"{texts[$"reporting.compilation.note.{n.Kind}"]} " +
            $"({Helsinki.ToLocalDate(n.At).ToString("d.M.yyyy", CultureInfo.InvariantCulture)}): {n.Text}" +
        (n.ResponsiblePerson is null ? "" : $" — {texts["reporting.compilation.responsible"]}: {n.ResponsiblePerson}");

    private static string PeriodLabel(PeriodDto p) =>
        $"{p.From.ToString("d.M.yyyy", CultureInfo.InvariantCulture)}–{p.To.ToString("d.M.yyyy", CultureInfo.InvariantCulture)}";

    private async Task<(PeriodScheme, ReportingPeriod)> PeriodAsync(string periodId, CancellationToken ct)
    {
        var scheme = await db.PeriodSchemeAsync(ct);
        var period = ReportingPeriod.Parse(scheme, periodId);
        if (period is null)
        {
            var examples = string.Join(", ", ReportingPeriod.ForYear(scheme, Helsinki.Today(clock).Year).Select(p => p.Id));
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["periodId"] = [texts.Get("reporting.period.unknown",
                periodId, examples)]
            });
        }
        return (scheme, period);
    }

    internal static IReadOnlyList<ComparedCountDto> Compare(IReadOnlyList<CountDto> current, IReadOnlyList<CountDto> previous,
        Func<string, string> name) =>
        current.Select(c => c.Key).Union(previous.Select(p => p.Key))
            .Select(k =>
                new ComparedCountDto(k, name(k), current.FirstOrDefault(c => c.Key == k)?.Count ?? 0,
                previous.FirstOrDefault(p => p.Key == k)?.Count ?? 0))
            .OrderByDescending(x => x.Count).ThenByDescending(x => x.Previous).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
}
