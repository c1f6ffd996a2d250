using FluentValidation;

namespace Rake.Modules.Reporting.Features.SubmitReport;

/// <summary>
/// Every field of a submission, checked at once before anything is written. The region's own taxonomy, supervisor list
/// and people are read through the region-scoped DbContext and user directory, so another region's codes are unknown here;
/// the active terms come from the per-region <see cref="ActiveTermCache"/> (docs/adr/0193).
/// </summary>
internal sealed class SubmitReportValidator : RequestValidator<SubmitReportRequest>
{
    public const int MaxCoReporters = 10;

    private readonly ReportingDbContext db;
    private readonly ActiveTermCache termCache;
    private Task<IReadOnlyList<ActiveTerm>>? activeTerms;

    public SubmitReportValidator(TextCatalog texts, ReportingDbContext db, IRequestContext actor, IUserDirectory users,
        SupervisorLookup supervisors, ActiveTermCache termCache) : base(texts)
    {
        this.db = db;
        this.termCache = termCache;
        EnumName<PhenomenonType>(r => r.PhenomenonType);
        RequiredText(r => r.Title, SocialReport.TitleMax);
        RequiredText(r => r.Description, SocialReport.DescriptionMax);
        RequiredText(r => r.Proposal, SocialReport.ProposalMax);
        OptionalText(r => r.TriedAlready, SocialReport.TriedAlreadyMax);
        RuleFor(r => r.Language).Must((r, _) => LanguageOf(r) is "fi" or "sv")
            .WithMessage(r => Texts.Get("validation.unknownValue", LanguageOf(r), "fi, sv"));

        RuleFor(r => r.Categories).CustomAsync(async (_, context, ct) =>
        {
            var codes = CategoryCodes(context.InstanceToValidate);
            if (codes.Count == 0)
            {
                context.AddFailure(Texts["reporting.validation.categoryRequired"]);
            }
            var terms = await TermsAsync(ct);
            foreach (var code in codes.Where(c => !terms.Any(t => t.Kind == TermKind.Category && t.Code == c)))
            {
                context.AddFailure(Texts.Get("validation.unknownValue", code, Codes(terms, TermKind.Category)));
            }
        });
        TermCode(r => r.ServiceArea, TermKind.ServiceArea);
        TermCode(r => r.Municipality, TermKind.Municipality);
        TermCode(r => r.TargetGroup, TermKind.TargetGroup);

        RuleFor(r => r.Supervisor).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["validation.required"]);
        RuleFor(r => r.Supervisor)
            // Listed and still a supervisor here: a leaver's listing stays, but they are not sent reports (docs/adr/0115).
            .MustAsync(async (name, ct) =>
                await supervisors.FindActiveAsync(name!, ct) is { } listing
                && (await users.RolesAsync(listing.UserId, actor.RequireRegion(), ct)).Contains(RegionRole.Supervisor))
            .When(r => !string.IsNullOrWhiteSpace(r.Supervisor))
            .WithMessage(r => Texts.Get("reporting.validation.unknownSupervisor", r.Supervisor!.Trim()));

        RuleFor(r => r.CoReporters).CustomAsync(async (_, context, ct) =>
        {
            var names = CoReporterNames(context.InstanceToValidate);
            if (names.Count > MaxCoReporters)
            {
                context.AddFailure(Texts.Get("reporting.validation.tooManyCoReporters", MaxCoReporters));
                return;
            }
            var region = actor.RequireRegion();
            foreach (var name in names)
            {
                var user = await users.FindByUserNameAsync(name, ct);
                if (user is null || (await users.RolesAsync(user.Id, region, ct)).Count == 0)
                {
                    context.AddFailure(Texts.Get("reporting.validation.unknownColleague", name));
                }
                else if (user.Id == actor.UserId)
                {
                    context.AddFailure(Texts["reporting.validation.selfAsCoReporter"]);
                }
            }
        });
    }

    /// <summary>The report's language: Finnish unless the reporter chose another.</summary>
    public static string LanguageOf(SubmitReportRequest request) =>
        string.IsNullOrWhiteSpace(request.Language) ? "fi" : request.Language.Trim();

    public static List<string> CategoryCodes(SubmitReportRequest request) =>
        (request.Categories ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();

    public static List<string> CoReporterNames(SubmitReportRequest request) =>
        (request.CoReporters ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private void TermCode(System.Linq.Expressions.Expression<Func<SubmitReportRequest, string?>> field, TermKind kind)
    {
        RequiredText(field, SocialReport.CodeMax);
        RuleFor(field).CustomAsync(async (value, context, ct) =>
        {
            var code = value?.Trim();
            var terms = await TermsAsync(ct);
            if (!string.IsNullOrEmpty(code) && !terms.Any(t => t.Kind == kind && t.Code == code))
            {
                context.AddFailure(Texts.Get("validation.unknownValue", code, Codes(terms, kind)));
            }
        });
    }

    private Task<IReadOnlyList<ActiveTerm>> TermsAsync(CancellationToken ct) =>
        activeTerms ??= termCache.ActiveTermsAsync(db, ct);

    private static string Codes(IReadOnlyList<ActiveTerm> terms, TermKind kind) =>
        string.Join(", ", terms.Where(t => t.Kind == kind).Select(t => t.Code));
}
