using FluentValidation;

namespace Rake.Modules.Reporting.Features.PhenomenonReports;

/// <summary>
/// The criteria of a chosen phenomenon, each required. The texts are [ScreenedText]: read by everyone once published, so
/// the request pipeline refuses a personal identity code in any of them (400).
/// </summary>
internal sealed class ChoosePhenomenonRequestValidator : RequestValidator<ChoosePhenomenonRequest>
{
    public ChoosePhenomenonRequestValidator(TextCatalog texts, ReportingDbContext db, PhenomenonWorkflowHandler? workflow = null)
        : base(texts)
    {
        RequiredText(r => r.Title, SocialReport.TitleMax);
        RequiredText(r => r.Description, PhenomenonReport.TextMax);
        RequiredText(r => r.Needs, PhenomenonReport.TextMax);
        RequiredText(r => r.Topicality, PhenomenonReport.TextMax);
        RequiredText(r => r.Significance, PhenomenonReport.TextMax);
        RequiredText(r => r.Recurrence, PhenomenonReport.TextMax);
        RuleFor(r => r.PhenomenonId)
            .MustAsync(async (id, ct) => id is not { } known || await db.Phenomena.AnyAsync(p => p.Id == known, ct))
            .WithMessage(_ => Texts["reporting.phenomena.notFound"]);
        // A run of another region, a run that is not a phenomenon report's, or one whose phenomenon is already chosen: all the same.
        RuleFor(r => r.WorkflowRunId)
            .MustAsync(async (run, ct) => run is not { } known || (workflow is not null && await workflow.AwaitsChoiceAsync(known, ct)))
            .WithMessage(_ => Texts["reporting.phenomenon.noSuchRun"]);
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
    }
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
    }
}

internal sealed class PhenomenonDraftRequestValidator : RequestValidator<PhenomenonDraftRequest>
{
    public PhenomenonDraftRequestValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Text, PhenomenonReport.DraftMax);
    }
}

internal sealed class PhenomenonDecisionRequestValidator : RequestValidator<PhenomenonDecisionRequest>
{
    public PhenomenonDecisionRequestValidator(TextCatalog texts) : base(texts) => RequiredText(r => r.Text, PhenomenonReport.TextMax);
}
