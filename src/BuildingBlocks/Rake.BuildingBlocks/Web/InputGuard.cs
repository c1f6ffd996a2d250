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
        var checks = context.MethodInfo.GetParameters().SelectMany(ArgumentCheck.For).ToArray();
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
                check.Run(check.ValueIn(invocation.Arguments[check.Index]), texts, errors);
            }
            if (errors.Count > 0)
            {
                throw new ValidationException(errors, texts.Get("validation.nothingStored"));
            }
            return await next(invocation);
        };
    }

    /// <summary>One bound value to check: an endpoint argument, or a property of an <c>[AsParameters]</c> argument.</summary>
    private sealed record ArgumentCheck(
        int Index, string Name, Type Type, RangeAttribute? Range, AllowedValuesAttribute? Allowed, PropertyInfo? Property = null)
    {
        public static IEnumerable<ArgumentCheck> For(ParameterInfo parameter, int index)
        {
            if (parameter.GetCustomAttribute<FromBodyAttribute>() is not null
                || parameter.GetCustomAttribute<FromServicesAttribute>() is not null)
            {
                return [];
            }
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                // The record's values come from the route, query and headers too: each is held to the same rules, with
                // the attributes put on the record's constructor parameter or on its property.
                var constructor = parameter.ParameterType.GetConstructors().MaxBy(c => c.GetParameters().Length);
                return parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                    .Select(p =>
                    {
                        var declared = constructor?.GetParameters()
                            .FirstOrDefault(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase));
                        if (declared is null && !p.CanWrite)
                        {
                            return null; // computed from the bound values, not bound itself
                        }
                        return Create(index, char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p.PropertyType,
                            declared?.GetCustomAttribute<RangeAttribute>() ?? p.GetCustomAttribute<RangeAttribute>(),
                            declared?.GetCustomAttribute<AllowedValuesAttribute>() ?? p.GetCustomAttribute<AllowedValuesAttribute>(), p);
                    })
                    .OfType<ArgumentCheck>()
                    .ToList();
            }
            var check = Create(index, parameter.Name ?? $"#{index}", parameter.ParameterType,
                parameter.GetCustomAttribute<RangeAttribute>(), parameter.GetCustomAttribute<AllowedValuesAttribute>(), null);
            return check is null ? [] : [check];
        }

        private static ArgumentCheck? Create(
            int index, string name, Type declaredType, RangeAttribute? range, AllowedValuesAttribute? allowed, PropertyInfo? property)
        {
            var type = Nullable.GetUnderlyingType(declaredType) ?? declaredType;
            var simple = type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);
            return simple || range is not null || allowed is not null
                ? new ArgumentCheck(index, name, type, range, allowed, property)
                : null;
        }

        public object? ValueIn(object? argument) => Property is null || argument is null ? argument : Property.GetValue(argument);

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
