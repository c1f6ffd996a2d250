using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Api;

/// <summary>Turns every failure into an RFC 9457 ProblemDetails answer that says what is wrong and how to fix it.</summary>
internal sealed class RakeExceptionHandler(IProblemDetailsService problemDetails, TextCatalog texts, ILogger<RakeExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = v.Status,
                Title = v.Title,
                Detail = v.Message,
                Type = v.ProblemType,
            },
            RakeProblemException p => new ProblemDetails { Status = p.Status, Title = p.Title, Detail = p.Message },
            BadHttpRequestException { InnerException: JsonInputException input } => Refused(input, Language(httpContext)),
            BadHttpRequestException { InnerException: JsonException json } => Unreadable(json, Language(httpContext)),
            JsonInputException input => Refused(input, Language(httpContext)),
            System.Text.RegularExpressions.RegexMatchTimeoutException => new ProblemDetails
            {
                Status = 422,
                Title = "The text could not be checked for personal data.",
                Detail = "Nothing was stored. Shorten the text or split it into several reports, then send it again.",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = texts.GetIn(Language(httpContext), "validation.badRequest.title"),
                Detail = texts.GetIn(Language(httpContext), "validation.badRequest.detail", bad.Message),
            },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = 500,
                Title = "Something went wrong on our side.",
                Detail = "Nothing you sent was stored half-way. Try again; if it keeps failing, give the trace id to support.",
            };
        }
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A value the strict JSON rules refuse (docs/adr/0070), worded in the caller's language.</summary>
    private HttpValidationProblemDetails Refused(JsonInputException input, string language) =>
        Invalid(FieldOf(input.Path, input.Field), texts.GetIn(language, input.TextKey, input.Args.ToArray()), language);

    /// <summary>Malformed JSON, a duplicate key, a property the request does not have or a value of the wrong type.</summary>
    private HttpValidationProblemDetails Unreadable(JsonException json, string language) =>
        Invalid(FieldOf(json.Path, null), texts.GetIn(language, "validation.json.unreadable", json.Message), language,
            "validation.json.title");

    private HttpValidationProblemDetails Invalid(string field, string message, string language, string titleKey = "validation.title") =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = 400,
            Title = texts.GetIn(language, titleKey),
            Detail = texts.GetIn(language, "validation.nothingStored"),
        };

    /// <summary>
    /// The caller's language. This handler runs outside the localisation middleware, so the culture that middleware
    /// set for the request is no longer current here; its feature on the request still says what it chose.
    /// </summary>
    private static string Language(HttpContext httpContext)
    {
        var language = httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName;
        return language is not null && TextCatalog.Languages.Contains(language) ? language : TextCatalog.CurrentLanguage;
    }

    /// <summary>
    /// The field as the caller wrote it: the one a rule names (<c>categories[0]</c>), else the reader's path without its
    /// root (<c>$.startsAt</c> → <c>startsAt</c>), else the whole body.
    /// </summary>
    private static string FieldOf(string? path, string? field)
    {
        if (field is not null)
        {
            return field;
        }
        var where = path?.TrimStart('$').TrimStart('.') ?? "";
        return where.Length == 0 ? "body" : where;
    }
}
