using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Api;

/// <summary>Turns every failure into an RFC 9457 ProblemDetails answer that says what is wrong and how to fix it.</summary>
internal sealed class RakeExceptionHandler(IProblemDetailsService problemDetails, ILogger<RakeExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = v.Status, Title = v.Title, Detail = v.Message, Type = v.ProblemType,
            },
            RakeProblemException p => new ProblemDetails { Status = p.Status, Title = p.Title, Detail = p.Message },
            BadHttpRequestException { InnerException: JsonException json } => new ProblemDetails
            {
                Status = 400, Title = "The request body is not valid JSON.",
                Detail = $"{json.Message} Send a JSON object as described in /openapi/v1.json.",
            },
            System.Text.RegularExpressions.RegexMatchTimeoutException => new ProblemDetails
            {
                Status = 422, Title = "The text could not be checked for personal data.",
                Detail = "Nothing was stored. Shorten the text or split it into several reports, then send it again.",
            },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = 500, Title = "Something went wrong on our side.",
                Detail = "Nothing you sent was stored half-way. Try again; if it keeps failing, give the trace id to support.",
            };
        }
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
