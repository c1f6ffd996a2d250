using System.Globalization;
using Rake.BuildingBlocks.Web;

namespace Rake.Modules.Tests.Shared;

/// <summary>
/// Runs a module's request validators as the API does (<see cref="RequestChecks"/>), in one language, and hands back the
/// field errors by the names callers send; empty when the request is accepted. Linked into each module's test project.
/// </summary>
internal static class RequestCheckRun
{
    public static async Task<IReadOnlyDictionary<string, string[]>> ErrorsInAsync(this RequestChecks checks, object request,
        string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            await checks.ThrowIfInvalidAsync(request, CancellationToken.None);
            return new Dictionary<string, string[]>();
        }
        catch (ValidationException refused)
        {
            Assert.Equal(400, refused.Status);
            return refused.Errors;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
