using Rake.BuildingBlocks.Privacy;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Reporting.Features.SubmitReport;

internal sealed record SubmitReportRequest(
    string? PhenomenonType,
    [ScreenedText] string? Title,
    [ScreenedText] string? Description,
    [ScreenedText] string? Proposal,
    [ScreenedText] string? TriedAlready,
    IReadOnlyList<string>? Categories,
    string? ServiceArea,
    string? Municipality,
    string? TargetGroup,
    string? Supervisor,
    IReadOnlyList<string>? CoReporters,
    string? Language,
    bool WarningsConfirmed = false) : IConfirmsIdentifyingDetails;

internal sealed record SubmitReportReceipt(Guid Id, int Number, DateTimeOffset ReceivedAt, string Status);

internal static class SubmitReportEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/social-reports", async (
                string region, SubmitReportRequest request, SubmitReportHandler handler, CancellationToken ct) =>
            {
                var receipt = await handler.HandleAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/social-reports/{receipt.Id}", receipt);
            })
            .WithTags("Social reports")
            .WithSummary("Submit a social report. Personal identity codes are refused (400); "
                + "other identifying details need warningsConfirmed.")
            .Produces<SubmitReportReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>
/// Stores a submission the pipeline accepted: every field error at once and the PII guard on the marked texts ran before
/// this (a code is refused, other identifying details wait for warningsConfirmed). A refused submission stores nothing.
/// Report numbers run per region, taken from the region's counter in the submission's own transaction.
/// </summary>
internal sealed class SubmitReportHandler(
    ReportingDbContext db, IRequestContext actor, IUserDirectory users, TimeProvider clock, SupervisorLookup supervisors)
{
    public const string PersonalIdentityCodeProblem = PiiGuard.IdentityCodeProblem;
    public const string IdentifyingDetailsProblem = PiiGuard.IdentifyingDetailsProblem;

    public async Task<SubmitReportReceipt> HandleAsync(SubmitReportRequest request, CancellationToken ct)
    {
        var title = request.Title!.Trim();
        var description = request.Description!.Trim();
        var proposal = request.Proposal!.Trim();
        var triedAlready = string.IsNullOrWhiteSpace(request.TriedAlready) ? null : request.TriedAlready.Trim();

        var supervisorName = request.Supervisor!.Trim();
        var supervisor = await supervisors.FindActiveAsync(supervisorName, ct)
            ?? throw new NotFoundException($"No supervisor {supervisorName}.");
        var coReporters = new List<UserRef>();
        foreach (var name in SubmitReportValidator.CoReporterNames(request))
        {
            coReporters.Add(await users.FindByUserNameAsync(name, ct) ?? throw new NotFoundException($"No user {name}."));
        }
        var reporter = await users.FindByIdAsync(actor.UserId!.Value, ct)
            ?? throw new ForbiddenException("Your user account was not found.");
        var now = clock.GetUtcNow();
        var report = new SocialReport
        {
            Id = Guid.CreateVersion7(now),
            ReceivedAt = now,
            ReporterId = reporter.Id,
            ReporterUserName = reporter.UserName,
            ReporterName = reporter.DisplayName,
            PhenomenonType = Enum.Parse<PhenomenonType>(request.PhenomenonType!.Trim(), ignoreCase: true),
            Title = title,
            Description = description,
            Proposal = proposal,
            TriedAlready = triedAlready,
            ServiceArea = request.ServiceArea!.Trim(),
            Municipality = request.Municipality!.Trim(),
            TargetGroup = request.TargetGroup!.Trim(),
            SupervisorId = supervisor.UserId,
            SupervisorUserName = supervisor.UserName,
            SupervisorName = supervisor.DisplayName,
            Language = SubmitReportValidator.LanguageOf(request),
            Status = ReportStatus.Received,
            WarningsConfirmed = request.WarningsConfirmed,
            Categories = SubmitReportValidator.CategoryCodes(request).Select(c => new ReportCategory { Code = c }).ToList(),
            CoReporters = coReporters.Select(c => new CoReporter { UserId = c.Id, UserName = c.UserName, DisplayName = c.DisplayName })
                .ToList(),
            Timeline =
            [
                new TimelineEntry { Id = Guid.CreateVersion7(now), At = now, Status = ReportStatus.Received, Actor = reporter.DisplayName },
            ],
        };
        await SaveWithNextNumberAsync(report, ct);
        return new SubmitReportReceipt(report.Id, report.Number, report.ReceivedAt, report.Status.ToString());
    }

    private Task SaveWithNextNumberAsync(SocialReport report, CancellationToken ct)
    {
        var region = actor.RequireRegion();
        var categories = report.Categories.Select(c => c.Code).ToList();
        return db.SaveNumberedAsync(1, number =>
        {
            report.Number = number;
            db.Reports.Add(report);
            db.Publish(new SocialReportSubmitted(Guid.CreateVersion7(), region, report.ReceivedAt, report.Id, report.Number,
                report.ReporterId, report.SupervisorId, report.PhenomenonType.ToString(), categories));
        }, ct);
    }
}
