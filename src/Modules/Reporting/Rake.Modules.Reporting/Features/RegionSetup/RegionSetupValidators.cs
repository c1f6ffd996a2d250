using FluentValidation;

namespace Rake.Modules.Reporting.Features.RegionSetup;

/// <summary>A new term: its kind, a code of letters, digits, '-' and '_' not yet used for that kind, and its names.</summary>
internal sealed class TermRequestValidator : RequestValidator<TermRequest>
{
    public const int NameMax = 200;

    public TermRequestValidator(TextCatalog texts, ReportingDbContext db) : base(texts)
    {
        EnumName<TermKind>(r => r.Kind);
        RequiredText(r => r.Code, SocialReport.CodeMax);
        RuleFor(r => r.Code)
            .Must(code => code!.Trim().All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
            .When(r => !string.IsNullOrWhiteSpace(r.Code))
            .WithMessage(_ => Texts["reporting.validation.codeChars"]);
        RuleFor(r => r.Code)
            .MustAsync(async (r, code, ct) =>
            {
                var kind = Enum.Parse<TermKind>(r.Kind!.Trim(), ignoreCase: true);
                var trimmed = code!.Trim();
                return !await db.Terms.AnyAsync(t => t.Kind == kind && t.Code == trimmed, ct);
            })
            .When(r => !string.IsNullOrWhiteSpace(r.Code) && IsKind(r.Kind))
            .WithMessage(r => Texts.Get("reporting.validation.codeTaken", r.Code!.Trim()));
        RequiredText(r => r.NameFi, NameMax);
        OptionalText(r => r.NameSv, NameMax);
        OptionalText(r => r.NameEn, NameMax);
    }

    private static bool IsKind(string? value) =>
        value is not null && Enum.TryParse<TermKind>(value.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind)
        && !int.TryParse(value.Trim(), out _);
}

internal sealed class UpdateTermRequestValidator : RequestValidator<UpdateTermRequest>
{
    public UpdateTermRequestValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.NameFi, TermRequestValidator.NameMax);
        OptionalText(r => r.NameSv, TermRequestValidator.NameMax);
        OptionalText(r => r.NameEn, TermRequestValidator.NameMax);
    }
}

/// <summary>Only a person holding the Supervisor role in this region, for one of the region's active service areas.</summary>
internal sealed class SupervisorRequestValidator : RequestValidator<SupervisorRequest>
{
    public const int UserNameMax = 256;

    public SupervisorRequestValidator(TextCatalog texts, ReportingDbContext db, IRequestContext actor, IUserDirectory users) : base(texts)
    {
        RequiredText(r => r.UserName, UserNameMax);
        RequiredText(r => r.ServiceArea, SocialReport.CodeMax);
        RuleFor(r => r.UserName)
            .MustAsync(async (name, ct) =>
                await users.FindByUserNameAsync(name!.Trim(), ct) is { } user
                && (await users.RolesAsync(user.Id, actor.RequireRegion(), ct)).Contains(RegionRole.Supervisor))
            .When(r => !string.IsNullOrWhiteSpace(r.UserName) && r.UserName.Trim().Length <= UserNameMax)
            .WithMessage(r => Texts.Get("reporting.validation.notSupervisor", r.UserName!.Trim()));
        RuleFor(r => r.ServiceArea).CustomAsync(async (value, context, ct) =>
        {
            var code = value?.Trim();
            if (string.IsNullOrEmpty(code) || code.Length > SocialReport.CodeMax
                || await db.Terms.AnyAsync(t => t.Kind == TermKind.ServiceArea && t.Code == code && t.Active, ct))
            {
                return;
            }
            var known = await db.Terms.Where(t => t.Kind == TermKind.ServiceArea).Select(t => t.Code).ToListAsync(ct);
            context.AddFailure(Texts.Get("validation.unknownValue", code, string.Join(", ", known)));
        });
    }
}
