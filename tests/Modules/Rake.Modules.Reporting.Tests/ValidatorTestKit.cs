using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;

namespace Rake.Modules.Reporting.Tests;

/// <summary>The module's validators as the API runs them: registered from its assembly, run by <see cref="RequestChecks"/>.</summary>
internal static class ValidatorTestKit
{
    public static readonly TextCatalog Texts = new([typeof(TextCatalog).Assembly, typeof(ReportingModule).Assembly]);

    private static readonly ServiceProvider Services = Build();

    private static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Texts);
        services.AddScoped<RequestChecks>();
        services.AddRequestValidators(typeof(ReportingModule).Assembly);
        return services.BuildServiceProvider();
    }

    /// <summary>The field errors of <paramref name="request"/> in <paramref name="language"/>; empty when it is accepted.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(object request, string language = "fi")
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            using var scope = Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RequestChecks>().ThrowIfInvalidAsync(request, CancellationToken.None);
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

    public static string Text(string language, string key, params object[] args) => Texts.GetIn(language, key, args);
}
