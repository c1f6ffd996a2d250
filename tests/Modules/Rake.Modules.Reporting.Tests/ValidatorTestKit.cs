using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Tests.Shared;

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
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RequestChecks>().ErrorsInAsync(request, language);
    }

    public static string Text(string language, string key, params object[] args) => Texts.GetIn(language, key, args);
}
