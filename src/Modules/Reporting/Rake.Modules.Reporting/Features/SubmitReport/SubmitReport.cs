using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Features.SubmitReport;

internal sealed record SubmitReportRequest(
    string? PhenomenonType,
    string? Title,
    string? Description,
    string? Proposal,
    string? TriedAlready,
    IReadOnlyList<string>? Categories,
    string? ServiceArea,
    string? Municipality,
    string? TargetGroup,
    string? Supervisor,
    IReadOnlyList<string>? CoReporters,
    string? Language,
    bool WarningsConfirmed = false);

internal sealed record SubmitReportReceipt(Guid Id, int Number, DateTimeOffset ReceivedAt, string Status);

internal static class SubmitReportEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/social-reports", async (string region, SubmitReportRequest request, SubmitReportHandler handler, CancellationToken ct) =>
            {
                var receipt = await handler.HandleAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/social-reports/{receipt.Id}", receipt);
            })
            .WithTags("Social reports")
            .WithSummary("Submit a social report. Personal identity codes are refused (422); other identifying details need warningsConfirmed.")
            .Produces<SubmitReportReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>
/// Validates a submission completely before anything is written: every field error at once, then the PII guard.
/// A refused submission stores nothing. Report numbers run per region; a clash between two simultaneous submissions is retried.
/// </summary>
internal sealed class SubmitReportHandler(ReportingDbContext db, IRequestContext actor, IUserDirectory users, TextCatalog texts, TimeProvider clock, ReportNumbering numbering)
{
    public const int MaxCoReporters = 10;
    public const string PersonalIdentityCodeProblem = "https://rake.invalid/problems/personal-identity-code";
    public const string IdentifyingDetailsProblem = "https://rake.invalid/problems/identifying-details";

    public async Task<SubmitReportReceipt> HandleAsync(SubmitReportRequest request, CancellationToken ct)
    {
        var region = actor.RequireRegion();
        var errors = new ValidationErrors(texts);
        var phenomenonType = ParseEnum<PhenomenonType>(errors, "phenomenonType", request.PhenomenonType);
        var title = errors.Text("title", request.Title, SocialReport.TitleMax);
        var description = errors.Text("description", request.Description, SocialReport.DescriptionMax);
        var proposal = errors.Text("proposal", request.Proposal, SocialReport.ProposalMax);
        var triedAlready = errors.Text("triedAlready", request.TriedAlready, SocialReport.TriedAlreadyMax, required: false);
        var language = string.IsNullOrWhiteSpace(request.Language) ? "fi" : request.Language.Trim();
        if (language is not ("fi" or "sv"))
        {
            errors.AddText("language", "validation.unknownValue", language, "fi, sv");
        }

        var terms = await db.Terms.AsNoTracking().Where(t => t.Active).ToListAsync(ct);
        var categories = (request.Categories ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (categories.Count == 0)
        {
            errors.AddText("categories", "reporting.validation.categoryRequired");
        }
        foreach (var code in categories.Where(c => !terms.Any(t => t.Kind == TermKind.Category && t.Code == c)))
        {
            errors.AddText("categories", "validation.unknownValue", code, Codes(terms, TermKind.Category));
        }
        var serviceArea = TermCode(errors, terms, TermKind.ServiceArea, "serviceArea", request.ServiceArea);
        var municipality = TermCode(errors, terms, TermKind.Municipality, "municipality", request.Municipality);
        var targetGroup = TermCode(errors, terms, TermKind.TargetGroup, "targetGroup", request.TargetGroup);

        var supervisor = await FindSupervisorAsync(errors, request.Supervisor, ct);
        var coReporters = await FindCoReportersAsync(errors, region, request.CoReporters, ct);
        errors.ThrowIfAny();

        GuardPersonalData(request.WarningsConfirmed,
            ("title", title), ("description", description), ("proposal", proposal), ("triedAlready", triedAlready));

        var reporter = await users.FindByIdAsync(actor.UserId!.Value, ct) ?? throw new ForbiddenException("Your user account was not found.");
        var now = clock.GetUtcNow();
        var report = new SocialReport
        {
            Id = Guid.CreateVersion7(now),
            ReceivedAt = now,
            ReporterId = reporter.Id,
            ReporterUserName = reporter.UserName,
            ReporterName = reporter.DisplayName,
            PhenomenonType = phenomenonType!.Value,
            Title = title!,
            Description = description!,
            Proposal = proposal!,
            TriedAlready = triedAlready,
            ServiceArea = serviceArea!,
            Municipality = municipality!,
            TargetGroup = targetGroup!,
            SupervisorId = supervisor!.UserId,
            SupervisorUserName = supervisor.UserName,
            SupervisorName = supervisor.DisplayName,
            Language = language,
            Status = ReportStatus.Received,
            WarningsConfirmed = request.WarningsConfirmed,
            Categories = categories.Select(c => new ReportCategory { Code = c }).ToList(),
            CoReporters = coReporters.Select(c => new CoReporter { UserId = c.Id, UserName = c.UserName, DisplayName = c.DisplayName }).ToList(),
            Timeline = [new TimelineEntry { Id = Guid.CreateVersion7(now), At = now, Status = ReportStatus.Received, Actor = reporter.DisplayName }],
        };
        await SaveWithNextNumberAsync(report, ct);
        return new SubmitReportReceipt(report.Id, report.Number, report.ReceivedAt, report.Status.ToString());
    }

    private async Task SaveWithNextNumberAsync(SocialReport report, CancellationToken ct)
    {
        var region = actor.RequireRegion();
        // Within one process, submissions of a region take numbers one at a time, so they never clash. Between
        // processes on one database the unique index catches a clash, and the loser retries after a random pause.
        using var turn = await numbering.TakeTurnAsync(region, ct);
        for (var attempt = 1; ; attempt++)
        {
            report.Number = (await db.Reports.MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
            db.Reports.Add(report);
            db.Publish(new SocialReportSubmitted(Guid.CreateVersion7(), region, report.ReceivedAt, report.Id, report.Number,
                report.ReporterId, report.SupervisorId, report.PhenomenonType.ToString(), report.Categories.Select(c => c.Code).ToList()));
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < ReportNumbering.MaxAttempts)
            {
                // Forget this attempt entirely (report, audit rows, outbox event) and take the next free number.
                db.ChangeTracker.Clear();
                db.DiscardPendingEvents();
                await Task.Delay(ReportNumbering.Backoff(attempt), ct);
            }
        }
    }

    private void GuardPersonalData(bool warningsConfirmed, params (string Field, string? Text)[] fields)
    {
        var findings = PiiGuard.Scan(fields);
        var identityCodes = findings.Where(f => f.Kind == PiiKind.PersonalIdentityCode).ToList();
        if (identityCodes.Count > 0)
        {
            throw new ValidationException(
                identityCodes.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(_ => texts["reporting.pii.identityCode"]).Distinct().ToArray()),
                texts["reporting.pii.identityCodeDetail"], StatusCodes.Status422UnprocessableEntity, PersonalIdentityCodeProblem);
        }
        if (findings.Count > 0 && !warningsConfirmed)
        {
            throw new ValidationException(
                findings.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => texts[$"reporting.pii.{f.Kind}"]).Distinct().ToArray()),
                texts["reporting.pii.warningDetail"], StatusCodes.Status422UnprocessableEntity, IdentifyingDetailsProblem);
        }
    }

    private async Task<SupervisorListing?> FindSupervisorAsync(ValidationErrors errors, string? userName, CancellationToken ct)
    {
        var name = userName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.AddText("supervisor", "validation.required");
            return null;
        }
        var supervisor = await db.Supervisors.AsNoTracking().FirstOrDefaultAsync(s => s.Active && s.UserName == name, ct);
        if (supervisor is null)
        {
            errors.AddText("supervisor", "reporting.validation.unknownSupervisor", name);
        }
        return supervisor;
    }

    private async Task<List<UserRef>> FindCoReportersAsync(ValidationErrors errors, Rake.BuildingBlocks.Contracts.RegionId region, IReadOnlyList<string>? userNames, CancellationToken ct)
    {
        var result = new List<UserRef>();
        var names = (userNames ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count > MaxCoReporters)
        {
            errors.AddText("coReporters", "reporting.validation.tooManyCoReporters", MaxCoReporters);
            return result;
        }
        foreach (var name in names)
        {
            var user = await users.FindByUserNameAsync(name, ct);
            if (user is null || (await users.RolesAsync(user.Id, region, ct)).Count == 0)
            {
                errors.AddText("coReporters", "reporting.validation.unknownColleague", name);
            }
            else if (user.Id == actor.UserId)
            {
                errors.AddText("coReporters", "reporting.validation.selfAsCoReporter");
            }
            else
            {
                result.Add(user);
            }
        }
        return result;
    }

    private static string? TermCode(ValidationErrors errors, List<TaxonomyTerm> terms, TermKind kind, string field, string? value)
    {
        var code = errors.Text(field, value, SocialReport.CodeMax);
        if (code is not null && !terms.Any(t => t.Kind == kind && t.Code == code))
        {
            errors.AddText(field, "validation.unknownValue", code, Codes(terms, kind));
        }
        return code;
    }

    private static string Codes(List<TaxonomyTerm> terms, TermKind kind) =>
        string.Join(", ", terms.Where(t => t.Kind == kind).Select(t => t.Code));

    internal static TEnum? ParseEnum<TEnum>(ValidationErrors errors, string field, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.AddText(field, "validation.required");
            return null;
        }
        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.Trim().All(char.IsDigit))
        {
            return parsed;
        }
        errors.AddText(field, "validation.unknownValue", value, string.Join(", ", Enum.GetNames<TEnum>()));
        return null;
    }
}
