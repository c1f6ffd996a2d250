using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Localization;

namespace Rake.BuildingBlocks.Web;

/// <summary>
/// The base of every request validator (FluentValidation, docs/adr/0086): it sits beside its request in the use case's
/// folder and words each message from the text catalog, in the caller's language at the time of validation.
/// </summary>
public abstract class RequestValidator<T> : AbstractValidator<T>
{
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
        var read = field.Compile();
        RuleFor(field).Must(v => v is null || v.Trim().Length <= maxLength)
            .WithMessage(r => Texts.Get("validation.tooLong", maxLength, read(r)?.Trim().Length ?? 0));
    }

    /// <summary>A value that must be present.</summary>
    protected void Required<TProperty>(System.Linq.Expressions.Expression<Func<T, TProperty>> field) =>
        RuleFor(field).NotNull().WithMessage(_ => Texts["validation.required"]);

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
/// </summary>
public sealed class RequestChecks(IServiceProvider services, TextCatalog texts)
{
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task ThrowIfInvalidAsync(object request, CancellationToken ct)
    {
        var type = ValidatorTypes.GetOrAdd(
            request.GetType(), t => typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(t)));
        var validators = (IEnumerable<IValidator>)services.GetRequiredService(type);
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(request), ct);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0)
        {
            throw new ValidationException(
                failures.GroupBy(f => FieldName(f.PropertyName), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase),
                texts.Get("validation.nothingStored"));
        }
    }

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
                    && isService.IsService(typeof(IValidator<>).MakeGenericType(p.ParameterType)))
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
