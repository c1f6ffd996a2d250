namespace Rake.Modules.Communications.Features;

/// <summary>Rules the module's validators share, worded as the module's callers have always read them.</summary>
internal static class CommValidation
{
    /// <summary>The name of an enum member in any letter case (not its number), or nothing unless required.</summary>
    public static void OneOf<T, TEnum>(this AbstractValidator<T> validator, TextCatalog texts,
        System.Linq.Expressions.Expression<Func<T, string?>> field, bool required) where TEnum : struct, Enum
    {
        if (required)
        {
            validator.RuleFor(field).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => texts["validation.required"]);
        }
        validator.RuleFor(field).Must(v => string.IsNullOrWhiteSpace(v) || Parse<TEnum>(v) is not null)
            .WithMessage(_ => texts.Get("communications.validation.oneOf", string.Join(", ", Enum.GetNames<TEnum>())));
    }

    /// <summary>The enum member a validated text names, or null when it is blank.</summary>
    public static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum
    {
        var text = value?.Trim();
        return !string.IsNullOrEmpty(text) && !text.All(char.IsAsciiDigit)
            && Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
    }

    /// <summary>A validated text as stored: trimmed, and null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
