using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Privacy;

namespace Rake.BuildingBlocks.Web;

/// <summary>
/// The base of every request validator (FluentValidation, docs/adr/0086): it sits beside its request in the use case's
/// folder and words each message from the text catalog, in the caller's language at the time of validation.
/// </summary>
public abstract class RequestValidator<T> : AbstractValidator<T>
{
    /// <summary>Far beyond any real list, and low enough that (page - 1) * page size cannot overflow an int.</summary>
    public const int DefaultMaxPage = 100_000;

    protected RequestValidator(TextCatalog texts)
    {
        Texts = texts;
    }

    protected TextCatalog Texts { get; }

    /// <summary>A required text: not blank once trimmed, at most <paramref name="maxLength"/> characters.</summary>
    protected void RequiredText(System.Linq.Expressions.Expression<Func<T, string?>> field, int maxLength)
    {
        RuleFor(field).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["validation.required"]);
        OptionalText(field, maxLength);
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters once trimmed.</summary>
    protected void OptionalText(System.Linq.Expressions.Expression<Func<T, string?>> field, int maxLength)
    {
        // The message takes the value FluentValidation already read: compiling the field here cost every request's validator
        // one expression compilation per text field.
        RuleFor(field).Must(v => v is null || v.Trim().Length <= maxLength)
            .WithMessage((_, v) => Texts.Get("validation.tooLong", maxLength, v?.Trim().Length ?? 0));
    }

    /// <summary>A value that must be present.</summary>
    protected void Required<TProperty>(System.Linq.Expressions.Expression<Func<T, TProperty>> field) =>
        RuleFor(field).NotNull().WithMessage(_ => Texts["validation.required"]);

    /// <summary>
    /// A list query's paging, the same for every grid and list endpoint: a page from 1 to <paramref name="maxPage"/> and a page
    /// size from 1 to <see cref="PageRequest.MaxPageSize"/>; nothing sent means the query's default.
    /// </summary>
    protected void Paging(
        System.Linq.Expressions.Expression<Func<T, int?>> page, System.Linq.Expressions.Expression<Func<T, int?>> pageSize,
        int maxPage = DefaultMaxPage)
    {
        RuleFor(page).Must(p => p is null || InPageRange(p.Value, maxPage))
            .WithMessage(_ => Texts.Get("validation.range", 1, maxPage));
        RuleFor(pageSize).Must(s => s is null || InPageRange(s.Value, PageRequest.MaxPageSize))
            .WithMessage(_ => Texts.Get("validation.range", 1, PageRequest.MaxPageSize));
    }

    /// <summary>The same paging rule for a query whose page and page size always have a value.</summary>
    protected void Paging(
        System.Linq.Expressions.Expression<Func<T, int>> page, System.Linq.Expressions.Expression<Func<T, int>> pageSize,
        int maxPage = DefaultMaxPage)
    {
        RuleFor(page).Must(p => InPageRange(p, maxPage)).WithMessage(_ => Texts.Get("validation.range", 1, maxPage));
        RuleFor(pageSize).Must(s => InPageRange(s, PageRequest.MaxPageSize))
            .WithMessage(_ => Texts.Get("validation.range", 1, PageRequest.MaxPageSize));
    }

    private static bool InPageRange(int value, int max) => value >= 1 && value <= max;

    /// <summary>The name of an enum member, in any letter case, or nothing when <paramref name="required"/> is false.</summary>
    protected void EnumName<TEnum>(System.Linq.Expressions.Expression<Func<T, string?>> field, bool required = true)
        where TEnum : struct, Enum
    {
        if (required)
        {
            RuleFor(field).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["validation.required"]);
        }
        RuleFor(field)
            .Must(v => string.IsNullOrWhiteSpace(v) || (Enum.TryParse<TEnum>(v.Trim(), ignoreCase: true, out var parsed)
                && Enum.IsDefined(parsed) && !int.TryParse(v.Trim(), out _)))
            .WithMessage((_, v) => Texts.Get("validation.unknownValue", v?.Trim() ?? "", string.Join(", ", Enum.GetNames<TEnum>())));
    }
}

/// <summary>
/// Runs the validators registered for a request's type and refuses it with every field error at once (400). The endpoint
/// filter calls it for each bound request; pages and workflow activities call it before the same use-case handler.
/// It also screens every <see cref="ScreenedTextAttribute"/> text of the request (docs/adr/0090): a personal identity
/// code is a field error like any other, and a request that can confirm warnings is held to them (422 until confirmed).
/// </summary>
public sealed class RequestChecks(IServiceProvider services, TextCatalog texts)
{
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task ThrowIfInvalidAsync(object request, CancellationToken ct)
    {
        var type = ValidatorTypes.GetOrAdd(
            request.GetType(), t => typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(t)));
        var validators = (IEnumerable<IValidator>)services.GetRequiredService(type);
        var errors = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(request), ct);
            foreach (var failure in result.Errors)
            {
                Add(errors, FieldName(failure.PropertyName), failure.ErrorMessage);
            }
        }

        // A scan that times out throws, and the caller answers "could not be checked": never a silent pass.
        var findings = PiiGuard.Scan(ScreenedText.Read(request));
        var identityCodes = findings.Where(f => f.Kind == PiiKind.PersonalIdentityCode).ToList();
        foreach (var code in identityCodes)
        {
            Add(errors, code.Field, texts["pii.identityCode"]);
        }
        if (errors.Count > 0)
        {
            throw identityCodes.Count > 0
                ? new ValidationException(Frozen(errors), texts["pii.identityCodeDetail"], type: PiiGuard.IdentityCodeProblem)
                : new ValidationException(Frozen(errors), texts.Get("validation.nothingStored"));
        }

        if (findings.Count > 0 && request is IConfirmsIdentifyingDetails { WarningsConfirmed: false })
        {
            var warnings = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var finding in findings)
            {
                Add(warnings, finding.Field, texts[$"pii.{finding.Kind}"]);
            }
            throw new ValidationException(
                Frozen(warnings), texts["pii.warningDetail"], StatusCodes.Status422UnprocessableEntity, PiiGuard.IdentifyingDetailsProblem);
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    private static Dictionary<string, string[]> Frozen(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The JSON name of a field as callers send it: <c>Rows[0].Name</c> becomes <c>rows[0].name</c>.</summary>
    public static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

public static class RequestValidationExtensions
{
    /// <summary>Registers the request validators of a module's assembly and the service that runs them.</summary>
    public static IServiceCollection AddRequestValidators(this IServiceCollection services, Assembly assembly)
    {
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }

    /// <summary>
    /// Validates every bound argument of every endpoint of <paramref name="builder"/> whose type has a validator, before
    /// its handler runs; a refusal is a 400 ProblemDetails listing each field, and nothing is stored.
    /// </summary>
    public static TBuilder AddRequestValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var isService = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
            var validated = context.MethodInfo.GetParameters()
                .Select((p, i) => (p.ParameterType, Index: i))
                .Where(p => p.ParameterType.IsClass && p.ParameterType != typeof(string)
                    && (isService.IsService(typeof(IValidator<>).MakeGenericType(p.ParameterType))
                        || ScreenedText.HasScreenedText(p.ParameterType)))
                .Select(p => p.Index)
                .ToArray();
            if (validated.Length == 0)
            {
                return next;
            }
            return async invocation =>
            {
                var checks = invocation.HttpContext.RequestServices.GetRequiredService<RequestChecks>();
                foreach (var index in validated)
                {
                    if (invocation.Arguments[index] is { } request)
                    {
                        await checks.ThrowIfInvalidAsync(request, invocation.HttpContext.RequestAborted);
                    }
                }
                return await next(invocation);
            };
        });
}
