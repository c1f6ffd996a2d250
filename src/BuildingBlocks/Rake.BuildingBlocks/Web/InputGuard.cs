using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Localization;

namespace Rake.BuildingBlocks.Web;

/// <summary>
/// The endpoint filter that holds the values bound from the route, query and headers to the same rules as JSON bodies
/// (<see cref="StrictJson"/>): no forbidden characters in text, no date outside the accepted years, and the
/// <see cref="RangeAttribute"/> or <see cref="AllowedValuesAttribute"/> an endpoint puts on a parameter
/// (<c>[Range(InputRules.MinYear, InputRules.MaxYear)] int? year</c>). A refusal is a 400 ValidationException whose
/// messages come from the text catalog in the caller's language; the handler never runs (docs/adr/0070).
/// </summary>
public static class InputGuard
{
    /// <summary>Puts the guard on every endpoint of <paramref name="builder"/> that binds such a value.</summary>
    public static TBuilder AddInputGuard<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters().Select(ArgumentCheck.For).OfType<ArgumentCheck>().ToArray();
        if (checks.Length == 0)
        {
            return next;
        }
        return async invocation =>
        {
            var texts = invocation.HttpContext.RequestServices.GetRequiredService<TextCatalog>();
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var check in checks)
            {
                check.Run(invocation.Arguments[check.Index], texts, errors);
            }
            if (errors.Count > 0)
            {
                throw new ValidationException(errors, texts.Get("validation.nothingStored"));
            }
            return await next(invocation);
        };
    }

    private sealed record ArgumentCheck(int Index, string Name, Type Type, RangeAttribute? Range, AllowedValuesAttribute? Allowed)
    {
        public static ArgumentCheck? For(ParameterInfo parameter, int index)
        {
            if (parameter.GetCustomAttribute<FromBodyAttribute>() is not null
                || parameter.GetCustomAttribute<FromServicesAttribute>() is not null
                || parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                return null;
            }
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var range = parameter.GetCustomAttribute<RangeAttribute>();
            var allowed = parameter.GetCustomAttribute<AllowedValuesAttribute>();
            var simple = type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);
            return simple || range is not null || allowed is not null
                ? new ArgumentCheck(index, parameter.Name ?? $"#{index}", type, range, allowed)
                : null;
        }

        public void Run(object? value, TextCatalog texts, Dictionary<string, string[]> errors)
        {
            if (value is null)
            {
                return;
            }
            if (Allowed is not null && !Allowed.IsValid(value))
            {
                var values = string.Join(", ", Allowed.Values.OfType<object>());
                errors[Name] = [texts.Get("validation.unknownValue", value, values)];
                return;
            }
            if (Range is not null && !Range.IsValid(value))
            {
                errors[Name] = [texts.Get("validation.range", Range.Minimum, Range.Maximum)];
                return;
            }
            switch (value)
            {
                case string text:
                    InputRules.CheckText(texts, Name, text, errors);
                    break;
                case DateOnly d when !InputRules.IsYearInRange(d.Year):
                case DateTime t when !InputRules.IsYearInRange(t.Year):
                case DateTimeOffset o when !InputRules.IsYearInRange(o.Year) || !InputRules.IsYearInRange(o.UtcDateTime.Year):
                    errors[Name] = [texts.Get("validation.dateRange", InputRules.MinYear, InputRules.MaxYear)];
                    break;
            }
        }
    }
}
