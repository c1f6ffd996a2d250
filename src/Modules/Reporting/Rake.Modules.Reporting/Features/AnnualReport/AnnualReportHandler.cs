using System.Globalization;
using System.Text.Json;
using Rake.Modules.Planning.Contracts;

namespace Rake.Modules.Reporting.Features.AnnualReport;

/// <summary>
/// The annual social report: narrative sections and the approval trail are stored, the figures recomputed each time
/// (<see cref="AnnualFiguresHandler"/>). The plan evaluation is a narrative section because Planning's contract offers no
/// evaluation yet (ADR 0050). Roles are on the endpoints and fields in the validator; what stays here depends on the stored
/// report: its status (409) and whether it is published yet (a draft is only for those who prepare it).
/// </summary>
internal sealed class AnnualReportHandler(
    ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, IPlanningApi planning,
        AnnualFiguresHandler figures)
{
    public async Task<AnnualReportDto> GetAsync(int year, CancellationToken ct)
    {
        var stored = await ReadableAsync(year, ct);
        return await ToDtoAsync(year, stored, ct);
    }

    public async Task<AnnualReportDto> UpdateAsync(int year, UpdateAnnualSectionsRequest request, CancellationToken ct)
    {
        CheckYear(year);
        var report = await db.AnnualReports.FirstOrDefaultAsync(a => a.Year == year, ct);
        if (report is null)
        {
            report = new AnnualSocialReport { Id = Guid.CreateVersion7(clock.GetUtcNow()), Year = year, Status = AnnualReportStatus.Draft };
            db.AnnualReports.Add(report);
        }
        else if (report.Status != AnnualReportStatus.Draft)
        {
            throw new ConflictException(texts.Get("reporting.annual.notDraft", texts[$"reporting.annual.status.{report.Status}"]));
        }
        static string Section(string? text) => text?.Trim() ?? "";
        report.Introduction = Section(request.Introduction);
        report.ActionsTaken = Section(request.ActionsTaken);
        report.PlanEvaluation = Section(request.PlanEvaluation);
        report.Conclusions = Section(request.Conclusions);
        report.UpdatedAt = clock.GetUtcNow();
        report.UpdatedBy = actor.UserName ?? "";
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(year, report, ct);
    }

    public async Task<AnnualReportDto> ApproveAsync(int year, CancellationToken ct)
    {
        var report = await db.AnnualReports.FirstOrDefaultAsync(a => a.Year == year, ct)
            ?? throw new NotFoundException(texts.Get("reporting.annual.notFound", year));
        if (report.Status != AnnualReportStatus.Draft)
        {
            throw new ConflictException(texts.Get("reporting.annual.notDraft", texts[$"reporting.annual.status.{report.Status}"]));
        }
        // The stored draft, not the request, must have these sections before it can be approved.
        var missing = new Dictionary<string, string[]>();
        if (report.Introduction.Length == 0)
        {
            missing["introduction"] = [texts["validation.required"]];
        }
        if (report.PlanEvaluation.Length == 0)
        {
            missing["planEvaluation"] = [texts["validation.required"]];
        }
        if (missing.Count > 0)
        {
            throw new ValidationException(missing);
        }
        report.Status = AnnualReportStatus.Approved;
        report.ApprovedAt = clock.GetUtcNow();
        report.ApprovedBy = actor.UserName;
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(year, report, ct);
    }

    public async Task<AnnualReportDto> PublishAsync(int year, CancellationToken ct)
    {
        var report = await db.AnnualReports.FirstOrDefaultAsync(a => a.Year == year, ct)
            ?? throw new NotFoundException(texts.Get("reporting.annual.notFound", year));
        if (report.Status != AnnualReportStatus.Approved)
        {
            throw new ConflictException(texts.Get("reporting.annual.notApproved", texts[$"reporting.annual.status.{report.Status}"]));
        }
        report.Status = AnnualReportStatus.Published;
        report.PublishedAt = clock.GetUtcNow();
        report.PublishedBy = actor.UserName;
        report.FrozenFigures = JsonSerializer.Serialize(await FiguresInEveryLanguageAsync(year, ct), Frozen);
        report.FrozenPlanEvaluation = await planning.EvaluationAsync(year, ct) is { } evaluation
            ? JsonSerializer.Serialize(evaluation, Frozen)
            : null;
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(year, report, ct);
    }

    /// <summary>The plan's follow-up shown with the report: as published once it is, live before that.</summary>
    public async Task<PlanEvaluationInfo?> PlanEvaluationAsync(int year, CancellationToken ct)
    {
        var stored = await ReadableAsync(year, ct);
        return await PlanOfAsync(year, stored, ct);
    }

    private async Task<PlanEvaluationInfo?> PlanOfAsync(int year, AnnualSocialReport? stored, CancellationToken ct)
    {
        if (stored is { Status: AnnualReportStatus.Published, FrozenFigures: not null })
        {
            return stored.FrozenPlanEvaluation is { } json ? JsonSerializer.Deserialize<PlanEvaluationInfo>(json, Frozen) : null;
        }
        return await planning.EvaluationAsync(year, ct);
    }

    private static readonly JsonSerializerOptions Frozen = new(JsonSerializerDefaults.Web);

    /// <summary>The figures name categories and areas in the reader's language, so all three are kept.</summary>
    private async Task<Dictionary<string, AnnualFiguresDto>> FiguresInEveryLanguageAsync(int year, CancellationToken ct)
    {
        var byLanguage = new Dictionary<string, AnnualFiguresDto>();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var language in TextCatalog.Languages)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                byLanguage[language] = await figures.FiguresAsync(year, ct);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
        return byLanguage;
    }

    private async Task<AnnualFiguresDto> FiguresOfAsync(int year, AnnualSocialReport? stored, CancellationToken ct)
    {
        if (stored is { Status: AnnualReportStatus.Published, FrozenFigures: { } json }
            && JsonSerializer.Deserialize<Dictionary<string, AnnualFiguresDto>>(json, Frozen) is { } byLanguage
            && (byLanguage.GetValueOrDefault(TextCatalog.CurrentLanguage) ?? byLanguage.GetValueOrDefault("fi")) is { } frozen)
        {
            return frozen;
        }
        return await figures.FiguresAsync(year, ct);
    }

    /// <summary>Drafts are for the people who prepare and decide; a published report is for everyone in the region.</summary>
    private async Task<AnnualSocialReport?> ReadableAsync(int year, CancellationToken ct)
    {
        CheckYear(year);
        var stored = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(a => a.Year == year, ct);
        if (stored?.Status != AnnualReportStatus.Published)
        {
            // Who may read depends on the stored report's status, so the endpoint cannot declare it.
            ReportingRoles.AnnualDrafts.Demand(actor, texts);
        }
        return stored;
    }

    /// <summary>The year is part of the route: from 2000 to this year, which only the clock knows.</summary>
    private void CheckYear(int year)
    {
        var thisYear = Helsinki.Today(clock).Year;
        if (year < 2000 || year > thisYear)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["year"] = [texts.Get("validation.range", 2000, thisYear)] });
        }
    }

    private async Task<AnnualReportDto> ToDtoAsync(int year, AnnualSocialReport? r, CancellationToken ct) => new(
        year, (r?.Status ?? AnnualReportStatus.Draft).ToString(),
        new AnnualSectionsDto(r?.Introduction ?? "", r?.ActionsTaken ?? "", r?.PlanEvaluation ?? "", r?.Conclusions ?? ""),
        await FiguresOfAsync(year, r, ct), r?.UpdatedAt, r?.UpdatedBy, r?.ApprovedAt, r?.ApprovedBy, r?.PublishedAt, r?.PublishedBy,
        await PlanOfAsync(year, r, ct) is { ActionsTotal: > 0 });
}

internal sealed class UpdateAnnualSectionsRequestValidator : RequestValidator<UpdateAnnualSectionsRequest>
{
    public UpdateAnnualSectionsRequestValidator(TextCatalog texts) : base(texts)
    {
        System.Linq.Expressions.Expression<Func<UpdateAnnualSectionsRequest, string?>>[] sections =
            [r => r.Introduction, r => r.ActionsTaken, r => r.PlanEvaluation, r => r.Conclusions];
        foreach (var section in sections)
        {
            OptionalText(section, AnnualSocialReport.SectionMax);
        }
    }
}
