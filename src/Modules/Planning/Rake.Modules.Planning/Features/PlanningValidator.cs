namespace Rake.Modules.Planning.Features;

/// <summary>
/// The base of Planning's request validators: the module's own wording (one message per field, as the plan pages show
/// it), so a field is either missing, too long or malformed, never all three at once.
/// </summary>
internal abstract class PlanningValidator<T>(TextCatalog texts) : RequestValidator<T>(texts)
{
    /// <summary>Not blank, and at most <paramref name="max"/> characters once trimmed.</summary>
    protected void TextField(System.Linq.Expressions.Expression<Func<T, string?>> field, int max, bool required = true)
    {
        RuleFor(field).Cascade(CascadeMode.Stop)
            .Must(v => !required || !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["planning.validation.required"])
            .Must(v => v is null || v.Trim().Length <= max).WithMessage(_ => Texts.Get("planning.validation.tooLong", max));
    }

    /// <summary>At most <paramref name="max"/> characters once trimmed; may be left out.</summary>
    protected void MaxLength(System.Linq.Expressions.Expression<Func<T, string?>> field, int max) =>
        TextField(field, max, required: false);

    /// <summary>An absolute http(s) address, or nothing.</summary>
    protected void OptionalUrl(System.Linq.Expressions.Expression<Func<T, string?>> field) =>
        RuleFor(field).Must(v => string.IsNullOrWhiteSpace(v) || IsWebAddress(v)).WithMessage(_ => Texts["planning.validation.url"]);

    /// <summary>A member of <typeparamref name="TEnum"/> as <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/> reads it.</summary>
    protected static bool IsDefined<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, out var parsed) && Enum.IsDefined(parsed);

    private static bool IsWebAddress(string value) =>
        value.Length <= Plan.UrlMax && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
