using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.Documents;
using Rake.Modules.Reporting.Features.Periods;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Features.PhenomenonReports;

internal sealed record PhenomenonCriteriaDto(string Needs, string Topicality, string Significance, string Recurrence);

internal sealed record PhenomenonEntryDto(Guid Id, string Kind, string Text, string Author, DateTimeOffset At);

internal sealed record PhenomenonReportDto(
    Guid Id, string Title, string Description, PhenomenonCriteriaDto Criteria, IReadOnlyList<int> RelatedReports, string Stage,
    string Draft, IReadOnlyList<PhenomenonEntryDto> Entries, string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? PublishedBy, DateTimeOffset? PublishedAt, string CreatedBy, DateTimeOffset CreatedAt);

internal sealed record ChoosePhenomenonRequest(
    string? Title, string? Description, string? Needs, string? Topicality, string? Significance, string? Recurrence, IReadOnlyList<int>? RelatedReports);

internal sealed record PhenomenonTextRequest(string? Text);

internal sealed record AdvanceRequest(string? Stage);

internal static class PhenomenonReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Phenomenon-based reports";
        const string one = "/phenomenon-reports/{id:guid}";
        api.MapPost("/phenomenon-reports", async (string region, ChoosePhenomenonRequest request, PhenomenonReportHandler handler, CancellationToken ct) =>
            {
                var created = await handler.ChooseAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/phenomenon-reports/{created.Id}", created);
            })
            .WithTags(tag).WithSummary("Choose a phenomenon, recording the criteria: needs, topicality, significance, recurrence.");
        api.MapGet("/phenomenon-reports", (PhenomenonReportHandler handler, CancellationToken ct) => handler.ListAsync(ct)).WithTags(tag);
        api.MapGet(one, (Guid id, PhenomenonReportHandler handler, CancellationToken ct) => handler.GetAsync(id, ct)).WithTags(tag);
        api.MapPost($"{one}/advance", (Guid id, AdvanceRequest request, PhenomenonReportHandler handler, CancellationToken ct) => handler.AdvanceAsync(id, request, ct))
            .WithTags(tag).WithSummary("The responsible person moves the report to its next stage: Workshop1 → Workshop2 → Drafting → Commenting.");
        api.MapPost($"{one}/entries", (Guid id, PhenomenonTextRequest request, PhenomenonReportHandler handler, CancellationToken ct) => handler.AddEntryAsync(id, request, ct))
            .WithTags(tag).WithSummary("Workshop input (round 1: extent in services; round 2: action proposals) or, while commenting, a comment on the draft.");
        api.MapPut($"{one}/draft", (Guid id, PhenomenonTextRequest request, PhenomenonReportHandler handler, CancellationToken ct) => handler.SaveDraftAsync(id, request, ct))
            .WithTags(tag).WithSummary("Write the draft (while drafting or commenting).");
        api.MapPost($"{one}/decision", (Guid id, PhenomenonTextRequest request, PhenomenonReportHandler handler, CancellationToken ct) => handler.DecideAsync(id, request, ct))
            .WithTags(tag).WithSummary("The steering group's decision, after the working group's comments.");
        api.MapPost($"{one}/publish", (Guid id, PhenomenonReportHandler handler, CancellationToken ct) => handler.PublishAsync(id, ct))
            .WithTags(tag).WithSummary("Publish the decided report.");
        api.MapGet($"{one}/report.html", async (Guid id, PhenomenonReportHandler handler, CancellationToken ct) =>
                Results.Content(HtmlWriter.Write(await handler.DocumentAsync(id, ct)), "text/html; charset=utf-8")).WithTags(tag);
        api.MapGet($"{one}/report.docx", async (string region, Guid id, PhenomenonReportHandler handler, CancellationToken ct) =>
                Results.File(DocxWriter.Write(await handler.DocumentAsync(id, ct)), DocxWriter.ContentType, $"rake-{region}-ilmioraportti.docx")).WithTags(tag);
    }
}

/// <summary>The Kymenlaakso flow of a phenomenon-based report; each step is allowed only in its stage and to its role.</summary>
internal sealed class PhenomenonReportHandler(ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock)
{
    public static readonly RegionRole[] LeadRoles = [RegionRole.ResponsiblePerson];
    public static readonly RegionRole[] InputRoles = [RegionRole.WorkingGroupMember, RegionRole.ResponsiblePerson];
    public static readonly RegionRole[] DecideRoles = [RegionRole.SteeringGroupMember];
    public static readonly RegionRole[] PublishRoles = [RegionRole.Communications, RegionRole.ResponsiblePerson];

    private static readonly PhenomenonReportStage[] LeadSteps =
        [PhenomenonReportStage.Workshop1, PhenomenonReportStage.Workshop2, PhenomenonReportStage.Drafting, PhenomenonReportStage.Commenting];

    public async Task<PhenomenonReportDto> ChooseAsync(ChoosePhenomenonRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.phenomenon.forbidden"], LeadRoles);
        var errors = new ValidationErrors(texts);
        var title = errors.Text("title", request.Title, SocialReport.TitleMax);
        var description = errors.Text("description", request.Description, PhenomenonReport.TextMax);
        var needs = errors.Text("needs", request.Needs, PhenomenonReport.TextMax);
        var topicality = errors.Text("topicality", request.Topicality, PhenomenonReport.TextMax);
        var significance = errors.Text("significance", request.Significance, PhenomenonReport.TextMax);
        var recurrence = errors.Text("recurrence", request.Recurrence, PhenomenonReport.TextMax);
        var numbers = (request.RelatedReports ?? []).Distinct().ToList();
        var known = await db.Reports.Where(r => numbers.Contains(r.Number)).Select(r => r.Number).ToListAsync(ct);
        foreach (var missing in numbers.Except(known))
        {
            errors.AddText("relatedReports", "reporting.phenomenon.unknownReport", missing);
        }
        Guard(errors, ("title", title), ("description", description), ("needs", needs), ("topicality", topicality), ("significance", significance), ("recurrence", recurrence));
        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var report = new PhenomenonReport
        {
            Id = Guid.CreateVersion7(now),
            Title = title!,
            Description = description!,
            Needs = needs!,
            Topicality = topicality!,
            Significance = significance!,
            Recurrence = recurrence!,
            RelatedReports = string.Join(",", numbers.Order()),
            Stage = PhenomenonReportStage.Chosen,
            CreatedBy = actor.UserName ?? "",
            CreatedAt = now,
        };
        db.PhenomenonReports.Add(report);
        await db.SaveChangesAsync(ct);
        return ToDto(report);
    }

    public async Task<IReadOnlyList<PhenomenonReportDto>> ListAsync(CancellationToken ct)
    {
        var all = await db.PhenomenonReports.AsNoTracking().Include(p => p.Entries).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var mayReadDrafts = PeriodEndpoints.SummaryRoles.Any(actor.IsInRole);
        return all.Where(p => mayReadDrafts || p.Stage == PhenomenonReportStage.Published).Select(ToDto).ToList();
    }

    public async Task<PhenomenonReportDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await ReadableAsync(id, ct));

    public async Task<PhenomenonReportDto> AdvanceAsync(Guid id, AdvanceRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.phenomenon.forbidden"], LeadRoles);
        var errors = new ValidationErrors(texts);
        var to = SubmitReport.SubmitReportHandler.ParseEnum<PhenomenonReportStage>(errors, "stage", request.Stage);
        errors.ThrowIfAny();
        var report = await FindAsync(id, ct);
        if (!LeadSteps.Contains(to!.Value) || (int)to.Value != (int)report.Stage + 1)
        {
            throw new ConflictException(texts.Get("reporting.phenomenon.wrongStage", texts[$"reporting.phenomenon.stage.{report.Stage}"]));
        }
        report.Stage = to.Value;
        await db.SaveChangesAsync(ct);
        return ToDto(report);
    }

    public async Task<PhenomenonReportDto> AddEntryAsync(Guid id, PhenomenonTextRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.phenomenon.inputForbidden"], InputRoles);
        var report = await FindAsync(id, ct);
        PhenomenonEntryKind kind = report.Stage switch
        {
            PhenomenonReportStage.Workshop1 => PhenomenonEntryKind.Extent,
            PhenomenonReportStage.Workshop2 => PhenomenonEntryKind.ActionProposal,
            PhenomenonReportStage.Commenting => PhenomenonEntryKind.Comment,
            _ => throw new ConflictException(texts.Get("reporting.phenomenon.wrongStage", texts[$"reporting.phenomenon.stage.{report.Stage}"])),
        };
        var errors = new ValidationErrors(texts);
        var text = errors.Text("text", request.Text, PhenomenonReport.TextMax);
        Guard(errors, ("text", text));
        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var entry = new PhenomenonEntry { Id = Guid.CreateVersion7(now), PhenomenonReportId = report.Id, Kind = kind, Text = text!, Author = actor.UserName ?? "", At = now };
        db.Add(entry);
        report.Entries.Add(entry);
        await db.SaveChangesAsync(ct);
        return ToDto(report);
    }

    public async Task<PhenomenonReportDto> SaveDraftAsync(Guid id, PhenomenonTextRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.phenomenon.forbidden"], LeadRoles);
        var report = await FindAsync(id, ct);
        if (report.Stage is not (PhenomenonReportStage.Drafting or PhenomenonReportStage.Commenting))
        {
            throw new ConflictException(texts.Get("reporting.phenomenon.wrongStage", texts[$"reporting.phenomenon.stage.{report.Stage}"]));
        }
        var errors = new ValidationErrors(texts);
        var draft = errors.Text("text", request.Text, PhenomenonReport.DraftMax);
        Guard(errors, ("text", draft));
        errors.ThrowIfAny();
        report.Draft = draft!;
        await db.SaveChangesAsync(ct);
        return ToDto(report);
    }

    public async Task<PhenomenonReportDto> DecideAsync(Guid id, PhenomenonTextRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.phenomenon.decideForbidden"], DecideRoles);
        var report = await FindAsync(id, ct);
        if (report.Stage != PhenomenonReportStage.Commenting || report.Draft.Length == 0)
        {
            throw new ConflictException(texts.Get("reporting.phenomenon.wrongStage", texts[$"reporting.phenomenon.stage.{report.Stage}"]));
        }
        var errors = new ValidationErrors(texts);
        var decision = errors.Text("text", request.Text, PhenomenonReport.TextMax);
        errors.ThrowIfAny();
        report.Decision = decision;
        report.DecidedBy = actor.UserName;
        report.DecidedAt = clock.GetUtcNow();
        report.Stage = PhenomenonReportStage.Decided;
        await db.SaveChangesAsync(ct);
        return ToDto(report);
    }

    public async Task<PhenomenonReportDto> PublishAsync(Guid id, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["reporting.annual.publishForbidden"], PublishRoles);
        var report = await FindAsync(id, ct);
        if (report.Stage != PhenomenonReportStage.Decided)
        {
            throw new ConflictException(texts.Get("reporting.phenomenon.wrongStage", texts[$"reporting.phenomenon.stage.{report.Stage}"]));
        }
        report.Stage = PhenomenonReportStage.Published;
        report.PublishedBy = actor.UserName;
        report.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(report);
    }

    public async Task<ReportDocument> DocumentAsync(Guid id, CancellationToken ct)
    {
        var r = await GetAsync(id, ct);
        var blocks = new List<DocBlock>
        {
            new DocText(r.Description),
            new DocHeading(1, texts["reporting.phenomenon.criteria"]),
            new DocTable(texts["reporting.phenomenon.criteria"], [texts["reporting.phenomenon.criterion"], texts["reporting.phenomenon.grounds"]],
            [
                [texts["reporting.phenomenon.needs"], r.Criteria.Needs], [texts["reporting.phenomenon.topicality"], r.Criteria.Topicality],
                [texts["reporting.phenomenon.significance"], r.Criteria.Significance], [texts["reporting.phenomenon.recurrence"], r.Criteria.Recurrence],
            ]),
        };
        foreach (var kind in Enum.GetValues<PhenomenonEntryKind>())
        {
            var entries = r.Entries.Where(e => e.Kind == kind.ToString()).ToList();
            if (entries.Count > 0)
            {
                blocks.Add(new DocHeading(1, texts[$"reporting.phenomenon.entries.{kind}"]));
                blocks.AddRange(entries.Select(e => new DocText(e.Text)));
            }
        }
        if (r.Draft.Length > 0)
        {
            blocks.Add(new DocHeading(1, texts["reporting.phenomenon.draft"]));
            blocks.Add(new DocText(r.Draft));
        }
        if (r.Decision is not null)
        {
            blocks.Add(new DocHeading(1, texts["reporting.phenomenon.decision"]));
            blocks.Add(new DocText($"{r.Decision} ({Helsinki.ToLocalDate(r.DecidedAt!.Value).ToString("d.M.yyyy", CultureInfo.InvariantCulture)})"));
        }
        return new ReportDocument(TextCatalog.CurrentLanguage, r.Title,
            $"RAKE · {actor.RequireRegion().Code} · {texts[$"reporting.phenomenon.stage.{r.Stage}"]}", blocks);
    }

    private async Task<PhenomenonReport> FindAsync(Guid id, CancellationToken ct) =>
        await db.PhenomenonReports.Include(p => p.Entries).FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException(texts["reporting.phenomenon.notFound"]);

    /// <summary>Drafts are for the people who prepare and decide; a published report is for everyone in the region.</summary>
    private async Task<PhenomenonReport> ReadableAsync(Guid id, CancellationToken ct)
    {
        var report = await db.PhenomenonReports.AsNoTracking().Include(p => p.Entries).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (report is null || (report.Stage != PhenomenonReportStage.Published && !PeriodEndpoints.SummaryRoles.Any(actor.IsInRole)))
        {
            throw new NotFoundException(texts["reporting.phenomenon.notFound"]);
        }
        return report;
    }

    private void Guard(ValidationErrors errors, params (string Field, string? Text)[] fields)
    {
        foreach (var finding in PiiGuard.Scan(fields).Where(f => f.Kind == PiiKind.PersonalIdentityCode))
        {
            errors.AddText(finding.Field, "reporting.annual.identityCode");
        }
    }

    private static PhenomenonReportDto ToDto(PhenomenonReport p) => new(
        p.Id, p.Title, p.Description, new PhenomenonCriteriaDto(p.Needs, p.Topicality, p.Significance, p.Recurrence),
        p.RelatedReports.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(),
        p.Stage.ToString(), p.Draft,
        p.Entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new PhenomenonEntryDto(e.Id, e.Kind.ToString(), e.Text, e.Author, e.At)).ToList(),
        p.Decision, p.DecidedBy, p.DecidedAt, p.PublishedBy, p.PublishedAt, p.CreatedBy, p.CreatedAt);
}
