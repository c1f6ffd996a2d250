using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Communications.Persistence;
using Rake.Modules.Tests.Shared;

namespace Rake.Modules.Communications.Tests;

/// <summary>
/// The module's validators as the Host registers them, with the text catalog and a region-scoped DbContext on an
/// in-memory SQLite database, so a rule that asks the database runs for real.
/// </summary>
internal sealed class TestServices : IAsyncDisposable
{
    private readonly SqliteConnection connection = new("DataSource=:memory:");
    private readonly ServiceProvider root;

    public const string Region = "kainuu";

    public TestServices()
    {
        connection.Open();
        var services = new ServiceCollection();
        services.AddSingleton(Texts);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<RequestContext>();
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<RequestContext>());
        services.AddDbContext<CommunicationsDbContext>(o => o.UseSqlite(connection));
        services.AddScoped<RequestChecks>();
        services.AddRequestValidators(typeof(CommunicationsModule).Assembly);
        root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Scope = root.CreateAsyncScope();
        Scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(Region), "tests");
        Db.Database.EnsureCreated();
    }

    public static TextCatalog Texts { get; } = new([typeof(TextCatalog).Assembly, typeof(CommunicationsModule).Assembly]);

    public AsyncServiceScope Scope { get; }

    public CommunicationsDbContext Db => Scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>();

    /// <summary>The field errors the API would answer with, read in <paramref name="language"/>; empty when the request passes.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(object request, string language = "fi", string? region = null)
    {
        await using var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(region ?? Region), "tests");
        return await scope.ServiceProvider.GetRequiredService<RequestChecks>().ErrorsInAsync(request, language);
    }

    public static string Text(string language, string key, params object[] args) => Texts.GetIn(language, key, args);

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync();
        await root.DisposeAsync();
        await connection.DisposeAsync();
    }
}
