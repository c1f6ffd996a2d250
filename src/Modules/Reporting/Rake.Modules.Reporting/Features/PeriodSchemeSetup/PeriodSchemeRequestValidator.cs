using FluentValidation;

namespace Rake.Modules.Reporting.Features.PeriodSchemeSetup;

/// <summary>A known scheme; half-years need the month they start in.</summary>
internal sealed class PeriodSchemeRequestValidator : RequestValidator<PeriodSchemeRequest>
{
    public PeriodSchemeRequestValidator(TextCatalog texts) : base(texts)
    {
        EnumName<PeriodKind>(r => r.Scheme);
        RuleFor(r => r.StartMonth)
            .NotNull().WithMessage(_ => Texts["validation.required"])
            .When(r => IsHalfYears(r.Scheme));
        RuleFor(r => r.StartMonth)
            .InclusiveBetween(1, 12).WithMessage(_ => Texts.Get("validation.range", 1, 12))
            .When(r => r.StartMonth is not null);
    }

    private static bool IsHalfYears(string? scheme) =>
        string.Equals(scheme?.Trim(), nameof(PeriodKind.HalfYears), StringComparison.OrdinalIgnoreCase);
}
