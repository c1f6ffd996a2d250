using Rake.Modules.Reporting.Features.PhenomenonRegister;

namespace Rake.Modules.Reporting.Features.PhenomenonReports;

/// <summary>
/// The Kymenlaakso flow of a phenomenon-based report. Each step's roles are on its endpoint and its fields in its validator;
/// what stays here is the stage each step is allowed in (409) and who may read a report that is not yet published (404).
/// </summary>
internal sealed class PhenomenonReportHandler(
    ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, ModuleMapper<ReportingModule> mapper,
    PhenomenonRegisterHandler register, PhenomenonWorkflowHandler workflow)
{
    private static readonly PhenomenonReportStage[] LeadSteps =
        [PhenomenonReportStage.Workshop1, PhenomenonReportStage.Workshop2, PhenomenonReportStage.Drafting,
            PhenomenonReportStage.Commenting, PhenomenonReportStage.Deciding];

    public async Task<PhenomenonReportDto> ChooseAsync(ChoosePhenomenonRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The report starts from a register entry (docs/adr/0162): the one named, or a new one of the same title.
        var entry = request.PhenomenonId is { } phenomenonId
            ? await db.Phenomena.FirstAsync(p => p.Id == phenomenonId, ct)
            : db.Phenomena.Add(register.New(request.Title!, request.Description!)).Entity;
        register.RecordCriteria(entry, request.Needs!, request.Topicality!, request.Significance!, request.Recurrence!);
        var related = (request.RelatedReports ?? []).Distinct().Order().ToList();
        await register.LinkNumbersAsync(entry.Id, related, ct);
        var report = new PhenomenonReport
        {
            Id = Guid.CreateVersion7(now),
            PhenomenonId = entry.Id,
            Title = request.Title!.Trim(),
            Description = request.Description!.Trim(),
            Needs = request.Needs!.Trim(),
            Topicality = request.Topicality!.Trim(),
            Significance = request.Significance!.Trim(),
            Recurrence = request.Recurrence!.Trim(),
            RelatedReports = string.Join(",", related),
            Stage = PhenomenonReportStage.Chosen,
            CreatedBy = actor.UserName ?? "",
            CreatedAt = now,
            WorkflowRunId = request.WorkflowRunId,
        };
        db.PhenomenonReports.Add(report);
        await db.SaveChangesAsync(ct);
        await workflow.SyncAsync(report, ct);
        return mapper.Map<PhenomenonReportDto>(report);
    }

    public async Task<IReadOnlyList<PhenomenonReportDto>> ListAsync(CancellationToken ct)
    {
        var all = await db.PhenomenonReports.AsNoTracking().Include(p => p.Entries).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var mayReadDrafts = ReportingRoles.Summary.IsMetBy(actor);
        return mapper.MapAll<PhenomenonReportDto>(all.Where(p => mayReadDrafts || p.Stage == PhenomenonReportStage.Published));
    }

    public async Task<PhenomenonReportDto> GetAsync(Guid id, CancellationToken ct) =>
        mapper.Map<PhenomenonReportDto>(await ReadableAsync(id, ct));

    public async Task<PhenomenonReportDto> AdvanceAsync(Guid id, AdvanceRequest request, CancellationToken ct)
    {
        var to = Enum.Parse<PhenomenonReportStage>(request.Stage!.Trim(), ignoreCase: true);
        var report = await FindAsync(id, ct);
        if (!LeadSteps.Contains(to) || (int)to != (int)report.Stage + 1)
        {
            throw WrongStage(report);
        }
        report.Stage = to;
        await db.SaveChangesAsync(ct);
        await workflow.SyncAsync(report, ct);
        return mapper.Map<PhenomenonReportDto>(report);
    }

    public async Task<PhenomenonReportDto> AddEntryAsync(Guid id, PhenomenonEntryRequest request, CancellationToken ct)
    {
        var report = await FindAsync(id, ct);
        PhenomenonEntryKind kind = report.Stage switch
        {
            PhenomenonReportStage.Workshop1 => PhenomenonEntryKind.Extent,
            PhenomenonReportStage.Workshop2 => PhenomenonEntryKind.ActionProposal,
            PhenomenonReportStage.Commenting => PhenomenonEntryKind.Comment,
            _ => throw WrongStage(report),
        };
        var now = clock.GetUtcNow();
        var entry = new PhenomenonEntry
        {
            Id = Guid.CreateVersion7(now),
            PhenomenonReportId = report.Id,
            Kind = kind,
            Text = request.Text!.Trim(),
            Author = actor.UserName ?? "",
            At = now,
        };
        db.Add(entry);
        report.Entries.Add(entry);
        await db.SaveChangesAsync(ct);
        return mapper.Map<PhenomenonReportDto>(report);
    }

    public async Task<PhenomenonReportDto> SaveDraftAsync(Guid id, PhenomenonDraftRequest request, CancellationToken ct)
    {
        var report = await FindAsync(id, ct);
        if (report.Stage is not (PhenomenonReportStage.Drafting or PhenomenonReportStage.Commenting))
        {
            throw WrongStage(report);
        }
        report.Draft = request.Text!.Trim();
        await db.SaveChangesAsync(ct);
        return mapper.Map<PhenomenonReportDto>(report);
    }

    public async Task<PhenomenonReportDto> DecideAsync(Guid id, PhenomenonDecisionRequest request, CancellationToken ct)
    {
        var report = await FindAsync(id, ct);
        // Straight from the comments too, as before the deciding stage existed: the decision then ends the comments as well.
        if (report.Stage is not (PhenomenonReportStage.Commenting or PhenomenonReportStage.Deciding) || report.Draft.Length == 0)
        {
            throw WrongStage(report);
        }
        report.Decision = request.Text!.Trim();
        report.DecidedBy = actor.UserName;
        report.DecidedAt = clock.GetUtcNow();
        report.Stage = PhenomenonReportStage.Decided;
        await db.SaveChangesAsync(ct);
        await workflow.SyncAsync(report, ct);
        return mapper.Map<PhenomenonReportDto>(report);
    }

    public async Task<PhenomenonReportDto> PublishAsync(Guid id, CancellationToken ct)
    {
        var report = await FindAsync(id, ct);
        if (report.Stage != PhenomenonReportStage.Decided)
        {
            throw WrongStage(report);
        }
        report.Stage = PhenomenonReportStage.Published;
        report.PublishedBy = actor.UserName;
        report.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await workflow.SyncAsync(report, ct);
        return mapper.Map<PhenomenonReportDto>(report);
    }

    private ConflictException WrongStage(PhenomenonReport report) =>
        new(texts.Get("reporting.phenomenon.wrongStage", texts[$"reporting.phenomenon.stage.{report.Stage}"]));

    private async Task<PhenomenonReport> FindAsync(Guid id, CancellationToken ct) =>
        await db.PhenomenonReports.Include(p => p.Entries).FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException(texts["reporting.phenomenon.notFound"]);

    /// <summary>Drafts are for the people who prepare and decide; a published report is for everyone in the region.</summary>
    private async Task<PhenomenonReport> ReadableAsync(Guid id, CancellationToken ct)
    {
        var report = await db.PhenomenonReports.AsNoTracking().Include(p => p.Entries).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (report is null || (report.Stage != PhenomenonReportStage.Published && !ReportingRoles.Summary.IsMetBy(actor)))
        {
            throw new NotFoundException(texts["reporting.phenomenon.notFound"]);
        }
        return report;
    }
}
