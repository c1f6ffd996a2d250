using System.Linq.Expressions;
using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features;

/// <summary>The working group's request validators: the shared rules worded as the module's callers have always read them.</summary>
internal abstract class WgValidator<T>(TextCatalog texts) : RequestValidator<T>(texts)
{
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 12 * 60;

    /// <summary>
    /// The name of an enum member in any letter case (never a number); nothing is accepted unless <paramref name="required"/>.
    /// </summary>
    protected void OneOf<TEnum>(Expression<Func<T, string?>> field, bool required = true) where TEnum : struct, Enum
    {
        RuleFor(field).Must(v => !required || !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["validation.required"]);
        RuleFor(field).Must(v => string.IsNullOrWhiteSpace(v) || Parse<TEnum>(v) is not null)
            .WithMessage(_ => Texts.Get("wg.validation.oneOf", string.Join(", ", Enum.GetNames<TEnum>())));
    }

    /// <summary>An optional Rake account: when given, a person holding a role in this region (the nomination's member or deputy).
    /// </summary>
    protected void RegionAccount(Expression<Func<T, string?>> field, WgLookup lookup) =>
        RuleFor(field)
            .MustAsync(async (name, ct) => string.IsNullOrWhiteSpace(name) || await lookup.RegionUserAsync(name, ct) is not null)
            .WithMessage((_, name) => Texts.Get("wg.validation.unknownUser", name!.Trim()));

    /// <summary>An optional https address of at most <see cref="Limits.Url"/> characters.</summary>
    protected void HttpsUrl(Expression<Func<T, string?>> field)
    {
        OptionalText(field, Limits.Url);
        RuleFor(field).Must(v => string.IsNullOrWhiteSpace(v) || IsHttps(v.Trim())).WithMessage(_ => Texts["wg.validation.https"]);
    }

    protected void Duration(Expression<Func<T, int?>> field) =>
        RuleFor(field).Must(v => v is null or (>= MinDurationMinutes and <= MaxDurationMinutes))
            .WithMessage(_ => Texts.Get("validation.range", MinDurationMinutes, MaxDurationMinutes));

    public static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : null;

    public static bool IsHttps(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>A trimmed text, or null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
