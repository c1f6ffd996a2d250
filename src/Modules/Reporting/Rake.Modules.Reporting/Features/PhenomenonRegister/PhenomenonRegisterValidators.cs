using FluentValidation;

namespace Rake.Modules.Reporting.Features.PhenomenonRegister;

/// <summary>Both texts are [ScreenedText]: the register is read across the region's staff, so no identity code gets in.</summary>
internal sealed class PhenomenonRequestValidator : RequestValidator<PhenomenonRequest>
{
    public PhenomenonRequestValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Title, Phenomenon.TitleMax);
        RequiredText(r => r.Description, Phenomenon.TextMax);
    }
}

internal sealed class PhenomenonLinkRequestValidator : RequestValidator<PhenomenonLinkRequest>
{
    public PhenomenonLinkRequestValidator(TextCatalog texts) : base(texts)
    {
        Required(r => r.ReportNumber);
        RuleFor(r => r.ReportNumber).GreaterThanOrEqualTo(1).WithMessage(_ => Texts.Get("validation.min", 1));
    }
}

internal sealed class PhenomenonListQueryValidator : RequestValidator<PhenomenonListQuery>
{
    public PhenomenonListQueryValidator(TextCatalog texts) : base(texts)
    {
        OptionalText(r => r.Search, 200);
        EnumName<TrendLabel>(r => r.Trend, required: false);
        EnumName<PhenomenonSort>(r => r.Sort, required: false);
        Paging(r => r.Page, r => r.PageSize);
    }
}
