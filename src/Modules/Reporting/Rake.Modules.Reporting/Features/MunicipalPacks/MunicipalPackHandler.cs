using System.Globalization;
using Rake.Modules.Reporting.Features.PhenomenonRegister;
using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.Reporting.Features.MunicipalPacks;

/// <summary>
/// Builds a municipality's pack from the region's own rows (the context's region filter) and asks the working group, through its
/// contract, who is nominated where and what was proposed to the municipality (docs/adr/0171).
/// </summary>
internal sealed class MunicipalPackHandler(
    ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, IMunicipalGroupsApi groups,
    IRegionAccess regions)
{
    private static readonly StringComparer Finnish = StringComparer.Create(CultureInfo.GetCultureInfo("fi-FI"), ignoreCase: true);

    public async Task<PackListDto> ListAsync(string periodId, CancellationToken ct)
    {
        var (_, period) = await PeriodAsync(periodId, ct);
        var terms = await db.Terms.AsNoTracking().Where(t => t.Kind == TermKind.Municipality).ToListAsync(ct);
        var visible = MunicipalPackRules.EveryMunicipality.Any(actor.IsInRole)
            ? terms
            : await NominatedAsync(terms, ct);
        if (visible.Count == 0)
        {
            throw new ForbiddenException(texts["reporting.pack.forbidden"]);
        }
        var (start, end) = Span(period.From, period.To);
        var counts = (await db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= start && r.ReceivedAt < end)
                .Select(r => r.Municipality).ToListAsync(ct))
            .GroupBy(m => m, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var responses = (await db.MunicipalResponses.AsNoTracking().Where(r => r.PeriodId == period.Id)
                .Select(r => r.Municipality).ToListAsync(ct))
            .GroupBy(m => m, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var language = TextCatalog.CurrentLanguage;
        return new PackListDto(period.Id, period.From, period.To, visible
            .Select(t => new PackListItemDto(t.Code, t.Name(language), counts.GetValueOrDefault(t.Code),
                responses.GetValueOrDefault(t.Code)))
            .OrderBy(i => i.Name, Finnish).ToList());
    }

    public async Task<MunicipalPackDto> GetAsync(string periodId, string municipality, CancellationToken ct)
    {
        var (scheme, period) = await PeriodAsync(periodId, ct);
        var term = await TermAsync(municipality, ct);
        var (canRead, canRespond) = await AccessAsync(term, ct);
        if (!canRead)
        {
            throw new ForbiddenException(texts["reporting.pack.forbidden"]);
        }
        var previous = period.Previous(scheme);
        var current = await ReportsAsync(term.Code, period.From, period.To, ct);
        var before = await ReportsAsync(term.Code, previous.From, previous.To, ct);
        var terms = await db.Terms.AsNoTracking().Where(t => t.Kind != TermKind.Municipality).ToListAsync(ct);
        var language = TextCatalog.CurrentLanguage;
        string Name(TermKind kind, string code) => terms.FirstOrDefault(t => t.Kind == kind && t.Code == code)?.Name(language) ?? code;
        var ids = current.Select(r => r.Id).ToList();
        return new MunicipalPackDto(period.Id, period.From, period.To, previous.Id, term.Code, term.Name(language),
            regions.NameOf(actor.RequireRegion()), current.Count, before.Count,
            Compare(current.Select(r => r.ServiceArea), before.Select(r => r.ServiceArea), k => Name(TermKind.ServiceArea, k)),
            Compare(current.SelectMany(r => r.Categories), before.SelectMany(r => r.Categories), k => Name(TermKind.Category, k)),
            await PhenomenaAsync(scheme, term.Code, ids, ct), await DecisionsAsync(period.Id, current, ct),
            await ProposalsAsync(term, period, ct), await ResponsesAsync(period.Id, term.Code, ct), canRespond, Helsinki.Today(clock));
    }

    public async Task<PackResponseDto> RespondAsync(string periodId, string municipality, MunicipalResponseRequest request,
        CancellationToken ct)
    {
        var (_, period) = await PeriodAsync(periodId, ct);
        var term = await TermAsync(municipality, ct);
        var (canRead, canRespond) = await AccessAsync(term, ct);
        if (!canRespond)
        {
            throw new ForbiddenException(texts[canRead ? "reporting.pack.respondForbidden" : "reporting.pack.forbidden"]);
        }
        var now = clock.GetUtcNow();
        var response = new MunicipalResponse
        {
            Id = Guid.CreateVersion7(now),
            PeriodId = period.Id,
            Municipality = term.Code,
            Text = request.Text!.Trim(),
            HandledOn = request.HandledOn!.Value,
            RecordedBy = actor.UserName ?? "",
            RecordedAt = now,
        };
        db.MunicipalResponses.Add(response);
        await db.SaveChangesAsync(ct);
        return Dto(response);
    }

    /// <summary>The current main period and the codes of the municipalities whose HYTETU group names the person as member or
    /// deputy, for the menu; none for everyone else, whatever their role.</summary>
    public async Task<(string PeriodId, IReadOnlyList<string> Municipalities)> OwnPacksAsync(CancellationToken ct)
    {
        var terms = await db.Terms.AsNoTracking().Where(t => t.Kind == TermKind.Municipality).ToListAsync(ct);
        var own = (await NominatedAsync(terms, ct)).Select(t => t.Code).Order(StringComparer.Ordinal).ToList();
        if (own.Count == 0)
        {
            return ("", own);
        }
        var scheme = await db.PeriodSchemeAsync(ct);
        return (ReportingPeriod.CurrentFor(scheme, Helsinki.Today(clock)).Id, own);
    }

    /// <summary>Whether the person reads this municipality's pack, and may record what its group did.</summary>
    private async Task<(bool Read, bool Respond)> AccessAsync(TaxonomyTerm term, CancellationToken ct)
    {
        var nominated = (await NominatedAsync([term], ct)).Count > 0;
        return (nominated || MunicipalPackRules.EveryMunicipality.Any(actor.IsInRole),
            nominated || MunicipalPackRules.RecordForAny.Any(actor.IsInRole));
    }

    /// <summary>The municipalities of <paramref name="terms"/> where the person is the nominated HYTETU member or deputy. A
    /// nomination names its municipality in words, so it is matched to the code and to each language's name.</summary>
    private async Task<List<TaxonomyTerm>> NominatedAsync(IReadOnlyList<TaxonomyTerm> terms, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return [];
        }
        var names = await groups.NominatedMunicipalitiesAsync(userId, ct);
        return terms.Where(t => names.Any(n => Names(t, n))).ToList();
    }

    private static bool Names(TaxonomyTerm term, string written)
    {
        var name = written.Trim();
        return new[] { term.Code, term.NameFi, term.NameSv, term.NameEn }.Any(n => n.Length > 0 && Finnish.Equals(n, name));
    }

    private sealed record PackReport(Guid Id, int Number, string ServiceArea, List<string> Categories);

    private async Task<List<PackReport>> ReportsAsync(string municipality, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = Span(from, to);
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.Municipality == municipality && r.ReceivedAt >= start && r.ReceivedAt < end)
            .Select(r => new { r.Id, r.Number, r.ServiceArea }).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var categories = await db.ReportCategories.AsNoTracking().Where(c => ids.Contains(c.ReportId)).ToListAsync(ct);
        return reports.Select(r => new PackReport(r.Id, r.Number, r.ServiceArea,
            categories.Where(c => c.ReportId == r.Id).Select(c => c.Code).ToList())).ToList();
    }

    /// <summary>The register's phenomena with reports from the municipality in the period; the trend looks at all their reports.
    /// </summary>
    private async Task<IReadOnlyList<PackPhenomenonDto>> PhenomenaAsync(
        PeriodScheme scheme, string municipality, List<Guid> reportIds, CancellationToken ct)
    {
        var here = await db.PhenomenonLinks.AsNoTracking().Where(l => reportIds.Contains(l.ReportId)).ToListAsync(ct);
        var phenomenonIds = here.Select(l => l.PhenomenonId).Distinct().ToList();
        var phenomena = await db.Phenomena.AsNoTracking().Where(p => phenomenonIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var linked = await (from l in db.PhenomenonLinks.AsNoTracking()
                            where phenomenonIds.Contains(l.PhenomenonId)
                            join r in db.Reports.AsNoTracking() on l.ReportId equals r.Id
                            select new { l.PhenomenonId, r.ReceivedAt, r.Municipality }).ToListAsync(ct);
        var today = Helsinki.Today(clock);
        return phenomena.Where(p => !StoredTextCheck.AnyIdentityCode(p.Title))
            .Select(p =>
            {
                var trend = PhenomenonTrend.Compute(scheme, today, linked.Where(l => l.PhenomenonId == p.Id)
                    .Select(l => new TrendInput(Helsinki.ToLocalDate(l.ReceivedAt), l.Municipality)).ToList());
                return new PackPhenomenonDto(p.Id, p.Title, here.Count(l => l.PhenomenonId == p.Id), trend.Label.ToString(),
                    trend.RecurringIn.Contains(municipality));
            })
            .OrderByDescending(p => p.Count).ThenBy(p => p.Title, Finnish).ToList();
    }

    /// <summary>
    /// The decisions on the municipality's reports of the period and what they set going, each once however many reports it
    /// concerned; then the steering group's decisions noted on the compilation by hand about one of those reports.
    /// </summary>
    private async Task<IReadOnlyList<PackActionDto>> DecisionsAsync(string periodId, List<PackReport> reports, CancellationToken ct)
    {
        var ids = reports.Select(r => r.Id).ToList();
        var numbers = reports.Select(r => r.Number).ToList();
        var steps = await db.Timeline.AsNoTracking().Where(t => ids.Contains(t.ReportId) && t.Kind != TimelineKind.Status)
            .ToListAsync(ct);
        var actions = steps.Where(t => t.Comment is not null && !StoredTextCheck.AnyIdentityCode(t.Comment, t.Actor))
            .GroupBy(t => (t.Kind, t.Code, t.At, t.Actor, t.Comment, t.SourceId))
            .Select(g => new PackActionDto(g.Key.At, g.Key.Kind.ToString(), g.Key.Code, g.Key.Actor, g.Key.Comment!,
                g.Select(t => t.ReportId).Distinct().Count()))
            .ToList();
        var notes = await db.CompilationNotes.AsNoTracking()
            .Where(n => n.PeriodId == periodId && n.Kind == CompilationNoteKind.SteeringGroupDecision && n.ReportNumber != null
                && numbers.Contains(n.ReportNumber.Value))
            .ToListAsync(ct);
        // A decision recorded at a meeting reaches both the timeline and the compilation's notes: it is shown once.
        actions.AddRange(notes
            .Where(n => !steps.Any(t => t.Kind == TimelineKind.Decision && t.At == n.At)
                && !StoredTextCheck.AnyIdentityCode(n.Text, n.ResponsiblePerson, n.Author))
            .Select(n => new PackActionDto(n.At, nameof(TimelineKind.Decision), null, n.Author,
                n.ResponsiblePerson is null ? n.Text : $"{n.Text} ({n.ResponsiblePerson})", 1)));
        return actions.OrderBy(a => a.At).ThenBy(a => a.Kind, StringComparer.Ordinal).ToList();
    }

    /// <summary>The working group's proposals to the municipality made from the period's start to the end of the following
    /// period, when the period's compilation is decided.</summary>
    private async Task<IReadOnlyList<PackProposalDto>> ProposalsAsync(TaxonomyTerm term, ReportingPeriod period, CancellationToken ct)
    {
        var (start, _) = Span(period.From, period.To);
        var (_, end) = Span(period.From, period.To.AddDays(period.To.DayNumber - period.From.DayNumber + 1));
        return (await groups.MunicipalProposalsAsync(ct))
            .Where(p => Names(term, p.Target) && p.CreatedAt >= start && p.CreatedAt < end
                && !StoredTextCheck.AnyIdentityCode(p.Title, p.Description))
            .Select(p => new PackProposalDto(p.Id, p.Title, p.Description, p.Status, p.CreatedAt))
            .ToList();
    }

    private async Task<IReadOnlyList<PackResponseDto>> ResponsesAsync(string periodId, string municipality, CancellationToken ct) =>
        (await db.MunicipalResponses.AsNoTracking().Where(r => r.PeriodId == periodId && r.Municipality == municipality)
            .ToListAsync(ct))
        .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).Select(Dto).ToList();

    private static PackResponseDto Dto(MunicipalResponse r) => new(r.Id, r.HandledOn, r.Text, r.RecordedBy, r.RecordedAt);

    /// <summary>The region's municipality of that code. A code no term can have (too long, control characters, which PostgreSQL
    /// would refuse as a parameter) is not looked up.</summary>
    private async Task<TaxonomyTerm> TermAsync(string code, CancellationToken ct)
    {
        var term = code.Length <= SocialReport.CodeMax && !code.Any(char.IsControl) && !code.Any(char.IsSurrogate)
            ? await db.Terms.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == TermKind.Municipality && t.Code == code, ct)
            : null;
        return term ?? throw new NotFoundException(texts["reporting.pack.unknownMunicipality"]);
    }

    private async Task<(PeriodScheme, ReportingPeriod)> PeriodAsync(string periodId, CancellationToken ct)
    {
        var scheme = await db.PeriodSchemeAsync(ct);
        if (ReportingPeriod.Parse(scheme, periodId) is { } period)
        {
            return (scheme, period);
        }
        var examples = string.Join(", ", ReportingPeriod.ForYear(scheme, Helsinki.Today(clock).Year).Select(p => p.Id));
        throw new ValidationException(new Dictionary<string, string[]>
        {
            ["periodId"] = [texts.Get("reporting.period.unknown", periodId, examples)],
        });
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Span(DateOnly from, DateOnly to) =>
        (Helsinki.StartOf(from), Helsinki.StartOf(to.AddDays(1)));

    private static IReadOnlyList<PackCountDto> Compare(IEnumerable<string> current, IEnumerable<string> previous, Func<string, string> name)
    {
        var now = current.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var then = previous.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return now.Keys.Union(then.Keys)
            .Select(k => new PackCountDto(k, name(k), now.GetValueOrDefault(k), then.GetValueOrDefault(k)))
            .OrderByDescending(c => c.Count).ThenByDescending(c => c.Previous).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
    }
}
