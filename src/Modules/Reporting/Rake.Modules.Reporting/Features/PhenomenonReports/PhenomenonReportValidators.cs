using FluentValidation;

namespace Rake.Modules.Reporting.Features.PhenomenonReports;

/// <summary>
/// The criteria of a chosen phenomenon, each required. A personal identity code in any text is refused (400): these texts are
/// read by everyone once published.
/// </summary>
internal sealed class ChoosePhenomenonRequestValidator : RequestValidator<ChoosePhenomenonRequest>
{
    public ChoosePhenomenonRequestValidator(TextCatalog texts, ReportingDbContext db) : base(texts)
    {
        RequiredText(r => r.Title, SocialReport.TitleMax);
        RequiredText(r => r.Description, PhenomenonReport.TextMax);
        RequiredText(r => r.Needs, PhenomenonReport.TextMax);
        RequiredText(r => r.Topicality, PhenomenonReport.TextMax);
        RequiredText(r => r.Significance, PhenomenonReport.TextMax);
        RequiredText(r => r.Recurrence, PhenomenonReport.TextMax);
        RuleFor(r => r.RelatedReports).CustomAsync(async (related, context, ct) =>
        {
            var numbers = (related ?? []).Distinct().ToList();
            if (numbers.Count == 0)
            {
                return;
            }
            var known = await db.Reports.Where(r => numbers.Contains(r.Number)).Select(r => r.Number).ToListAsync(ct);
            foreach (var missing in numbers.Except(known))
            {
                context.AddFailure(Texts.Get("reporting.phenomenon.unknownReport", missing));
            }
        });
        NoIdentityCode(this, texts, r => r.Title);
        NoIdentityCode(this, texts, r => r.Description);
        NoIdentityCode(this, texts, r => r.Needs);
        NoIdentityCode(this, texts, r => r.Topicality);
        NoIdentityCode(this, texts, r => r.Significance);
        NoIdentityCode(this, texts, r => r.Recurrence);
    }

    /// <summary>Refuses a text holding a personal identity code (the PII guard's strictest finding).</summary>
    public static void NoIdentityCode<T>(
        AbstractValidator<T> validator, TextCatalog texts, System.Linq.Expressions.Expression<Func<T, string?>> field) =>
        validator.RuleFor(field)
            .Must(text => string.IsNullOrWhiteSpace(text)
                || !PiiGuard.Scan([("text", text.Trim())]).Any(f => f.Kind == PiiKind.PersonalIdentityCode))
            .WithMessage(_ => texts["reporting.annual.identityCode"]);
}

internal sealed class AdvanceRequestValidator : RequestValidator<AdvanceRequest>
{
    public AdvanceRequestValidator(TextCatalog texts) : base(texts) => EnumName<PhenomenonReportStage>(r => r.Stage);
}

internal sealed class PhenomenonEntryRequestValidator : RequestValidator<PhenomenonEntryRequest>
{
    public PhenomenonEntryRequestValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Text, PhenomenonReport.TextMax);
        ChoosePhenomenonRequestValidator.NoIdentityCode(this, texts, r => r.Text);
    }
}

internal sealed class PhenomenonDraftRequestValidator : RequestValidator<PhenomenonDraftRequest>
{
    public PhenomenonDraftRequestValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Text, PhenomenonReport.DraftMax);
        ChoosePhenomenonRequestValidator.NoIdentityCode(this, texts, r => r.Text);
    }
}

internal sealed class PhenomenonDecisionRequestValidator : RequestValidator<PhenomenonDecisionRequest>
{
    public PhenomenonDecisionRequestValidator(TextCatalog texts) : base(texts) => RequiredText(r => r.Text, PhenomenonReport.TextMax);
}
