using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>
/// A body member's details, for adding a member and for changing one alike; without a user name the member is a named
/// person without an account.
/// </summary>
internal sealed record MemberRequest(
    string? Name, string? Title, string? UserName, string? Role, DateOnly? TermStart, DateOnly? TermEnd);

/// <summary>One rule set for a new member and a changed one, so the add and edit forms can never disagree.</summary>
internal sealed class MemberRequestValidator : WgValidator<MemberRequest>
{
    public MemberRequestValidator(TextCatalog texts, WgLookup lookup) : base(texts)
    {
        // A member without a user account is named; one with an account takes its name from the directory.
        RuleFor(r => r.Name).Must((r, name) => !string.IsNullOrWhiteSpace(name) || !string.IsNullOrWhiteSpace(r.UserName))
            .WithMessage(_ => Texts["validation.required"]);
        OptionalText(r => r.Name, Limits.Name);
        OptionalText(r => r.Title, Limits.Name);
        OneOf<MemberRole>(r => r.Role);
        Required(r => r.TermStart);
        RuleFor(r => r.TermEnd).Must((r, end) => r.TermStart is null || end is null || end >= r.TermStart)
            .WithMessage(_ => Texts["wg.validation.termEndBeforeStart"]);
        RuleFor(r => r.UserName)
            .MustAsync(async (name, ct) => string.IsNullOrWhiteSpace(name) || await lookup.RegionUserAsync(name, ct) is not null)
            .WithMessage((_, name) => Texts.Get("wg.validation.unknownUser", name!.Trim()));
    }
}
